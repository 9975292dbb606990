// What every layout step shares while it lays out one document: the style, the fonts, the
// diagnostics, the PageTree's font table, and which article is being set.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "layout/page_tree.hpp"
#include "layout/style.hpp"
#include "model/labels.hpp"
#include "text/font_metrics.hpp"
#include "text/hyphenator.hpp"

namespace galley::layout {

struct LayoutTimings;
class WordMemo;

/// A horizontal extent of the column that a block is set in.
struct Frame {
  double x = 0;
  double width = 0;
};

/// A numbered note the pages show: one of the article's own, or a link's URL in print.
struct NoteEntry {
  int article = 0;      ///< which article of a collection
  int number = 0;       ///< as shown, 1-based within its article, in the order of first marks
  int model_note = -1;  ///< index into Document::notes, or -1 for a URL note
  std::string url;      ///< the address a URL note shows
};

/// A run of text in one face at one size, measured.
struct Fragment {
  text::FaceId face = 0;
  int font = 0;        ///< index into the PageTree's font table
  double size = 0;
  std::string text;
  double width = 0;    ///< points, kerning included
  std::vector<Kern> kerns;  ///< pair kerning inside `text` (TextRun::kerns)
};

class Context {
 public:
  /// `words`, when given, is a memo kept by the caller for more documents set with the same
  /// `metrics` (one context at a time); else the context keeps its own.
  Context(const LayoutStyle& style, text::FontMetrics& metrics, Diagnostics& diagnostics, WordMemo* words = nullptr);
  ~Context();

  const LayoutStyle& style() const { return style_; }
  Diagnostics& diagnostics() { return diagnostics_; }

  /// The face for a family and style (fallbacks attached).
  text::FaceId face(Family family, text::FontStyle style);
  text::FaceId face(const TextStyle& text) { return face(text.family, text.style); }
  const text::FaceInfo& face_info(text::FaceId face) const { return metrics_.info(face); }

  /// `text` made drawable (text::drawable); what had to be repaired is reported once per article.
  std::string drawable(std::string_view text);
  /// The same for paragraph text (spans): soft hyphens stay, for the line breaker to use.
  std::string paragraph_text(std::string_view text);

  /// Appends `text` (drawable) set in `face` at `size` to `out`, split where a character needs
  /// a fallback face. Returns the total width in points. `lacking`, when given, is set if a
  /// character has no font (the fragments are then not fit to keep).
  double shape(text::FaceId face, double size, std::string_view text, std::vector<Fragment>& out,
               bool* lacking = nullptr);
  /// The width of `text` (drawable) in `face` at `size`, fallbacks included.
  double measure(text::FaceId face, double size, std::string_view text);
  /// The kerning of `right` after `left` in `face` at `size`, points (text::FontMetrics::kerning).
  double kerning(text::FaceId face, double size, char32_t left, char32_t right);
  /// The advance of a space in `face` itself, thousandths of an em; -1 when `face` has none
  /// (a fallback would draw it).
  int space_advance(text::FaceId face);

  /// The fonts every TextRun's `font` indexes, in order of first use.
  const std::vector<Font>& fonts() const { return fonts_; }
  /// The index of `face`'s font in that table, added when first used (a Fragment's `font`).
  int font_of(text::FaceId face) { return font_index(face); }

