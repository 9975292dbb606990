// Layout of articles and collections: each article's slices into one flow, paginated once,
// with the document information gathered alongside.
#include "layout/layout.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <memory>
#include <thread>

#include "image/image.hpp"
#include "layout/article_parts.hpp"
#include "layout/blocks.hpp"
#include "layout/context.hpp"
#include "layout/pages.hpp"
#include "layout/paginator.hpp"
#include "layout/print.hpp"
#include "layout/word_memo.hpp"
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

// A run of a collection's articles, laid out by a context of its own on whichever thread
// took it, then joined to the ones before it, in order.
struct ArticleRun {
  std::size_t first = 0, end = 0;    ///< articles [first, end)
  std::unique_ptr<Context> context;  ///< null for the first run: the collection's own
  Flow flow;
  Diagnostics diagnostics;
  std::vector<std::string> titles;   ///< each article's title as shown
  std::exception_ptr error;
  std::atomic<bool> laid_out{false};  ///< set (and notified) by the thread that took it
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

// The runs `articles` is cut into: several for each thread, so that a thread slowed by the
// machine's other work takes fewer of them (two runs, one a thread, ended up to 25 ms apart
// on a busy machine, a fifth of a 100-article PDF); each of at least a few articles. A
// context is cheap to start: the words a thread has set are kept for all its runs.
std::vector<ArticleRun> article_runs(std::size_t articles, const Workers& workers, bool timed) {
  constexpr std::size_t fewest = 4;
  constexpr std::size_t per_thread = 16;
  const std::size_t threads = workers.fonts && !timed ? std::max<std::size_t>(1, workers.threads) : 1;
  const std::size_t count =
      threads == 1 ? 1 : std::max<std::size_t>(1, std::min(threads * per_thread, articles / fewest));
  std::vector<ArticleRun> out(count);
  for (std::size_t k = 0; k < count; ++k) {
    out[k].first = articles * k / count;
    out[k].end = articles * (k + 1) / count;
  }
  return out;
}

// Lays out a run after the first with a context of its own on `fonts` and the taking
// thread's memo of words, and says so; a failure is kept in the run and stops the taking.
void lay_out_taken(const LayoutStyle& style, text::FontMetrics& fonts, WordMemo& words,
                   const std::vector<const model::Document*>& articles, ArticleRun& run, std::atomic<bool>& failed) {
  try {
    run.context = std::make_unique<Context>(style, fonts, run.diagnostics, &words);
    run.context->resume_after(articles[run.first - 1]->meta.lang);
    lay_out_run(*run.context, articles, run, run.flow);
  } catch (...) {
    run.error = std::current_exception();
    failed = true;
  }
  run.laid_out.store(true, std::memory_order_release);
  run.laid_out.notify_one();
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
                 LayoutTimings* timings, const Workers& workers, WordMemo* words) {
  if (articles.empty()) throw Error(ErrorKind::usage, "", 0, "a collection needs at least one article");
  std::unique_ptr<WordMemo> own_words = words ? nullptr : std::make_unique<WordMemo>();
  WordMemo& kept_words = words ? *words : *own_words;  // this thread's contexts'
  Context context(style, fonts, diagnostics, &kept_words);
  context.set_timings(timings);
  Flow flow;
  PageTree tree;
  PageFiller pages(context, flow, tree);
  std::vector<ArticleRun> runs = article_runs(articles.size(), workers, timings != nullptr);
  std::vector<std::string> titles;
  // Run 0 here, the rest taken by whichever thread is free, this one too; this thread joins
  // each run as soon as it and those before it are laid out, and fills their pages while the
  // other threads still work. The threads end before `runs` does, when lay_out returns: each
  // frees its words meanwhile.
  std::atomic<std::size_t> next{1};
  std::atomic<bool> failed{false};
  std::vector<std::jthread> threads;
  const std::size_t helpers = std::min<std::size_t>(runs.size() - 1, std::max(1u, workers.threads) - 1);
  for (std::size_t t = 1; t <= helpers; ++t) {
    text::FontMetrics* own = &workers.fonts(static_cast<unsigned>(t));
    threads.emplace_back([&, own] {
      WordMemo kept;  // freed on this thread
      for (std::size_t k = next++; k < runs.size() && !failed; k = next++) {
        lay_out_taken(style, *own, kept, articles, runs[k], failed);
      }
    });
  }
  try {
    lay_out_run(context, articles, runs.front(), flow);
  } catch (...) {
    failed = true;
    throw;
  }
  titles = std::move(runs.front().titles);
  for (std::size_t joined = 1; joined < runs.size();) {
    ArticleRun& run = runs[joined];
    if (!run.laid_out.load(std::memory_order_acquire)) {
      if (const std::size_t k = failed ? runs.size() : next++; k < runs.size()) {
        lay_out_taken(style, fonts, kept_words, articles, runs[k], failed);
      } else {
        run.laid_out.wait(false, std::memory_order_acquire);
      }
      continue;
    }
    for (const Diagnostic& item : run.diagnostics.items()) diagnostics.report(item);
    if (run.error) {
      failed = true;
      std::rethrow_exception(run.error);
    }
    join(context, flow, run);
    titles.insert(titles.end(), run.titles.begin(), run.titles.end());
    ++joined;
    pages.place();
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
