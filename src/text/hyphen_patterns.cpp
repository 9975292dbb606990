// Loading a libhyphen pattern file as hnj_hyphen_load_file does (libhyphen 2.8.8, hyphen.c),
// step for step, with a hash map in place of its fixed-size chained table.
#include "text/hyphen_patterns.hpp"

#include <hyphen.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace galley::text::detail {
namespace {

// libhyphen reads with fgets into char[MAX_CHARS]: a longer line arrives as several.
constexpr std::size_t line_buffer = MAX_CHARS;

// One state while loading: its string's match, replacement and transitions.
struct State {
  int match = -1;  ///< offset into LevelBuilder::strings(), or none
  int repl = -1;
  signed char replindex = 0;
  signed char replcut = 0;
  int fallback = -1;
  // Transitions as a list of children in order of creation (no vector per state: the
  // German dictionary has 292,000 states).
  int first_child = -1;
  int last_child = -1;
  int next_sibling = -1;
  char ch = 0;  ///< the byte of the transition into this state
  int children = 0;
};

// The transitions of a trie, (state, byte) -> state, in an open-addressing table: walking a
// state's children one by one was a quarter of loading a dictionary (the second level has
// dozens of children per state).
class Transitions {
 public:
  int find(int state, char ch) const {
    if (keys_.empty()) return -1;
    const std::uint32_t key = key_of(state, ch);
    for (std::size_t at = slot(key);; at = (at + 1) & (keys_.size() - 1)) {
      if (keys_[at] == key) return values_[at];
      if (keys_[at] == 0) return -1;
    }
  }
  void add(int state, char ch, int target) {
    if ((count_ + 1) * 2 > keys_.size()) grow();
    insert(key_of(state, ch), target);
    ++count_;
  }

 private:
  // Never 0, the empty slot's key. A state number fits in 24 bits: there are at most as many
  // states as bytes in the file, and load() refuses a file of 16 MB or more (German's, the
  // largest, is 1 MB).
  static std::uint32_t key_of(int state, char ch) {
    return (static_cast<std::uint32_t>(state) << 8 | static_cast<unsigned char>(ch)) + 1;
  }
  // Fibonacci hashing: the product's top bits, which every bit of the key reaches.
  std::size_t slot(std::uint32_t key) const { return (key * 2654435761u) >> shift_; }
  void insert(std::uint32_t key, int target) {
    std::size_t at = slot(key);
    while (keys_[at] != 0) at = (at + 1) & (keys_.size() - 1);
    keys_[at] = key;
    values_[at] = target;
  }
  void grow() {
    std::vector<std::uint32_t> keys = std::move(keys_);
    std::vector<int> values = std::move(values_);
    keys_.assign(std::max<std::size_t>(1024, keys.size() * 2), 0);
    shift_ = 32 - std::countr_zero(keys_.size());
    values_.assign(keys_.size(), -1);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] != 0) insert(keys[i], values[i]);
    }
  }

  std::vector<std::uint32_t> keys_;
  std::vector<int> values_;
  std::size_t count_ = 0;
  int shift_ = 32;
};

// One level of the dictionary being read (libhyphen's dict[k] and its hashtab).
class LevelBuilder {
 public:
  explicit LevelBuilder(std::size_t expected_states) {
    states_.reserve(expected_states);  // no copying of the whole array while it grows
    states_.emplace_back();
  }

