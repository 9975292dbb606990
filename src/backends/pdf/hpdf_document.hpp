// libharu behind RAII: one HPDF_Doc, its error handler and the translation of its errors into
// galley::Error (ARCHITECTURE rule 7: no exception crosses the C callback; the handler only
// records, and every call's result is checked here).
#pragma once

#include <hpdf.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace galley::backends::pdf {

class HpdfDocument {
 public:
  /// A new document with UTF-8 text, full compression and no clock-dependent content.
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

  /// Fonts loaded from now on are embedded as subsets holding the glyphs of these characters
  /// (per TrueType file) only.
  void subset_fonts(std::map<std::string, std::vector<char32_t>> characters);

  /// The UTF-8 font of a TrueType file, loaded and embedded once, as a subset when the file's
  /// characters are known (else whole), completed with the tables libharu needs
  /// (text::embeddable_font). Throws galley::Error naming the file when it cannot be read or
  /// libharu cannot load it.
  HPDF_Font font(const std::string& file);

  /// The finished document's bytes.
  std::string save();

 private:
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user);

  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = HPDF_OK;   ///< the first error libharu reported, until checked
  HPDF_STATUS detail_ = HPDF_OK;
  std::map<std::string, HPDF_Font> fonts_;
  std::map<std::string, std::vector<char32_t>> characters_;
};

}  // namespace galley::backends::pdf
