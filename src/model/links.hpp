// Which link targets an output may make live: web and mail URLs only, percent-encoded where
// a URL may not hold a character as written.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace galley::model {

/// A link target safe to put in an `href`: http, https and mailto URLs only, with spaces,
/// non-ASCII bytes and characters URLs may not hold percent-encoded. nullopt for any other
/// scheme (javascript:, data:, file:), for relative paths (they would point at files the
/// book does not hold), for fragments, and for targets over `max_link_bytes`.
std::optional<std::string> safe_link(std::string_view target);

/// The longest link target kept as a link; a longer one leaves its text as plain text. 8 KiB
/// is what common web servers accept in a request line, and libharu refuses PDF strings over
/// 64 KiB (a 120 KB autolinked "www.www..." ended the PDF export with an error).
inline constexpr std::size_t max_link_bytes = 8192;

/// True when `source` names a remote resource (it has a URL scheme such as http:).
bool has_url_scheme(std::string_view source);

}  // namespace galley::model
