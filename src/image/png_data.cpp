// A PNG's image data (its IDAT chunks) checked without libpng, and joined for a backend that
// embeds it as it is. libpng cannot read rows without unfiltering them (its C Paeth filter was
// 60% of checking a photograph), so verify() asks zlib, libpng's own inflater, whether the data
// is clean: every IDAT CRC right, one zlib stream of exactly the rows the header states, each
// row with a filter type libpng accepts. (A stream with the largest window and rows that fit
// in a few megabytes is first inflated at once by libdeflate; only its yes counts.) Only a
// clean answer is trusted; for anything else libpng reads the rows and gives its own verdict
// in its own words (png.cpp), so verify() and decode() never disagree.
#include "image/formats.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "threads/thread_compressor.hpp"

namespace galley::image::detail {
namespace {

// inflateEnd on every way out.
struct Inflater {
  z_stream stream{};
  bool started = false;
  Inflater() = default;
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  ~Inflater() {
    if (started) inflateEnd(&stream);
  }
};

// libpng refuses an IDAT chunk longer than the larger of its chunk allocation cap (8 MiB, set
// in png.cpp) and a bound above the image's raw size; within either of these it never does.
constexpr std::uint64_t chunk_cap = 8u << 20;

// Room kept by each thread for clean_in_one_go: the rows inflated, and the image data when it
// comes in several chunks. Images larger than this take the streaming way.
constexpr std::uint64_t one_go_limit = 4u << 20;

// The data of the chunk at `at` when it is an IDAT chunk libpng takes: no longer than its
// bounds and than the file, and its CRC right (by libdeflate's carry-less multiplication,
// several times zlib's speed).
std::optional<std::string_view> idat_data(std::string_view bytes, std::size_t at, std::uint64_t expected) {
  if (at + 12 > bytes.size() || bytes.substr(at + 4, 4) != "IDAT") return std::nullopt;
  const std::uint32_t length = big32(bytes, at);
  if (length > 0x7FFFFFFFu || length > std::max(chunk_cap, expected) || length > bytes.size() - at - 12) {
    return std::nullopt;
  }
  const std::string_view type_and_data = bytes.substr(at + 4, 4 + std::size_t{length});
  if (libdeflate_crc32(0, type_and_data.data(), type_and_data.size()) != big32(bytes, at + 8 + length)) {
    return std::nullopt;
  }
  return type_and_data.substr(4);
}

struct Room {
  std::unique_ptr<unsigned char[]> bytes;
  std::size_t size = 0;
  unsigned char* at_least(std::size_t wanted) {
    if (size < wanted) {
      bytes.reset(new unsigned char[wanted]);  // not zeroed: every byte used is written first
      size = wanted;
    }
    return bytes.get();
  }
};

// image_data_clean's answer when the image data can be inflated at once, by libdeflate (two
// to three times zlib's speed, and nearly all of checking a PNG): the consecutive IDAT chunks
// from `at`, their CRCs right and their lengths within libpng's bounds, hold one zlib stream
// with a 32 KB window that inflates to exactly `expected` bytes and ends with the last of
// them, each row starting with a filter type libpng accepts. Only a yes is final: for
// anything else, nullopt, and the streaming check below, zlib's own, decides (a smaller
// window, which libdeflate does not enforce, goes there too).
std::optional<bool> clean_in_one_go(std::string_view bytes, std::size_t at, std::uint64_t rows, std::uint64_t row_size) {
  if (rows > one_go_limit / row_size) return std::nullopt;
  const std::uint64_t expected = rows * row_size;
  std::vector<std::string_view> pieces;
  std::uint64_t total = 0;
  while (at + 12 <= bytes.size() && bytes.substr(at + 4, 4) == "IDAT") {
    const std::optional<std::string_view> data = idat_data(bytes, at, expected);
    if (!data) return std::nullopt;
    pieces.push_back(*data);
    total += data->size();
    if (total > one_go_limit) return std::nullopt;
    at += 12 + data->size();
  }
  if (total < 2) return std::nullopt;
  std::string_view stream = pieces.front();
  thread_local Room joined;
  if (pieces.size() > 1) {
    unsigned char* out = joined.at_least(total);
    for (const std::string_view piece : pieces) out = std::copy(piece.begin(), piece.end(), out);
    stream = std::string_view(reinterpret_cast<const char*>(joined.bytes.get()), total);
  }
  // The header's window: 32 KB, the largest, so that no distance libdeflate takes is one
  // zlib, held to the header's window, would refuse.
  if ((static_cast<unsigned char>(stream[0]) >> 4) + 8u != 15) return std::nullopt;
  libdeflate_decompressor* decompressor = thread_decompressor();
  if (!decompressor) return std::nullopt;
  thread_local Room inflated;
  unsigned char* out = inflated.at_least(std::max<std::size_t>(expected, 1));
  std::size_t used = 0;
  // With no room for the output's size given back, libdeflate wants exactly `expected` bytes.
  if (libdeflate_zlib_decompress_ex(decompressor, stream.data(), stream.size(), out, expected, &used, nullptr) !=
          LIBDEFLATE_SUCCESS ||
      used != stream.size()) {
    return std::nullopt;
  }
  for (std::uint64_t filter = 0; filter < expected; filter += row_size) {
    if (out[filter] > 4) return std::nullopt;  // libpng: "bad adaptive filter value"
  }
  return true;
}

}  // namespace

bool image_data_clean(std::string_view bytes, std::size_t at, std::uint64_t rows, std::uint64_t row_bytes) {
  const std::uint64_t row_size = row_bytes + 1;  // with its filter type byte
  if (const std::optional<bool> clean = clean_in_one_go(bytes, at, rows, row_size)) return *clean;
  const std::uint64_t expected = rows * row_size;
  // The zlib stream's three parts, each of which may cross from one IDAT chunk to the next.
  // zlib inflates the deflate data raw, with the window the header names, as libpng's
  // inflate (windowBits 0) would; the header and the Adler-32 after the data are checked
  // here as zlib checks them, the sum by libdeflate's vector code: zlib's own adler32 was
  // two fifths of checking a PNG.
  enum class Part { header, data, trailer, done };
  Part part = Part::header;
  unsigned char header[2] = {};
  std::size_t header_seen = 0;
  std::uint32_t trailer = 0;
  int trailer_seen = 0;
  std::uint32_t adler = libdeflate_adler32(1, nullptr, 0);
  Inflater inflater;
  z_stream& z = inflater.stream;
  std::array<unsigned char, 1 << 16> out;
  std::uint64_t produced = 0;  // bytes inflated so far
  std::uint64_t next_filter = 0;  // where the next row's filter type byte lies
  while (part != Part::done) {
    const std::optional<std::string_view> data = idat_data(bytes, at, expected);
    if (!data) return false;
    const auto* in = reinterpret_cast<const unsigned char*>(data->data());
    std::size_t left = data->size();
    while (left > 0) {
      if (part == Part::header) {
        header[header_seen++] = *in++;
        --left;
        if (header_seen < 2) continue;
        // zlib's checks, in its order: the check bits, the method, the window, no dictionary.
        const unsigned window_bits = (header[0] >> 4) + 8u;
        if ((header[0] << 8 | header[1]) % 31 != 0 || (header[0] & 0x0F) != Z_DEFLATED || window_bits > 15 ||
            (header[1] & 0x20) != 0) {
          return false;
        }
        if (inflateInit2(&z, -static_cast<int>(window_bits)) != Z_OK) return false;
        inflater.started = true;
        part = Part::data;
      } else if (part == Part::data) {
        z.next_in = const_cast<Bytef*>(in);
        z.avail_in = static_cast<uInt>(left);
        bool ended = false;
        while (z.avail_in > 0 && !ended) {
          z.next_out = out.data();
          z.avail_out = out.size();
          const int result = inflate(&z, Z_NO_FLUSH);
          if (result != Z_OK && result != Z_STREAM_END) return false;
          const std::uint64_t got = out.size() - z.avail_out;
          if (got > expected - produced) return false;  // more than the rows
          for (; next_filter < produced + got; next_filter += row_size) {
            if (out[next_filter - produced] > 4) return false;  // libpng: "bad adaptive filter value"
          }
          adler = libdeflate_adler32(adler, out.data(), got);
          produced += got;
          ended = result == Z_STREAM_END;
          if (!ended && got == 0 && z.avail_in > 0) return false;  // no progress
        }
        in = z.next_in;
        left = z.avail_in;
        if (ended) part = Part::trailer;
      } else if (part == Part::trailer) {
        trailer = trailer << 8 | *in++;
        --left;
        if (++trailer_seen == 4) {
          if (trailer != adler) return false;  // zlib: "incorrect data check"
          part = Part::done;
        }
      } else {
        return false;  // the stream must end exactly with this chunk's data: no bytes after it
      }
    }
    at += 12 + data->size();
  }
  if (produced != expected) return false;
  // No further IDAT chunk: the joined image data is that one stream and nothing more.
  return !(at + 8 <= bytes.size() && bytes.substr(at + 4, 4) == "IDAT");
}

}  // namespace galley::image::detail

namespace galley::image {

std::string png_image_data(std::string_view bytes, std::string_view name) {
  std::string data;
  bool seen = false;
  // Chunks after the 8-byte signature: length, type, data, CRC. The IDAT chunks are consecutive.
  for (std::size_t at = 8; at + 12 <= bytes.size();) {
    const std::uint32_t length = detail::big32(bytes, at);
    if (length > bytes.size() - at - 12) break;
    const std::string_view type = bytes.substr(at + 4, 4);
    if (type == "IDAT") {
      data.append(bytes.substr(at + 8, length));
      seen = true;
    } else if (seen) {
      break;
    }
    at += 12 + std::size_t{length};
  }
  if (!seen) detail::fail(name, "the PNG image is damaged: it holds no image data");
  return data;
}

}  // namespace galley::image
