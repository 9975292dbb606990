// libharu behind RAII: one HPDF_Doc, its error handler and the translation of its errors into
// galley::Error (ARCHITECTURE rule 7: no exception crosses the C callback; the handler only
// records, and every call's result is checked here).
#pragma once

#include <hpdf.h>

#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/pdf/stream_deflate.hpp"
#include "backends/pdf/text_encoding.hpp"
#include "galley/export.hpp"

namespace galley::backends::pdf {

class HpdfDocument {
 public:
  /// A new document with full compression and no clock-dependent content. Give it its text
  /// (set_text) before anything else.
  HpdfDocument();
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc handle() const { return doc_; }

  /// Throws galley::Error (internal) when libharu reported an error, naming `what` failed;
  /// clears libharu's sticky error first so the document can still be freed.
  void check(std::string_view what);
  /// As check(), and also when `status` is not HPDF_OK.
  void check(HPDF_STATUS status, std::string_view what);

  /// The characters the document draws with each TrueType file (its fonts are embedded as
  /// subsets holding just these) and those of all other text it gives libharu (information,
  /// outline titles): one TextEncoding for all of them becomes the document's encoder. Call
  /// once, before any text, font or information is set. Throws galley::Error.
  void set_text(std::map<std::string, std::vector<char32_t>> characters_by_font, std::vector<char32_t> others);

  /// `utf8` as libharu must be given it (TextEncoding::encode), for text drawn, document
  /// information and outline titles alike.
  std::string encode(std::string_view utf8) const;
  /// The same as a literal string's contents, appended to `out` (TextEncoding::append_literal).
  void append_literal(std::string& out, std::string_view utf8) const;

  /// The document's encoder, for calls that name one (outline entries).
  HPDF_Encoder encoder() const { return encoder_; }

  /// The font of a TrueType file, loaded and embedded once as a subset holding the file's
  /// characters (the whole font when set_text named none), completed with the tables libharu
  /// needs (text::embeddable_font), with the document's encoding and a ToUnicode map. Throws
  /// galley::Error naming the file when it cannot be read or libharu cannot load it.
  HPDF_Font font(const std::string& file);
  /// Makes the subsets of every font set_text named on up to `threads` threads, ahead of
  /// font(): subsetting is most of loading a font, and independent of libharu. A failure is
  /// kept for font() to throw.
  void subset_ahead(unsigned threads);

  /// Loads every font set_text named (by file name) and, given more than one thread, starts
  /// deflating their streams on a thread of their own while the pages are drawn
  /// (FontStreamsAhead), instead of in the save. Call after subset_ahead, before drawing.
  /// Throws galley::Error.
  void fonts_ahead(unsigned threads);

  /// Writes the finished document's bytes to `sink`, its streams deflated on up to `threads`
  /// threads first (stream_deflate.hpp). Call once.
  void save(unsigned threads, ByteSink& sink);

 private:
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user);

  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = HPDF_OK;   ///< the first error libharu reported, until checked
  HPDF_STATUS detail_ = HPDF_OK;
  std::map<std::string, HPDF_Font> fonts_;
  std::map<std::string, std::vector<char32_t>> characters_;
  struct Subset {
    std::string bytes;
    std::exception_ptr error;
  };
  std::map<std::string, Subset> subsets_;  ///< by file, from subset_ahead until font() takes it
  std::optional<TextEncoding> encoding_;
  HPDF_Encoder encoder_ = nullptr;
  std::string to_unicode_;  ///< the ToUnicode CMap every font shares
  std::unique_ptr<FontStreamsAhead> fonts_ahead_;  ///< its thread touches no libharu memory
};

}  // namespace galley::backends::pdf
