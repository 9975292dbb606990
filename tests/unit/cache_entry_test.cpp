// Tests for src/text/cache_entry.cpp and src/text/kerning_pairs.cpp: an entry is used only for
// the file and kind it was made for, and whole; kerning pairs kept by one run are what the
// next finds, and records this code did not write are not used.
#include "text/cache_entry.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "text/kerning_pairs.hpp"

namespace galley::text::detail {
namespace {

namespace fs = std::filesystem;

fs::path fresh_folder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("galley-cache-entry-" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

void set_mtime(const fs::path& path, long seconds) {
  const timespec times[2] = {{seconds, 0}, {seconds, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(folder)) out.push_back(entry.path());
  return out;
}

std::string payload_of(const fs::path& folder, const fs::path& source, const std::string& kind) {
  const CacheEntry entry(folder.string(), source_file(source.string()), kind);
  return entry.usable() ? std::string(entry.payload()) : "(none)";
}

TEST(CacheEntry, UsedOnlyForItsFileAndKind) {
  const fs::path folder = fresh_folder("kind");
  const fs::path source = folder / "font.ttf";
  write_file(source, "glyphs");
  set_mtime(source, 1700000000);
  const fs::path cache = folder / "cache";
  EXPECT_EQ(payload_of(cache, source, "pairs 1"), "(none)");
  CacheEntry(cache.string(), source_file(source.string()), "pairs 1").write("kept");
  EXPECT_EQ(payload_of(cache, source, "pairs 1"), "kept");
  EXPECT_EQ(payload_of(cache, source, "pairs 2"), "(none)");  // another format or version
  set_mtime(source, 1700000001);
  EXPECT_EQ(payload_of(cache, source, "pairs 1"), "(none)");  // the file changed since
  set_mtime(source, 1700000000);
  EXPECT_EQ(payload_of(cache, source, "pairs 1"), "kept");
  write_file(source, "glyphs!");
  set_mtime(source, 1700000000);
  EXPECT_EQ(payload_of(cache, source, "pairs 1"), "(none)");  // its size
  // Another file of the same name in another folder has an entry of its own.
  fs::create_directories(folder / "other");
  write_file(folder / "other" / "font.ttf", "glyphs");
  EXPECT_EQ(payload_of(cache, folder / "other" / "font.ttf", "pairs 1"), "(none)");
  EXPECT_EQ(payload_of(cache, folder / "nowhere.ttf", "pairs 1"), "(none)");
  fs::remove_all(folder);
}

TEST(CacheEntry, ADamagedOrCutEntryIsNotUsed) {
  const fs::path folder = fresh_folder("damaged");
  const fs::path source = folder / "font.ttf";
  write_file(source, "glyphs");
  const fs::path cache = folder / "cache";
  CacheEntry(cache.string(), source_file(source.string()), "pairs 1").write(std::string(300, 'p'));
  const fs::path file = files_in(cache).at(0);
  std::ifstream in(file, std::ios::binary);
  const std::string good{std::istreambuf_iterator<char>(in), {}};
  for (std::size_t at = 0; at < good.size(); at += 7) {
    std::string bad = good;
    bad[at] ^= 0x20;
    write_file(file, bad);
    EXPECT_EQ(payload_of(cache, source, "pairs 1"), "(none)") << "byte " << at;
    write_file(file, good.substr(0, at));
    EXPECT_EQ(payload_of(cache, source, "pairs 1"), "(none)") << "cut at " << at;
  }
  write_file(file, good + "x");
  EXPECT_EQ(payload_of(cache, source, "pairs 1"), "(none)");
  write_file(file, good);
  EXPECT_EQ(payload_of(cache, source, "pairs 1"), std::string(300, 'p'));
  fs::remove_all(folder);
}

TEST(CacheEntry, NothingIsWrittenWhereNoFolderCanBe) {
  const fs::path folder = fresh_folder("unwritable");
  const fs::path source = folder / "font.ttf";
  write_file(source, "glyphs");
  CacheEntry((source / "cache").string(), source_file(source.string()), "pairs 1").write("kept");  // under a file
  CacheEntry("", source_file(source.string()), "pairs 1").write("kept");
  EXPECT_EQ(files_in(folder).size(), 1u);
  fs::remove_all(folder);
}

TEST(KnownPairs, PairsKeptByOneRunAreFoundByTheNext) {
  const fs::path folder = fresh_folder("pairs");
  const fs::path font = folder / "font.ttf";
  write_file(font, "glyphs");
  const std::string cache = (folder / "cache").string();
  {
    KnownPairs run(cache);
    EXPECT_FALSE(run.find(font.string(), 0x00410056));
    run.add(font.string(), 0x00410056, -74);  // "AV"
    run.add(font.string(), 0x00540065, -55);  // "Te"
    run.add(font.string(), 0x00610062, 0);
    EXPECT_EQ(run.find(font.string(), 0x00410056), -74);
    run.save(font.string());
  }
  {
    KnownPairs next(cache);
    EXPECT_EQ(next.find(font.string(), 0x00410056), -74);
    EXPECT_EQ(next.find(font.string(), 0x00540065), -55);
    EXPECT_EQ(next.find(font.string(), 0x00610062), 0);
    EXPECT_FALSE(next.find(font.string(), 0x00410041));
    next.add(font.string(), 0x00410041, 3);  // merged with the kept ones
    next.save(font.string());
  }
  KnownPairs third(cache);
  EXPECT_EQ(third.find(font.string(), 0x00410041), 3);
  EXPECT_EQ(third.find(font.string(), 0x00540065), -55);
  KnownPairs memory_only("");
  memory_only.add(font.string(), 1, 2);
  memory_only.save(font.string());
  EXPECT_EQ(memory_only.find(font.string(), 1), 2);
  fs::remove_all(folder);
}

// Records out of order or out of range (an entry of this kind this code did not write) are
// not used, though the entry itself is whole.
TEST(KnownPairs, RecordsThisCodeDidNotWriteAreNotUsed) {
  const fs::path folder = fresh_folder("records");
  const fs::path font = folder / "font.ttf";
  write_file(font, "glyphs");
  const std::string cache = (folder / "cache").string();
  {
    KnownPairs run(cache);
    run.add(font.string(), 7, 1);
    run.save(font.string());
  }
  const fs::path file = files_in(cache).at(0);
  std::ifstream in(file, std::ios::binary);
  const std::string entry{std::istreambuf_iterator<char>(in), {}};
  // The kind's name as the entry holds it: between the source's path and the one record.
  const std::size_t path_at = entry.find(font.string());
  ASSERT_NE(path_at, std::string::npos);
  const std::string name = entry.substr(path_at + font.string().size(), entry.size() - 8 - path_at - font.string().size());
  const auto records = [](std::vector<std::pair<std::uint32_t, std::int32_t>> list) {
    std::string out;
    for (const auto& [key, value] : list) {
      out.append(reinterpret_cast<const char*>(&key), sizeof key);
      out.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    return out;
  };
  const auto found_with = [&](const std::string& payload, std::uint32_t key) {
    fs::remove_all(cache);
    CacheEntry(cache, source_file(font.string()), name).write(payload);
    return KnownPairs(cache).find(font.string(), key);
  };
  EXPECT_EQ(found_with(records({{3, -1}, {9, 2}}), 9), 2);    // as this code writes them
  EXPECT_FALSE(found_with(records({{9, 2}, {3, -1}}), 9));    // out of order
  EXPECT_FALSE(found_with(records({{3, -1}, {9, 70000}}), 3));  // not a kerning
  EXPECT_FALSE(found_with(records({{3, -1}}) + "xyz", 3));     // not whole records
  fs::remove_all(folder);
}

}  // namespace
}  // namespace galley::text::detail
