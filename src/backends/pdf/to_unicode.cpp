#include "backends/pdf/to_unicode.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <utility>

namespace galley::backends::pdf {

bool set_to_unicode(HPDF_Doc doc, HPDF_Font font, std::string_view cmap) {
  auto* dict = static_cast<HPDF_Dict>(font);
  auto* stream = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(dict, "ToUnicode", HPDF_OCLASS_DICT));
  if (stream && stream->stream) {
    // The CMap-resource keys of the encoding CMap it was copied from do not belong on a
    // ToUnicode stream.
    const std::pair<const char*, HPDF_UINT16> keys[] = {
        {"CIDSystemInfo", HPDF_OCLASS_DICT}, {"CMapName", HPDF_OCLASS_NAME}, {"Type", HPDF_OCLASS_NAME},
        {"WMode", HPDF_OCLASS_NUMBER}};
    for (const auto& [key, type] : keys) {
      if (HPDF_Dict_GetItem(stream, key, type) && HPDF_Dict_RemoveElement(stream, key) != HPDF_OK) return false;
    }
    HPDF_Stream fresh = HPDF_MemStream_New(stream->mmgr, 4096);
    if (!fresh) return false;
    HPDF_Stream_Free(stream->stream);
    stream->stream = fresh;
  } else {
    stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!stream || HPDF_Dict_Add(dict, "ToUnicode", stream) != HPDF_OK) return false;
  }
  // Compressed like every other stream of the document (HpdfDocument sets HPDF_COMP_ALL).
  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                           static_cast<HPDF_UINT>(cmap.size())) == HPDF_OK;
}

}  // namespace galley::backends::pdf
