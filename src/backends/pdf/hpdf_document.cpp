// The libharu document: setup, error translation, fonts, saving to memory.
#include "backends/pdf/hpdf_document.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "backends/pdf/to_unicode.hpp"
#include "galley/diagnostics.hpp"
#include "text/font_subset.hpp"
#include "text/unicode.hpp"

namespace galley::backends::pdf {
namespace {

// A file that holds a font subset while libharu opens it. libharu reads an embedded font
// again when it saves, through the FILE it keeps open, so the name can go at once.
class SubsetFile {
 public:
  explicit SubsetFile(const std::string& bytes) {
    const char* folder = std::getenv("TMPDIR");
    path_ = std::string(folder && *folder ? folder : "/tmp");
    path_ += "/galley-font-XXXXXX";
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
      return;
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (written != bytes.size()) {
      ::unlink(path_.c_str());
      path_.clear();
    }
  }
  ~SubsetFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  SubsetFile(const SubsetFile&) = delete;
  SubsetFile& operator=(const SubsetFile&) = delete;
  /// Empty when the file could not be written.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

void HpdfDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  // Called from C: record only. The first error is the one worth reporting.
  auto* self = static_cast<HpdfDocument*>(user);
  if (self->error_ == HPDF_OK) {
    self->error_ = error;
    self->detail_ = detail;
  }
}

HpdfDocument::HpdfDocument() {
  doc_ = HPDF_New(&HpdfDocument::on_error, this);
  if (!doc_) throw Error(ErrorKind::internal, "", 0, "libharu could not create a document (out of memory?)");
  // Fonts are embedded whole but for their glyph outlines: uncompressed they are huge.
  check(HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL), "enable compression");
}

HpdfDocument::~HpdfDocument() {
  if (doc_) HPDF_Free(doc_);
}

void HpdfDocument::check(std::string_view what) { check(HPDF_OK, what); }

void HpdfDocument::check(HPDF_STATUS status, std::string_view what) {
  if (error_ == HPDF_OK && status == HPDF_OK) return;
  const HPDF_STATUS error = error_ != HPDF_OK ? error_ : status;
  const HPDF_STATUS detail = detail_;
  error_ = detail_ = HPDF_OK;
  HPDF_ResetError(doc_);
  throw Error(ErrorKind::internal, "", 0,
              fmt::format("libharu could not {}: error 0x{:04X} (detail {})", what, static_cast<unsigned>(error),
                          static_cast<unsigned>(detail)));
}

void HpdfDocument::set_text(std::map<std::string, std::vector<char32_t>> characters_by_font,
                            std::vector<char32_t> others) {
  characters_ = std::move(characters_by_font);
  for (const auto& [file, characters] : characters_) others.insert(others.end(), characters.begin(), characters.end());
  encoding_.emplace(std::move(others));
  encoder_ = encoding_->register_encoder(doc_, "GalleyText");
  check(encoder_ ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "register the text encoding");
  // Document information goes through the current encoder: without one of ours, libharu
  // would write non-ASCII titles garbled.
  check(HPDF_SetCurrentEncoder(doc_, "GalleyText"), "select the text encoding");
  to_unicode_ = encoding_->to_unicode_cmap();
}

std::string HpdfDocument::encode(std::string_view utf8) const {
  if (!encoding_) throw Error(ErrorKind::internal, "", 0, "PDF text given before the document's characters");
  return encoding_->encode(utf8);
}

HPDF_Font HpdfDocument::font(const std::string& file) {
  if (auto it = fonts_.find(file); it != fonts_.end()) return it->second;
  if (!encoder_) throw Error(ErrorKind::internal, file, 0, "font loaded before the document's characters");
  // libharu reads fonts from files only: the subset (or the completed whole font) goes
  // through a temporary one.
  const auto it = characters_.find(file);
  const std::vector<char32_t> none;
  const SubsetFile subset(text::embeddable_font(file, it != characters_.end() ? it->second : none));
  if (subset.path().empty()) throw Error(ErrorKind::io, file, 0, "cannot write a temporary copy of this font");
  const char* name = HPDF_LoadTTFontFromFile(doc_, subset.path().c_str(), HPDF_TRUE);
  HPDF_Font font = name ? HPDF_GetFont(doc_, name, encoder_->name) : nullptr;
  if (!font || !set_to_unicode(doc_, font, to_unicode_) || error_ != HPDF_OK) {
    const HPDF_STATUS error = error_;
    error_ = detail_ = HPDF_OK;
    HPDF_ResetError(doc_);
    throw Error(ErrorKind::data, file, 0,
                fmt::format("libharu cannot embed this font (error 0x{:04X})", static_cast<unsigned>(error)));
  }
  // libharu keeps only the outlines of glyphs it saw measured; text is written without it
  // measuring (draw.cpp), so measure every character this font draws once.
  if (it != characters_.end() && !it->second.empty()) {
    std::string all;
    for (char32_t c : it->second) text::append_utf8(all, c);
    const std::string codes = encode(all);
    HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(codes.data()), static_cast<HPDF_UINT>(codes.size()));
  }
  fonts_.emplace(file, font);
  return font;
}

std::string HpdfDocument::save() {
  check(HPDF_SaveToStream(doc_), "write the document");
  check(HPDF_ResetStream(doc_), "rewind the document");
  std::string bytes;
  bytes.reserve(HPDF_GetStreamSize(doc_));
  char buffer[65536];
  for (;;) {
    HPDF_UINT32 length = sizeof buffer;
    const HPDF_STATUS status = HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(buffer), &length);
    bytes.append(buffer, length);
    if (status == HPDF_STREAM_EOF) break;
    check(status, "read the document back");
    if (length == 0) break;
  }
  // Reaching the end of the stream is reported as an error too; it is not one.
  error_ = detail_ = HPDF_OK;
  HPDF_ResetError(doc_);
  return bytes;
}

}  // namespace galley::backends::pdf
