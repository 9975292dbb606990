// The libharu document: setup, error translation, fonts, saving.
#include "backends/pdf/hpdf_document.hpp"

#include <fmt/format.h>
#include <hpdf_doc.h>
#include <hpdf_utils.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <string>

#include "backends/pdf/stream_deflate.hpp"
#include "backends/pdf/to_unicode.hpp"
#include "galley/diagnostics.hpp"
#include "text/font_subset.hpp"
#include "text/unicode.hpp"
#include "threads/for_each_parallel.hpp"

// libharu 2.3.0 copies and clears memory a byte at a time in helpers of its own
// (hpdf_utils.c), which it calls through its PLT: every font it makes clears 256 KB that way
// (HPDF_CMapEncoder_InitAttr, CIDFontType2_New), and every stream write copies through
// HPDF_MemCpy. Defined here, in the program, they take the C library's place: the dynamic
// loader binds libharu's own calls to the first definition in the search order, and the
// program comes first. Same results (both return the end of what they wrote); memmove
// because libharu never promises its buffers do not overlap. It was a sixth of the
// instructions of a batch of one-article PDFs. HPDF_StrLen and HPDF_StrCpy, which the save
// calls for every name and key it writes, likewise: a 100-article PDF's 713 M -> 711 M
// instructions, on the thread the others wait for.
extern "C" {
HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
  if (n == 0) return out;
  std::memmove(out, in, n);
  return out + n;
}

void* HPDF_MemSet(void* s, HPDF_BYTE c, HPDF_UINT n) {
  if (n == 0) return s;
  std::memset(s, c, n);
  return static_cast<HPDF_BYTE*>(s) + n;
}

// The length of `s`, at most `maxlen` when that is not negative; 0 for null.
HPDF_UINT HPDF_StrLen(const char* s, HPDF_INT maxlen) {
  if (!s) return 0;
  return static_cast<HPDF_UINT>(maxlen < 0 ? std::strlen(s) : strnlen(s, static_cast<std::size_t>(maxlen)));
}

// `in` copied to `out`, no further than `eptr`, then a NUL; returns where the NUL is.
HPDF_BYTE* HPDF_StrCpy(char* out, const char* in, char* eptr) {
  if (in && eptr > out) {
    const std::size_t length = strnlen(in, static_cast<std::size_t>(eptr - out));
    std::memmove(out, in, length);
    out += length;
  }
  *out = 0;
  return reinterpret_cast<HPDF_BYTE*>(out);
}
}

namespace galley::backends::pdf {
namespace {

// The subset given to libharu in memory: what HPDF_LoadTTFontFromFile does once it has
// opened its file (libharu 2.3.0, hpdf_doc.c, LoadTTFontFromStream), over a memory stream.
// Through a file, each font cost a temporary file on disk and some 150 seeks, each a system
// call, in loading it and again in saving it. Returns the font's name, or null (the error is
// libharu's).
const char* load_truetype(HPDF_Doc doc, const std::string& bytes) {
  const auto size = static_cast<HPDF_UINT>(bytes.size());
  HPDF_Stream stream = HPDF_MemStream_New(doc->mmgr, size > 0 ? size : 1);
  if (!stream) return nullptr;
  if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), size) != HPDF_OK) {
    HPDF_Stream_Free(stream);
    return nullptr;
  }
  HPDF_FontDef def = HPDF_TTFontDef_Load(doc->mmgr, stream, HPDF_TRUE);  // owns the stream now
  if (!def) return nullptr;
  if (HPDF_FontDef loaded = HPDF_Doc_FindFontDef(doc, def->base_font)) {
    HPDF_FontDef_Free(def);
    return loaded->base_font;
  }
  if (HPDF_List_Add(doc->fontdef_list, def) != HPDF_OK) {
    HPDF_FontDef_Free(def);
    return nullptr;
  }
  // The subset's tag (the "HPDFAA+" before its name): the next in libharu's own sequence,
  // counted in the document as libharu counts it.
  HPDF_BYTE* tag = doc->ttfont_tag;
  if (tag[0] == 0) {
    std::memcpy(tag, "HPDFAA", 6);
  } else {
    for (int i = 5; i >= 0; --i) {
      if (++tag[i] <= 'Z') break;
      tag[i] = 'A';
    }
  }
  HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(tag));
  return def->base_font;
}

