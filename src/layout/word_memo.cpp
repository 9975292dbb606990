#include "layout/word_memo.hpp"

#include <algorithm>
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
  if (slots_.empty()) return nullptr;
  const std::size_t hash = Hash{}(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask; slots_[i].entry; i = (i + 1) & mask) {
    if (slots_[i].hash == hash && slots_[i].entry->key == key) return &slots_[i].entry->items;
  }
  return nullptr;
}

void WordMemo::keep(const WordKey& key, WordItems items) {
  if (entries_.size() >= most_kept) return;
  if (2 * (entries_.size() + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, 2 * old.size()), Slot{});
    for (const Slot& slot : old) {
      if (!slot.entry) continue;
      std::size_t i = slot.hash & (slots_.size() - 1);
      while (slots_[i].entry) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }
  const std::size_t hash = Hash{}(key);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  for (; slots_[i].entry; i = (i + 1) & mask) {
    if (slots_[i].hash == hash && slots_[i].entry->key == key) return;  // the first kept stays
  }
  auto entry = std::make_unique<Entry>(Entry{std::string(key.text), key, std::move(items)});
  entry->key.text = entry->text;
  slots_[i] = Slot{hash, entry.get()};
  entries_.push_back(std::move(entry));
}

std::size_t WordMemo::ShapeHash::operator()(const ShapeKey& key) const {
  const std::size_t text = std::hash<std::string_view>{}(key.text);
  const std::size_t size = std::hash<double>{}(key.size);
  return text ^ (size + 0x9e3779b97f4a7c15ULL + (text << 6) + (text >> 2)) ^ static_cast<std::size_t>(key.face) << 1;
}

const Shape* WordMemo::find_shape(text::FaceId face, double size, std::string_view text) const {
  const auto found = shapes_.find(ShapeKey{face, size, text});
  return found == shapes_.end() ? nullptr : &found->second->shape;
}

void WordMemo::keep_shape(text::FaceId face, double size, std::string_view text, Shape shape) {
  if (shapes_.size() >= most_kept) return;
  auto entry = std::make_unique<ShapeEntry>(ShapeEntry{std::string(text), std::move(shape)});
  const ShapeKey key{face, size, entry->text};
  shapes_.emplace(key, std::move(entry));
}

const std::vector<std::size_t>* WordMemo::find_points(const text::Hyphenator* hyphenator, std::string_view word) const {
  const auto dictionary = points_.find(hyphenator);
  if (dictionary == points_.end()) return nullptr;
  const auto found = dictionary->second.find(word);
  return found == dictionary->second.end() ? nullptr : &found->second;
}

const std::vector<std::size_t>& WordMemo::keep_points(const text::Hyphenator* hyphenator, std::string_view word,
                                                      std::vector<std::size_t> points) {
  if (points_kept_ >= most_kept) {
    unkept_points_ = std::move(points);
    return unkept_points_;
  }
  ++points_kept_;
  return points_[hyphenator].emplace(std::string(word), std::move(points)).first->second;
}

WordMemo& WordMemos::for_fonts(const text::FontMetrics& fonts) {
  const std::lock_guard lock(mutex_);
  std::unique_ptr<WordMemo>& memo = memos_[&fonts];
  if (!memo) memo = std::make_unique<WordMemo>();
  return *memo;
}

}  // namespace galley::layout
