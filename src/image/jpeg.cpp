// JPEG through libjpeg-turbo with error recovery. libjpeg's default error handler calls
// exit(), and its warnings go to stderr; here errors longjmp back into small functions that
// hold only C data (no C++ object is ever skipped by the jump), warnings are counted, and the
// data comes from our own source manager, which notes where the bytes ran out.
#include "image/formats.hpp"

#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE and size_t first

#include <jerror.h>
#include <jpeglib.h>

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace galley::image::detail {
namespace {

// A progressive JPEG may hold any number of scans, each a pass over the whole image: a tiny
// file can cost minutes (libjpeg-turbo's advice: limit them with a progress monitor).
constexpr int max_scans = 1000;

// Where decoding was when the data ran out.
enum Phase : int { reading_header, starting, reading_rows, finishing };

struct JpegErrors {
  jpeg_error_mgr pub;  ///< first: libjpeg hands back cinfo->err, cast to this
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX];  ///< the error that stopped decoding
  char warning[JMSG_LENGTH_MAX];  ///< the first warning
  int warnings;
};

struct JpegSource {
  jpeg_source_mgr pub;  ///< first, as above
  int phase;
  bool ended;                ///< the data ran out and a fake EOI marker was supplied
  int ended_in_phase;
  /// The row of MCUs being decoded when it ran out: counted on the input side, so the verdict
  /// is the same whatever the output (full size, or scaled by verify).
  JDIMENSION ended_in_imcu_row;
};

// Everything one decode shares with libjpeg and its callbacks: C data only, so it may live
// in the C++ frame that owns it while the jumps stay inside the phase functions below.
struct JpegJob {
  jpeg_decompress_struct cinfo;
  JpegErrors errors;
  JpegSource source;
  jpeg_progress_mgr progress;
  bool cmyk;            ///< convert 4-channel CMYK rows to RGB
  bool inverted;        ///< Adobe's CMYK: samples are 255 - ink
  int colours;          ///< samples a pixel in the output: 1 or 3
  bool verify_only;     ///< rows scaled by 1/8, skipped but the last, pixels not kept
};

[[noreturn]] void on_error_exit(j_common_ptr cinfo) {
  auto* errors = reinterpret_cast<JpegErrors*>(cinfo->err);
  if (errors->pub.msg_code == JERR_NO_BACKING_STORE) {
    std::snprintf(errors->message, sizeof errors->message, "it needs more memory than the pixel budget allows");
  } else if (errors->message[0] == '\0') {
    (*cinfo->err->format_message)(cinfo, errors->message);
  }
  std::longjmp(errors->jump, 1);  // NOLINT(cert-err52-cpp): libjpeg's error_exit must not return
}

// Warnings are counted (and the first kept), never printed: libjpeg's default writes to stderr.
void on_emit_message(j_common_ptr cinfo, int level) {
  auto* errors = reinterpret_cast<JpegErrors*>(cinfo->err);
  if (level >= 0) return;  // trace messages
  if (errors->warnings++ == 0) (*cinfo->err->format_message)(cinfo, errors->warning);
  ++errors->pub.num_warnings;
}

void on_output_message(j_common_ptr) {}

void on_init_source(j_decompress_ptr) {}
void on_term_source(j_decompress_ptr) {}

// Called only once the buffer is used up (it holds the whole file from the start): supplies an
// EOI marker so libjpeg stops cleanly, as jpeg_mem_src does, and notes where that happened.
boolean on_fill_input_buffer(j_decompress_ptr cinfo) {
  static const JOCTET fake_eoi[2] = {0xFF, JPEG_EOI};  // constant: nothing shared is written
  auto* source = reinterpret_cast<JpegSource*>(cinfo->src);
  if (!source->ended) {
    source->ended = true;
    source->ended_in_phase = source->phase;
    source->ended_in_imcu_row = cinfo->input_iMCU_row;
  }
  WARNMS(cinfo, JWRN_JPEG_EOF);
  source->pub.next_input_byte = fake_eoi;
  source->pub.bytes_in_buffer = sizeof fake_eoi;
  return TRUE;
}

void on_skip_input_data(j_decompress_ptr cinfo, long count) {
  if (count <= 0) return;
  jpeg_source_mgr* source = cinfo->src;
  if (static_cast<unsigned long>(count) > source->bytes_in_buffer) {
    on_fill_input_buffer(cinfo);  // past the end: nothing left to skip to
    return;
  }
  source->next_input_byte += count;
  source->bytes_in_buffer -= static_cast<std::size_t>(count);
}

void on_progress(j_common_ptr cinfo) {
  if (!cinfo->is_decompressor) return;
  auto* job = static_cast<JpegJob*>(cinfo->client_data);
  if (job->cinfo.input_scan_number > max_scans) {
    std::snprintf(job->errors.message, sizeof job->errors.message, "it has more than %d scans", max_scans);
    (*cinfo->err->error_exit)(cinfo);
  }
}

// Phase 1: the decompressor and the headers up to the first scan.
bool read_header(JpegJob* job) {
  // NOLINTNEXTLINE(cert-err52-cpp): libjpeg reports errors only by longjmp
  if (setjmp(job->errors.jump)) return false;
  jpeg_create_decompress(&job->cinfo);  // keeps err and client_data, zeroes the rest
  job->cinfo.src = &job->source.pub;
  job->cinfo.progress = &job->progress;
  job->source.phase = reading_header;
  jpeg_read_header(&job->cinfo, TRUE);
  return true;
}

// Writes one row of `width` CMYK samples as RGB.
void cmyk_to_rgb(const JSAMPLE* in, unsigned char* out, JDIMENSION width, bool inverted) {
  for (JDIMENSION x = 0; x < width; ++x, in += 4) {
    const unsigned k = inverted ? in[3] : 255u - in[3];
    for (int c = 0; c < 3; ++c) {
      const unsigned ink = inverted ? in[c] : 255u - in[c];
      *out++ = static_cast<unsigned char>((ink * k + 127) / 255);
    }
  }
}

// Phase 2: every output row into `pixels` (through `row` when CMYK needs converting), then the
// rest of the file up to EOI so that damage after the last row is noticed too. Verifying, the
// rows but the last are skipped (jpeg_skip_scanlines: whole rows of MCUs entropy-decoded
// only, their coefficients dropped, as damage shows there and not in the inverse transform
// or the colours) and the last is read into `row`: libjpeg-turbo skipping to the bottom reads
// nothing at all. A 100-article PDF's 30 photographs: 72 M -> 46 M instructions.
bool read_rows(JpegJob* job, unsigned char* pixels, JSAMPLE* row) {
  // NOLINTNEXTLINE(cert-err52-cpp): libjpeg reports errors only by longjmp
  if (setjmp(job->errors.jump)) return false;
  j_decompress_ptr cinfo = &job->cinfo;
  job->source.phase = starting;
  jpeg_start_decompress(cinfo);
  const int expected = job->cmyk ? 4 : job->colours;
  // At scale 1/8 libjpeg rounds each side up (jdiv_round_up).
  const JDIMENSION width = job->verify_only ? (cinfo->image_width + 7) / 8 : cinfo->image_width;
  const JDIMENSION height = job->verify_only ? (cinfo->image_height + 7) / 8 : cinfo->image_height;
  if (cinfo->output_width != width || cinfo->output_height != height || cinfo->output_components != expected) {
    std::snprintf(job->errors.message, sizeof job->errors.message, "unexpected output layout");
    return false;
  }
  job->source.phase = reading_rows;
  if (job->verify_only && cinfo->output_height > 1) {  // the rest by the loop below
    const JDIMENSION skip = cinfo->output_height - 1;
    if (jpeg_skip_scanlines(cinfo, skip) != skip) {
      std::snprintf(job->errors.message, sizeof job->errors.message, "the decoder stopped early");
      return false;
    }
  }
  const std::size_t stride = std::size_t{cinfo->output_width} * static_cast<std::size_t>(job->colours);
  while (cinfo->output_scanline < cinfo->output_height) {
    unsigned char* out = job->verify_only ? row : pixels + std::size_t{cinfo->output_scanline} * stride;
    JSAMPROW target = job->cmyk ? row : out;
    if (jpeg_read_scanlines(cinfo, &target, 1) != 1) {
      std::snprintf(job->errors.message, sizeof job->errors.message, "the decoder stopped early");
      return false;
    }
    if (job->cmyk && !job->verify_only) cmyk_to_rgb(row, out, cinfo->output_width, job->inverted);
  }
  job->source.phase = finishing;
  jpeg_finish_decompress(cinfo);
  return true;
}

// Frees libjpeg's memory on every way out (safe after an error, and before creation: the job
// starts zeroed, so cinfo.mem is null).
struct JpegGuard {
  jpeg_decompress_struct* cinfo;
  explicit JpegGuard(jpeg_decompress_struct* decompressor) : cinfo(decompressor) {}
  JpegGuard(const JpegGuard&) = delete;
  JpegGuard& operator=(const JpegGuard&) = delete;
  ~JpegGuard() { jpeg_destroy_decompress(cinfo); }
};

// One decode or verification: the headers, the same checks and colour spaces either way, the
// rows (full size into `raster.pixels`, or scaled by 1/8 into one row when `verify_only`), and
// the verdict on truncation and repairs. Returns whether the file's bytes may be embedded as
// they are; `raster` gets the size, and the pixels unless verifying.
bool run_jpeg(std::string_view bytes, std::string_view name, const Limits& limits, Diagnostics& diagnostics,
              bool verify_only, Raster& raster) {
  JpegJob job{};
  job.verify_only = verify_only;
  job.cinfo.err = jpeg_std_error(&job.errors.pub);
  job.errors.pub.error_exit = on_error_exit;
  job.errors.pub.emit_message = on_emit_message;
  job.errors.pub.output_message = on_output_message;
  job.cinfo.client_data = &job;
  job.source.pub.init_source = on_init_source;
  job.source.pub.fill_input_buffer = on_fill_input_buffer;
  job.source.pub.skip_input_data = on_skip_input_data;
  job.source.pub.resync_to_restart = jpeg_resync_to_restart;
  job.source.pub.term_source = on_term_source;
  job.source.pub.next_input_byte = reinterpret_cast<const JOCTET*>(bytes.data());
  job.source.pub.bytes_in_buffer = bytes.size();
  job.progress.progress_monitor = on_progress;
  JpegGuard guard{&job.cinfo};

  // An error after the data ran out (a table cut in half, say) is the truncation's doing.
  const auto failed = [&] {
    fail(name, fmt::format("the JPEG image is {}: {}", job.source.ended ? "truncated" : "damaged",
                           job.errors.message));
  };
  if (!read_header(&job)) failed();
  jpeg_decompress_struct& cinfo = job.cinfo;
  check_size(name, cinfo.image_width, cinfo.image_height, limits);
  const J_COLOR_SPACE stored = cinfo.jpeg_color_space;
  job.cmyk = stored == JCS_CMYK || stored == JCS_YCCK;
  // Photoshop writes CMYK inverted and marks it with an Adobe APP14 segment; every reader
  // (browsers, Acrobat) takes the marker to mean that.
  job.inverted = job.cmyk && cinfo.saw_Adobe_marker;
  job.colours = stored == JCS_GRAYSCALE ? 1 : 3;
  // The same colour conversion when verifying (at 1/64 of the pixels it costs little), so that
  // a conversion libjpeg cannot make is refused by both alike.
  cinfo.out_color_space = stored == JCS_GRAYSCALE ? JCS_GRAYSCALE : job.cmyk ? JCS_CMYK : JCS_RGB;
  if (verify_only) {
    // Scaled IDCT (DC only): the entropy decoding, where damage shows, still runs in full.
    cinfo.scale_num = 1;
    cinfo.scale_denom = 8;
  }
  // A progressive image keeps every coefficient until the last scan (2 bytes a sample); more
  // than this would need a backing store, which libjpeg-turbo refuses with an error.
  constexpr std::uint64_t slack = 32u << 20;
  constexpr std::uint64_t most = (static_cast<std::uint64_t>(LONG_MAX) - slack) / 8;
  cinfo.mem->max_memory_to_use = static_cast<long>(std::min(limits.max_pixels, most) * 8 + slack);

  raster.width = cinfo.image_width;
  raster.height = cinfo.image_height;
  raster.gray = job.colours == 1;
  std::vector<std::uint8_t> row;
  if (verify_only) {
    row = allocate(name, (std::uint64_t{raster.width} + 7) / 8 * 4);
  } else {
    raster.pixels =
        allocate(name, std::uint64_t{raster.width} * raster.height * static_cast<std::uint64_t>(job.colours));
    if (job.cmyk) row = allocate(name, std::uint64_t{raster.width} * 4);
  }
  if (!read_rows(&job, raster.pixels.data(), row.empty() ? nullptr : row.data())) failed();

  if (job.source.ended) {
    // Running out while the last row of MCUs is decoded means only the EOI marker was missing
    // (that band may be filled gray); earlier, rows (or a progressive image's later scans)
    // are lost.
    const bool whole = job.source.ended_in_phase == finishing ||
                       (job.source.ended_in_phase == reading_rows &&
                        job.source.ended_in_imcu_row + 1 >= cinfo.total_iMCU_rows);
    if (!whole) fail(name, "the JPEG image is truncated: its data ends before its last row");
  }
  if (job.errors.warnings > 0) {
    diagnostics.warn(
        std::string(name), 0,
        fmt::format("the JPEG image is damaged; it was decoded as far as possible ({})", job.errors.warning));
  }
  // Only what any PDF reader's DCTDecode handles reliably is passed on as it is.
  const bool plain = stored == JCS_GRAYSCALE || stored == JCS_YCbCr;
  return plain && job.errors.warnings == 0 && !cinfo.arith_code && cinfo.data_precision == 8;
}

}  // namespace

Raster decode_jpeg(std::string_view bytes, std::string_view name, const Limits& limits, Diagnostics& diagnostics) {
  Raster raster;
  if (run_jpeg(bytes, name, limits, diagnostics, false, raster)) raster.jpeg.assign(bytes.data(), bytes.size());
  return raster;
}

Verified verify_jpeg(std::string_view bytes, std::string_view name, const Limits& limits, Diagnostics& diagnostics) {
  Raster raster;
  Verified verified;
  verified.jpeg_as_is = run_jpeg(bytes, name, limits, diagnostics, true, raster);
  verified.info.width = raster.width;
  verified.info.height = raster.height;
  return verified;
}

}  // namespace galley::image::detail
