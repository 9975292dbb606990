// Tests for src/backends/epub/zip_archive.cpp: entries compressed beforehand and spooled come
// out of the archive as they went in (checked by Info-ZIP's unzip), stored ones too, and
// deflate() gives raw deflate data with the CRC-32 a zip needs.
#include "backends/epub/zip_archive.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace galley::backends::epub {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    ::pclose(pipe);
  }
  return out;
}

TEST(ZipArchive, SpooledEntriesComeOutAsTheyWentIn) {
  std::string chapter;
  for (int i = 0; i < 2000; ++i) chapter += "<p>Paragraph " + std::to_string(i) + " of the chapter.</p>\n";
  const std::string picture(3000, '\x7f');
  SpillFile spool(1024);  // spills: entries are read back from the temporary file
  const Deflated compressed = deflate(chapter);
  EXPECT_LT(compressed.data.size(), chapter.size() / 4);
  EXPECT_EQ(compressed.size, chapter.size());
  const Spooled text = spool_entry(spool, compressed);
  const Spooled stored = spool_stored(spool, picture);

  ZipArchive zip(1709769600);  // 2024-03-07
  zip.add("mimetype", "application/epub+zip", ZipArchive::Method::store);
  zip.add("OEBPS/chapter.xhtml", spool, text);
  zip.add("OEBPS/picture.png", spool, stored);
  StringSink sink;
  zip.finish(sink);

  const fs::path path = fs::temp_directory_path() / ("galley-zip-" + std::to_string(::getpid()) + ".zip");
  std::ofstream(path, std::ios::binary) << sink.str();
  EXPECT_NE(run("unzip -tq " + path.string() + " 2>&1").find("No errors detected"), std::string::npos);
  EXPECT_EQ(run("unzip -p " + path.string() + " OEBPS/chapter.xhtml"), chapter);
  EXPECT_EQ(run("unzip -p " + path.string() + " OEBPS/picture.png"), picture);
  const std::string listing = run("unzip -v " + path.string());
  EXPECT_NE(listing.find("Defl:N"), std::string::npos);  // the chapter, as deflated here
  EXPECT_NE(listing.find("Stored"), std::string::npos);  // mimetype and the picture
  fs::remove(path);
}

}  // namespace
}  // namespace galley::backends::epub
