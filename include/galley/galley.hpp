// galley in two calls. Include this one header:
//
//   #include <galley/galley.hpp>
//
//   galley::Document article = galley::read_markdown(markdown);
//   std::string pdf = galley::render(article, "pdf");
//
// Both throw galley::Error (a std::exception) with a diagnostic naming the file and line.
// Everything below the facade (the Registry of exporters, Job, Diagnostics, the model and
// style sheets) is public too, for programs that need more control.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/export.hpp"
#include "galley/job.hpp"
#include "galley/model/collection.hpp"
#include "galley/model/document.hpp"
#include "galley/read.hpp"
#include "galley/style.hpp"

namespace galley {

/// The article model: metadata, lead figure, body blocks, notes.
using Document = model::Document;

/// How `render` writes.
struct RenderOptions {
  /// A built-in style name (`article`, `book-a5`, ...) or a .toml path; empty: `article`.
  std::string style;
  /// The exporters to choose from; nullptr: every exporter galley ships.
  const Registry* registry = nullptr;
  /// Where warnings go (a missing image, say); nullptr: they are dropped.
  Diagnostics* diagnostics = nullptr;
  /// Indent text formats (JSON).
  bool pretty = true;
};

/// Reads one article from Markdown (front matter and news conventions included). Throws
/// galley::Error when the text cannot be read (over the size limit, say); warnings are
/// dropped (use the overload in read.hpp to see them). `options.file_name` names the
/// article in messages and anchors its relative image paths.
Document read_markdown(std::string_view markdown, const ReadOptions& options = {});

/// The bytes of `document` in `format` ("pdf", "epub", "json" or any registered name).
/// Throws galley::Error for an unknown format or a failed export.
std::string render(const Document& document, std::string_view format, const RenderOptions& options = {});

/// The bytes of several articles bound as one output (one PDF, one EPUB book).
std::string render(const model::Collection& collection, const std::vector<Document>& articles,
                   std::string_view format, const RenderOptions& options = {});

}  // namespace galley
