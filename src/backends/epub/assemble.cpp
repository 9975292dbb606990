// Articles -> Book, as a pipeline: read them (in parallel), give them their language and
// images (in order, so names and warnings come out as one thread would make them), write and
// compress their XHTML (in parallel), set the result aside in the book's spool (in order) and
// drop the article. The threads run ahead of the in-order steps by a window of articles, with
// no barrier between steps; memory holds that window, whatever the book's length. Nothing
// here reads the clock or depends on the locale or the number of threads.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <deque>
#include <future>
#include <mutex>
#include <utility>

#include "backends/epub/epub_exporter.hpp"
#include "backends/epub/text.hpp"
#include "backends/epub/zip_archive.hpp"
#include "threads/for_each_parallel.hpp"
#include "threads/task_pool.hpp"

namespace galley::backends::epub {
namespace {

// Frees a string's buffer. (`s = std::string()` does not: libstdc++ copies a short string into
// the buffer it has, which then stays allocated.)
void release(std::string& bytes) { std::string().swap(bytes); }

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// One article on its way through a batch.
struct Slot {
  std::size_t index = 0;  ///< in the stream
  Diagnostics diagnostics;
  std::optional<model::Document> article;
  std::vector<std::string> pictures;  ///< where its pictures lie (ImageStore::locate)
  CheckedImages images;   ///< its pictures new to the book, read and checked in parallel
  ArticleOptions options;
  bool ready = false;     ///< options complete: it can be written
  ArticleXhtml xhtml;
  Deflated compressed;
  std::string digest;
  std::optional<std::size_t> chapter;  ///< its place among the book's chapters, once given
};

class Assembler {
 public:
  Assembler(const model::Collection& collection, bool is_collection, const style::StyleSheet& style,
            Diagnostics& diagnostics)
      : collection_(collection), diagnostics_(diagnostics) {
    book_.collection = is_collection;
    book_.css = stylesheet(style);
    book_.editor = collection.editor;
    if (!collection.editor.empty()) book_.meta.creators.push_back({collection.editor, "edt"});
    if (!collection.lang.empty()) {
      if (auto tag = language_tag(collection.lang)) {
        lang_ = *tag;
      } else {
        diagnostics.warn("", 0,
                         fmt::format("the book's language '{}' is not a BCP 47 tag; taking the articles' "
                                     "language instead",
                                     collection.lang));
      }
    }
    if (collection.cover) cover_ = images_.add_cover(*collection.cover, diagnostics);
  }

  Book run(const ArticleStream& stream, unsigned threads) {
    width_ = std::max(3, static_cast<int>(std::to_string(stream.size()).size()));
    pipeline(stream, threads);
    // Articles that waited for the book's language: it is known now, or English.
    if (!lang_) lang_ = "en";
    std::vector<Slot> waiting = std::move(waiting_);
    for (auto& slot : waiting) finish_options(slot);
    for_each_parallel(waiting.size(), threads, [&](std::size_t k) { write_xhtml(waiting[k]); });
    for (auto& slot : waiting) set_aside(slot, stream);
    if (book_.chapters.empty()) throw Error(ErrorKind::usage, "", 0, "a book needs at least one article");
    return finish();
  }

 private:
  enum class Stage { queued, read, written };
  // An article in the pipeline; its stage is set by the thread that took it further, last.
  struct InFlight {
    Slot slot;
    std::atomic<Stage> stage{Stage::queued};
    std::exception_ptr error;  ///< its failure, rethrown when its turn comes
  };