  // hnj_hyphen_load_line. `buf` is one fgets chunk, its newline included. The common line
  // (a pattern, no replacement) is read without a copy: a dictionary is 10,000 to 80,000
  // of them, read at the start of every run that hyphenates.
  void load_line(std::string_view buf) {
    if (buf.starts_with("LEFTHYPHENMIN")) {
      lhmin = static_cast<char>(to_int(buf.substr(13)));
      return;
    }
    if (buf.starts_with("RIGHTHYPHENMIN")) {
      rhmin = static_cast<char>(to_int(buf.substr(14)));
      return;
    }
    if (buf.starts_with("COMPOUNDLEFTHYPHENMIN")) {
      clhmin = static_cast<char>(to_int(buf.substr(21)));
      return;
    }
    if (buf.starts_with("COMPOUNDRIGHTHYPHENMIN")) {
      crhmin = static_cast<char>(to_int(buf.substr(22)));
      return;
    }
    if (buf.starts_with("NOHYPHEN")) {
      // The rest of the line minus its last byte (the newline), commas turned into NULs
      // (the first byte never, as in libhyphen), and their count.
      std::size_t space = 8;
      while (space < buf.size() && (buf[space] == ' ' || buf[space] == '\t')) ++space;
      nohyphen = std::string(buf.substr(space));
      if (!nohyphen->empty()) {
        nohyphen->back() = '\0';
        for (std::size_t i = nohyphen->size() - 1; i-- > 1;) {
          if ((*nohyphen)[i] == ',') {
            ++nohyphenl;
            (*nohyphen)[i] = '\0';
          }
        }
      }
      return;
    }
    const std::size_t slash = buf.find('/');
    if (slash == std::string_view::npos) {
      load_pattern(buf);
      return;
    }
    // A pattern with a replacement ("c1k/k=k,1,1"): libhyphen's non-standard hyphenation.
    signed char replindex = 0, replcut = 0;
    std::string repl(buf.substr(slash + 1));
    buf = buf.substr(0, slash);
    const std::size_t comma = repl.find(',');
    if (comma != std::string::npos) {
      const std::size_t comma2 = repl.find(',', comma + 1);
      if (comma2 != std::string::npos) {
        replindex = static_cast<signed char>(static_cast<signed char>(std::atoi(repl.c_str() + comma + 1)) - 1);
        replcut = static_cast<signed char>(std::atoi(repl.c_str() + comma2 + 1));
      }
      repl.resize(comma);
    } else {
      chomp(repl);
      replcut = static_cast<signed char>(buf.size());
    }
    repl.resize(std::strlen(repl.c_str()));
    std::string& word = word_;
    std::string& pattern = pattern_;
    word.clear();
    pattern.assign(1, '0');
    for (std::size_t i = 0; i < buf.size() && static_cast<unsigned char>(buf[i]) > ' '; ++i) {
      if (buf[i] >= '0' && buf[i] <= '9') {
        pattern.back() = buf[i];
      } else {
        word += buf[i];
        pattern += '0';
      }
    }
    const std::size_t skip = !word.empty() && word[0] == '.' ? 1 : 0;
    if (utf8) {
      // Replacement positions counted in UTF-8 characters, turned into bytes.
      const char* w = word.c_str();
      int pu = -1, ps = -1;
      for (std::size_t pc = w[0] == '.' ? 1 : 0; pc < word.size() + 1; ++pc) {
        if ((static_cast<unsigned char>(w[pc]) >> 6) != 2) ++pu;
        if (ps < 0 && replindex == pu) {
          ps = replindex;
          replindex = static_cast<signed char>(pc);
        }
        if (ps >= 0 && pu - ps == replcut) {
          replcut = static_cast<signed char>(pc - static_cast<std::size_t>(replindex));
          break;
        }
      }
      if (w[0] == '.') --replindex;
    }
    int state = 0;
    for (const char ch : word) state = child_or_added(state, ch);
    State& s = states_[static_cast<std::size_t>(state)];
    s.match = keep(std::string_view(pattern).substr(skip));
    s.repl = keep(repl);
    s.replindex = replindex;
    s.replcut = replcut != 0 ? replcut : static_cast<signed char>(word.size());
  }

