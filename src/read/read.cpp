// The reader's entry points: bytes -> clean text -> front matter + Markdown -> conventions
// -> one model::Document.
#include "galley/read.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "read/conventions.hpp"
#include "read/dates.hpp"
#include "read/front_matter.hpp"
#include "read/input_text.hpp"
#include "read/markdown.hpp"
#include "read/quotes.hpp"
#include "read/unicode.hpp"

namespace galley {
namespace {

struct ConventionSwitch {
  std::string_view name;
  bool Conventions::*flag;
};

// The names users pass to --no-convention, in the order of ARTICLE-FORMAT.md.
constexpr ConventionSwitch convention_switches[] = {
    {"headline", &Conventions::headline},       {"dek", &Conventions::dek},
    {"dateline", &Conventions::dateline},       {"byline", &Conventions::byline},
    {"lead-figure", &Conventions::lead_figure}, {"related", &Conventions::related},
    {"source-line", &Conventions::source_line}, {"dead-links", &Conventions::dead_links},
    {"join-paragraphs", &Conventions::join_paragraphs},
    {"smart-quotes", &Conventions::smart_quotes}, {"language", &Conventions::language},
};

// BCP 47 in its common shape: a 2-3 letter language, then subtags of 1-8 letters or digits.
bool is_language_tag(std::string_view tag) {
  std::size_t pos = 0;
  int index = 0;
  while (pos <= tag.size()) {
    auto end = tag.find('-', pos);
    if (end == std::string_view::npos) end = tag.size();
    auto part = tag.substr(pos, end - pos);
    if (part.empty() || part.size() > 8) return false;
    for (char c : part) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      bool digit = c >= '0' && c <= '9';
      if (!(letter || (digit && index > 0))) return false;
    }
    if (index == 0 && (part.size() < 2 || part.size() > 3)) return false;
    pos = end + 1;
    ++index;
  }
  return true;
}

std::string language_of(const std::optional<read::FrontMatter>& front_matter,
                        const std::vector<read::SourcedBlock>& blocks, const ReadOptions& options,
                        Diagnostics& diagnostics) {
  if (front_matter && front_matter->lang) {
    std::string tag = *front_matter->lang;
    std::replace(tag.begin(), tag.end(), '_', '-');  // en_US, as locales write it
    if (is_language_tag(tag)) return tag;
    diagnostics.warn(options.file_name, front_matter->lang_line,
                     fmt::format("'{}' is not a BCP 47 language tag; ignored", *front_matter->lang));
  }
  return options.conventions.language ? read::guess_language(blocks) : "en";
}

// Front matter, when present, overrides what the conventions found.
void apply_front_matter(const read::FrontMatter& fm, model::Document& document,
                        const ReadOptions& options, Diagnostics& diagnostics) {
  auto& meta = document.meta;
  if (fm.title) meta.title = *fm.title;
  if (fm.subtitle) meta.subtitle = *fm.subtitle;
  if (fm.authors) meta.authors = *fm.authors;
  if (fm.source) meta.source = *fm.source;
  if (fm.summary) meta.summary = *fm.summary;
  if (fm.tags) meta.tags = *fm.tags;
  meta.extra = fm.extra;
  if (fm.date_text) {
    meta.date_text = *fm.date_text;
    meta.date = read::parse_date_line(*fm.date_text);
    if (!meta.date) {
      diagnostics.warn(options.file_name, fm.date_line,
                       fmt::format("front matter 'date' is not a date galley understands: '{}'",
                                   *fm.date_text));
    }
  }
  if (fm.image || fm.image_caption || fm.image_credit) {
    auto& lead = document.lead ? *document.lead : document.lead.emplace();
    // The alt text described the picture found in the text; another picture needs its own.
    if (fm.image && lead.image != fm.image) lead.alt.clear();
    if (fm.image) lead.image = *fm.image, lead.line = fm.image_line;
    if (fm.image_caption) lead.caption = *fm.image_caption;
    if (fm.image_credit) lead.credit = *fm.image_credit;
  }
}

}  // namespace