  // Every article through the pipeline but those waiting for the book's language. The pool's
  // threads end with it.
  void pipeline(const ArticleStream& stream, unsigned threads) {
    // Articles on their way: enough to keep every thread busy while the in-order steps wait
    // for a long one, few enough that their texts and XHTML are a few megabytes at most.
    const std::size_t window = 16 * threads;
    const std::size_t total = stream.size();
    std::deque<InFlight> flight;  // the articles from `done` up to `started`
    TaskPool pool(threads);       // after `flight`: its threads stop before the articles go
    std::size_t started = 0, prepared = 0, done = 0;
    while (done < total) {
      const std::uint64_t seen = pool.finished();
      bool moved = false;
      while (started < total && started - done < window) {
        InFlight& item = flight.emplace_back();
        item.slot.index = started++;
        pool.submit([this, &item, &stream] {
          // After a failure nothing more is read, as when one thread stops at it.
          if (!failed_) attempt(item, [&] { read(item.slot, stream); });
          item.stage.store(Stage::read, std::memory_order_release);
        });
        moved = true;
      }
      while (prepared < started && flight[prepared - done].stage.load(std::memory_order_acquire) >= Stage::read) {
        InFlight& item = flight[prepared++ - done];
        if (item.error) std::rethrow_exception(item.error);
        prepare(item.slot);
        if (item.slot.ready) {
          pool.submit([this, &item] {
            attempt(item, [&] { write_xhtml(item.slot); });
            item.stage.store(Stage::written, std::memory_order_release);
          });
        } else {
          item.stage.store(Stage::written, std::memory_order_relaxed);  // nothing to write yet
        }
        moved = true;
      }
      while (done < prepared && flight.front().stage.load(std::memory_order_acquire) >= Stage::written) {
        InFlight& item = flight.front();
        if (item.error) std::rethrow_exception(item.error);
        set_aside(item.slot, stream);
        flight.pop_front();
        ++done;
        moved = true;
      }
      if (!moved) pool.wait_past(seen);
    }
  }

  template <typename Step>
  void attempt(InFlight& item, const Step& step) noexcept {
    try {
      step();
    } catch (...) {
      item.error = std::current_exception();
      failed_ = true;
    }
  }

  // On any thread: the article, and the pictures no article has named so far, each read and
  // checked (decoding them to check them is the dearest part of adding them) by the first
  // article to name it. The store is not touched: prepare() takes the results in order.
  void read(Slot& slot, const ArticleStream& stream) {
    slot.article = stream.read(slot.index, slot.diagnostics);
    if (!slot.article) return;
    for (const auto& ref : model::pictures(*slot.article)) {
      const auto path = ImageStore::locate(*slot.article, ref.source);
      if (!path) continue;
      std::string key = path->string();
      slot.pictures.push_back(key);
      std::promise<CheckedImage> promise;
      {
        std::lock_guard lock(checks_mutex_);
        if (!checks_.emplace(std::move(key), promise.get_future().share()).second) continue;
      }
      try {
        promise.set_value(ImageStore::check(*path, ref.source));
      } catch (...) {
        promise.set_exception(std::current_exception());
        throw;
      }
    }
  }

  // The check of a picture at `path` that no article before has taken, waiting for it if
  // a later article's thread is still at it; nullopt when one before took it (its path
  // stays, with no check, so that no thread checks it again).
  std::optional<CheckedImage> take_check(const std::string& path) {
    std::shared_future<CheckedImage> check;
    {
      std::lock_guard lock(checks_mutex_);
      auto found = checks_.find(path);
      if (found == checks_.end() || !found->second.valid()) return std::nullopt;
      check = std::exchange(found->second, {});
    }
    return check.get();
  }

