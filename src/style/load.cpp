// Loading style files: TOML through toml++, every key checked against the table in keys.cpp,
// `extends` chains followed, and every problem reported with file, line, column and key.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "style/check.hpp"
#include "style/keys.hpp"
#include "style/values.hpp"

namespace galley::style {
namespace {

namespace fs = std::filesystem;

// A style file can extend a style that extends another; deeper than this is a mistake.
constexpr std::size_t max_extends_depth = 16;

[[noreturn]] void fail(std::string_view file, const toml::node& node, std::string_view key, std::string message) {
  const auto& where = node.source().begin;
  throw Error(ErrorKind::data, Diagnostic{Severity::error, fmt::format("{}: {}", key, message), std::string(file),
                                          static_cast<int>(where.line), static_cast<int>(where.column)});
}

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true or false";
    case toml::node_type::array: return "a list";
    case toml::node_type::table: return "a table";
    default: return "a date or time";
  }
}

template <typename Enum, std::size_t N>
Enum choice(std::string_view file, const toml::node& node, std::string_view key,
            const std::array<std::pair<std::string_view, Enum>, N>& names) {
  std::string list;
  if (const auto* text = node.as_string()) {
    for (const auto& [name, value] : names) {
      if (text->get() == name) return value;
    }
  }
  for (const auto& [name, value] : names) list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", name);
  fail(file, node, key, fmt::format("expected one of {}, found {}", list, type_name(node)));
}

// Integer keys with a sensible range; others take any non-negative value.
std::pair<std::int64_t, std::int64_t> int_range(std::string_view key) {
  if (key == "columns.count") return {1, 8};
  return {0, 10};  // widows, orphans
}

// Where each key was last set along an `extends` chain, so that a problem found in the
// finished style (style/check.hpp) is reported where the user can fix it.
using Origins = std::map<std::string, Diagnostic, std::less<>>;

class Applier {
 public:
  Applier(StyleSheet& style, std::string_view file, Origins& origins) : style_(style), file_(file), origins_(origins) {}

  void apply(const Key& key, const toml::node& node) {
    key_ = key.path;
    node_ = &node;
    const auto& where = node.source().begin;
    origins_[key.path] = Diagnostic{Severity::error, "", std::string(file_), static_cast<int>(where.line),
                                    static_cast<int>(where.column)};
    std::visit([this](auto* slot) { set(slot); }, key.slot(style_));
    if (key.path == "page.size") set_named_size();
    if (key.path == "page.width" || key.path == "page.height") style_.page.size.clear();
  }

 private:
  std::string_view text() {
    if (const auto* value = node_->as_string()) return value->get();
    fail(file_, *node_, key_, fmt::format("expected a string, found {}", type_name(*node_)));
  }
  void set(Length* slot) {
    if (node_->is_number() && node_->value<double>() == 0.0) {
      *slot = Length{};
      return;
    }
    if (node_->is_number()) fail(file_, *node_, key_, "a length needs a unit: write it as a string, e.g. \"12pt\"");
    std::string problem;
    const auto length = parse_length(text(), problem);
    if (!length) fail(file_, *node_, key_, problem);
    if (length->points < 0 || length->ems < 0) fail(file_, *node_, key_, "a length cannot be negative");
    *slot = *length;
  }
  void set(int* slot) {
    const auto* value = node_->as_integer();
    if (!value) fail(file_, *node_, key_, fmt::format("expected an integer, found {}", type_name(*node_)));
    const auto [low, high] = int_range(key_);
    if (value->get() < low || value->get() > high) {
      fail(file_, *node_, key_, fmt::format("{} is out of range {}..{}", value->get(), low, high));
    }
    *slot = static_cast<int>(value->get());
  }
  void set(bool* slot) {
    const auto* value = node_->as_boolean();
    if (!value) fail(file_, *node_, key_, fmt::format("expected true or false, found {}", type_name(*node_)));
    *slot = value->get();
  }
  void set(std::string* slot) { *slot = std::string(text()); }
  void set(std::vector<std::string>* slot) {
    const auto* list = node_->as_array();
    if (!list) fail(file_, *node_, key_, fmt::format("expected a list of strings, found {}", type_name(*node_)));
    slot->clear();
    for (const auto& item : *list) {
      const auto* value = item.as_string();
      if (!value) fail(file_, item, key_, fmt::format("expected a string, found {}", type_name(item)));
      slot->push_back(value->get());
    }
  }
  void set(Color* slot) {
    std::string problem;
    const auto color = parse_color(text(), problem);
    if (!color) fail(file_, *node_, key_, problem);
    *slot = *color;
  }
  void set(Align* slot) { *slot = choice(file_, *node_, key_, align_names); }
  void set(LinkMode* slot) { *slot = choice(file_, *node_, key_, link_names); }
  void set(Color::Space* slot) { *slot = choice(file_, *node_, key_, space_names); }
  void set(std::vector<Mark>* slot) {
    const auto* list = node_->as_array();
    if (!list) fail(file_, *node_, key_, fmt::format("expected a list, found {}", type_name(*node_)));
    slot->clear();
    for (const auto& item : *list) slot->push_back(choice(file_, item, key_, mark_names));
  }
  void set_named_size() {
    const auto size = named_page_size(style_.page.size);
    if (!size) {
      fail(file_, *node_, key_,
           fmt::format("unknown size '{}' (one of {}, or set width and height)", style_.page.size, page_size_names()));
    }
    style_.page.width = Length{size->first};
    style_.page.height = Length{size->second};
  }

  StyleSheet& style_;
  std::string_view file_;
  Origins& origins_;
  std::string key_;
  const toml::node* node_ = nullptr;
};

