// Deflating a document's streams here instead of in libharu's save: libdeflate, on every
// core, before HPDF_SaveToStream. libharu deflates each stream with a fresh zlib stream on the
// one thread that saves; for a one-article PDF that is some 16 small streams (font files,
// their maps and CMaps), and zlib's set-up of each (its window and hash tables, 256 KB
// cleared) cost more than the deflating: 5.7 M instructions of a 80 M run.
#pragma once

#include <hpdf.h>

#include <future>
#include <string>
#include <vector>

namespace galley::backends::pdf {

/// How hard libdeflate tries. Fonts, maps and pictures are made once a document: zlib's
/// default level. Pages' text is most of what is deflated: the fastest level, which for 100
/// articles (2 December 2026) took 90 M of 1,404 M instructions off and made the PDF 2% larger.
inline constexpr int default_deflate_level = 6;
inline constexpr int page_deflate_level = 1;

/// `content` deflated in zlib format (what FlateDecode reads) by libdeflate at `level`
/// (1 to 12; 6 is zlib's default, whose output it matches in size, faster). False when
/// libdeflate fails.
bool zlib_deflate(std::string& content, int level = default_deflate_level);

/// The bytes of a libharu memory stream.
std::string memory_stream_bytes(HPDF_Stream stream);

/// Marks a stream dictionary whose data is already deflated: libharu writes it as it is, and
/// "/Filter [ /FlateDecode ]" as the dictionary's last key, as it writes its own.
void mark_deflated(HPDF_Dict dict);

/// Deflates, on up to `threads` threads, every stream libharu would deflate when saving:
/// the fonts' files (made now, by the fonts' own before-write hooks, which libharu calls
/// again when saving and which then change nothing), their CIDToGIDMaps, CMaps and
/// ToUnicode maps, and images. Pages' content streams are left alone (PageCompression's, or
/// libharu's where it still writes to them). Call once every page is drawn and every font
/// has measured its text, just before saving. Throws galley::Error.
void deflate_streams_ahead(HPDF_Doc doc, const std::vector<HPDF_Font>& fonts, unsigned threads);

/// A stream to deflate: its dictionary, its bytes (then deflated), whether that worked.
struct DeflateJob {
  HPDF_Dict dict = nullptr;
  std::string bytes;
  bool deflated = false;
};

/// The fonts' streams (files, maps, CMaps, ToUnicode maps) deflated on a thread of their own
/// while the pages are drawn, which leaves a core idle (libharu draws on one thread): what
/// deflate_streams_ahead did for them at the start of the save, with every other thread
/// waiting. Made once every font the document uses is loaded and has measured its text (the
/// fonts' files are made now, from the glyphs measured), with one thread or many alike, so
/// that the bytes do not depend on how many; install() before the save, whose
/// deflate_streams_ahead then deflates only what came after (pictures decoded to pixels).
class FontStreamsAhead {
 public:
  /// Not `threaded`: deflated in install(), on the caller's thread. Throws galley::Error when
  /// a font's file cannot be made.
  FontStreamsAhead(HPDF_Doc doc, const std::vector<HPDF_Font>& fonts, bool threaded);
  FontStreamsAhead(const FontStreamsAhead&) = delete;
  FontStreamsAhead& operator=(const FontStreamsAhead&) = delete;
  ~FontStreamsAhead();  ///< waits for the thread
  /// Waits for the thread, then gives the streams their deflated bytes (on the document's
  /// thread). Throws galley::Error when deflating or libharu failed. Once.
  void install(HPDF_Doc doc);

 private:
  void deflate();

  std::vector<DeflateJob> jobs_;
  std::future<void> done_;  ///< the thread, when threaded
};

}  // namespace galley::backends::pdf
