// Exporters and the registry that names them: how a model becomes bytes in some format.
// The registry is one visible table (src/export/registry.cpp); programs embedding galley
// add their own exporters to a Registry instance at run time.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/collection.hpp"
#include "galley/model/document.hpp"
#include "galley/style.hpp"

namespace galley {

/// Where exported bytes go. Backends write to a sink, never to a path.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual void write(std::string_view bytes) = 0;
};

/// A sink that collects everything in memory.
class StringSink final : public ByteSink {
 public:
  void write(std::string_view bytes) override { bytes_.append(bytes); }
  const std::string& str() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

/// What an exporter consumes. `model` exporters take the article model as read; paged
/// (PDF) and flow (EPUB) exporters take the laid-out and styled forms once those exist.
enum class Target { model, paged, flow };

struct ExportOptions {
  bool pretty = true;  ///< indent text formats (JSON) for people to read
  /// How pages and books look; the default is the built-in `article` style.
  style::StyleSheet style;
  /// Threads an exporter may use for one output (reading, rendering, compressing articles of
  /// a collection); 0 means one per core. The output is the same for any number. Reading a
  /// collection's articles for one PDF takes one more, because only one thread at a time may
  /// parse inlines (cmark-gfm) and one is often waiting for it.
  unsigned threads = 0;
  /// False: what an export allocates for the whole of a collection (its articles, pages and
  /// PDF objects) is not freed, but left to the operating system (Job::free_memory).
  bool free_memory = true;
};

/// The articles of a collection, read when an exporter asks for them, so that a book of
/// thousands of articles need not hold them all in memory at once.
class ArticleStream {
 public:
  virtual ~ArticleStream() = default;
  /// How many articles the collection has.
  virtual std::size_t size() const = 0;
  /// Reads article `index` (0-based). Called at most once per index, from any thread, several
  /// at a time. nullopt when the article could not be read and that was reported to
  /// `diagnostics` as an error: the exporter leaves it out and goes on with the others.
  /// Throws galley::Error when the whole export should stop.
  virtual std::optional<model::Document> read(std::size_t index, Diagnostics& diagnostics) const = 0;
  /// Told once the exporter is done with article `index`: written, or read and kept for the
  /// end by an exporter that needs every article at once (progress); any thread.
  virtual void finished(std::size_t index) const { (void)index; }
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual std::string_view name() const = 0;         ///< "json", "pdf", "epub", ...
  virtual std::string_view description() const = 0;  ///< one line for `galley formats`
  virtual std::string_view extension() const = 0;    ///< default file extension, with dot
  virtual Target target() const = 0;
  /// Writes one document. Throws galley::Error on failure; the sink may then hold a part.
  virtual void write_model(const model::Document& document, const ExportOptions& options,
                           ByteSink& sink, Diagnostics& diagnostics) const = 0;
  /// Writes a collection as one output. The default refuses (ErrorKind::usage).
  virtual void write_collection(const model::Collection& collection,
                                const std::vector<model::Document>& articles,
                                const ExportOptions& options, ByteSink& sink,
                                Diagnostics& diagnostics) const;
  /// Writes a collection whose articles come from `articles`, as one output. The default
  /// reads every article (on `options.threads` threads) and calls write_collection;
  /// exporters that can write article by article override it and keep memory flat. Articles
  /// the stream could not read are left out; none at all is an error (ErrorKind::usage).
  virtual void write_stream(const model::Collection& collection, const ArticleStream& articles,
                            const ExportOptions& options, ByteSink& sink, Diagnostics& diagnostics) const;

 protected:
  /// Called by the default write_stream for each article as soon as it is read, on the
  /// thread that read it (several may run at once), so that an exporter can start early what
  /// the article will need. The default does nothing.
  virtual void article_read(const model::Document& article, const ExportOptions& options) const {
    (void)article;
    (void)options;
  }
};

/// The exporters a program can use, by name.
class Registry {
 public:
  using Factory = std::function<std::unique_ptr<Exporter>()>;

  /// Every exporter galley ships (listed in src/export/registry.cpp).
  static Registry with_builtins();

  /// Adds or replaces the exporter called `name`.
  void add(std::string name, Factory make);
  /// A new exporter, or nullptr if no exporter has that name.
  std::unique_ptr<Exporter> make(std::string_view name) const;
  /// Registered names in the order they were added.
  std::vector<std::string> names() const;

 private:
  std::vector<std::pair<std::string, Factory>> entries_;
};

}  // namespace galley
