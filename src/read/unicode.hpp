// Small UTF-8 and Unicode helpers the reader needs (decoding, letter case, scripts), over
// utf8proc so that Cyrillic, Greek and accented Latin behave like ASCII does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace galley::read {

/// Decodes the code point starting at `text[pos]` and advances `pos` past it. Returns -1
/// (advancing one byte) for an invalid or truncated sequence.
std::int32_t next_code_point(std::string_view text, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, std::int32_t cp);

bool is_lowercase_letter(std::int32_t cp);
bool is_uppercase_letter(std::int32_t cp);
bool is_letter(std::int32_t cp);
bool is_cyrillic(std::int32_t cp);

/// Lower-cases with Unicode case mapping ("МАРТА" -> "марта").
std::string to_lower(std::string_view text);
/// The same mapping for one code point ('М' -> 'м').
std::int32_t to_lower(std::int32_t cp);

/// The first code point of `text`, or -1 when it is empty.
std::int32_t first_code_point(std::string_view text);
/// The last code point of `text`, or -1 when it is empty.
std::int32_t last_code_point(std::string_view text);

/// Strips ASCII and Unicode white space (including no-break spaces) from both ends.
std::string_view trim(std::string_view text);

}  // namespace galley::read
