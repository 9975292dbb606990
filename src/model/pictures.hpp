// The pictures an article names, for every part that must find, check or pack them (the EPUB
// packs them, the PDF draws them, `galley check` preflights them).
#pragma once

#include <string>
#include <vector>

#include "galley/model/document.hpp"

namespace galley::model {

/// A picture an article names.
struct PictureRef {
  std::string source;  ///< as written
  std::string alt;     ///< its alternative text (a figure's caption when it has none), may be empty
  int line = 0;        ///< where the article names it (0: unknown), for messages
};

/// Every picture an article names: lead image, figures, inline images (notes included), in
/// order, repeats kept.
std::vector<PictureRef> pictures(const Document& document);

}  // namespace galley::model
