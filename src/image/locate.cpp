// Finding the file an article's image source names, confined to the article's own folder and
// the folders the user named (--resource-path): a scraped article is untrusted, and
// `![](../../.ssh/id_rsa)` must not end up inside a book or PDF someone then shares.
#include "image/image.hpp"
#include "model/links.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>
#include <vector>

namespace galley::image {
namespace fs = std::filesystem;
namespace {

Located refused(std::string problem) { return {{}, std::move(problem)}; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%20" -> " ": a Markdown image destination is a URL reference, and converters write file
// names with spaces or non-ASCII letters percent-encoded. A '%' not followed by two hex
// digits stays as it is.
std::string percent_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

bool is_web_url(std::string_view source) {
  std::string scheme;
  for (char c : source.substr(0, source.find(':')))
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "http" || scheme == "https";
}

// True when `path` is `folder` or lies inside it, compared component by component (a plain
// string prefix would let "/articles-evil/x" pass for "/articles"). The folder itself passes
// here so that "." or "pics/" is refused later for what it is: not a file.
bool within(const fs::path& folder, const fs::path& path) {
  auto p = path.begin();
  for (const auto& part : folder) {
    if (p == path.end() || *p != part) return false;
    ++p;
  }
  return true;
}

// What a path that exists but is no regular file is, for the warning.
std::string not_a_file(fs::file_type type) {
  switch (type) {
    case fs::file_type::directory: return "image refused: not a regular file but a folder";
    case fs::file_type::fifo: return "image refused: not a regular file but a FIFO (named pipe)";
    case fs::file_type::block:
    case fs::file_type::character: return "image refused: not a regular file but a device";
    case fs::file_type::socket: return "image refused: not a regular file but a socket";
    default: return "image refused: not a regular file";
  }
}

}  // namespace

Located locate(const fs::path& folder, std::string_view source) {
  return locate(folder.empty() ? std::vector<fs::path>{} : std::vector<fs::path>{folder}, source);
}

Located locate(const std::vector<fs::path>& folders, std::string_view source) {
  if (source.empty()) return refused("the image has no path");
  // "//host/x" is a network-path reference (RFC 3986 4.2): a URL without a scheme, not a
  // file. Backslashes are how Windows spells the same.
  if (source.starts_with("//") || source.starts_with("\\\\")) {
    return refused("image URL refused: a path starting with // names another host");
  }
  if (model::has_url_scheme(source)) {
    return refused(is_web_url(source)
                       ? "remote image dropped: only files beside the article are read (its alt text is kept)"
                       : "image URL refused: only files beside the article are read");
  }
  if (folders.empty()) {
    return refused("image refused: an article read from standard input has no folder (name one with --resource-path)");
  }

  // The decoded spelling first (what a URL reference means), then the literal one (a file
  // really named "a%20b.png"). A NUL would cut the path short inside the system call.
  std::vector<std::string> spellings{percent_decoded(source)};
  if (spellings.front() != source) spellings.emplace_back(source);
  for (const auto& spelling : spellings) {
    if (spelling.find('\0') != std::string::npos) return refused("image refused: its path contains a NUL byte");
  }

  // A folder that does not resolve (removed since it was named) is skipped, as if empty.
  std::error_code error;
  std::vector<fs::path> bases;
  for (const auto& folder : folders) {
    if (folder.empty()) continue;
    fs::path base = fs::canonical(folder, error);
    if (!error) bases.push_back(std::move(base));
  }
  if (bases.empty()) {
    if (!error) return refused("image refused: an article read from standard input has no folder");
    return refused(fmt::format("image refused: the article's folder cannot be resolved ({})", error.message()));
  }
  const auto inside_any = [&](const fs::path& path) {
    return std::any_of(bases.begin(), bases.end(), [&](const fs::path& base) { return within(base, path); });
  };
  // Every candidate is confined before the file system is asked anything, so that the
  // warning never tells whether a file outside the folders exists. The candidates are each
  // spelling joined to each folder in turn, as pandoc's --resource-path searches; one that
  // lies outside every allowed folder is never looked at, and a spelling that escapes from
  // every folder (`%2e%2e/x`, `/etc/passwd`) is refused outright. An absolute source replaces
  // the folder in the join and counts only when it names a path inside one of them. The
  // decoded spelling is looked for in every folder before the literal one.
  const std::string outside = bases.size() > 1 ? "outside the article's folder and the resource path"
                                                 : "outside the article's folder";
  std::vector<fs::path> candidates;
  for (const auto& spelling : spellings) {
    bool kept = false;
    for (const auto& base : bases) {
      fs::path candidate = (base / spelling).lexically_normal();
      if (!inside_any(candidate)) continue;
      candidates.push_back(std::move(candidate));
      kept = true;
    }
    if (!kept) return refused("image refused: it lies " + outside);
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    // canonical resolves every symbolic link on the way, so a link inside a folder that
    // points out of all of them is caught by the second check.
    const fs::path real = fs::canonical(candidates[i], error);
    if (error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory) continue;
    if (error == std::errc::too_many_symbolic_link_levels) {
      return refused("image refused: its symbolic links loop or nest too deeply");
    }
    if (error) return refused(fmt::format("image cannot be read: {}", error.message()));
    if (!inside_any(real)) return refused("image refused: a symbolic link leads " + outside);
    const fs::file_status status = fs::status(real, error);
    if (error) return refused(fmt::format("image cannot be read: {}", error.message()));
    if (status.type() != fs::file_type::regular) return refused(not_a_file(status.type()));
    return {real, {}};
  }
  return refused("image not found");
}

std::vector<fs::path> image_folders(const model::Document& article) {
  std::vector<fs::path> folders;
  if (!article.origin.empty()) folders.push_back(fs::absolute(fs::path(article.origin)).parent_path());
  for (const auto& folder : article.resource_path) {
    if (!folder.empty()) folders.push_back(fs::absolute(fs::path(folder)));
  }
  return folders;
}

}  // namespace galley::image
