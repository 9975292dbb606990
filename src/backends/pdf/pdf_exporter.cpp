// PageTree -> PDF bytes: document information, pages, link annotations, outline. Nothing
// here reads the clock, so the same PageTree gives the same bytes.
#include "backends/pdf/pdf_exporter.hpp"

#include <fmt/format.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cstdlib>
#include <future>
#include <map>
#include <optional>

#include "backends/pdf/draw.hpp"
#include "backends/pdf/hpdf_document.hpp"
#include "backends/pdf/images.hpp"
#include "backends/pdf/page_compression.hpp"
#include "galley/version.hpp"
#include "layout/layout.hpp"
#include "layout/word_memo.hpp"
#include "model/timestamps.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/unicode.hpp"
#include "threads/for_each_parallel.hpp"
#include "threads/reclaimer.hpp"

namespace galley::backends {
namespace pdf {
namespace {

// The document information libharu is given, each value as drawable text.
std::vector<std::pair<HPDF_InfoType, std::string>> info_texts(const layout::DocumentInfo& info) {
  std::vector<std::pair<HPDF_InfoType, std::string>> out;
  const std::pair<HPDF_InfoType, const std::string&> given[] = {
      {HPDF_INFO_TITLE, info.title}, {HPDF_INFO_AUTHOR, info.author}, {HPDF_INFO_SUBJECT, info.subject},
      {HPDF_INFO_KEYWORDS, info.keywords}};
  for (const auto& [type, value] : given) {
    if (!value.empty()) out.emplace_back(type, text::drawable(value));
  }
  out.emplace_back(HPDF_INFO_CREATOR, std::string("galley ") + galley::version);
  return out;
}

void set_info(HpdfDocument& document, const layout::DocumentInfo& info, const char* source_date_epoch,
              Diagnostics& diagnostics) {
  HPDF_Doc doc = document.handle();
  for (const auto& [type, value] : info_texts(info)) {
    document.check(HPDF_SetInfoAttr(doc, type, document.encode(value).c_str()), "set the document information");
  }
  const bool epoch_given = source_date_epoch && *source_date_epoch;
  if (!epoch_given && !info.date) return;  // no date at all rather than the clock's
  const model::UtcTime t = model::utc_time(model::modified_time(source_date_epoch, info.date, diagnostics));
  HPDF_Date date{};
  date.year = t.year;
  date.month = t.month;
  date.day = t.day;
  date.hour = t.hour;
  date.minutes = t.minute;
  date.seconds = t.second;
  date.ind = 'Z';
  document.check(HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date), "set the creation date");
  document.check(HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date), "set the modification date");
}

HPDF_Destination destination(HpdfDocument& document, HPDF_Page page, const layout::Page& geometry, double y) {
  HPDF_Destination target = HPDF_Page_CreateDestination(page);
  // Fit the width, the place at the top of the window (XYZ with zoom 0 is refused).
  if (target) HPDF_Destination_SetFitH(target, real(geometry.height - y));
  document.check("create a destination");
  return target;
}

void add_links(HpdfDocument& document, const layout::PageTree& tree, const std::vector<HPDF_Page>& pages) {
  std::map<std::string, const layout::Destination*> named;
  for (const auto& d : tree.destinations) named.emplace(d.name, &d);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const layout::Page& page = tree.pages[p];
    for (const layout::Item& item : page.items) {
      const auto* link = std::get_if<layout::LinkArea>(&item);
      if (!link) continue;
      const HPDF_Rect rect = pdf_rect(page, link->x, link->y, link->width, link->height);
      HPDF_Annotation annotation = nullptr;
      if (!link->uri.empty()) {
        annotation = HPDF_Page_CreateURILinkAnnot(pages[p], rect, link->uri.c_str());
      } else if (auto it = named.find(link->destination); it != named.end()) {
        const layout::Destination& d = *it->second;
        const auto target_page = static_cast<std::size_t>(d.page);
        annotation = HPDF_Page_CreateLinkAnnot(pages[p], rect,
                                               destination(document, pages.at(target_page), tree.pages[target_page], d.y));
      }
      if (annotation) HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
      document.check("add a link");
    }
  }
}

