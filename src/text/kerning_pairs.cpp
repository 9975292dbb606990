// Known kerning pairs: a cache entry's records, looked up where they are mapped (a binary
// search, nothing built from them: an article needs a few hundred of the thousands kept), and
// the pairs shaped since, merged into a new entry on save().
#include "text/kerning_pairs.hpp"

#include <hb.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

#include "text/cache_entry.hpp"

namespace galley::text::detail {
namespace {

struct Record {
  std::uint32_t key = 0;
  std::int32_t value = 0;
};

// HarfBuzz's version is part of what the pairs are made from; the features FontFace shapes
// with are fixed in its code (a change to them must change this name).
std::string kind() {
  return std::string("kerning pairs 1 (-liga -clig -calt -dlig kern), HarfBuzz ") + hb_version_string();
}

std::size_t record_count(const CacheEntry* kept) {
  return kept && kept->usable() ? kept->payload().size() / sizeof(Record) : 0;
}

Record record_at(const CacheEntry& kept, std::size_t i) {
  Record record;
  std::memcpy(&record, kept.payload().data() + i * sizeof record, sizeof record);
  return record;
}

}  // namespace

KnownPairs& KnownPairs::instance() {
  static KnownPairs* const pairs = new KnownPairs(user_cache_folder("kerning"));
  return *pairs;
}

KnownPairs::KnownPairs(std::string cache_folder) : cache_folder_(std::move(cache_folder)) {}

KnownPairs::~KnownPairs() = default;

KnownPairs::File& KnownPairs::file(const std::string& path) {
  auto [it, added] = files_.try_emplace(path);
  if (added && !cache_folder_.empty()) {
    auto entry = std::make_unique<CacheEntry>(cache_folder_, source_file(path), kind());
    // Records in ascending key order, each value a kerning in range: anything else is not
    // an entry this code wrote, and is not used.
    bool good = entry->usable() && entry->payload().size() % sizeof(Record) == 0;
    const std::size_t count = good ? entry->payload().size() / sizeof(Record) : 0;
    for (std::size_t i = 0; good && i < count; ++i) {
      const Record record = record_at(*entry, i);
      good = record.value >= INT16_MIN && record.value <= INT16_MAX &&
             (i == 0 || record_at(*entry, i - 1).key < record.key);
    }
    if (good) it->second.kept = std::move(entry);
  }
  return it->second;
}

std::optional<std::int16_t> KnownPairs::find(const std::string& path, std::uint32_t key) {
  const std::lock_guard lock(mutex_);
  File& known = file(path);
  if (const auto found = known.added.find(key); found != known.added.end()) return found->second;
  std::size_t low = 0, high = record_count(known.kept.get());
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    const Record record = record_at(*known.kept, middle);
    if (record.key == key) return static_cast<std::int16_t>(record.value);
    if (record.key < key) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return std::nullopt;
}

void KnownPairs::add(const std::string& path, std::uint32_t key, std::int16_t value) {
  const std::lock_guard lock(mutex_);
  File& known = file(path);
  known.added.emplace(key, value);
  known.unsaved = true;
}

void KnownPairs::save(const std::string& path) {
  std::string payload;
  {
    const std::lock_guard lock(mutex_);
    if (cache_folder_.empty()) return;
    File& known = file(path);
    if (!known.unsaved) return;
    known.unsaved = false;
    std::vector<Record> records;
    const std::size_t kept = record_count(known.kept.get());
    records.reserve(kept + known.added.size());
    for (std::size_t i = 0; i < kept; ++i) records.push_back(record_at(*known.kept, i));
    for (const auto& [key, value] : known.added) records.push_back(Record{key, value});
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.key < b.key; });
    payload.assign(reinterpret_cast<const char*>(records.data()), records.size() * sizeof(Record));
    // What is written stays in `added` (a later save writes it again, with more), and the
    // mapped records stay what they were.
  }
  CacheEntry(cache_folder_, source_file(path), kind()).write(payload);
}

}  // namespace galley::text::detail
