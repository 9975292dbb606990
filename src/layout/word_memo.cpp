#include "layout/word_memo.hpp"

#include <bit>
#include <functional>

namespace galley::layout {

std::size_t WordMemo::Hash::operator()(const WordKey& key) const {
  std::size_t out = std::hash<std::string_view>{}(key.text);
  const auto mix = [&out](std::size_t value) { out ^= value + 0x9e3779b97f4a7c15ULL + (out << 6) + (out >> 2); };
  mix(std::bit_cast<std::uint64_t>(key.size));  // std::hash<double> hashes the bytes: slower
  mix(static_cast<std::size_t>(key.face));
  mix(std::hash<const void*>{}(key.hyphenator));
  mix(static_cast<std::size_t>(key.breaks));
  mix(key.last_word ? 1 : 0);
  return out;
}

const WordItems* WordMemo::find(const WordKey& key) const {
  const auto found = words_.find(key);
  return found == words_.end() ? nullptr : &found->second->items;
}

void WordMemo::keep(const WordKey& key, WordItems items) {
  if (words_.size() >= most_kept) return;
  auto entry = std::make_unique<Entry>(Entry{std::string(key.text), std::move(items)});
  WordKey owned = key;
  owned.text = entry->text;
  words_.emplace(owned, std::move(entry));
}

WordMemo& WordMemos::for_fonts(const text::FontMetrics& fonts) {
  const std::lock_guard lock(mutex_);
  std::unique_ptr<WordMemo>& memo = memos_[&fonts];
  if (!memo) memo = std::make_unique<WordMemo>();
  return *memo;
}

}  // namespace galley::layout
