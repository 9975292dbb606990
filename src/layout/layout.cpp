// Layout of articles and collections: each article's slices into one flow, paginated once,
// with the document information gathered alongside.
#include "layout/layout.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <latch>
#include <memory>
#include <thread>

#include "image/image.hpp"
#include "layout/article_parts.hpp"
#include "layout/blocks.hpp"
#include "layout/context.hpp"
#include "layout/pages.hpp"
#include "layout/paginator.hpp"
#include "layout/print.hpp"
#include "model/labels.hpp"
#include "threads/for_each_parallel.hpp"

namespace galley::layout {
namespace {

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

// One article's slices, appended to the flow: the title block across the text width, the
// rest in the first column (pagination moves each slice to the column it lands in).
void lay_out_article(Context& context, const model::Document& document, int number, Flow& flow) {
  const LayoutStyle& style = context.style();
  context.begin_article(document.origin, document.meta.lang, number);
  context.set_image_folders(image::image_folders(document));
  const double text_width = style.page_width - style.margin_left - style.margin_right;
  const Frame frame{style.margin_left, text_width};
  const Frame column{style.margin_left, column_width(style)};
  const std::size_t first = flow.slices.size();
  for (Slice& slice : set_title_block(context, document, frame)) {
    slice.article = number;
    slice.span = true;
    flow.slices.push_back(std::move(slice));
  }
  flow.slices[first].page_break_before = true;

  BlockWriter writer(context, flow);
  writer.begin_article(document.blocks);
  BlockEnv env;
  env.text = &style.body;
  const std::size_t body = flow.slices.size();
  const std::size_t first_note = context.notes().size();
  writer.blocks(document.blocks, column, env);
  if (flow.slices.size() > body) flow.slices[body].space_before = style.title_block_space;
  lay_out_notes(writer, document, first_note, column);
  if (document.meta.source) {
    // The source line never stands alone at the top of a page: it goes over with the line
    // before it (and that line's widow rule brings one more).
    if (flow.slices.size() > first) flow.slices.back().keep_with_next = true;
    writer.add(set_source_line(context, *document.meta.source, column), style.end_space);
  }
  context.end_article();
}

DocumentInfo article_info(Context& context, const model::Document& document) {
  const model::Meta& meta = document.meta;
  const model::Labels& labels = model::labels_for(meta.lang);
  DocumentInfo info;
  info.title = shown_title(context, document);
  info.author = model::join_names(meta.authors, labels);
  info.subject = !meta.subtitle.empty() ? meta.subtitle : meta.summary;
  info.keywords = joined(meta.tags);
  info.lang = meta.lang;
  if (meta.date && meta.date->valid()) info.date = meta.date;
  return info;
}

// A run of a collection's articles, laid out on a thread of its own by a context of its
// own, then joined to the ones before it.
struct ArticleRun {
  std::size_t first = 0, end = 0;    ///< articles [first, end)
  std::unique_ptr<Context> context;  ///< null for the first run: the collection's own
  Flow flow;
  Diagnostics diagnostics;
  std::vector<std::string> titles;   ///< each article's title as shown
  std::exception_ptr error;
};

void lay_out_run(Context& context, const std::vector<const model::Document*>& articles, ArticleRun& run,
                 Flow& flow) {
  for (std::size_t i = run.first; i < run.end; ++i) {
    lay_out_article(context, *articles[i], static_cast<int>(i), flow);
    run.titles.push_back(shown_title(context, *articles[i]));
  }
}

// A slice of a later run, renumbered into the flow it joins: its fonts, notes and table.
void renumber(Slice& slice, const Context::Continued& where, int first_table) {
  for (Item& item : slice.items) {
    if (auto* run = std::get_if<TextRun>(&item)) run->font = where.font_of[static_cast<std::size_t>(run->font)];
  }
  for (int& note : slice.notes) note += where.first_note;
  if (slice.table >= 0) slice.table += first_table;
}

void join(Context& context, Flow& flow, ArticleRun& run) {
  const Context::Continued where = context.continue_with(*run.context);
  const int first_table = static_cast<int>(flow.table_headers.size());
  for (Slice& slice : run.flow.slices) renumber(slice, where, first_table);
  flow.slices.insert(flow.slices.end(), std::make_move_iterator(run.flow.slices.begin()),
                     std::make_move_iterator(run.flow.slices.end()));
  for (auto& rows : run.flow.table_headers) {
    for (Slice& slice : rows) renumber(slice, where, first_table);
    flow.table_headers.push_back(std::move(rows));
  }
  flow.notes.resize(static_cast<std::size_t>(where.first_note));
  for (auto& lines : run.flow.notes) {
    for (Slice& slice : lines) renumber(slice, where, first_table);
    flow.notes.push_back(std::move(lines));
  }
}

// The runs `articles` is cut into: one per thread, each of at least a few articles
// (a context of its own shapes every word afresh). The first, on the calling thread, is the
// shorter: that thread fills its pages while the other runs are still laid out, and it
// meets the first article's fonts and dictionaries alone.
std::vector<ArticleRun> article_runs(std::size_t articles, const Workers& workers, bool timed) {
  constexpr std::size_t fewest = 4;
  // Of an even share: about what the first article's start and the first run's pages take
  // in a perf timeline of the 100-article bench corpus on two threads. (0.80 to 1.0 were
  // within the noise of each other in alternating runs of 100 and 1,000 articles.)
  constexpr double first_share = 0.88;
  std::size_t count = workers.fonts && !timed ? std::max<std::size_t>(1, workers.threads) : 1;
  count = std::max<std::size_t>(1, std::min(count, articles / fewest));
  std::vector<ArticleRun> out(count);
  const double first = count == 1 ? 1.0 : first_share / static_cast<double>(count);
  for (std::size_t k = 0; k < count; ++k) {
    const auto cut = [&](std::size_t run) -> std::size_t {
      if (run == 0) return 0;
      if (run == count) return articles;
      const double share = first + (1.0 - first) * static_cast<double>(run - 1) / static_cast<double>(count - 1);
      return static_cast<std::size_t>(static_cast<double>(articles) * share + 0.5);
    };
    out[k].first = cut(k);
    out[k].end = cut(k + 1);
  }
  return out;
}

}  // namespace

PageTree lay_out(const model::Document& document, const LayoutStyle& style, text::FontMetrics& fonts,
                 Diagnostics& diagnostics, LayoutTimings* timings, WordMemo* words) {
  Context context(style, fonts, diagnostics, words);
  context.set_timings(timings);
  Flow flow;
  lay_out_article(context, document, 0, flow);
  PageTree tree;
  tree.info = article_info(context, document);
  paginate(context, flow, {RunningHead{tree.info.title, tree.info.author, document.meta.date_text, "", true}}, tree);
  make_print_sheets(style, tree);
  tree.fonts = context.fonts();
  return tree;
}

PooledWorkers::PooledWorkers(text::FontSetPool& pool, unsigned threads) {
  workers_.threads = thread_count(threads);
  // Borrowed as lay_out asks for them, one for each run after the first, so a collection
  // cut into fewer runs than threads takes fewer.
  workers_.fonts = [this, &pool](unsigned worker) -> text::FontMetrics& {
    while (fonts_.size() < worker) fonts_.push_back(pool.borrow());
    return *fonts_[worker - 1];
  };
}

PageTree lay_out(const model::Collection& collection, const std::vector<const model::Document*>& articles,
                 const LayoutStyle& style, text::FontMetrics& fonts, Diagnostics& diagnostics,
                 LayoutTimings* timings, const Workers& workers) {
  if (articles.empty()) throw Error(ErrorKind::usage, "", 0, "a collection needs at least one article");
  Context context(style, fonts, diagnostics);
  context.set_timings(timings);
  Flow flow;
  PageTree tree;
  PageFiller pages(context, flow, tree);
  std::vector<ArticleRun> runs = article_runs(articles.size(), workers, timings != nullptr);
  for (std::size_t k = 1; k < runs.size(); ++k) {
    ArticleRun& run = runs[k];
    run.context = std::make_unique<Context>(style, workers.fonts(static_cast<unsigned>(k)), run.diagnostics);
    run.context->resume_after(articles[run.first - 1]->meta.lang);
  }
  // Each thread says when its run is laid out, then forgets its words while the runs are
  // joined here (freeing them was 1.7 ms of a 100-article PDF with nothing else running);
  // joining reads nothing forget_words() touches. The threads end before `runs` does.
  std::latch laid_out(static_cast<std::ptrdiff_t>(runs.size() - 1));
  std::vector<std::jthread> threads;
  for (std::size_t k = 1; k < runs.size(); ++k) {
    threads.emplace_back([&, k] {
      ArticleRun& run = runs[k];
      try {
        lay_out_run(*run.context, articles, run, run.flow);
      } catch (...) {
        run.error = std::current_exception();
      }
      laid_out.count_down();
      if (run.error) return;
      try {
        run.context->forget_words();
      } catch (...) {
        // Only memory given back early: nothing laid out depends on it.
      }
    });
  }
  lay_out_run(context, articles, runs.front(), flow);  // a failure here waits for the threads
  if (runs.size() > 1) pages.place();  // while the other runs are laid out
  laid_out.wait();
  std::vector<std::string> titles = std::move(runs.front().titles);
  for (std::size_t k = 1; k < runs.size(); ++k) {
    ArticleRun& run = runs[k];
    for (const Diagnostic& item : run.diagnostics.items()) diagnostics.report(item);
    if (run.error) std::rethrow_exception(run.error);
    join(context, flow, run);
    titles.insert(titles.end(), run.titles.begin(), run.titles.end());
  }
  const std::vector<PageRecord> records = pages.finish();

  std::vector<RunningHead> heads;
  std::vector<std::string> authors, tags;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const model::Document& article = *articles[i];
    const std::string& title = titles[i];
    const std::string byline = model::join_names(article.meta.authors, model::labels_for(article.meta.lang));
    heads.push_back(RunningHead{collection.title.empty() ? title : collection.title, byline, article.meta.date_text,
                                collection.title.empty() ? "" : title, false});
    for (const auto& author : article.meta.authors) add_unique(authors, author);
    for (const auto& tag : article.meta.tags) add_unique(tags, tag);
    const auto& date = article.meta.date;
    if (date && date->valid() && (!tree.info.date || *date > *tree.info.date)) tree.info.date = date;
  }
  const model::Document& first = *articles.front();
  tree.info.lang = !collection.lang.empty() ? collection.lang : first.meta.lang;
  const model::Labels& labels = model::labels_for(tree.info.lang);
  tree.info.title = !collection.title.empty() ? collection.title : heads.front().title;
  tree.info.author = !collection.editor.empty() ? collection.editor : model::join_names(authors, labels);
  tree.info.keywords = joined(tags);
  add_running_heads(context, heads, records, tree);
  make_print_sheets(style, tree);
  tree.fonts = context.fonts();
  return tree;
}

}  // namespace galley::layout