void add_outline(HpdfDocument& document, const layout::PageTree& tree, const std::vector<HPDF_Page>& pages) {
  std::vector<HPDF_Outline> parents;  // parents[level] = the last entry at that level
  const bool single_article = std::count_if(tree.outline.begin(), tree.outline.end(),
                                            [](const auto& entry) { return entry.level == 0; }) <= 1;
  for (const layout::OutlineEntry& entry : tree.outline) {
    const auto level = static_cast<std::size_t>(std::max(0, entry.level));
    HPDF_Outline parent = level > 0 && level <= parents.size() ? parents[level - 1] : nullptr;
    const std::string title = document.encode(text::drawable(entry.title));
    HPDF_Outline outline = HPDF_CreateOutline(document.handle(), parent, title.c_str(), document.encoder());
    document.check("add an outline entry");
    const auto page = static_cast<std::size_t>(entry.page);
    HPDF_Outline_SetDestination(outline, destination(document, pages.at(page), tree.pages[page], entry.y));
    HPDF_Outline_SetOpened(outline, single_article || level > 0 ? HPDF_TRUE : HPDF_FALSE);
    document.check("add an outline entry");
    parents.resize(std::min(level, parents.size()));
    parents.push_back(outline);
  }
}

// TrimBox and BleedBox of a print sheet. libharu 2.3.0 has no call for them; its object
// layer (hpdf_objects.h) adds them to the page dictionary.
void set_print_boxes(HpdfDocument& document, HPDF_Page target, const layout::Page& page) {
  if (!page.trim) return;
  const layout::TrimArea& trim = *page.trim;
  const HPDF_Box boxes[] = {pdf_rect(page, trim.x, trim.y, trim.width, trim.height),
                            pdf_rect(page, trim.x - trim.bleed, trim.y - trim.bleed, trim.width + 2 * trim.bleed,
                                     trim.height + 2 * trim.bleed)};
  const char* names[] = {"TrimBox", "BleedBox"};
  for (std::size_t i = 0; i < 2; ++i) {
    HPDF_Array array = HPDF_Box_Array_New(target->mmgr, boxes[i]);
    document.check(array ? HPDF_Dict_Add(target, names[i], array) : HPDF_FAILD_TO_ALLOC_MEM, "set the print boxes");
  }
}

// The characters each font file draws, for subsetting. A byte a character, not a bit, and
// ASCII without decoding: this pass over every page's text runs before any page is drawn,
// and that way it takes half the instructions (11 million fewer for 100 articles). The runs
// whose text is not drawable get their repairs in `repairs`, for write_text.
std::map<std::string, std::vector<char32_t>> characters_by_font(const layout::PageTree& tree, RepairedTexts& repairs) {
  constexpr std::size_t first_size = 0x500;  // Latin, Greek and Cyrillic without growing
  std::vector<std::vector<unsigned char>> seen(tree.fonts.size(), std::vector<unsigned char>(first_size));
  std::string repaired;
  for (const layout::Page& page : tree.pages) {
    for (const layout::Item& item : page.items) {
      const auto* run = std::get_if<layout::TextRun>(&item);
      if (!run || run->font < 0 || static_cast<std::size_t>(run->font) >= seen.size()) continue;
      std::vector<unsigned char>& used = seen[static_cast<std::size_t>(run->font)];
      std::string_view drawn = drawn_text(*run, repaired);
      if (drawn.data() != run->text.data()) drawn = repairs[run] = repaired;
      for (std::size_t pos = 0; pos < drawn.size();) {
        const auto byte = static_cast<unsigned char>(drawn[pos]);
        if (byte < 0x80) {
          used[byte] = 1;
          ++pos;
          continue;
        }
        const char32_t c = text::next_code_point(drawn, pos);
        if (c >= used.size()) used.resize(c + 1);
        used[c] = 1;
      }
    }
  }
  std::map<std::string, std::vector<char32_t>> out;
  for (std::size_t f = 0; f < tree.fonts.size(); ++f) {
    std::vector<char32_t>& list = out[tree.fonts[f].file];
    for (std::size_t c = 0; c < seen[f].size(); ++c) {
      if (seen[f][c]) list.push_back(static_cast<char32_t>(c));
    }
  }
  for (auto& [file, list] : out) {  // two faces may share a file
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return out;
}

// The characters of the text libharu is given outside the pages: information and outline.
std::vector<char32_t> characters_beside_pages(const layout::PageTree& tree) {
  std::vector<char32_t> out;
  auto add = [&](std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) out.push_back(text::next_code_point(text, pos));
  };
  for (const auto& [type, value] : info_texts(tree.info)) add(value);
  for (const layout::OutlineEntry& entry : tree.outline) add(text::drawable(entry.title));
  return out;
}