  // load_line for the common line, a pattern without a replacement ("a1b2c"), in one pass
  // and no copy: the same states, in the same order, and the same match.
  void load_pattern(std::string_view buf) {
    char pattern[line_buffer + 1];
    std::size_t length = 0;
    std::size_t letters = 0;
    pattern[length++] = '0';
    int state = 0;
    for (std::size_t i = 0; i < buf.size() && static_cast<unsigned char>(buf[i]) > ' '; ++i) {
      const char c = buf[i];
      if (c >= '0' && c <= '9') {
        pattern[length - 1] = c;
      } else {
        state = child_or_added(state, c);
        ++letters;
        pattern[length++] = '0';
      }
    }
    std::size_t skip = 0;
    while (skip < length && pattern[skip] == '0') ++skip;  // leading zeroes
    State& s = states_[static_cast<std::size_t>(state)];
    s.match = keep(std::string_view(pattern + skip, length - skip));
    s.repl = -1;
    s.replindex = 0;
    s.replcut = static_cast<signed char>(letters);
  }

  // The state for `state`'s string followed by `ch`, added with its transition when new:
  // libhyphen's states are the trie of the pattern words.
  int child_or_added(int state, char ch) {
    const int next = child(state, ch);
    if (next >= 0) return next;
    const int added = static_cast<int>(states_.size());
    states_.emplace_back().ch = ch;
    State& parent = states_[static_cast<std::size_t>(state)];
    if (parent.last_child >= 0) {
      states_[static_cast<std::size_t>(parent.last_child)].next_sibling = added;
    } else {
      parent.first_child = added;
    }
    parent.last_child = added;
    ++parent.children;
    if (state == 0) {
      root_[static_cast<unsigned char>(ch)] = added;
    } else {
      transitions_.add(state, ch, added);
    }
    return added;
  }

  // Each state falls back to the state of its longest proper suffix ("" at worst): what
  // libhyphen finds by looking every suffix up, found here breadth first as Aho and
  // Corasick's failure function (the fallback of s + c extends a fallback of s by c).
  void set_fallbacks() {
    std::vector<int> queue{0};
    for (std::size_t at = 0; at < queue.size(); ++at) {
      const int parent = queue[at];
      for (int next = states_[static_cast<std::size_t>(parent)].first_child; next >= 0;
           next = states_[static_cast<std::size_t>(next)].next_sibling) {
        const char ch = states_[static_cast<std::size_t>(next)].ch;
        int fallback = 0;
        if (parent != 0) {
          int w = states_[static_cast<std::size_t>(parent)].fallback;
          while (w >= 0 && child(w, ch) < 0) w = states_[static_cast<std::size_t>(w)].fallback;
          fallback = w >= 0 ? child(w, ch) : 0;
        }
        states_[static_cast<std::size_t>(next)].fallback = fallback;
        queue.push_back(next);
      }
    }
  }

  std::vector<State>& states() { return states_; }
  /// Every match and replacement, each NUL-terminated; State::match and repl are offsets.
  const std::string& strings() const { return strings_; }

  bool utf8 = false;
  char lhmin = 0, rhmin = 0, clhmin = 0, crhmin = 0;
  std::optional<std::string> nohyphen;
  int nohyphenl = 0;

