// Front matter between `---` lines, read with yaml-cpp; known keys type-checked.
#include "read/front_matter.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "read/unicode.hpp"

namespace galley::read {
namespace {

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

std::string_view line_at(std::string_view text, std::size_t start) {
  auto end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
}

// Reads one mapping's keys into FrontMatter, knowing the YAML starts on file line 2.
class KeyReader {
 public:
  KeyReader(const std::string& file, FrontMatter& out) : file_(file), out_(out) {}

  void read(const YAML::Node& root) {
    for (auto it = root.begin(); it != root.end(); ++it) {
      // Copies: `it->first` and `it->second` are proxies, and a reference to them dangles.
      YAML::Node key_node = it->first;
      YAML::Node value = it->second;
      // YAML allows any node as a key (`[a]: b`, `? {a: 1}`, `~: x`); galley's keys are
      // names. A scalar such as `1` is a name as written.
      if (!key_node.IsScalar()) not_a_name(key_node, value);
      std::string key = key_node.Scalar();
      // An empty value (`date:`, `title: ""`, `author: []`) says nothing: it must not
      // erase what the conventions found in the text.
      if (is_blank(value)) continue;
      if (key == "title") out_.title = scalar(key, value);
      else if (key == "subtitle") out_.subtitle = scalar(key, value);
      else if (key == "date") out_.date_text = scalar(key, value), out_.date_line = line_of(value);
      else if (key == "lang") out_.lang = scalar(key, value), out_.lang_line = line_of(value);
      else if (key == "source") out_.source = scalar(key, value);
      else if (key == "summary") out_.summary = scalar(key, value);
      else if (key == "image") out_.image = scalar(key, value), out_.image_line = line_of(value);
      else if (key == "image_caption") out_.image_caption = scalar(key, value);
      else if (key == "image_credit") out_.image_credit = scalar(key, value);
      else if (key == "author") set_unless_empty(out_.authors, names(key, value));
      else if (key == "tags") set_unless_empty(out_.tags, list(key, value));
      else out_.extra[key] = as_text(value);
    }
  }

 private:
  // yaml-cpp gives a node with no token of its own (an empty key) the mark -1.
  static int line_of(const YAML::Node& node) { return std::max(node.Mark().line, 0) + 2; }
  static int column_of(const YAML::Node& node) { return std::max(node.Mark().column, 0) + 1; }

  // Null or white space only. An empty list is not blank here: `title: []` is still the
  // wrong type, and for list keys an empty result is dropped by set_unless_empty.
  static bool is_blank(const YAML::Node& value) {
    return value.IsNull() || (value.IsScalar() && trim(value.Scalar()).empty());
  }

  static void set_unless_empty(std::optional<std::vector<std::string>>& field,
                               std::vector<std::string> items) {
    if (!items.empty()) field = std::move(items);
  }

  [[noreturn]] void not_a_name(const YAML::Node& key, const YAML::Node& value) const {
    std::string_view actual = key.IsSequence() ? "a list" : key.IsMap() ? "a mapping" : "empty";
    const YAML::Node& at = key.Mark().is_null() ? value : key;
    throw Error(ErrorKind::data,
                Diagnostic{Severity::error,
                           fmt::format("front matter key must be a name, not {}", actual), file_,
                           line_of(at), column_of(at)});
  }

  [[noreturn]] void wrong_type(const std::string& key, const YAML::Node& value,
                               std::string_view expected) const {
    std::string_view actual = value.IsSequence() ? "a list" : value.IsMap() ? "a mapping" : "a scalar";
    throw Error(ErrorKind::data, Diagnostic{Severity::error,
                                            fmt::format("front matter '{}' must be {}, not {}",
                                                        key, expected, actual),
                                            file_, line_of(value), column_of(value)});
  }

  std::string scalar(const std::string& key, const YAML::Node& value) const {
    if (!value.IsScalar()) wrong_type(key, value, "a string");
    return std::string(trim(value.Scalar()));
  }