  // In order: metadata, the book's language, the article's images.
  void prepare(Slot& slot) {
    if (!slot.article) return;
    const model::Document& article = *slot.article;
    const model::Meta& meta = article.meta;
    for (const auto& author : meta.authors) add_unique(authors_, author);
    if (meta.source) add_unique(book_.meta.sources, *meta.source);
    for (const auto& tag : meta.tags) add_unique(book_.meta.subjects, tag);
    if (meta.date && meta.date->valid() && (!newest_ || *meta.date > *newest_)) {
      newest_ = meta.date;
      newest_text_ = meta.date_text;
    }
    if (articles_++ == 0) book_.meta.description = meta.summary;
    slot.options.stylesheet_href = paths::stylesheet;
    for (const auto& path : slot.pictures) {
      if (images_.has(path) || slot.images.count(path)) continue;
      // A picture refused before is checked again by add_article_image, warning again.
      if (auto check = take_check(path)) slot.images.emplace(path, std::move(*check));
    }
    for (const auto& ref : model::pictures(article)) {
      if (!slot.options.images.count(ref.source)) {
        auto href = images_.add_article_image(article, ref, slot.diagnostics, &slot.images);
        if (!href) continue;  // refused: the article shows its alt text instead
        slot.options.images.emplace(ref.source, *href);
      }
      if (ref.alt.find_first_not_of(" \t\n") == std::string::npos) described_ = false;
    }
    slot.images.clear();
    slot.pictures.clear();
    if (!lang_) {
      // The book takes the first article's language that is a tag; articles before it wait.
      if (auto tag = language_tag(meta.lang)) {
        lang_ = *tag;
      } else {
        return;
      }
    }
    finish_options(slot);
  }

  void finish_options(Slot& slot) {
    const model::Document& article = *slot.article;
    if (auto tag = language_tag(article.meta.lang)) {
      slot.options.lang = *tag;
    } else {
      if (!article.meta.lang.empty()) {
        slot.diagnostics.warn(article.origin, 0,
                              fmt::format("language '{}' is not a BCP 47 tag; using '{}'", article.meta.lang, *lang_));
      }
      slot.options.lang = *lang_;
    }
    slot.ready = true;
  }

  // On any thread: the XHTML written and compressed, the article dropped.
  static void write_xhtml(Slot& slot) {
    if (!slot.ready) return;
    slot.xhtml = write_article(*slot.article, slot.options);
    slot.article.reset();
    slot.compressed = deflate(slot.xhtml.xhtml);
    slot.digest = ContentUuid::digest(slot.xhtml.xhtml);
    release(slot.xhtml.xhtml);
  }

  // In order: the article's warnings, its chapter set aside in the spool, or its place kept
  // among the chapters while it waits for the book's language.
  void set_aside(Slot& slot, const ArticleStream& stream) {
    for (const auto& item : slot.diagnostics.items()) diagnostics_.report(item);
    slot.diagnostics = {};
    if (!slot.article && !slot.ready) {  // the stream could not read it
      stream.finished(slot.index);
      return;
    }
    if (!slot.chapter) {
      slot.chapter = book_.chapters.size();
      book_.chapters.emplace_back();
    }
    if (!slot.ready) {
      waiting_.push_back(std::move(slot));
      return;
    }
    Chapter& chapter = book_.chapters[*slot.chapter];
    chapter.id = fmt::format("article-{:0{}}", *slot.chapter + 1, width_);
    chapter.href = chapter.id + ".xhtml";
    chapter.title = std::move(slot.xhtml.title);
    chapter.headings = std::move(slot.xhtml.headings);
    chapter.xhtml = spool_entry(*book_.spool, slot.compressed);
    chapter.digest = std::move(slot.digest);
    slot.compressed = {};
    stream.finished(slot.index);
    spool_images();
  }

  // Image bytes go to the spool as soon as they are read: only their names stay.
  void spool_images() {
    for (; spooled_images_ < images_.files().size(); ++spooled_images_) {
      ImageFile& image = images_.files()[spooled_images_];
      if (image.digest.empty()) image.digest = ContentUuid::digest(image.bytes);
      const bool compressed_already = image.media_type == "image/png" || image.media_type == "image/jpeg" ||
                                      image.media_type == "image/gif" || image.media_type == "image/webp";
      image.content =
          compressed_already ? spool_stored(*book_.spool, image.bytes) : spool_entry(*book_.spool, deflate(image.bytes));
      release(image.bytes);
    }
  }