// Everything of the document but its saving: information, fonts, pages (finished by
// `compression`), links, outline.
void make_document(HpdfDocument& document, const layout::PageTree& tree, const char* source_date_epoch,
                   Diagnostics& diagnostics, unsigned workers, EarlyChecks* early, RepairedTexts& repairs,
                   PageCompression& compression) {
  PdfImages images(document, tree.cmyk);
  std::vector<const layout::Picture*> pictures;
  for (const layout::Page& page : tree.pages) {
    for (const layout::Item& item : page.items) {
      if (const auto* picture = std::get_if<layout::Picture>(&item)) pictures.push_back(picture);
    }
  }
  // With threads to spare, the pictures are read and checked while the text's encoding is
  // made, which is one thread's work; nothing of libharu's is touched until then. (The future
  // is waited for on every way out.) One thread, as in a batch of one-article PDFs, starts none.
  // What checks made early, during layout, have left is taken there too: layout keeps both
  // cores busy, so the early thread (at nice 19) often has most still to do, and taking it
  // here first was 4 to 5 ms of a 100-article PDF's 90 with one core waiting.
  std::future<void> checks;
  if (workers > 1) {
    checks = std::async(std::launch::async, [&] { images.check_ahead(pictures, workers, early); });
  } else {
    images.check_ahead(pictures, workers, early);
  }
  document.set_text(characters_by_font(tree, repairs), characters_beside_pages(tree));
  set_info(document, tree.info, source_date_epoch, diagnostics);
  document.subset_ahead(workers);
  if (checks.valid()) checks.get();
  document.fonts_ahead(workers);
  std::vector<HPDF_Page> pages;
  for (const layout::Page& page : tree.pages) {
    HPDF_Page target = HPDF_AddPage(document.handle());
    document.check("add a page");
    HPDF_Page_SetWidth(target, real(page.width));
    HPDF_Page_SetHeight(target, real(page.height));
    document.check("size a page");
    set_print_boxes(document, target, page);
    PageText text = draw_page(document, images, target, page, tree.fonts, tree.cmyk, repairs, diagnostics);
    compression.add(target, [text = std::move(text), &document] { return write_text(text, document); });
    pages.push_back(target);
  }
  // Links and outline while the last pages are still being finished: they touch libharu
  // only on this thread, and the pool's threads never do.
  add_links(document, tree, pages);
  add_outline(document, tree, pages);
}

}  // namespace

void render(const layout::PageTree& tree, const char* source_date_epoch, Diagnostics& diagnostics, ByteSink& sink,
            unsigned threads, EarlyChecks* early, Reclaimer* leftovers, Disposal disposal) {
  const unsigned workers = thread_count(threads);
  auto document = std::make_unique<HpdfDocument>();
  // Pages are still deflated while the save writes the ones before them; the save fails at a
  // page whose finishing failed, and finish() then throws what that was. (The repairs their
  // text may use go after them.)
  RepairedTexts repairs;
  PageCompression compression(workers);
  make_document(*document, tree, source_date_epoch, diagnostics, workers, early, repairs, compression);
  try {
    document->save(workers, sink);
  } catch (const Error&) {
    compression.finish();
    throw;
  }
  compression.finish();
  if (leftovers) leftovers->take(std::move(document), disposal);
}

