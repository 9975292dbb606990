#include "backends/pdf/text_encoding.hpp"

#include <fmt/format.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>

#include <algorithm>
#include <cstring>

#include "galley/diagnostics.hpp"
#include "text/unicode.hpp"

namespace galley::backends::pdf {
namespace {

// The k-th character's code: the first 127 characters (in code point order: for Latin text
// nearly all of them) one byte, 0x01..0x7F, as short as UTF-8; the rest two bytes, a lead byte
// 0x80..0xFF and a second byte 0x01..0xFF. No byte is zero: libharu takes NUL-terminated text.
// The k-th character's CID is k + 1 (CID 0 is .notdef).
constexpr std::size_t one_byte_codes = 127;

unsigned code_of(std::size_t k) {
  if (k < one_byte_codes) return static_cast<unsigned>(k + 1);
  const std::size_t j = k - one_byte_codes;
  return static_cast<unsigned>(((0x80 + j / 255) << 8) | (1 + j % 255));
}

// The bytes 0x80..0xFF begin two-byte codes; libharu's CMap parser then reads the next byte
// as their second.
HPDF_BOOL is_lead_byte(HPDF_Encoder, HPDF_BYTE byte) { return byte >= 0x80 ? HPDF_TRUE : HPDF_FALSE; }
HPDF_BOOL is_second_byte(HPDF_Encoder, HPDF_BYTE) { return HPDF_TRUE; }

// libharu calls this when the encoder is first looked up. It has no way to pass our data, so
// it sets up what every such encoder shares; register_encoder adds the characters after it.
// Called from C: it reports through its return value only.
HPDF_STATUS init_encoder(HPDF_Encoder encoder) {
  if (const HPDF_STATUS status = HPDF_CMapEncoder_InitAttr(encoder); status != HPDF_OK) return status;
  auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
  for (const HPDF_CidRange_Rec codes : {HPDF_CidRange_Rec{0x01, 0x7F, 0}, HPDF_CidRange_Rec{0x8001, 0xFFFF, 0}}) {
    if (const HPDF_STATUS status = HPDF_CMapEncoder_AddCodeSpaceRange(encoder, codes); status != HPDF_OK) return status;
  }
  attr->is_lead_byte_fn = is_lead_byte;
  attr->is_trial_byte_fn = is_second_byte;
  std::strcpy(attr->registry, "Adobe");
  std::strcpy(attr->ordering, "Identity");
  attr->suppliment = 0;
  attr->writing_mode = HPDF_WMODE_HORIZONTAL;
  encoder->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
  return HPDF_OK;
}

}  // namespace

TextEncoding::TextEncoding(std::vector<char32_t> characters) : characters_(std::move(characters)) {
  std::erase_if(characters_, [](char32_t c) { return c > 0xFFFF; });
  std::sort(characters_.begin(), characters_.end());
  characters_.erase(std::unique(characters_.begin(), characters_.end()), characters_.end());
  if (characters_.size() > max_characters) {
    throw Error(ErrorKind::data, "", 0,
                fmt::format("the PDF would draw {} different characters, over the limit of {}", characters_.size(),
                            max_characters));
  }
  if (!characters_.empty()) index_.resize(characters_.back() + 1);
  for (std::size_t k = 0; k < characters_.size(); ++k) index_[characters_[k]] = static_cast<std::uint16_t>(k + 1);
  for (char32_t c = 0; c < ascii_literals_.size(); ++c) {
    Literal& literal = ascii_literals_[c];
    literal.size = static_cast<unsigned char>(append_escaped(literal.bytes.data(), code(c)) - literal.bytes.data());
  }
}

std::string TextEncoding::encode(std::string_view utf8) const {
  // At most two bytes for each byte read (a character takes one at least): the room is made
  // once and written through a pointer.
  std::string out(2 * utf8.size(), '\0');
  char* next = out.data();
  for (std::size_t pos = 0; pos < utf8.size();) {
    const unsigned code = this->code(text::next_code_point(utf8, pos));
    if (code > 0xFF) *next++ = static_cast<char>(code >> 8);
    *next++ = static_cast<char>(code & 0xFF);
  }
  out.resize(static_cast<std::size_t>(next - out.data()));
  return out;
}

unsigned TextEncoding::code(char32_t c) const {
  // The sentinel after the last character stands for a space.
  const std::size_t k = c < index_.size() && index_[c] != 0 ? index_[c] - 1 : characters_.size();
  return code_of(k);
}

char* TextEncoding::append_escaped(char* out, unsigned code) {
  const auto put = [&out](unsigned byte) {
    if (byte == '(' || byte == ')' || byte == '\\') {
      *out++ = '\\';
    } else if (byte == '\r') {
      *out++ = '\\';
      byte = 'r';
    }
    *out++ = static_cast<char>(byte);
  };
  if (code > 0xFF) put(code >> 8);
  put(code & 0xFF);
  return out;
}

void TextEncoding::append_literal(std::string& out, std::string_view utf8) const {
  // Encoded and escaped in one pass, through a pointer into room made once: at most two
  // code bytes for each byte read, each at most two bytes escaped, so each byte read leaves
  // room for four. An ASCII character's bytes come from a table. (Encoding into a buffer
  // first and escaping it into the page was a third of writing a page's text.)
  const std::size_t start = out.size();
  out.resize(start + 4 * utf8.size());
  char* next = out.data() + start;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      const Literal& literal = ascii_literals_[byte];
      std::memcpy(next, literal.bytes.data(), literal.bytes.size());  // within the room
      next += literal.size;
      ++pos;
      continue;
    }
    next = append_escaped(next, code(text::next_code_point_beyond_ascii(utf8, pos)));
  }
  out.resize(static_cast<std::size_t>(next - out.data()));
}