 private:
  static void chomp(std::string& s) {
    if (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.pop_back();
    if (!s.empty() && s.back() == '\r') s.pop_back();
  }
  int keep(std::string_view text) {
    const auto offset = static_cast<int>(strings_.size());
    strings_ += text;
    strings_ += '\0';
    return offset;
  }
  // atoi over the rest of a chunk, which is not NUL-terminated (a chunk is shorter than
  // libhyphen's line buffer, so all of it fits, leading blanks included).
  static int to_int(std::string_view text) {
    char digits[line_buffer + 1] = {};
    text.copy(digits, std::min(text.size(), line_buffer));
    return std::atoi(digits);
  }
  int child(int state, char ch) const {
    if (state == 0) return root_[static_cast<unsigned char>(ch)];  // the root has most children
    return transitions_.find(state, ch);
  }

  std::vector<State> states_;
  Transitions transitions_;  ///< every transition but the root's, for child()
  std::string strings_;  ///< matches and replacements
  std::string word_, pattern_;  ///< the line being read, kept for their buffers
  std::array<int, 256> root_ = filled(-1);  ///< the root's transitions by byte

  static std::array<int, 256> filled(int value) {
    std::array<int, 256> out;
    out.fill(value);
    return out;
  }
};

// fgets over a buffer: the next chunk of at most `size - 1` bytes ending at a newline.
class ChunkReader {
 public:
  explicit ChunkReader(std::string_view text) : text_(text) {}
  bool next(std::size_t size, std::string_view& out) {
    if (at_ >= text_.size()) return false;
    const std::size_t limit = std::min(text_.size(), at_ + size - 1);
    const std::size_t newline = text_.find('\n', at_);
    const std::size_t end = newline < limit ? newline + 1 : limit;
    out = text_.substr(at_, end - at_);
    at_ = end;
    return true;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// A finished level: libhyphen's structs and the flat arrays they point into.
struct Level {
  HyphenDict dict{};
  std::vector<HyphenState> states;
  std::vector<HyphenTrans> trans;
  std::vector<char> text;  ///< every match, repl and the nohyphen list, NUL-terminated

  void finish(LevelBuilder& built, const char (&cset)[MAX_NAME]) {
    std::vector<State>& from = built.states();
    std::size_t trans_size = 0;
    for (const State& s : from) trans_size += static_cast<std::size_t>(s.children);
    text.assign(built.strings().begin(), built.strings().end());
    const std::size_t nohyphen_at = text.size();
    if (built.nohyphen) {
      text.insert(text.end(), built.nohyphen->begin(), built.nohyphen->end());
      text.push_back('\0');
    }
    trans.reserve(trans_size);
    const auto at = [&](int offset) { return offset >= 0 ? text.data() + offset : nullptr; };
    states.resize(from.size());
    for (std::size_t i = 0; i < from.size(); ++i) {
      const State& s = from[i];
      HyphenState& out = states[i];
      out.match = at(s.match);
      out.repl = at(s.repl);
      out.replindex = s.replindex;
      out.replcut = s.replcut;
      out.fallback_state = s.fallback;
      out.num_trans = s.children;
      out.trans = s.children == 0 ? nullptr : trans.data() + trans.size();
      for (int next = s.first_child; next >= 0; next = from[static_cast<std::size_t>(next)].next_sibling) {
        trans.push_back(HyphenTrans{from[static_cast<std::size_t>(next)].ch, next});
      }
    }
    dict.lhmin = built.lhmin;
    dict.rhmin = built.rhmin;
    dict.clhmin = built.clhmin;
    dict.crhmin = built.crhmin;
    dict.nohyphen = built.nohyphen ? text.data() + nohyphen_at : nullptr;
    dict.nohyphenl = built.nohyphenl;
    dict.num_states = static_cast<int>(states.size());
    std::memcpy(dict.cset, cset, sizeof(dict.cset));  // both char[MAX_NAME], NUL-terminated
    dict.cset[sizeof(dict.cset) - 1] = '\0';
    dict.utf8 = built.utf8 ? 1 : 0;
    dict.states = states.data();
    dict.nextlevel = nullptr;
  }
};

}  // namespace

struct HyphenPatterns::Levels {
  Level level[2];
  HyphenDict* top = nullptr;
};

HyphenPatterns::~HyphenPatterns() = default;

_HyphenDict* HyphenPatterns::dict() const { return levels_->top; }

int HyphenPatterns::states() const { return levels_->level[0].dict.num_states + levels_->level[1].dict.num_states; }

std::unique_ptr<const HyphenPatterns> HyphenPatterns::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return nullptr;
  const std::streamoff size = in.tellg();
  if (size < 0 || size >= (std::streamoff{1} << 24) - 2) return nullptr;  // see Transitions::key_of
  std::string file(static_cast<std::size_t>(size), '\0');  // read once, not copied
  in.seekg(0);
  if (!in.read(file.data(), size)) return nullptr;
  ChunkReader reader(file);