  Book finish() {
    BookMeta& meta = book_.meta;
    meta.lang = *lang_;
    for (const auto& author : authors_) {
      if (author != collection_.editor) meta.creators.push_back({author, "aut"});
    }
    if (newest_) {
      meta.date = newest_->iso();
      // A date as written belongs to its article's language; a collection shows the ISO form.
      meta.date_text = articles_ == 1 && !newest_text_.empty() ? newest_text_ : *meta.date;
    }
    if (articles_ != 1) meta.description.clear();
    book_.modified = modified_time(std::getenv("SOURCE_DATE_EPOCH"), newest_, diagnostics_);
    meta.modified = iso_timestamp(book_.modified);
    meta.title = !collection_.title.empty() ? collection_.title : book_.chapters.front().title;
    if (!cover_) {
      const std::string people =
          !collection_.editor.empty() ? collection_.editor : join_names(authors_, labels_for(meta.lang));
      cover_ = images_.add_generated_cover(cover_svg(meta.title, people, meta.date_text, meta.lang), "image/svg+xml");
    }
    spool_images();
    book_.cover_image_href = *cover_;
    book_.images = images_.take_files();
    meta.has_images = !book_.images.empty();
    meta.all_images_described = described_;
    meta.identifier = identifier();
    return std::move(book_);
  }

  std::string identifier() const {
    ContentUuid uuid;
    uuid.add(book_.meta.title);
    uuid.add(book_.meta.lang);
    for (const auto& creator : book_.meta.creators) uuid.add(creator.role + ":" + creator.name);
    for (const auto& chapter : book_.chapters) uuid.add_digest(chapter.digest);
    uuid.add(book_.css);
    for (const auto& image : book_.images) {
      uuid.add(image.href);
      uuid.add_digest(image.digest);
    }
    return uuid.urn();
  }

  const model::Collection& collection_;
  Diagnostics& diagnostics_;
  Book book_;
  ImageStore images_;
  std::optional<std::string> cover_;
  std::optional<std::string> lang_;  ///< the book's, once known
  std::vector<std::string> authors_;
  std::optional<model::Date> newest_;
  std::string newest_text_;
  std::size_t articles_ = 0;
  bool described_ = true;
  int width_ = 3;
  std::vector<Slot> waiting_;  ///< articles read before the book had a language
  std::size_t spooled_images_ = 0;  ///< images_.files() before this are in the spool
  std::atomic<bool> failed_{false};  ///< an article failed: read no more
  std::mutex checks_mutex_;  ///< for checks_, which the reading threads share
  /// Every picture path an article's thread has checked, with the check until one takes it.
  std::map<std::string, std::shared_future<CheckedImage>> checks_;
};

// Articles already in memory, as a stream.
class Borrowed final : public ArticleStream {
 public:
  explicit Borrowed(const std::vector<const model::Document*>& articles) : articles_(articles) {}
  std::size_t size() const override { return articles_.size(); }
  std::optional<model::Document> read(std::size_t index, Diagnostics&) const override { return *articles_[index]; }

 private:
  const std::vector<const model::Document*>& articles_;
};

}  // namespace

Book assemble_book(const model::Collection& collection, const ArticleStream& articles, bool is_collection,
                   Diagnostics& diagnostics, const style::StyleSheet& style, unsigned threads) {
  if (articles.size() == 0) throw Error(ErrorKind::usage, "", 0, "a book needs at least one article");
  threads = thread_count(threads);
  return Assembler(collection, is_collection, style, diagnostics).run(articles, threads);
}

Book assemble_book(const model::Collection& collection, const std::vector<const model::Document*>& articles,
                   bool is_collection, Diagnostics& diagnostics, const style::StyleSheet& style) {
  const Borrowed stream(articles);
  return assemble_book(collection, stream, is_collection, diagnostics, style, 1);
}

}  // namespace galley::backends::epub