Conventions Conventions::none() {
  Conventions off;
  for (const auto& entry : convention_switches) off.*entry.flag = false;
  return off;
}

bool Conventions::set(std::string_view name, bool on) {
  for (const auto& entry : convention_switches) {
    if (entry.name == name) {
      this->*entry.flag = on;
      return true;
    }
  }
  return false;
}

std::string_view Conventions::names() {
  return "headline, dek, dateline, byline, lead-figure, related, source-line, dead-links, "
         "join-paragraphs, smart-quotes, language";
}

model::Document read_markdown(std::string_view text, const ReadOptions& options,
                              Diagnostics& diagnostics) {
  const std::string& file = options.file_name;
  std::string clean = read::clean_input(text, file, options.max_input_bytes, diagnostics);
  auto split = read::split_front_matter(std::move(clean), file, diagnostics);

  read::MarkdownOptions markdown_options{file, options.conventions.smart_quotes,
                                         options.max_nesting, options.max_table_columns,
                                         options.max_notes};
  auto parsed = read::parse_markdown(split.body, markdown_options, diagnostics);

  std::string lang = language_of(split.front_matter, parsed.blocks, options, diagnostics);
  if (options.conventions.smart_quotes) {
    for (auto& sourced : parsed.blocks) {
      model::Blocks one{std::move(sourced.block)};
      read::localize_quotes(one, lang);
      sourced.block = std::move(one.front());
    }
    for (auto& note : parsed.notes) read::localize_quotes(note.content, lang);
  }

  auto found =
      read::apply_conventions(std::move(parsed.blocks), options.conventions, file, diagnostics);
  model::Document document;
  document.meta = std::move(found.meta);
  document.meta.lang = lang;
  document.lead = std::move(found.lead);
  document.blocks = std::move(found.blocks);
  document.notes = std::move(parsed.notes);
  for (auto& note : document.notes) {
    if (options.conventions.join_paragraphs) read::join_split_paragraphs(note.content);
    if (options.conventions.dead_links) read::remove_dead_links(note.content);
  }
  if (split.front_matter) apply_front_matter(*split.front_matter, document, options, diagnostics);

  if (document.meta.title.empty()) {
    diagnostics.warn(file, 1, "no title: the article neither starts with '# Headline' nor has "
                              "a 'title' in front matter");
  }
  return document;
}

model::Document read_markdown_file(const std::string& path, ReadOptions options,
                                   Diagnostics& diagnostics) {
  std::string bytes;
  if (path == "-") {
    options.file_name = "<stdin>";
    // Read in chunks so that endless input stops at the limit instead of filling memory.
    char chunk[1 << 16];
    while (std::cin.read(chunk, sizeof chunk) || std::cin.gcount() > 0) {
      bytes.append(chunk, static_cast<std::size_t>(std::cin.gcount()));
      if (bytes.size() > options.max_input_bytes) {
        throw Error(ErrorKind::data, options.file_name, 0,
                    fmt::format("input is over the limit of {} bytes", options.max_input_bytes));
      }
    }
    if (std::cin.bad()) throw Error(ErrorKind::io, options.file_name, 0, "read failed");
  } else {
    options.file_name = path;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      throw Error(ErrorKind::no_input, path, 0, std::strerror(errno));
    }
    if (S_ISDIR(info.st_mode)) {
      throw Error(ErrorKind::no_input, path, 0, "is a folder, not an article");
    }
    if (!S_ISREG(info.st_mode)) {
      throw Error(ErrorKind::no_input, path, 0, "is not a regular file");
    }
    if (static_cast<std::size_t>(info.st_size) > options.max_input_bytes) {
      throw Error(ErrorKind::data, path, 0,
                  fmt::format("input is {} bytes, over the limit of {} bytes", info.st_size,
                              options.max_input_bytes));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::no_input, path, 0, std::strerror(errno));
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ErrorKind::io, path, 0, "read failed");
  }
  auto document = read_markdown(bytes, options, diagnostics);
  if (path != "-") document.origin = path;
  return document;
}

bool is_manifest_path(std::string_view path) { return path.ends_with(".toml"); }

}  // namespace galley