  // The charset: the first fgets into char[MAX_NAME], without its line end.
  char cset[MAX_NAME] = {};
  std::string_view chunk;
  if (reader.next(MAX_NAME, chunk)) {
    std::memcpy(cset, chunk.data(), chunk.size());
    for (char& c : cset) {
      if (c == '\r' || c == '\n') c = '\0';
    }
  }
  const bool utf8 = std::strcmp(cset, "UTF-8") == 0;

  std::unique_ptr<HyphenPatterns> patterns(new HyphenPatterns);
  patterns->levels_ = std::make_unique<Levels>();
  Levels& levels = *patterns->levels_;
  bool nextlevel = false;
  for (int k = 0; k < 2; ++k) {
    // A state per pattern byte at most; German has one per four bytes of its file.
    LevelBuilder level(k == 0 ? file.size() / 3 : 64);
    level.utf8 = utf8;
    if (k == 0 || nextlevel) {
      while (reader.next(line_buffer, chunk)) {
        if (chunk.starts_with("NEXTLEVEL")) {
          nextlevel = true;
          break;
        }
        if (chunk[0] != '%') level.load_line(chunk);
      }
    } else {
      // No NEXTLEVEL: libhyphen's default first level breaks at hyphens and apostrophes.
      level.load_line(utf8 ? "NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n" : "NOHYPHEN ',-\n");
      level.load_line("1-1\n");
      level.load_line("1'1\n");
      if (utf8) {
        level.load_line("1\xe2\x80\x93" "1\n");
        level.load_line("1\xe2\x80\x99" "1\n");
      }
    }
    level.set_fallbacks();
    levels.level[k].finish(level, cset);
  }
  HyphenDict& first = levels.level[0].dict;
  HyphenDict& second = levels.level[1].dict;
  if (nextlevel) {
    first.nextlevel = &second;
    levels.top = &first;
  } else {
    second.nextlevel = &first;
    second.lhmin = first.lhmin;
    second.rhmin = first.rhmin;
    second.clhmin = first.clhmin != 0 ? first.clhmin : first.lhmin != 0 ? first.lhmin : 3;
    second.crhmin = first.crhmin != 0 ? first.crhmin : first.rhmin != 0 ? first.rhmin : 3;
    levels.top = &second;
  }
  return patterns;
}

// The compiled form: per level, a header, then its states, transitions and text, each state's
// pointers as offsets (-1 for none). Read with memcpy: the bytes need not be aligned.
namespace {

constexpr std::uint32_t compiled_format = 2;

struct CompiledLevel {
  std::int32_t num_states = 0;
  std::uint32_t num_trans = 0;
  std::uint32_t text_size = 0;
  std::int32_t nohyphen = -1;  ///< offset into the text
  std::int32_t nohyphenl = 0;
  std::int32_t utf8 = 0;
  char lhmin = 0, rhmin = 0, clhmin = 0, crhmin = 0;
  char cset[MAX_NAME] = {};
};

struct CompiledState {
  std::int32_t match = -1;  ///< offsets into the text
  std::int32_t repl = -1;
  std::int32_t fallback = -1;
  std::int32_t num_trans = 0;
  std::uint32_t first_trans = 0;  ///< index into the level's transitions
  signed char replindex = 0;
  signed char replcut = 0;
  std::int16_t unused = 0;  ///< what would be padding, written as zeroes
};

struct CompiledTrans {
  std::int32_t ch = 0;
  std::int32_t new_state = 0;
};

// Written as they are: no padding, whose bytes would be whatever the stack held.
static_assert(sizeof(CompiledLevel) == 6 * 4 + 4 + MAX_NAME && sizeof(CompiledState) == 24 &&
              sizeof(CompiledTrans) == 8);

template <typename T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads what put wrote, in order; false once the bytes run out.
class CompiledReader {
 public:
  explicit CompiledReader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool get(T& value) {
    if (bytes_.size() - at_ < sizeof value) return false;
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return true;
  }
  bool take(std::size_t size, std::string_view& out) {
    if (bytes_.size() - at_ < size) return false;
    out = bytes_.substr(at_, size);
    at_ += size;
    return true;
  }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

std::int32_t offset_in(const std::vector<char>& text, const char* pointer) {
  return pointer ? static_cast<std::int32_t>(pointer - text.data()) : -1;
}

void compile_level(const Level& level, std::string& out) {
  CompiledLevel head;
  head.num_states = level.dict.num_states;
  head.num_trans = static_cast<std::uint32_t>(level.trans.size());
  head.text_size = static_cast<std::uint32_t>(level.text.size());
  head.nohyphen = offset_in(level.text, level.dict.nohyphen);
  head.nohyphenl = level.dict.nohyphenl;
  head.utf8 = level.dict.utf8;
  head.lhmin = level.dict.lhmin;
  head.rhmin = level.dict.rhmin;
  head.clhmin = level.dict.clhmin;
  head.crhmin = level.dict.crhmin;
  std::memcpy(head.cset, level.dict.cset, sizeof head.cset);
  put(out, head);
  for (const HyphenState& state : level.states) {
    CompiledState s;
    s.match = offset_in(level.text, state.match);
    s.repl = offset_in(level.text, state.repl);
    s.fallback = state.fallback_state;
    s.num_trans = state.num_trans;
    s.first_trans = state.trans ? static_cast<std::uint32_t>(state.trans - level.trans.data()) : 0;
    s.replindex = state.replindex;
    s.replcut = state.replcut;
    put(out, s);
  }
  for (const HyphenTrans& trans : level.trans) put(out, CompiledTrans{trans.ch, trans.new_state});
  out.append(level.text.data(), level.text.size());
}

// A string of the text starts at `offset` (-1: none), the text ending with a NUL.
bool string_at(const std::vector<char>& text, std::int32_t offset) {
  return offset == -1 || (offset >= 0 && static_cast<std::size_t>(offset) < text.size());
}

// The level `in` holds next, checked as it is read. Read straight from the (mapped) bytes
// into libhyphen's arrays, without a copy of them: a dictionary is read at the start of
// every run that hyphenates, and most of its cost is the memory first touched.
bool uncompile_level(CompiledReader& in, Level& level) {
  CompiledLevel head;
  if (!in.get(head) || head.num_states < 1 || head.utf8 < 0 || head.utf8 > 1 || head.nohyphenl < 0 ||
      head.text_size > static_cast<std::uint32_t>(std::numeric_limits<std::int32_t>::max())) {
    return false;
  }
  const auto states = static_cast<std::size_t>(head.num_states);
  std::string_view state_bytes, trans_bytes, text;
  if (states > std::numeric_limits<std::size_t>::max() / sizeof(CompiledState) ||
      !in.take(states * sizeof(CompiledState), state_bytes) ||
      !in.take(std::size_t{head.num_trans} * sizeof(CompiledTrans), trans_bytes) || !in.take(head.text_size, text)) {
    return false;
  }
  if (!text.empty() && text.back() != '\0') return false;
  level.text.assign(text.begin(), text.end());
  level.trans.reserve(head.num_trans);
  for (std::size_t k = 0; k < head.num_trans; ++k) {
    CompiledTrans t;
    std::memcpy(&t, trans_bytes.data() + k * sizeof t, sizeof t);
    if (t.new_state < 1 || static_cast<std::size_t>(t.new_state) >= states) return false;
    level.trans.push_back(HyphenTrans{static_cast<char>(t.ch), t.new_state});
  }

  // The transitions make a tree from state 0, each state entered once and from a state made
  // before it (as LevelBuilder numbers them), so depths follow in one pass; then a fallback,
  // a shorter string, is a lesser depth, and following fallbacks cannot loop.
  std::vector<int> depth(states, -1);
  depth[0] = 0;
  level.states.reserve(states);
  for (std::size_t i = 0; i < states; ++i) {
    CompiledState s;
    std::memcpy(&s, state_bytes.data() + i * sizeof s, sizeof s);
    if (depth[i] < 0 || s.num_trans < 0 || s.first_trans > level.trans.size() ||
        static_cast<std::size_t>(s.num_trans) > level.trans.size() - s.first_trans) {
      return false;
    }
    for (std::size_t k = s.first_trans; k < s.first_trans + static_cast<std::size_t>(s.num_trans); ++k) {
      const auto next = static_cast<std::size_t>(level.trans[k].new_state);
      if (next <= i || depth[next] >= 0) return false;
      depth[next] = depth[i] + 1;
    }
    if (!string_at(level.text, s.match) || !string_at(level.text, s.repl)) return false;
    // libhyphen lays a match's digits over the letters that led to its state and the one
    // before: a longer match would reach before the word.
    if (s.match >= 0 && std::strlen(level.text.data() + s.match) > static_cast<std::size_t>(depth[i]) + 1) {
      return false;
    }
    HyphenState& out = level.states.emplace_back();
    out.match = s.match >= 0 ? level.text.data() + s.match : nullptr;
    out.repl = s.repl >= 0 ? level.text.data() + s.repl : nullptr;
    out.replindex = s.replindex;
    out.replcut = s.replcut;
    out.fallback_state = s.fallback;
    out.num_trans = s.num_trans;
    out.trans = s.num_trans > 0 ? level.trans.data() + s.first_trans : nullptr;
  }
  for (std::size_t i = 0; i < states; ++i) {
    const int fallback = level.states[i].fallback_state;
    const bool good = i == 0 ? fallback == -1
                             : fallback >= 0 && static_cast<std::size_t>(fallback) < states &&
                                   depth[static_cast<std::size_t>(fallback)] < depth[i];
    if (!good) return false;
  }
  // libhyphen reads nohyphenl + 1 strings, one after another.
  if (head.nohyphen != -1) {
    std::int32_t at = head.nohyphen;
    for (std::int32_t i = 0; i <= head.nohyphenl; ++i) {
      if (!string_at(level.text, at) || at == -1) return false;
      at += static_cast<std::int32_t>(std::strlen(level.text.data() + at)) + 1;
    }
  }
  HyphenDict& dict = level.dict;
  dict.lhmin = head.lhmin;
  dict.rhmin = head.rhmin;
  dict.clhmin = head.clhmin;
  dict.crhmin = head.crhmin;
  dict.nohyphen = head.nohyphen >= 0 ? level.text.data() + head.nohyphen : nullptr;
  dict.nohyphenl = head.nohyphenl;
  dict.num_states = head.num_states;
  std::memcpy(dict.cset, head.cset, sizeof dict.cset);
  dict.cset[sizeof dict.cset - 1] = '\0';
  dict.utf8 = head.utf8;
  dict.states = level.states.data();
  dict.nextlevel = nullptr;
  return true;
}

}  // namespace

std::string HyphenPatterns::compiled() const {
  std::string out;
  put(out, compiled_format);
  put(out, static_cast<std::uint32_t>(levels_->top == &levels_->level[0].dict ? 0 : 1));
  for (const Level& level : levels_->level) compile_level(level, out);
  return out;
}

std::unique_ptr<const HyphenPatterns> HyphenPatterns::from_compiled(std::string_view bytes) {
  CompiledReader in(bytes);
  std::uint32_t format = 0, top = 0;
  if (!in.get(format) || format != compiled_format || !in.get(top) || top > 1) return nullptr;
  std::unique_ptr<HyphenPatterns> patterns(new HyphenPatterns);
  patterns->levels_ = std::make_unique<Levels>();
  Levels& levels = *patterns->levels_;
  for (Level& level : levels.level) {
    if (!uncompile_level(in, level)) return nullptr;
  }
  if (!in.at_end()) return nullptr;
  // As load() links them: the top level falls back to the other.
  levels.top = &levels.level[top].dict;
  levels.top->nextlevel = &levels.level[1 - top].dict;
  return patterns;
}

}  // namespace galley::text::detail
