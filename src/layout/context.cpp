// The layout context: faces by family, measured fragments with per-character fallback, the
// font table, and warnings that name the article.
#include "layout/context.hpp"

#include <fmt/format.h>

#include <chrono>

#include "layout/layout.hpp"
#include "layout/word_memo.hpp"
#include "text/hyphenator.hpp"
#include "text/unicode.hpp"

namespace galley::layout {

Context::Context(const LayoutStyle& style, text::FontMetrics& metrics, Diagnostics& diagnostics, WordMemo* words)
    : style_(style),
      metrics_(metrics),
      diagnostics_(diagnostics),
      own_words_(words ? nullptr : std::make_unique<WordMemo>()),
      words_(words ? words : own_words_.get()),
      labels_(&model::labels_for("en")) {
  faces_.fill(-1);
}

Context::~Context() = default;

text::FaceId Context::face(Family family, text::FontStyle style) {
  const std::size_t slot = static_cast<std::size_t>(family) * 4 + static_cast<std::size_t>(style);
  if (faces_[slot] < 0) {
    const auto& primary = family == Family::body ? style_.body_families : family == Family::heading ? style_.heading_families : style_.mono_families;
    std::vector<std::string> families = primary;
    families.insert(families.end(), style_.fallback.begin(), style_.fallback.end());
    try {
      faces_[slot] = metrics_.face(families, style);
    } catch (const Error& e) {
      // The text layer knows the family, not who asked for it: name the style and its key.
      if (!e.diagnostic().file.empty()) throw;
      const char* key = family == Family::body ? "fonts.body" : family == Family::heading ? "fonts.heading" : "fonts.mono";
      throw Error(e.kind(), style_.style_name, 0, fmt::format("{}: {}", key, e.diagnostic().message));
    }
  }
  return faces_[slot];
}

std::string Context::drawable(std::string_view text) { return repaired(text, false); }

std::string Context::paragraph_text(std::string_view text) { return repaired(text, true); }

std::string Context::repaired(std::string_view text, bool keep_soft_hyphens) {
  text::Repairs repairs;
  std::string out = text::drawable(text, &repairs, keep_soft_hyphens);
  if ((repairs.outside_bmp || repairs.invalid_utf8) && !reported_repairs_) {
    reported_repairs_ = true;
    warn(repairs.outside_bmp ? "characters beyond U+FFFF (emoji and rare scripts) cannot be drawn in the PDF; "
                               "they are shown as \uFFFD"
                             : "invalid UTF-8 is shown as \uFFFD");
  }
  return out;
}

int Context::font_index(text::FaceId face) {
  const auto slot = static_cast<std::size_t>(face);
  if (slot >= font_of_face_.size()) font_of_face_.resize(slot + 1, -1);
  if (font_of_face_[slot] < 0) {
    const text::FaceInfo& info = metrics_.info(face);
    font_of_face_[slot] = table_index(Font{info.file, info.family, info.style});
  }
  return font_of_face_[slot];
}

int Context::table_index(const Font& font) {
  for (std::size_t i = 0; i < fonts_.size(); ++i) {
    if (fonts_[i].file == font.file && fonts_[i].family == font.family && fonts_[i].style == font.style) {
      return static_cast<int>(i);
    }
  }
  fonts_.push_back(font);
  return static_cast<int>(fonts_.size() - 1);
}

double Context::shape(text::FaceId face, double size, std::string_view text, std::vector<Fragment>& out,
                      bool* lacking_out) {
  if (const Shape* known = words_->find_shape(face, size, text)) {
    // Perhaps shaped by another context on this thread: the font table index is this one's,
    // asked for in the order shaping would have asked.
    for (const Fragment& fragment : known->fragments) {
      out.push_back(fragment);
      out.back().font = font_index(fragment.face);
    }
    return known->width;
  }
  const std::size_t first = out.size();
  bool lacking = false;
  const double width = shape_afresh(face, size, text, out, lacking);
  if (lacking_out && lacking) *lacking_out = true;
  // Words only, and none with a character no font has (the article that uses one must
  // report it).
  if (!lacking && text.size() <= 64) {
    words_->keep_shape(face, size, text, Shape{{out.begin() + static_cast<std::ptrdiff_t>(first), out.end()}, width});
  }
  return width;
}

double Context::shape_afresh(text::FaceId face, double size, std::string_view text, std::vector<Fragment>& out,
                             bool& lacking) {
  double total = 0;
  text::FaceId current = -2;
  int thousandths = 0;
  std::size_t start = 0;
  char32_t previous = 0;
  std::vector<Kern> kerns;
  auto flush = [&](std::size_t end) {
    if (end > start && current >= 0) {
      const double width = thousandths * size / 1000.0;
      out.push_back(Fragment{current, font_index(current), size, std::string(text.substr(start, end - start)), width,
                             std::move(kerns)});
      total += width;
    }
    kerns.clear();
    start = end;
    thousandths = 0;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    const char32_t c = text::next_code_point(text, pos);
    text::FaceId drawn = metrics_.face_for(face, c);
    if (drawn < 0) {
      lacking = true;
      drawn = face;
      if (missing_.insert(c).second && missing_order_.size() < 5) {
        missing_order_.push_back(fmt::format("U+{:04X} '{}'", static_cast<unsigned>(c), text.substr(at, pos - at)));
      }
    }
    if (drawn != current) {
      flush(at);
      current = drawn;
    } else if (const int kern = metrics_.kerning(drawn, previous, c); kern != 0) {
      kerns.push_back(Kern{static_cast<std::uint32_t>(at - start), kern});
      thousandths += kern;
    }
    thousandths += metrics_.advance(drawn, c);
    previous = c;
  }
  flush(text.size());
  return total;
}

int Context::space_advance(text::FaceId face) {
  // Asked for at every word space a line is set with; the face lookups were 2% of layout.
  const auto measured = [&] { return metrics_.face_for(face, U' ') == face ? metrics_.advance(face, U' ') : -1; };
  if (face < 0) return measured();
  const auto index = static_cast<std::size_t>(face);
  if (index >= space_advance_.size()) space_advance_.resize(index + 1, -2);
  int& known = space_advance_[index];
  if (known == -2) known = measured();
  return known;
}

double Context::measure(text::FaceId face, double size, std::string_view text) {
  int thousandths = 0;
  text::FaceId current = -2;
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = text::next_code_point(text, pos);
    text::FaceId drawn = metrics_.face_for(face, c);
    if (drawn < 0) drawn = face;
    if (drawn == current) thousandths += metrics_.kerning(drawn, previous, c);
    thousandths += metrics_.advance(drawn, c);
    current = drawn;
    previous = c;
  }
  return thousandths * size / 1000.0;
}