// What libharu's save writes, gathered and handed to the sink a batch at a time: its writes
// are a few bytes each. What the sink throws is kept (no exception crosses libharu's C
// frames) and the save stopped with an error.
struct SaveBatches {
  static constexpr std::size_t batch = 256u << 10;
  ByteSink& sink;
  std::string pending;
  std::exception_ptr error;

  void flush() {
    if (!pending.empty()) sink.write(pending);
    pending.clear();
  }

  static HPDF_STATUS on_write(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
    auto* self = static_cast<SaveBatches*>(stream->attr);
    try {
      if (self->pending.size() + size > batch) self->flush();
      self->pending.append(reinterpret_cast<const char*>(data), size);
      return HPDF_OK;
    } catch (...) {
      self->error = std::current_exception();
      return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
    }
  }
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

void HpdfDocument::append_literal(std::string& out, std::string_view utf8) const {
  if (!encoding_) throw Error(ErrorKind::internal, "", 0, "PDF text given before the document's characters");
  encoding_->append_literal(out, utf8);
}

HPDF_Font HpdfDocument::font(const std::string& file) {
  if (auto it = fonts_.find(file); it != fonts_.end()) return it->second;
  if (!encoder_) throw Error(ErrorKind::internal, file, 0, "font loaded before the document's characters");
  // The subset (or the completed whole font) libharu embeds.
  const auto it = characters_.find(file);
  const std::vector<char32_t> none;
  std::string subset;
  if (auto ahead = subsets_.find(file); ahead != subsets_.end()) {
    if (ahead->second.error) std::rethrow_exception(ahead->second.error);
    subset = std::move(ahead->second.bytes);
    subsets_.erase(ahead);
  } else {
    subset = text::embeddable_font(file, it != characters_.end() ? it->second : none);
  }
  const char* name = load_truetype(doc_, subset);
  if (!name) HPDF_CheckError(&doc_->error);  // libharu's loader reports what it set so
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

void HpdfDocument::subset_ahead(unsigned threads) {
  std::vector<const std::string*> files;
  for (const auto& [file, characters] : characters_) {
    if (!fonts_.contains(file) && subsets_.try_emplace(file).second) files.push_back(&file);
  }
  for_each_parallel(files.size(), threads, [&](std::size_t i) {
    Subset& subset = subsets_.at(*files[i]);
    try {
      subset.bytes = text::embeddable_font(*files[i], characters_.at(*files[i]));
    } catch (...) {
      subset.error = std::current_exception();
    }
  });
}

void HpdfDocument::fonts_ahead(unsigned threads) {
  std::vector<HPDF_Font> fonts;
  for (const auto& [file, characters] : characters_) fonts.push_back(font(file));
  fonts_ahead_ = std::make_unique<FontStreamsAhead>(doc_, fonts, threads > 1);
  check("prepare the fonts for writing");
}

void HpdfDocument::save(unsigned threads, ByteSink& sink) {
  if (fonts_ahead_) {
    fonts_ahead_->install(doc_);
    check("take the fonts' deflated streams");
  }
  std::vector<HPDF_Font> fonts;
  for (const auto& [file, font] : fonts_) fonts.push_back(font);
  deflate_streams_ahead(doc_, fonts, threads);
  check("prepare the fonts for writing");
  // HPDF_SaveToStream writes into the document's stream, a memory stream it makes unless one
  // is there: given a writer of ours instead, the file goes to the sink as it is written.
  // Saved into memory, a 100-article PDF was 1.9 MB of fresh 4 KB buffers (480 page faults)
  // on the thread everything else waits for, then copied out.
  SaveBatches batches{sink, {}, {}};
  batches.pending.reserve(SaveBatches::batch);
  HPDF_Stream writer = HPDF_CallbackWriter_New(doc_->mmgr, SaveBatches::on_write, &batches);
  check(writer ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "make a stream to save into");
  if (doc_->stream) HPDF_Stream_Free(doc_->stream);
  doc_->stream = writer;
  const HPDF_STATUS saved = HPDF_SaveToStream(doc_);
  // The writer points at this frame's batches: it goes before they do.
  HPDF_Stream_Free(writer);
  doc_->stream = nullptr;
  if (batches.error) {
    error_ = detail_ = HPDF_OK;
    HPDF_ResetError(doc_);
    std::rethrow_exception(batches.error);
  }
  check(saved, "write the document");
  batches.flush();
}

}  // namespace galley::backends::pdf
