// Paragraph text -> boxes, glue and penalties: UAX #14 opportunities (text::line_breaks),
// hyphenation points (text::Hyphenator), soft hyphens, kerning kept across the pieces of a
// word, and words too wide for any line broken between characters.
#include "layout/paragraph_items.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

#include "layout/word_memo.hpp"
#include "text/hyphenator.hpp"
#include "text/line_breaks.hpp"
#include "text/unicode.hpp"

namespace galley::layout {
namespace {

using Kind = BreakItem::Kind;

constexpr char32_t soft_hyphen = 0x00AD;
constexpr std::size_t last_word_right_min = 5;  ///< characters after a hyphen in a paragraph's last word

bool is_hyphen(char32_t c) { return c == U'-' || c == 0x2010; }
bool is_dash(char32_t c) { return c == 0x2013 || c == 0x2014; }

text::FontStyle combine(text::FontStyle base, const SpanStyle& span) {
  const bool bold = span.bold || base == text::FontStyle::bold || base == text::FontStyle::bold_italic;
  const bool italic = span.italic != (base == text::FontStyle::italic || base == text::FontStyle::bold_italic);
  return bold ? (italic ? text::FontStyle::bold_italic : text::FontStyle::bold)
              : (italic ? text::FontStyle::italic : text::FontStyle::regular);
}

// How one span is set.
struct Look {
  text::FaceId face = 0;
  double size = 0;
  double rise = 0;
  Colour colour;
  double space = -1;  ///< a word space's width, measured when first needed
};

// A stretch of the paragraph's text that came from one span.
struct Stretch {
  const Span* span = nullptr;
  Look look;
};

// One character of the paragraph's text.
struct Char {  // 16 bytes: a paragraph of a megabyte has a million of them
  char32_t code = 0;
  std::uint32_t begin = 0;  ///< byte offsets in the text
  std::uint32_t end = 0;
  std::uint32_t stretch = 0;
};

// Where a word may break: before chars[at].
struct Cut {
  enum class Kind : unsigned char { plain, hyphen };  ///< plain: after a hyphen, dash or slash
  std::size_t at = 0;
  Kind kind = Kind::plain;
  bool operator<(const Cut& other) const { return at < other.at; }
};

class Builder {
 public:
  Builder(Context& context, const TextStyle& base, const ItemOptions& options)
      : context_(context), base_(base), options_(options) {}

