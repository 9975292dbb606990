// The identity ToUnicode CMap (PDF 32000-1:2008, 9.10.3; Adobe technical note #5411).
#include "backends/pdf/to_unicode.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <string>
#include <utility>

namespace galley::backends::pdf {
namespace {

std::string identity_cmap(const std::vector<char32_t>& characters) {
  std::vector<bool> blocks(256, characters.empty());
  for (char32_t c : characters) {
    if (c <= 0xFFFF) blocks[c >> 8] = true;
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // One range per high byte (a bfrange may only vary the last byte), surrogates left out, at
  // most 100 ranges a block.
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string ranges;
  int count = 0;
  auto flush = [&] {
    if (count == 0) return;
    cmap += std::to_string(count) + " beginbfrange\n" + ranges + "endbfrange\n";
    ranges.clear();
    count = 0;
  };
  for (int high = 0; high < 256; ++high) {
    if (!blocks[static_cast<std::size_t>(high)] || (high >= 0xD8 && high <= 0xDF)) continue;
    const std::string h{hex[high >> 4], hex[high & 0xF]};
    ranges += "<" + h + "00> <" + h + "FF> <" + h + "00>\n";
    if (++count == 100) flush();
  }
  flush();
  cmap +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return cmap;
}

}  // namespace

bool repair_to_unicode(HPDF_Font font, const std::vector<char32_t>& characters) {
  auto* dict = static_cast<HPDF_Dict>(font);
  auto* cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(dict, "ToUnicode", HPDF_OCLASS_DICT));
  if (!cmap || !cmap->stream) return true;
  // The CMap-resource keys of the encoding CMap it was copied from do not belong on a
  // ToUnicode stream.
  const std::pair<const char*, HPDF_UINT16> keys[] = {
      {"CIDSystemInfo", HPDF_OCLASS_DICT}, {"CMapName", HPDF_OCLASS_NAME}, {"Type", HPDF_OCLASS_NAME},
      {"WMode", HPDF_OCLASS_NUMBER}};
  for (const auto& [key, type] : keys) {
    if (HPDF_Dict_GetItem(cmap, key, type) && HPDF_Dict_RemoveElement(cmap, key) != HPDF_OK) return false;
  }
  const std::string content = identity_cmap(characters);
  HPDF_Stream fresh = HPDF_MemStream_New(cmap->mmgr, 4096);
  if (!fresh) return false;
  if (HPDF_Stream_Write(fresh, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                        static_cast<HPDF_UINT>(content.size())) != HPDF_OK) {
    HPDF_Stream_Free(fresh);
    return false;
  }
  HPDF_Stream_Free(cmap->stream);
  cmap->stream = fresh;
  return true;
}

}  // namespace galley::backends::pdf