std::string render(const layout::PageTree& tree, const char* source_date_epoch, Diagnostics& diagnostics,
                   unsigned threads, EarlyChecks* early) {
  StringSink sink;
  render(tree, source_date_epoch, diagnostics, sink, threads, early);
  return sink.take();
}

}  // namespace pdf

namespace {

class PdfExporter final : public Exporter {
 public:
  std::string_view name() const override { return "pdf"; }
  std::string_view description() const override {
    return "PDF of one article or a collection (A4, fonts embedded, links and outline)";
  }
  std::string_view extension() const override { return ".pdf"; }
  Target target() const override { return Target::paged; }

  void write_model(const model::Document& document, const ExportOptions& options, ByteSink& sink,
                   Diagnostics& diagnostics) const override {
    const layout::LayoutStyle style = layout::layout_style(options.style, diagnostics);
    // The lead picture is checked while the article is laid out, as a collection's are (not
    // in a batch, whose articles keep every core busy on one thread each).
    std::optional<pdf::EarlyChecks> early;
    if (thread_count(options.threads) > 1) early.emplace(std::span(&document, 1), style.cmyk);
    const text::FontSetPool::Lease fonts = font_sets_.borrow();
    const layout::PageTree tree =
        layout::lay_out(document, style, *fonts, diagnostics, nullptr, &words_.for_fonts(*fonts));
    pdf::render(tree, std::getenv("SOURCE_DATE_EPOCH"), diagnostics, sink, options.threads, early ? &*early : nullptr);
  }

  void write_collection(const model::Collection& collection, const std::vector<model::Document>& articles,
                        const ExportOptions& options, ByteSink& sink, Diagnostics& diagnostics) const override {
    std::vector<const model::Document*> pointers;
    for (const auto& article : articles) pointers.push_back(&article);
    const layout::LayoutStyle style = layout::layout_style(options.style, diagnostics);
    std::optional<pdf::EarlyChecks> early;
    if (thread_count(options.threads) > 1) early.emplace(articles, style.cmyk);
    const text::FontSetPool::Lease fonts = font_sets_.borrow();
    const layout::PooledWorkers workers(font_sets_, options.threads);
    // What layout and drawing leave is freed by leftovers_ while this thread goes on, or left
    // to the operating system when the process is about to exit (ExportOptions::free_memory);
    // but the words are freed all the same, during the drawing, so as not to add to the peak.
    const Disposal freed = thread_count(options.threads) > 1 ? Disposal::background : Disposal::here;
    const Disposal disposal = options.free_memory ? freed : Disposal::never;
    auto words = std::make_unique<layout::WordMemo>();
    layout::PageTree tree =
        layout::lay_out(collection, pointers, style, *fonts, diagnostics, nullptr, workers.workers(), words.get());
    leftovers_.take(std::move(words), freed);
    pdf::render(tree, std::getenv("SOURCE_DATE_EPOCH"), diagnostics, sink, options.threads, early ? &*early : nullptr,
                &leftovers_, disposal);
    leftovers_.take(std::move(tree), disposal);
  }

 protected:
  // Layout waits for an article's hyphenation dictionary (a few milliseconds to load): its
  // load starts while the other articles are still read.
  void article_read(const model::Document& article, const ExportOptions& options) const override {
    if (options.style.paragraph.hyphenate) text::load_shared_hyphenator(article.meta.lang);
  }

 private:
  // Fonts opened and measured once for every article this exporter sets, on any thread.
  mutable text::FontSetPool font_sets_;
  // And the words set with each FontSet, for the articles after (a batch of one-article PDFs).
  mutable layout::WordMemos words_;
  // Frees a collection's words, libharu document and PageTree on a thread of its own, while
  // the job commits the file; it waits for that when the exporter is destroyed.
  mutable Reclaimer leftovers_;
};

}  // namespace

std::unique_ptr<Exporter> make_pdf_exporter() { return std::make_unique<PdfExporter>(); }

}  // namespace galley::backends
