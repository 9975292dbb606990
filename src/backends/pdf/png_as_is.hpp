// A PNG embedded in the PDF as it is: its image data (the IDAT chunks) becomes the image
// XObject's stream under FlateDecode with the PNG predictors, which is how PNG and PDF share
// one compression (PDF 32000-1, 7.4.4.4). No pixels are decoded, nothing is compressed again:
// unfiltering and re-deflating a photograph's pixels was a quarter of a collection's PDF.
// libharu 2.3.0 has no call for it; its internal headers do (see text_encoding.cpp).
#pragma once

#include <hpdf.h>

#include <string_view>

#include "image/image.hpp"

namespace galley::backends::pdf {

/// Whether a PNG that image::verify described can go in as it is: found intact, not
/// interlaced, 8 bits of gray or RGB without transparency (anything else needs its pixels:
/// a palette, an alpha channel becomes a soft mask, 16 bits need PDF 1.5).
bool png_fits_as_is(const image::Verified& verified);

/// Adds the image to `doc` and returns it, or nullptr when libharu fails (its error is set).
/// `image_data` is image::png_image_data's answer for a PNG that png_fits_as_is accepted.
HPDF_Image load_png_as_is(HPDF_Doc doc, const image::Verified& verified, std::string_view image_data);

}  // namespace galley::backends::pdf
