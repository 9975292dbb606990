// hb-subset behind one function, and the sfnt table directory rewritten to add tables.
#include "text/font_subset.hpp"

#include <hb-subset.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>

#include "galley/diagnostics.hpp"
#include "text/sfnt_check.hpp"

namespace galley::text {
namespace {

struct BlobDeleter {
  void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct FaceDeleter {
  void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct InputDeleter {
  void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};
using Blob = std::unique_ptr<hb_blob_t, BlobDeleter>;
using Face = std::unique_ptr<hb_face_t, FaceDeleter>;

std::uint32_t read32(std::string_view data, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(data[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + 3]));
}

std::uint16_t read16(std::string_view data, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(data[at]) << 8 | static_cast<unsigned char>(data[at + 1]));
}

void write32(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(value >> shift & 0xFF);
}

void write16(std::string& out, std::uint16_t value) {
  out += static_cast<char>(value >> 8);
  out += static_cast<char>(value & 0xFF);
}

// The OpenType table checksum: the sum of the data as big-endian 32-bit words, zero-padded.
std::uint32_t checksum(std::string_view data) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < data.size(); i += 4) {
    std::array<char, 4> word{};
    for (std::size_t k = 0; k < 4 && i + k < data.size(); ++k) word[k] = data[i + k];
    sum += read32(std::string_view(word.data(), 4), 0);
  }
  return sum;
}

struct Table {
  std::uint32_t tag = 0;
  std::string data;
};

constexpr std::uint32_t tag_of(const char (&name)[5]) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(name[0])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(name[1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(name[2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(name[3]));
}

std::string read_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in && !in.eof()) throw Error(ErrorKind::data, file, 0, "cannot read this font");
  return bytes;
}

// The subset, or an empty string when HarfBuzz cannot make one.
std::string subset(const std::string& file, const std::vector<char32_t>& characters) {
  Blob blob(hb_blob_create_from_file_or_fail(file.c_str()));
  if (!blob) return {};
  Face face(hb_face_create(blob.get(), 0));
  std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
  if (!face || !input) return {};
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : characters) hb_set_add(unicodes, static_cast<hb_codepoint_t>(c));
  // PDF viewers rasterise without TrueType hinting, and text is extracted through the
  // ToUnicode map, not glyph names.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  // libharu draws one glyph per character through cmap and embeds none of the layout
  // tables, so the glyphs they would reach (ligatures, alternates) are left out, and so is
  // working them out: that closure was half of HarfBuzz's time on each subset.
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F')}) {
    hb_set_add(dropped, tag);
  }
  Face result(hb_subset_or_fail(face.get(), input.get()));
  if (!result) return {};
  Blob bytes(hb_face_reference_blob(result.get()));
  unsigned int length = 0;
  const char* data = hb_blob_get_data(bytes.get(), &length);
  return data ? std::string(data, length) : std::string();
}

}  // namespace

std::string with_required_tables(std::string_view sfnt) {
  if (sfnt.size() < 12 || read32(sfnt, 0) != 0x00010000) return std::string(sfnt);
  const std::uint16_t count = read16(sfnt, 4);
  if (sfnt.size() < 12 + 16u * count) return std::string(sfnt);
  std::vector<Table> tables;
  for (std::uint16_t i = 0; i < count; ++i) {
    const std::size_t record = 12 + 16u * i;
    const std::uint32_t offset = read32(sfnt, record + 8);
    const std::uint32_t length = read32(sfnt, record + 12);
    if (offset > sfnt.size() || length > sfnt.size() - offset) return std::string(sfnt);
    tables.push_back(Table{read32(sfnt, record), std::string(sfnt.substr(offset, length))});
  }
  // PUSHB[0] 0, POP: an instruction stream that does nothing. Two zero FWORDs for cvt.
  const std::string noop_program("\xB0\x00\x21", 3);
  const std::array<std::pair<std::uint32_t, std::string>, 3> required{
      {{tag_of("cvt "), std::string(4, '\0')}, {tag_of("fpgm"), noop_program}, {tag_of("prep"), noop_program}}};
  bool added = false;
  for (const auto& [tag, data] : required) {
    const bool present =
        std::any_of(tables.begin(), tables.end(), [&, wanted = tag](const Table& t) { return t.tag == wanted; });
    if (!present) {
      tables.push_back(Table{tag, data});
      added = true;
    }
  }
  if (!added) return std::string(sfnt);
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.tag < b.tag; });

  // The table directory, then each table at a four-byte boundary.
  const auto n = static_cast<std::uint16_t>(tables.size());
  std::uint16_t power = 1, log2 = 0;
  while (power * 2 <= n) {
    power = static_cast<std::uint16_t>(power * 2);
    ++log2;
  }
  std::string out;
  write32(out, 0x00010000);
  write16(out, n);
  write16(out, static_cast<std::uint16_t>(power * 16));
  write16(out, log2);
  write16(out, static_cast<std::uint16_t>(n * 16 - power * 16));
  std::size_t offset = 12 + 16u * n;
  std::size_t head_offset = 0;
  for (Table& table : tables) {
    if (table.tag == tag_of("head") && table.data.size() >= 12) {
      table.data.replace(8, 4, std::string(4, '\0'));  // checkSumAdjustment, computed below
      head_offset = offset;
    }
    write32(out, table.tag);
    write32(out, checksum(table.data));
    write32(out, static_cast<std::uint32_t>(offset));
    write32(out, static_cast<std::uint32_t>(table.data.size()));
    offset += (table.data.size() + 3) / 4 * 4;
  }
  for (const Table& table : tables) {
    out += table.data;
    out.append((4 - table.data.size() % 4) % 4, '\0');
  }
  if (head_offset > 0) {
    std::string adjustment;
    write32(adjustment, 0xB1B0AFBAu - checksum(out));
    out.replace(head_offset + 8, 4, adjustment);
  }
  return out;
}

std::string embeddable_font(const std::string& file, const std::vector<char32_t>& characters) {
  if (!characters.empty()) {
    // A subset holding none of a font's mapped characters has no character map at all; the
    // whole font then serves, as when HarfBuzz cannot subset it.
    std::string bytes = subset(file, characters);
    if (!bytes.empty()) {
      std::string embeddable = with_required_tables(bytes);
      if (!libharu_problem(embeddable)) return embeddable;
    }
  }
  // What libharu will parse, checked whatever made it.
  std::string embeddable = with_required_tables(read_file(file));
  check_for_libharu(embeddable, file);
  return embeddable;
}

}  // namespace galley::text