HPDF_Encoder TextEncoding::register_encoder(HPDF_Doc doc, const std::string& name) const {
  HPDF_Encoder encoder = HPDF_CMapEncoder_New(doc->mmgr, const_cast<char*>(name.c_str()), init_encoder);
  if (!encoder || HPDF_Doc_RegisterEncoder(doc, encoder) != HPDF_OK) return nullptr;
  encoder = HPDF_GetEncoder(doc, name.c_str());
  if (!encoder) return nullptr;

  // The characters, then a sentinel: libharu's CIDFontType2_New describes CIDs below the
  // highest one only, so the highest must be one no text uses (it stands for a space).
  const std::size_t count = characters_.size() + 1;
  std::vector<HPDF_CidRange_Rec> ranges;  // the one-byte codes, one range a lead byte, the end mark
  for (std::size_t first = 0; first < count; first = first < one_byte_codes ? one_byte_codes : first + 255) {
    const std::size_t last = std::min(count, first < one_byte_codes ? one_byte_codes : first + 255) - 1;
    ranges.push_back({static_cast<HPDF_UINT16>(code_of(first)), static_cast<HPDF_UINT16>(code_of(last)),
                      static_cast<HPDF_UINT16>(first + 1)});
  }
  ranges.push_back({0xFFFF, 0xFFFF, 0});
  if (HPDF_CMapEncoder_AddCMap(encoder, ranges.data()) != HPDF_OK) return nullptr;

  std::vector<HPDF_UnicodeMap_Rec> unicode;  // ends at a unicode of 0xFFFF
  for (std::size_t k = 0; k < count; ++k) {
    const char32_t c = k < characters_.size() ? characters_[k] : U' ';
    unicode.push_back({static_cast<HPDF_UINT16>(code_of(k)), static_cast<HPDF_UINT16>(c)});
  }
  unicode.push_back({0, 0xFFFF});
  HPDF_CMapEncoder_SetUnicodeArray(encoder, unicode.data());
  return encoder;
}

std::string TextEncoding::to_unicode_cmap() const {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "2 begincodespacerange\n<01> <7F>\n<8001> <FFFF>\nendcodespacerange\n";
  // At most 100 entries a block (the CMap specification's limit).
  for (std::size_t first = 0; first < characters_.size(); first += 100) {
    const std::size_t end = std::min(characters_.size(), first + 100);
    cmap += fmt::format("{} beginbfchar\n", end - first);
    for (std::size_t k = first; k < end; ++k) {
      const unsigned code = code_of(k);
      cmap += code > 0xFF ? fmt::format("<{:04X}>", code) : fmt::format("<{:02X}>", code);
      cmap += fmt::format(" <{:04X}>\n", static_cast<unsigned>(characters_[k]));
    }
    cmap += "endbfchar\n";
  }
  cmap +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return cmap;
}

}  // namespace galley::backends::pdf