  /// Starts an article: its file (for messages), language (for labels) and number (for names).
  void begin_article(const std::string& file, const std::string& lang, int number);
  /// Ends it: reports, in one warning, the characters no installed font has.
  void end_article();
  const std::string& file() const { return file_; }
  /// The folders the current article's pictures may come from (image::image_folders), set
  /// after begin_article.
  void set_image_folders(std::vector<std::filesystem::path> folders) { image_folders_ = std::move(folders); }
  const std::vector<std::filesystem::path>& image_folders() const { return image_folders_; }
  const model::Labels& labels() const { return *labels_; }
  /// The current article's language (BCP 47), for line breaking.
  const std::string& lang() const { return lang_; }
  /// Its hyphenation: null when the style turns it off or no dictionary is installed or
  /// loads. The dictionary loads on another thread from begin_article on; this waits for it.
  const text::Hyphenator* hyphenator();
  /// hyphenator()->break_points(word), remembered: words repeat, and a lookup costs a
  /// microsecond or two. Empty without a hyphenator.
  const std::vector<std::size_t>& hyphenation_points(std::string_view word);
  /// The words this context has made into items (paragraph_items.cpp), for the rest of its run.
  WordMemo& word_memo() { return *words_; }
  int article() const { return article_; }
  /// The flow-wide index of the current article's note `model_note` (an index into
  /// Document::notes), numbered on its first use.
  int note_for(int model_note);
  /// The same for a link's URL: a repeated URL gets the note it had.
  int note_for_url(const std::string& url);
  /// Every note numbered so far, in order; Flow::notes is parallel to it.
  const std::vector<NoteEntry>& notes() const { return notes_; }

  /// Starts a context that lays out the articles after one in `lang`, as if it had laid that
  /// one out itself (so no warning about its language is repeated). layout.cpp lays a
  /// collection's articles out on several threads, one context each.
  void resume_after(const std::string& lang);
  /// Where `later`'s font and note indexes went when this context took its work over.
  struct Continued {
    std::vector<int> font_of;  ///< later's font index -> this one's
    int first_note = 0;        ///< later's note 0 is this one's note first_note
  };
  /// Goes on where `later` stopped, as if this context had laid out `later`'s articles after
  /// its own: `later`'s fonts join the table (one already in it keeps its index), its notes
  /// follow these, and the current article is `later`'s last.
  Continued continue_with(const Context& later);

  /// A warning about the current article, at `line` when known (else 0).
  void warn(std::string message, int line = 0);

  /// Where to add up layout's time (layout.hpp), or null.
  void set_timings(LayoutTimings* timings) { timings_ = timings; }
  LayoutTimings* timings() const { return timings_; }

 private:
  int font_index(text::FaceId face);
  /// The index of `font` in the font table, added when it is not there yet.
  int table_index(const Font& font);
  /// Hyphenates in `lang` from now on (its shared dictionary, or none).
  void use_language(const std::string& lang);
  std::string repaired(std::string_view text, bool keep_soft_hyphens);

  const LayoutStyle& style_;
  text::FontMetrics& metrics_;
  Diagnostics& diagnostics_;
  std::array<text::FaceId, 12> faces_;  ///< per family and style; -1 until asked for
  std::vector<int> font_of_face_;       ///< FaceId -> font index, -1 until used
  std::vector<int> space_advance_;      ///< FaceId -> space_advance(), -2 until asked for
  std::vector<Font> fonts_;
  std::string file_;
  /// shape() without the cache; `lacking` is set when a character has no font.
  double shape_afresh(text::FaceId face, double size, std::string_view text, std::vector<Fragment>& out,
                      bool& lacking);

  std::vector<std::filesystem::path> image_folders_;
  std::string lang_ = "en";
  text::PendingHyphenator hyphenator_;
  bool hyphenation_checked_ = false;
  bool reported_unloadable_ = false;  ///< hyphenator_ installed but not loadable, said once
  LayoutTimings* timings_ = nullptr;
  // The words made into items before, and the texts shaped and words hyphenated before: most
  // words of a collection recur, and shaping one is a fallback lookup, an advance and a
  // kerning pair per character. Kept by the caller for every context on its thread, or here.
  std::unique_ptr<WordMemo> own_words_;  ///< unless the caller keeps one
  WordMemo* words_ = nullptr;
  const model::Labels* labels_;
  int article_ = 0;
  std::set<char32_t> missing_;              ///< characters no font has, this article
  std::vector<std::string> missing_order_;  ///< the first few of them as "U+XXXX 'c'"
  bool reported_repairs_ = false;
  std::vector<NoteEntry> notes_;
  std::map<int, int> note_of_model_;        ///< this article's: model note -> index into notes_
  std::map<std::string, int> note_of_url_;  ///< this article's: URL -> index into notes_
};

}  // namespace galley::layout
