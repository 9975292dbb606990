// Layout of articles and collections: each article's slices into one flow, paginated once,
// with the document information gathered alongside.
#include "layout/layout.hpp"

#include <algorithm>

#include "image/image.hpp"
#include "layout/article_parts.hpp"
#include "layout/blocks.hpp"
#include "layout/context.hpp"
#include "layout/pages.hpp"
#include "layout/print.hpp"
#include "model/labels.hpp"

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
  if (document.meta.source) writer.add(set_source_line(context, *document.meta.source, column), style.end_space);
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

}  // namespace

PageTree lay_out(const model::Document& document, const LayoutStyle& style, text::FontMetrics& fonts,
                 Diagnostics& diagnostics, LayoutTimings* timings) {
  Context context(style, fonts, diagnostics);
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

PageTree lay_out(const model::Collection& collection, const std::vector<const model::Document*>& articles,
                 const LayoutStyle& style, text::FontMetrics& fonts, Diagnostics& diagnostics,
                 LayoutTimings* timings) {
  if (articles.empty()) throw Error(ErrorKind::usage, "", 0, "a collection needs at least one article");
  Context context(style, fonts, diagnostics);
  context.set_timings(timings);
  Flow flow;
  std::vector<RunningHead> heads;
  std::vector<std::string> authors, tags;
  PageTree tree;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const model::Document& article = *articles[i];
    lay_out_article(context, article, static_cast<int>(i), flow);
    const std::string title = shown_title(context, article);
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
  paginate(context, flow, heads, tree);
  make_print_sheets(style, tree);
  tree.fonts = context.fonts();
  return tree;
}

}  // namespace galley::layout