  ParagraphItems build(const Spans& spans) {
    // An indent is an empty box (Knuth and Plass: "the box for paragraph indentation").
    if (options_.first_indent > 0) push(BreakItem::box_of(options_.first_indent));
    // The whole paragraph as one text, so that UAX #14 sees across the spans' seams.
    for (const Span& span : spans) {
      const std::size_t index = stretches_.size();
      stretches_.push_back(Stretch{&span, look_of(span)});
      const std::string_view piece = span.line_break ? std::string_view("\n") : std::string_view(span.text);
      const std::size_t offset = text_.size();
      text_ += piece;
      for (std::size_t pos = 0; pos < piece.size();) {
        const std::size_t at = pos;
        const char32_t c = text::next_code_point(piece, pos);
        chars_.push_back(Char{c, static_cast<std::uint32_t>(offset + at), static_cast<std::uint32_t>(offset + pos),
                              static_cast<std::uint32_t>(index)});
      }
    }
    breaks_ = text::line_breaks(text_, context_.lang());
    // About a box per word and a space after it: growing these moves every piece made so far.
    out_.pieces.reserve(chars_.size() / 5 + 4);
    out_.items.reserve(chars_.size() / 3 + 4);
    out_.sources.reserve(chars_.size() / 3 + 4);
    // The last word is hyphenated only where its last line keeps five characters: a last line
    // of one syllable ("-cken") reads badly, though a very loose line before it is worse.
    last_word_ = chars_.size();
    while (last_word_ > 0 && text::is_break_space(chars_[last_word_ - 1].code)) --last_word_;
    while (last_word_ > 0 && !text::is_break_space(chars_[last_word_ - 1].code) &&
           !stretches_[chars_[last_word_ - 1].stretch].span->line_break) {
      --last_word_;
    }
    std::size_t word = npos;
    for (std::size_t i = 0; i < chars_.size();) {
      if (stretches_[chars_[i].stretch].span->line_break) {
        close_word(word, i);
        push(BreakItem::penalty_of(0, forced_break));
        ++i;
      } else if (text::is_break_space(chars_[i].code)) {
        close_word(word, i);
        std::size_t j = i;
        while (j < chars_.size() && text::is_break_space(chars_[j].code) &&
               !stretches_[chars_[j].stretch].span->line_break) {
          ++j;
        }
        add_space(i, j);
        i = j;
      } else {
        if (word == npos) word = i;
        ++i;
      }
    }
    close_word(word, chars_.size());
    if (options_.line_width < std::numeric_limits<double>::infinity()) split_wide_boxes();
    return std::move(out_);
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  Look look_of(const Span& span) {
    const LayoutStyle& style = context_.style();
    const Family family = span.style.code ? Family::mono : base_.family;
    Look look;
    look.face = context_.face(family, combine(base_.style, span.style));
    look.size = base_.size;
    if (span.style.code) look.size *= style.code_scale;
    if (span.style.note_mark) look.size *= style.note_mark_scale;
    look.rise = span.style.note_mark ? base_.size * style.note_mark_rise : 0;
    look.colour = !span.style.uri.empty() || span.style.note_mark ? style.link_colour
                  : span.style.muted                            ? style.credit_colour
                                                                : base_.colour;
    return look;
  }

  void push(BreakItem item, ItemSource source = {}) {
    out_.items.push_back(item);
    out_.sources.push_back(source);
  }

  // The spaces chars_[begin, end): one glue, which is a break if UAX #14 allows one after the
  // last of them.
  void add_space(std::size_t begin, std::size_t end) {
    if (!out_.items.empty() && out_.items.back().kind == Kind::glue) return;  // spaces collapse
    Look& look = stretches_[chars_[begin].stretch].look;
    if (look.space < 0) look.space = context_.measure(look.face, look.size, " ");
    const double width = look.space;
    bool breakable = breaks_[chars_[end - 1].end - 1] == text::LineBreak::allowed;
    // Tailoring UAX #14 as Russian, German and French typesetting do: a spaced dash stays
    // on the line of the word before it (no line starts with " - ").
    if (end < chars_.size() && is_dash(chars_[end].code) &&
        (end + 1 == chars_.size() || text::is_break_space(chars_[end + 1].code))) {
      breakable = false;
    }
    if (!breakable) push(BreakItem::penalty_of(0, no_break));
    const LayoutStyle& style = context_.style();
    if (options_.justify) {
      push(BreakItem::glue_of(width, width * style.space_stretch, width * style.space_shrink));
    } else {
      push(BreakItem::glue_of(width, 0, 0));
    }
  }

  // The word chars_[begin, end): boxes between its break opportunities, penalties at them.
  // A word made before in the same way is copied from the context's memo.
  void close_word(std::size_t& begin, std::size_t end) {
    if (begin == npos) return;
    const std::size_t first = begin;
    begin = npos;
    WordKey key;
    const bool memo = memo_key(first, end, key);
    if (memo) {
      if (const WordItems* known = context_.word_memo().find(key)) {
        replay(*known, stretches_[chars_[first].stretch]);
        return;
      }
    }
    const std::size_t first_item = out_.items.size(), first_piece = out_.pieces.size();
    hyphen_cuts_.clear();
    lacking_ = false;
    make_word(first, end);
    if (memo && !lacking_) context_.word_memo().keep(key, recorded(first_item, first_piece));
  }

  // The memo's key for the word chars_[first, end), unless the word is not kept: one in
  // several spans, or with a soft hyphen, or too long for the key's break mask.
  bool memo_key(std::size_t first, std::size_t end, WordKey& key) {
    if (end - first > 64) return false;
    const std::size_t stretch = chars_[first].stretch;
    for (std::size_t k = first; k < end; ++k) {
      if (chars_[k].stretch != stretch || chars_[k].code == soft_hyphen) return false;
      if (k > first && breaks_[chars_[k - 1].end - 1] == text::LineBreak::allowed) {
        key.breaks |= std::uint64_t{1} << (k - first);
      }
    }
    const Stretch& s = stretches_[stretch];
    key.face = s.look.face;
    key.size = s.look.size;
    // As make_word asks for it: not for words too short to hyphenate (asking waits for the
    // dictionary to load).
    if (!s.span->style.code && options_.hyphenate && end - first >= 5) {
      if (!hyphenator_) hyphenator_ = context_.hyphenator();
      key.hyphenator = *hyphenator_;
    }
    key.last_word = first == last_word_;
    key.text = std::string_view(text_).substr(chars_[first].begin, chars_[end - 1].end - chars_[first].begin);
    return true;
  }

  // The word's items just made (from `first_item` and `first_piece` on), for the memo.
  WordItems recorded(std::size_t first_item, std::size_t first_piece) const {
    WordItems out;
    for (std::size_t p = first_piece; p < out_.pieces.size(); ++p) out.fragments.push_back(*out_.pieces[p].fragment);
    for (std::size_t i = first_item; i < out_.items.size(); ++i) {
      out.items.push_back(out_.items[i]);
      ItemSource source = out_.sources[i];
      const bool hyphen = std::find(hyphen_cuts_.begin(), hyphen_cuts_.end(), i) != hyphen_cuts_.end();
      if (out_.items[i].kind == Kind::box) {
        source.piece_begin -= first_piece;
        source.piece_end -= first_piece;
      }
      if (hyphen) source.hyphen_piece -= first_piece;
      out.sources.push_back(source);
      out.hyphen_piece_set.push_back(hyphen);
    }
    return out;
  }

  // A memo's word appended as if made afresh, drawn in the look of `stretch`, its pieces
  // pointing at the memo's fragments. The memo may have been filled by another context with
  // the same fonts: the font table index is this one's, asked for in the order shaping would
  // have asked.
  void replay(const WordItems& word, const Stretch& stretch) {
    const std::size_t base = out_.pieces.size();
    for (const Fragment& fragment : word.fragments) {
      out_.pieces.push_back(Piece{&fragment, context_.font_of(fragment.face), stretch.look.rise, stretch.look.colour,
                                  &stretch.span->style});
    }
    for (std::size_t i = 0; i < word.items.size(); ++i) {
      ItemSource source = word.sources[i];
      if (word.items[i].kind == Kind::box) {
        source.piece_begin += base;
        source.piece_end += base;
      }
      if (word.hyphen_piece_set[i]) source.hyphen_piece += base;
      push(word.items[i], source);
    }
  }

  void make_word(std::size_t first, std::size_t end) {
    std::vector<Cut>& cuts = cuts_;
    cuts.clear();
    bool soft = false, code = false;
    for (std::size_t k = first; k < end; ++k) {
      if (chars_[k].code == soft_hyphen) {
        soft = true;
        if (k > first && k + 1 < end) cuts.push_back(Cut{k + 1, Cut::Kind::hyphen});
      }
      if (stretches_[chars_[k].stretch].span->style.code) code = true;
    }
    // UAX #14 inside the word: after hyphens, dashes, slashes.
    for (std::size_t k = first + 1; k < end; ++k) {
      const char32_t before = chars_[k - 1].code;
      if (before == soft_hyphen || breaks_[chars_[k - 1].end - 1] != text::LineBreak::allowed) continue;
      if (is_dash(chars_[k].code)) continue;  // tailored: a dash ends a line, never starts one
      // "e-mail", "x-ray": not after a hyphen that leaves one letter, or two, alone.
      if (is_hyphen(before) && (k - 1 - first < 2 || end - k < 3)) continue;
      cuts.push_back(Cut{k, Cut::Kind::plain});
    }
    // The language's hyphenation points; the author's soft hyphens replace them.
    // (The hyphenator last: asking for it waits for its dictionary to load.)
    if (!soft && !code && options_.hyphenate && end - first >= 5 && context_.hyphenator()) {
      const std::size_t last_line_min = first == last_word_ ? last_word_right_min : 0;
      const std::size_t base = chars_[first].begin;
      const std::string_view word = std::string_view(text_).substr(base, chars_[end - 1].end - base);
      std::size_t k = first;
      for (const std::size_t point : context_.hyphenation_points(word)) {
        while (k < end && chars_[k].begin < base + point) ++k;
        if (k <= first || k >= end || chars_[k].begin != base + point || is_hyphen(chars_[k - 1].code)) continue;
        if (end - k < last_line_min) continue;
        cuts.push_back(Cut{k, Cut::Kind::hyphen});
      }
    }
    std::sort(cuts.begin(), cuts.end());
    std::size_t from = first;
    bool pending = false;
    Cut pending_cut;
    for (std::size_t c = 0; c <= cuts.size(); ++c) {
      const std::size_t to = c < cuts.size() ? cuts[c].at : end;
      if (to <= from) continue;  // two cuts at one place
      const std::size_t box_pieces = out_.pieces.size();
      add_box(from, to);
      if (pending && out_.pieces.size() > box_pieces) add_cut(pending_cut, box_pieces);
      if (c < cuts.size()) {
        pending = true;
        pending_cut = cuts[c];
      }
      from = to;
    }
  }

  // A box of the characters chars_[from, to), soft hyphens left out, one piece per span and
  // fallback face.
  void add_box(std::size_t from, std::size_t to) {
    const std::size_t begin = out_.pieces.size();
    double width = 0;
    std::size_t k = from;
    while (k < to) {
      const std::size_t stretch = chars_[k].stretch;
      // The piece's text: a view of the paragraph's, unless soft hyphens must come out.
      const std::size_t start = k;
      bool soft = false;
      for (; k < to && chars_[k].stretch == stretch; ++k) soft = soft || chars_[k].code == soft_hyphen;
      std::string_view piece = std::string_view(text_).substr(chars_[start].begin, chars_[k - 1].end - chars_[start].begin);
      if (soft) {
        piece_.clear();
        for (std::size_t c = start; c < k; ++c) {
          if (chars_[c].code != soft_hyphen) piece_.append(text_, chars_[c].begin, chars_[c].end - chars_[c].begin);
        }
        piece = piece_;
      }
      if (piece.empty()) continue;
      const Stretch& s = stretches_[stretch];
      fragments_.clear();
      width += context_.shape(s.look.face, s.look.size, piece, fragments_, &lacking_);
      for (Fragment& fragment : fragments_) add_piece(std::move(fragment), s.look.rise, s.look.colour, &s.span->style);
    }
    if (out_.pieces.size() == begin) return;
    push(BreakItem::box_of(width), ItemSource{begin, out_.pieces.size()});
  }

  // A piece of a fragment made for this paragraph.
  void add_piece(Fragment&& fragment, double rise, const Colour& colour, const SpanStyle* style) {
    const Fragment& kept = out_.fragments.emplace_back(std::move(fragment));
    out_.pieces.push_back(Piece{&kept, kept.font, rise, colour, style});
  }

  // The penalty between the box before `next_piece` and the one starting there (already
  // pushed: the penalty goes in before it). The kerning across the cut belongs to the first
  // box, as if unbroken; a line ending there takes it back.
  void add_cut(const Cut& cut, std::size_t next_piece) {
    const std::size_t box = out_.items.size() - 1;  // the box just added
    const std::size_t previous_box = box - 1;       // the box before the cut
    // Both pieces were just made: their fragments are this paragraph's, not the memo's.
    Fragment& last = const_cast<Fragment&>(*out_.pieces[next_piece - 1].fragment);
    const Fragment& next = *out_.pieces[next_piece].fragment;
    double across = 0;
    if (last.face == next.face && last.size == next.size) {
      across = context_.kerning(last.face, last.size, last_char(last.text), first_char(next.text));
      last.width += across;
      out_.items[previous_box].width += across;
    }
    BreakItem penalty = BreakItem::penalty_of(-across, explicit_hyphen_penalty);
    ItemSource source;
    source.across = across;
    if (cut.kind == Cut::Kind::hyphen) {
      const Fragment& f = last;
      const double to_hyphen = context_.kerning(f.face, f.size, last_char(f.text), U'-');
      penalty = BreakItem::penalty_of(context_.measure(f.face, f.size, "-") + to_hyphen - across, hyphen_penalty);
      source.hyphen_shift = to_hyphen - across;
      source.hyphen_piece = next_piece - 1;
      hyphen_cuts_.push_back(box);
    }
    out_.items.insert(out_.items.begin() + static_cast<std::ptrdiff_t>(box), penalty);
    out_.sources.insert(out_.sources.begin() + static_cast<std::ptrdiff_t>(box), source);
  }

  static char32_t first_char(std::string_view text) {
    std::size_t pos = 0;
    return text.empty() ? 0 : text::next_code_point(text, pos);
  }
  static char32_t last_char(std::string_view text) {
    std::size_t at = text.size();
    while (at > 0 && (static_cast<unsigned char>(text[at - 1]) & 0xC0) == 0x80) --at;
    if (at > 0) --at;
    std::size_t pos = at;
    return text.empty() ? 0 : text::next_code_point(text, pos);
  }

  // The emergency break: every box wider than a line (than the first line's room, for the
  // first word after an indent) is broken between characters, with a hyphen between letters,
  // so that no text runs off the column.
  void split_wide_boxes() {
    bool any = false;
    for (std::size_t i = 0; i < out_.items.size(); ++i) {
      if (out_.items[i].kind == Kind::box && out_.items[i].width > limit(i)) any = true;
    }
    if (!any) return;
    ParagraphItems in = std::move(out_);
    out_ = ParagraphItems{};
    out_.fragments = std::move(in.fragments);  // (a deque moved keeps its elements where they are)
    for (std::size_t i = 0; i < in.items.size(); ++i) {
      const BreakItem& item = in.items[i];
      const double room = limit(i);
      if (item.kind != Kind::box || item.width <= room || in.sources[i].piece_end == in.sources[i].piece_begin) {
        ItemSource source = in.sources[i];
        if (item.kind == Kind::box) {
          const std::size_t begin = out_.pieces.size();
          for (std::size_t p = source.piece_begin; p < source.piece_end; ++p) out_.pieces.push_back(std::move(in.pieces[p]));
          source = ItemSource{begin, out_.pieces.size()};
        } else if (item.kind == Kind::penalty && item.width > 0) {
          // The hyphen is drawn like the last piece moved so far.
          source.hyphen_piece = out_.pieces.empty() ? 0 : out_.pieces.size() - 1;
        }
        push(item, source);
        continue;
      }
      split_box(in, in.sources[i], room);
    }
  }

  double limit(std::size_t item) const {
    return item == 1 && options_.first_indent > 0 ? options_.line_width - options_.first_indent : options_.line_width;
  }

  void split_box(const ParagraphItems& in, const ItemSource& source, double room) {
    std::size_t chunk_begin = out_.pieces.size();
    double chunk_width = 0;  // of the pieces already in the chunk
    char32_t previous = 0;
    for (std::size_t p = source.piece_begin; p < source.piece_end; ++p) {
      const Piece& piece = in.pieces[p];
      const Fragment& fragment = *piece.fragment;
      const double hyphen = context_.measure(fragment.face, fragment.size, "-");
      std::size_t start = 0;
      double part_width = 0;
      for (std::size_t pos = 0; pos < fragment.text.size();) {
        const std::size_t at = pos;
        const char32_t c = text::next_code_point(fragment.text, pos);
        const double w = context_.measure(fragment.face, fragment.size, std::string_view(fragment.text).substr(at, pos - at));
        const bool letters = text::is_letter(previous) && text::is_letter(c);
        if (chunk_width + part_width + w + (letters ? hyphen : 0) > room && chunk_width + part_width > 0) {
          chunk_width += emit_part(piece, start, at);
          push(BreakItem::box_of(chunk_width), ItemSource{chunk_begin, out_.pieces.size()});
          ItemSource hyphen_source;
          hyphen_source.hyphen_piece = out_.pieces.size() - 1;
          push(BreakItem::penalty_of(letters ? hyphen : 0, character_break_penalty), hyphen_source);
          chunk_begin = out_.pieces.size();
          chunk_width = 0;
          part_width = 0;
          start = at;
        }
        part_width += w;
        previous = c;
      }
      chunk_width += emit_part(piece, start, fragment.text.size());
    }
    push(BreakItem::box_of(chunk_width), ItemSource{chunk_begin, out_.pieces.size()});
  }

  // The characters [begin, end) of a piece as pieces of their own, shaped again (kerning
  // inside them); returns their width.
  double emit_part(const Piece& piece, std::size_t begin, std::size_t end) {
    if (end <= begin) return 0;
    const Fragment& whole = *piece.fragment;
    std::vector<Fragment> fragments;
    const double width = context_.shape(whole.face, whole.size, std::string_view(whole.text).substr(begin, end - begin), fragments);
    for (Fragment& fragment : fragments) add_piece(std::move(fragment), piece.rise, piece.colour, piece.style);
    return width;
  }

  Context& context_;
  const TextStyle& base_;
  const ItemOptions& options_;
  std::string text_;
  std::vector<Stretch> stretches_;
  std::vector<Char> chars_;
  std::vector<text::LineBreak> breaks_;
  std::size_t last_word_ = 0;  ///< where the paragraph's last word begins
  ParagraphItems out_;
  // While a word is made: its penalties with a hyphen (item indexes), and whether a
  // character of it has no font (such a word is not kept: each article must report it).
  std::vector<std::size_t> hyphen_cuts_;
  bool lacking_ = false;
  std::optional<const text::Hyphenator*> hyphenator_;  ///< the context's, once asked for
  // Scratch space kept between words, so that a word allocates only what it keeps.
  std::vector<Cut> cuts_;
  std::string piece_;
  std::vector<Fragment> fragments_;
};

}  // namespace

ParagraphItems paragraph_items(Context& context, const Spans& spans, const TextStyle& base, const ItemOptions& options) {
  return Builder(context, base, options).build(spans);
}

}  // namespace galley::layout