  // A list of strings, or one string holding comma-separated items.
  std::vector<std::string> list(const std::string& key, const YAML::Node& value) const {
    std::vector<std::string> items;
    if (value.IsScalar()) {
      std::string_view rest = value.Scalar();
      while (!rest.empty()) {
        auto comma = rest.find(',');
        auto item = trim(rest.substr(0, comma));
        if (!item.empty()) items.emplace_back(item);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      }
      return items;
    }
    if (!value.IsSequence()) wrong_type(key, value, "a string or a list of strings");
    for (YAML::Node item : value) {
      if (item.IsNull()) continue;
      if (!item.IsScalar()) wrong_type(key, item, "a string");
      if (auto text = trim(item.Scalar()); !text.empty()) items.emplace_back(text);
    }
    return items;
  }

  // `author`: a name, a list of names, or (as pandoc allows) entries with a `name` key.
  // Empty names (`author: ["", Ana]`) are left out, like empty values.
  std::vector<std::string> names(const std::string& key, const YAML::Node& value) const {
    if (value.IsScalar()) return {std::string(trim(value.Scalar()))};
    if (!value.IsSequence()) wrong_type(key, value, "a name or a list of names");
    std::vector<std::string> items;
    for (YAML::Node item : value) {
      std::string name;  // a copy: item["name"] is a temporary node
      if (item.IsNull()) {
        continue;
      } else if (item.IsMap() && item["name"] && item["name"].IsScalar()) {
        name = trim(item["name"].Scalar());
      } else if (item.IsScalar()) {
        name = trim(item.Scalar());
      } else {
        wrong_type(key, item, "a name");
      }
      if (!name.empty()) items.push_back(std::move(name));
    }
    return items;
  }

  static std::string as_text(const YAML::Node& value) {
    if (value.IsScalar()) return value.Scalar();
    YAML::Emitter emitter;
    emitter.SetSeqFormat(YAML::Flow);
    emitter.SetMapFormat(YAML::Flow);
    emitter << value;
    return emitter.c_str();
  }

  const std::string& file_;
  FrontMatter& out_;
};

}  // namespace

SplitArticle split_front_matter(std::string text, const std::string& file,
                                Diagnostics& /*diagnostics*/) {
  SplitArticle result;
  // `---` followed by a blank line is a thematic break, not front matter (as in pandoc).
  if (!is_fence(line_at(text, 0), false) || text.find('\n') == std::string::npos ||
      trim(line_at(text, text.find('\n') + 1)).empty()) {
    result.body = std::move(text);
    return result;
  }

  std::size_t yaml_start = text.find('\n') + 1;
  std::size_t close = std::string::npos;
  for (std::size_t pos = yaml_start; pos < text.size();) {
    if (is_fence(line_at(text, pos), true)) {
      close = pos;
      break;
    }
    auto newline = text.find('\n', pos);
    if (newline == std::string::npos) break;
    pos = newline + 1;
  }
  if (close == std::string::npos) {
    throw Error(ErrorKind::data, file, 1,
                "front matter opened here is never closed (expected a line '---' or '...')");
  }

  std::string yaml = text.substr(yaml_start, close - yaml_start);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw Error(ErrorKind::data, Diagnostic{Severity::error, "front matter: " + e.msg, file,
                                            e.mark.line + 2, e.mark.column + 1});
  }
  FrontMatter front_matter;
  if (root.IsMap()) {
    try {
      KeyReader(file, front_matter).read(root);
    } catch (const YAML::Exception& e) {
      // A conversion the checks above did not foresee is still bad data, not a crash.
      throw Error(ErrorKind::data, Diagnostic{Severity::error,
                                              fmt::format("front matter: {}", e.msg), file,
                                              std::max(e.mark.line, 0) + 2,
                                              std::max(e.mark.column, 0) + 1});
    }
  } else if (!root.IsNull()) {
    throw Error(ErrorKind::data, file, 2, "front matter must be a mapping of keys to values");
  }
  result.front_matter = std::move(front_matter);

  // The front matter's lines become empty lines, so line numbers still count from the top.
  std::size_t body_start = text.find('\n', close);
  body_start = body_start == std::string::npos ? text.size() : body_start;
  std::string body(static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(body_start), '\n')), '\n');
  body.append(text, body_start, std::string::npos);
  result.body = std::move(body);
  return result;
}

}  // namespace galley::read
