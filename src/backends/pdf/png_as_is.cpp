#include "backends/pdf/png_as_is.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <string>

namespace galley::backends::pdf {
namespace {

// libharu writes /Filter only for the filters it applies itself, so the image's stream is
// left unfiltered in its eyes and these keys are written by the dictionary's write hook,
// just before its closing ">>". The numbers come from the image's own keys.
HPDF_STATUS write_png_filter(HPDF_Dict image, HPDF_Stream stream) {
  const auto* width = static_cast<HPDF_Number>(HPDF_Dict_GetItem(image, "Width", HPDF_OCLASS_NUMBER));
  const auto* space = static_cast<HPDF_Name>(HPDF_Dict_GetItem(image, "ColorSpace", HPDF_OCLASS_NAME));
  if (!width || !space) return HPDF_SetError(image->error, HPDF_INVALID_OBJECT, 0);
  const int colours = std::string_view(space->value) == "DeviceGray" ? 1 : 3;
  const std::string keys = "/Filter /FlateDecode\012/DecodeParms << /Predictor 15 /Colors " + std::to_string(colours) +
                           " /BitsPerComponent 8 /Columns " + std::to_string(width->value) + " >>\012";
  return HPDF_Stream_WriteStr(stream, keys.c_str());
}

}  // namespace

bool png_fits_as_is(const image::Verified& verified) {
  return verified.info.kind == image::Kind::png && verified.png_intact && !verified.png_interlaced &&
         !verified.png_transparency && verified.png_bit_depth == 8 &&
         (verified.png_colour_type == 0 || verified.png_colour_type == 2);
}

HPDF_Image load_png_as_is(HPDF_Doc doc, const image::Verified& verified, std::string_view image_data) {
  HPDF_Dict image = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!image) return nullptr;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  image->filter = HPDF_STREAM_FILTER_NONE;
  image->write_fn = write_png_filter;
  const bool gray = verified.png_colour_type == 0;
  if (HPDF_Dict_AddName(image, "Type", "XObject") != HPDF_OK ||
      HPDF_Dict_AddName(image, "Subtype", "Image") != HPDF_OK ||
      HPDF_Dict_AddNumber(image, "Width", static_cast<HPDF_INT32>(verified.info.width)) != HPDF_OK ||
      HPDF_Dict_AddNumber(image, "Height", static_cast<HPDF_INT32>(verified.info.height)) != HPDF_OK ||
      HPDF_Dict_AddName(image, "ColorSpace", gray ? "DeviceGray" : "DeviceRGB") != HPDF_OK ||
      HPDF_Dict_AddNumber(image, "BitsPerComponent", 8) != HPDF_OK ||
      HPDF_Stream_Write(image->stream, reinterpret_cast<const HPDF_BYTE*>(image_data.data()),
                        static_cast<HPDF_UINT>(image_data.size())) != HPDF_OK) {
    return nullptr;
  }
  return image;
}

}  // namespace galley::backends::pdf
