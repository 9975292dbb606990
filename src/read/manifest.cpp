// Collection manifests: a TOML file naming the book's metadata and its articles in order.
// Departs from ARCHITECTURE.md's "toml++ only in style": the manifest is input, so its
// reader lives with the other readers.
#include <fmt/format.h>
#include <glob.h>
#include <sys/stat.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>

#include "galley/read.hpp"

namespace galley {
namespace {

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

std::string string_key(const toml::table& table, std::string_view key, const std::string& path) {
  const toml::node* node = table.get(key);
  if (!node) return {};
  if (!node->is_string()) {
    throw Error(ErrorKind::data, path, line_of(*node), fmt::format("'{}' must be a string", key));
  }
  return std::string(node->as_string()->get());
}

bool has_glob_characters(std::string_view pattern) {
  return pattern.find_first_of("*?[") != std::string_view::npos;
}

// Expands one entry of `articles`, sorted, relative to the manifest's folder.
std::vector<std::string> expand(const std::string& entry, const std::filesystem::path& folder,
                                 const std::string& path, int line) {
  std::filesystem::path full =
      std::filesystem::path(entry).is_absolute() ? std::filesystem::path(entry) : folder / entry;
  if (!has_glob_characters(entry)) {
    struct stat info {};
    if (::stat(full.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      throw Error(ErrorKind::no_input, path, line,
                  fmt::format("article '{}' is not a readable file", entry));
    }
    return {full.lexically_normal().string()};
  }
  glob_t matches{};
  int status = ::glob(full.c_str(), 0, nullptr, &matches);
  std::vector<std::string> found;
  if (status == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) found.emplace_back(matches.gl_pathv[i]);
  }
  ::globfree(&matches);
  if (found.empty()) {
    throw Error(ErrorKind::no_input, path, line, fmt::format("'{}' matches no file", entry));
  }
  return found;  // glob(3) sorts
}

}  // namespace

model::Collection read_manifest_file(const std::string& path, Diagnostics& diagnostics) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw Error(ErrorKind::no_input, path, 0, std::strerror(errno));
  if (!S_ISREG(info.st_mode)) throw Error(ErrorKind::no_input, path, 0, "is not a regular file");

  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw Error(ErrorKind::data, Diagnostic{Severity::error, std::string(e.description()), path,
                                            static_cast<int>(e.source().begin.line),
                                            static_cast<int>(e.source().begin.column)});
  }

  model::Collection collection;
  collection.title = string_key(table, "title", path);
  collection.editor = string_key(table, "editor", path);
  collection.lang = string_key(table, "lang", path);
  auto folder = std::filesystem::path(path).parent_path();
  if (auto cover = string_key(table, "cover", path); !cover.empty()) {
    collection.cover = (folder / cover).lexically_normal().string();
  }
  if (auto style = string_key(table, "style", path); !style.empty()) {
    // A built-in name stays a name; a file is found beside the manifest.
    const bool file = style.find('/') != std::string::npos || style.ends_with(".toml");
    collection.style = file ? (folder / style).lexically_normal().string() : style;
  }

  const toml::node* articles = table.get("articles");
  if (!articles || !articles->is_array() || articles->as_array()->empty()) {
    throw Error(ErrorKind::data, path, articles ? line_of(*articles) : 0,
                "'articles' must be a non-empty list of article paths or globs");
  }
  std::set<std::string> seen;
  for (const toml::node& entry : *articles->as_array()) {
    if (!entry.is_string()) {
      throw Error(ErrorKind::data, path, line_of(entry), "each article must be a string");
    }
    for (auto& article : expand(std::string(entry.as_string()->get()), folder, path, line_of(entry))) {
      // A glob that also matches an article listed earlier does not add it twice.
      if (seen.insert(article).second) collection.articles.push_back(std::move(article));
    }
  }

  static constexpr std::string_view known[] = {"title", "editor", "lang", "cover", "style", "articles"};
  for (const auto& [key, value] : table) {
    if (std::find(std::begin(known), std::end(known), key.str()) == std::end(known)) {
      diagnostics.warn(path, line_of(value), fmt::format("unknown key '{}' ignored", key.str()));
    }
  }
  if (collection.title.empty()) diagnostics.warn(path, 1, "the collection has no 'title'");
  return collection;
}

}  // namespace galley