// Every leaf of `table` with its dotted path, page.size before page.width and page.height so
// a file that names a size and adjusts one side gets what it says.
void collect(const toml::table& table, const std::string& prefix, std::vector<std::pair<std::string, const toml::node*>>& out) {
  for (const auto& [name, node] : table) {
    std::string path = prefix.empty() ? std::string(name.str()) : fmt::format("{}.{}", prefix, name.str());
    if (const auto* inner = node.as_table()) {
      collect(*inner, path, out);
    } else {
      out.emplace_back(std::move(path), &node);
    }
  }
}

std::string read_file(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    throw Error(ErrorKind::no_input, path.string(), 0,
                fs::exists(path, error) ? "not a regular file" : "no such style file");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw Error(ErrorKind::io, path.string(), 0, "cannot read the style file");
  return text.str();
}

bool looks_like_path(std::string_view name) {
  return name.find('/') != std::string_view::npos || name.ends_with(".toml");
}

StyleSheet load_chain(std::string_view toml_text, const std::string& file, std::vector<std::string>& chain,
                      Origins& origins);

// A style by name (built-in) or path (relative to `from`, the folder of the file naming it;
// empty for the working folder, so messages show the path as the user wrote it).
StyleSheet load_named(std::string_view name, const fs::path& from, std::vector<std::string>& chain,
                      Origins& origins) {
  if (!looks_like_path(name)) {
    const std::string_view source = builtin_source(name);
    if (source.empty()) {
      std::string names;
      for (const auto& builtin : builtin_names()) names += fmt::format("{}{}", names.empty() ? "" : ", ", builtin);
      throw Error(ErrorKind::no_input, std::string(name), 0,
                  fmt::format("no built-in style by that name (built-ins: {}; a file path ends in .toml)", names));
    }
    return load_chain(source, fmt::format("<built-in style {}>", name), chain, origins);
  }
  fs::path path(name);
  if (path.is_relative() && !from.empty()) path = from / path;  // else relative to the working folder
  const std::string text = read_file(path);
  return load_chain(text, path.lexically_normal().string(), chain, origins);
}

StyleSheet load_chain(std::string_view toml_text, const std::string& file, std::vector<std::string>& chain,
                      Origins& origins) {
  std::error_code error;
  const std::string identity = file.starts_with("<") ? file : fs::weakly_canonical(file, error).string();
  if (std::find(chain.begin(), chain.end(), identity) != chain.end() || chain.size() >= max_extends_depth) {
    std::string cycle;
    for (const auto& link : chain) cycle += link + " -> ";
    throw Error(ErrorKind::data, file, 0, fmt::format("`extends` goes round in a circle: {}{}", cycle, file));
  }
  chain.push_back(identity);

  toml::table table;
  try {
    table = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    throw Error(ErrorKind::data, Diagnostic{Severity::error, std::string(e.description()), file,
                                            static_cast<int>(e.source().begin.line),
                                            static_cast<int>(e.source().begin.column)});
  }

  StyleSheet style;
  if (const toml::node* extends = table.get("extends")) {
    const auto* name = extends->as_string();
    if (!name) fail(file, *extends, "extends", "expected the name of a style or a path to a .toml file");
    const fs::path folder = file.starts_with("<") ? fs::path() : fs::path(file).parent_path();
    try {
      style = load_named(name->get(), folder, chain, origins);
    } catch (const Error& e) {
      // A style that is not there is this file's mistake: say where it names it.
      if (e.kind() != ErrorKind::no_input) throw;
      fail(file, *extends, "extends", fmt::format("{}: {}", e.diagnostic().file, e.diagnostic().message));
    }
  }
  style.description.clear();  // a description describes its own file only

  std::vector<std::pair<std::string, const toml::node*>> leaves;
  collect(table, "", leaves);
  std::stable_partition(leaves.begin(), leaves.end(), [](const auto& leaf) { return leaf.first == "page.size"; });
  Applier applier(style, file, origins);
  for (const auto& [path, node] : leaves) {
    if (path == "extends") continue;
    const Key* key = find_key(path);
    if (!key) {
      const std::string nearest = nearest_key(path);
      fail(file, *node, path,
           nearest.empty() ? std::string("unknown key (styles/README.md lists them)")
                           : fmt::format("unknown key; did you mean {}?", nearest));
    }
    applier.apply(*key, *node);
  }
  chain.pop_back();
  return style;
}

// Landscape turns the page after the whole chain is applied, so a file that only says
// `landscape = true` turns the size it inherited. Then the finished style is checked as a
// whole, and a problem reported where its key was last set (or against the style's name).
void finish(StyleSheet& style, std::string name, const Origins& origins) {
  Page& page = style.page;
  if (page.landscape && page.height.points > page.width.points) std::swap(page.width, page.height);
  if (auto problem = find_problem(style)) {
    const auto origin = origins.find(problem->key);
    Diagnostic where = origin != origins.end() ? origin->second : Diagnostic{Severity::error, "", name, 0, 0};
    where.message = fmt::format("{}: {}", problem->key, problem->message);
    throw Error(ErrorKind::data, std::move(where));
  }
  style.name = std::move(name);
}

}  // namespace

StyleSheet load(std::string_view name_or_path) {
  std::vector<std::string> chain;
  Origins origins;
  StyleSheet style = load_named(name_or_path, fs::path(), chain, origins);
  finish(style, std::string(name_or_path), origins);
  return style;
}

StyleSheet load_text(std::string_view toml_text, std::string_view file) {
  std::vector<std::string> chain;
  Origins origins;
  StyleSheet style = load_chain(toml_text, std::string(file), chain, origins);
  finish(style, std::string(file), origins);
  return style;
}

}  // namespace galley::style