double Context::kerning(text::FaceId face, double size, char32_t left, char32_t right) {
  return metrics_.kerning(face, left, right) * size / 1000.0;
}

const text::Hyphenator* Context::hyphenator() {
  const text::Hyphenator* loaded = hyphenator_.get().get();
  if (!loaded && hyphenator_.installed() && !reported_unloadable_) {
    reported_unloadable_ = true;
    warn(fmt::format("the hyphenation dictionary {} does not load: the text in '{}' is not hyphenated",
                     hyphenator_.path(), lang_));
  }
  return loaded;
}

const std::vector<std::size_t>& Context::hyphenation_points(std::string_view word) {
  static const std::vector<std::size_t> none;
  const text::Hyphenator* loaded = hyphenator();
  if (!loaded) return none;
  if (const std::vector<std::size_t>* known = words_->find_points(loaded, word)) return *known;
  if (!timings_) return words_->keep_points(loaded, word, loaded->break_points(word));
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::size_t>& points = words_->keep_points(loaded, word, loaded->break_points(word));
  timings_->hyphenating += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return points;
}

void Context::begin_article(const std::string& file, const std::string& lang, int number) {
  file_ = file;
  if (lang != lang_ || !hyphenation_checked_) {
    use_language(lang);
    if (style_.hyphenate && !hyphenator_.installed()) {
      warn(fmt::format("no hyphenation dictionary is installed for the language '{}': its text is not hyphenated "
                       "(Debian's hyphen-* packages; scripts/setup installs the usual ones)",
                       lang));
    }
  }
  labels_ = &model::labels_for(lang);
  article_ = number;
  missing_.clear();
  missing_order_.clear();
  reported_repairs_ = false;
  note_of_model_.clear();
  note_of_url_.clear();
}

int Context::note_for(int model_note) {
  const auto [it, added] = note_of_model_.emplace(model_note, static_cast<int>(notes_.size()));
  if (added) {
    const int number = static_cast<int>(note_of_model_.size() + note_of_url_.size());
    notes_.push_back(NoteEntry{article_, number, model_note, ""});
  }
  return it->second;
}

int Context::note_for_url(const std::string& url) {
  const auto [it, added] = note_of_url_.emplace(url, static_cast<int>(notes_.size()));
  if (added) {
    const int number = static_cast<int>(note_of_model_.size() + note_of_url_.size());
    notes_.push_back(NoteEntry{article_, number, -1, url});
  }
  return it->second;
}

void Context::end_article() {
  if (missing_.empty()) return;
  std::string listed;
  for (const auto& name : missing_order_) {
    if (!listed.empty()) listed += ", ";
    listed += name;
  }
  if (missing_.size() > missing_order_.size()) listed += ", ...";
  warn(fmt::format("no installed font has {} of the characters used ({}); they are left blank on the page", missing_.size(),
                   listed));
  missing_.clear();
  missing_order_.clear();
}

void Context::use_language(const std::string& lang) {
  lang_ = lang;
  hyphenation_checked_ = true;
  hyphenator_ = style_.hyphenate ? text::load_shared_hyphenator(lang) : text::PendingHyphenator{};
  reported_unloadable_ = false;
}

void Context::resume_after(const std::string& lang) {
  use_language(lang);
  labels_ = &model::labels_for(lang);
}

Context::Continued Context::continue_with(const Context& later) {
  Continued out;
  for (const Font& font : later.fonts_) out.font_of.push_back(table_index(font));
  out.first_note = static_cast<int>(notes_.size());
  notes_.insert(notes_.end(), later.notes_.begin(), later.notes_.end());
  // The current article becomes later's last, with what it had reported and numbered.
  file_ = later.file_;
  lang_ = later.lang_;
  hyphenation_checked_ = later.hyphenation_checked_;
  hyphenator_ = later.hyphenator_;
  labels_ = later.labels_;
  article_ = later.article_;
  missing_ = later.missing_;
  missing_order_ = later.missing_order_;
  reported_repairs_ = later.reported_repairs_;
  note_of_model_.clear();
  note_of_url_.clear();
  for (const auto& [model_note, index] : later.note_of_model_) note_of_model_.emplace(model_note, index + out.first_note);
  for (const auto& [url, index] : later.note_of_url_) note_of_url_.emplace(url, index + out.first_note);
  return out;
}

void Context::warn(std::string message, int line) { diagnostics_.warn(file_, line, std::move(message)); }

}  // namespace galley::layout
