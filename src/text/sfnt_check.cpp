// Checking an sfnt the way libharu 2.3.0 reads it (hpdf_fontdef_tt.c: LoadFontData and the
// Parse* functions it calls, then RecreateGLYF when it embeds): every number it trusts is
// bounded here first. Reads are bounds-checked against the bytes; nothing is allocated.
#include "text/sfnt_check.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <map>

#include "galley/diagnostics.hpp"

namespace galley::text {
namespace {

struct TableRecord {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

// Big-endian reads that report whether they were inside the data.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool has(std::uint64_t at, std::uint64_t size) const { return at <= data_.size() && size <= data_.size() - at; }
  std::uint32_t u8(std::uint64_t at) const { return has(at, 1) ? byte(at) : 0; }
  std::uint32_t u16(std::uint64_t at) const {
    if (!has(at, 2)) return 0;
    return static_cast<std::uint32_t>(byte(at) << 8 | byte(at + 1));
  }
  std::uint32_t u32(std::uint64_t at) const { return has(at, 4) ? u16(at) << 16 | u16(at + 2) : 0; }

 private:
  std::uint32_t byte(std::uint64_t at) const { return static_cast<unsigned char>(data_[static_cast<std::size_t>(at)]); }
  std::string_view data_;
};

// The first record of each tag, as libharu's FindTable finds it.
std::optional<std::string> directory(const Reader& font, std::map<std::string, TableRecord>& tables) {
  if (!font.has(0, 12)) return "it is too short to hold a table directory";
  const std::uint32_t version = font.u32(0);
  if (version != 0x00010000 && version != 0x74727565) return "it is not a TrueType font (no TrueType outlines)";
  const std::uint32_t count = font.u16(4);
  if (!font.has(12, 16ull * count)) return "its table directory runs past the end of the file";
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint64_t record = 12 + 16ull * i;
    std::string tag;
    for (int k = 0; k < 4; ++k) tag += static_cast<char>(font.u8(record + k));
    const TableRecord table{font.u32(record + 8), font.u32(record + 12)};
    if (!font.has(table.offset, table.length)) return fmt::format("its '{}' table lies outside the file", tag);
    tables.emplace(tag, table);
  }
  return std::nullopt;
}

// The (3,1) format 4 character map libharu picks (the first such record), checked so that
// every lookup it makes stays inside the subtable's arrays.
std::optional<std::string> check_cmap(const Reader& font, const TableRecord& cmap) {
  if (cmap.length < 4 || font.u16(cmap.offset) != 0) return "its character map has an unknown version";
  const std::uint32_t records = font.u16(cmap.offset + 2);
  if (4 + 8ull * records > cmap.length) return "its character map directory runs past the table";
  std::uint64_t subtable = 0;
  for (std::uint32_t i = 0; i < records && subtable == 0; ++i) {
    const std::uint64_t record = cmap.offset + 4 + 8ull * i;
    const std::uint64_t offset = font.u32(record + 4);
    if (offset + 2 > cmap.length) return "a character map subtable lies outside the table";
    if (font.u16(record) == 3 && font.u16(record + 2) == 1 && font.u16(cmap.offset + offset) == 4) {
      subtable = cmap.offset + offset;
    }
  }
  if (subtable == 0) return "it has no Unicode BMP character map (platform 3, encoding 1, format 4)";
  const std::uint64_t length = font.u16(subtable + 2);
  const std::uint64_t seg_x2 = font.u16(subtable + 6);
  const std::uint64_t arrays = 16 + 4 * seg_x2;  // header, four arrays and the pad
  if (seg_x2 == 0 || seg_x2 % 2 != 0) return "its character map has no segments";
  if (length < arrays || subtable + length > cmap.offset + cmap.length) {
    return "its character map subtable is shorter than its segments";
  }
  const std::uint64_t segments = seg_x2 / 2;
  const std::uint64_t glyph_ids = (length - arrays) / 2;
  const std::uint64_t ends = subtable + 14;
  const std::uint64_t starts = ends + seg_x2 + 2;
  const std::uint64_t range_offsets = starts + 2 * seg_x2;
  // libharu stops at the first segment ending at or after a character and reads one past
  // the last when none does: the map must end with U+FFFF, as the OpenType spec requires.
  if (font.u16(ends + seg_x2 - 2) != 0xFFFF) return "its character map does not end at U+FFFF";
  for (std::uint64_t i = 0; i < segments; ++i) {
    const std::uint64_t end = font.u16(ends + 2 * i);
    const std::uint64_t start = font.u16(starts + 2 * i);
    const std::uint64_t range_offset = font.u16(range_offsets + 2 * i);
    if (start > end) return "its character map has a segment that ends before it starts";
    // libharu indexes glyphIdArray with range_offset / 2 + (c - start) - (segments - i) and
    // checks the index with `>`, not `>=`: the last character of the segment must stay below.
    if (range_offset != 0 && range_offset / 2 + (end - start) >= glyph_ids + (segments - i)) {
      return "its character map points past its glyph index array";
    }
  }
  return std::nullopt;
}

std::optional<std::string> check(std::string_view sfnt) {
  const Reader font(sfnt);
  std::map<std::string, TableRecord> tables;
  if (auto problem = directory(font, tables)) return problem;
  // The tables libharu reads, with the bytes it reads from each.
  for (const auto& [tag, least] : std::map<std::string, std::uint64_t>{
           {"head", 54}, {"maxp", 6}, {"hhea", 36}, {"hmtx", 0}, {"loca", 0}, {"glyf", 0},
           {"cmap", 4}, {"name", 6}, {"OS/2", 78}}) {
    const auto it = tables.find(tag);
    if (it == tables.end()) return fmt::format("it has no '{}' table", tag);
    if (it->second.length < least) return fmt::format("its '{}' table is too short", tag);
  }
  const TableRecord head = tables["head"];
  const std::uint32_t units_per_em = font.u16(head.offset + 18);
  // The OpenType range; libharu divides every metric by it.
  if (units_per_em < 16 || units_per_em > 16384) return fmt::format("its unitsPerEm is {}", units_per_em);
  const std::uint32_t loca_format = font.u16(head.offset + 50);
  if (loca_format > 1) return "its indexToLocFormat is neither 0 nor 1";

  const std::uint64_t glyphs = font.u16(tables["maxp"].offset + 4);
  if (glyphs == 0) return "it has no glyphs";
  const std::uint64_t metrics = font.u16(tables["hhea"].offset + 34);
  if (metrics == 0 || metrics > glyphs) {
    return fmt::format("its numberOfHMetrics ({}) is not between 1 and its {} glyphs", metrics, glyphs);
  }
  if (tables["hmtx"].length < 4 * metrics + 2 * (glyphs - metrics)) return "its 'hmtx' table is too short";

  const TableRecord loca = tables["loca"];
  const std::uint64_t entry = loca_format == 0 ? 2 : 4;
  if (loca.length < entry * (glyphs + 1)) return "its 'loca' table is too short for its glyphs";
  const std::uint64_t glyf_length = tables["glyf"].length;
  std::uint64_t previous = 0;
  for (std::uint64_t i = 0; i <= glyphs; ++i) {
    const std::uint64_t at = loca.offset + entry * i;
    const std::uint64_t offset = loca_format == 0 ? 2ull * font.u16(at) : font.u32(at);
    if (offset < previous || offset > glyf_length) return "its 'loca' table points outside 'glyf'";
    previous = offset;
  }

  if (auto problem = check_cmap(font, tables["cmap"])) return problem;
  const TableRecord name = tables["name"];
  if (6 + 12ull * font.u16(name.offset + 2) > name.length) return "its 'name' table runs past its end";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> libharu_problem(std::string_view sfnt) { return check(sfnt); }

void check_for_libharu(std::string_view sfnt, const std::string& file) {
  if (auto problem = check(sfnt)) throw Error(ErrorKind::data, file, 0, fmt::format("cannot use this font: {}", *problem));
}

}  // namespace galley::text
