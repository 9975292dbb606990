// How many pictures a document names, for the image-count limit of a collection.
#pragma once

#include <cstddef>

#include "galley/model/document.hpp"

namespace galley::model {

/// Every picture reference in `document`: the lead figure's image, figures, and inline images
/// in blocks, tables, asides and notes. The same file named twice counts twice (each
/// reference is located, read and decoded by a backend).
std::size_t count_images(const Document& document);

}  // namespace galley::model
