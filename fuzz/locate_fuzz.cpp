// libFuzzer target: any bytes as an image source, resolved by image::locate against a sandbox
// built once per process (an article folder and a resource folder holding files, links that
// stay inside, links that lead out, a loop, a FIFO; secrets beside them). Whatever the source,
// a path that is returned must be a regular file inside one of the two folders, and never one
// of the secrets; a refusal must come without a path.
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "image/image.hpp"

namespace {

namespace fs = std::filesystem;

void write(const fs::path& path) { std::ofstream(path) << "x"; }

struct Sandbox {
  fs::path root;
  std::vector<fs::path> folders;  // canonical: the article's, then the resource folder
  std::vector<fs::path> secrets;  // canonical: files outside both folders

  Sandbox() {
    char name[] = "/tmp/galley-fuzz-locate-XXXXXX";
    if (!::mkdtemp(name)) std::abort();
    root = fs::canonical(name);
    const fs::path article = root / "site" / "article";
    const fs::path shared = root / "site" / "shared";
    fs::create_directories(article / "pics" / "deep");
    fs::create_directories(shared / "logos");
    fs::create_directories(root / "site" / "article-evil");
    fs::create_directories(root / "site" / "sharedx");
    for (const auto& file : {article / "a.png", article / "pics" / "b c.png", article / "pics" / "deep" / "d.png",
                             article / "100%.png", article / "%2e%2e", shared / "logo.png", shared / "logos" / "l.png"}) {
      write(file);
    }
    for (const auto& secret : {root / "secret.png", root / "site" / "secret.png", root / "site" / "article-evil" / "e.png",
                               root / "site" / "sharedx" / "s.png"}) {
      write(secret);
      secrets.push_back(secret);
    }
    fs::create_symlink(article / "a.png", article / "in.png");
    fs::create_symlink(shared / "logo.png", article / "to-shared.png");
    fs::create_symlink(root / "secret.png", article / "out.png");
    fs::create_symlink("../secret.png", article / "rel-out.png");
    fs::create_symlink(root, article / "up");
    fs::create_symlink(root / "site", shared / "parent");
    fs::create_symlink("loop", article / "loop");
    fs::create_symlink("/etc/passwd", article / "passwd");
    ::mkfifo((article / "pipe.png").c_str(), 0600);
    folders = {article, shared};
    // Removed again when the fuzzer exits (the sandbox object is destroyed with the process).
  }
  ~Sandbox() {
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }
};

bool inside(const fs::path& folder, const fs::path& path) {
  auto p = path.begin();
  for (const auto& part : folder) {
    if (p == path.end() || *p != part) return false;
    ++p;
  }
  return p != path.end();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Sandbox sandbox;
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  // Both: the article's folder alone (the default) and with the resource folder.
  for (const std::size_t count : {std::size_t{1}, std::size_t{2}}) {
    const std::vector<fs::path> folders(sandbox.folders.begin(), sandbox.folders.begin() + static_cast<long>(count));
    const galley::image::Located located = galley::image::locate(folders, source);
    if (!located.problem.empty()) {
      if (!located.path.empty()) std::abort();
      continue;
    }
    if (located.path.empty()) std::abort();
    bool ok = false;
    for (const auto& folder : folders) ok = ok || inside(folder, located.path);
    if (!ok) std::abort();
    for (const auto& secret : sandbox.secrets) {
      if (located.path == secret) std::abort();
    }
    struct stat status {};
    if (::lstat(located.path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) std::abort();
  }
  return 0;
}
