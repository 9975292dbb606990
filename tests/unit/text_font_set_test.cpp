// Tests for src/text/font_set.cpp (and the fontconfig and FreeType files under it) against
// the fonts scripts/setup installs: fonts-liberation2, fonts-dejavu-core, fonts-noto-core.
#include "text/font_set.hpp"

#include <gtest/gtest.h>

#include "galley/diagnostics.hpp"
#include "text/font_catalog.hpp"

namespace galley::text {
namespace {

TEST(TextFontSet, FindsTheExactFamilyInEachStyle) {
  FontSet fonts;
  const FaceId regular = fonts.face({"Liberation Serif"}, FontStyle::regular);
  const FaceId bold = fonts.face({"Liberation Serif"}, FontStyle::bold);
  const FaceId italic = fonts.face({"Liberation Serif"}, FontStyle::italic);
  const FaceId bold_italic = fonts.face({"Liberation Serif"}, FontStyle::bold_italic);
  EXPECT_EQ(fonts.info(regular).family, "Liberation Serif");
  EXPECT_NE(fonts.info(regular).file.find("LiberationSerif-Regular.ttf"), std::string::npos);
  EXPECT_NE(fonts.info(bold).file.find("LiberationSerif-Bold.ttf"), std::string::npos);
  EXPECT_NE(fonts.info(italic).file.find("LiberationSerif-Italic.ttf"), std::string::npos);
  EXPECT_NE(fonts.info(bold_italic).file.find("LiberationSerif-BoldItalic.ttf"), std::string::npos);
  EXPECT_EQ(fonts.face({"Liberation Serif"}, FontStyle::regular), regular);
}

TEST(TextFontSet, ASharedCatalogGivesWhatFontconfigGives) {
  FontCatalog catalog;
  for (int run = 0; run < 2; ++run) {  // the second run answers from the catalogue
    FontSet direct;
    FontSet shared(&catalog);
    for (const auto style : {FontStyle::regular, FontStyle::bold_italic}) {
      const std::vector<std::string> families = {"Liberation Sans", "DejaVu Sans"};
      const FaceId a = direct.face(families, style);
      const FaceId b = shared.face(families, style);
      EXPECT_EQ(direct.info(a).file, shared.info(b).file);
      // A character the family lacks: the fallback fontconfig picks, the same both ways.
      EXPECT_EQ(direct.info(direct.face_for(a, U'\u2603')).file, shared.info(shared.face_for(b, U'\u2603')).file);
    }
  }
  EXPECT_EQ(catalog.find("No Such Family", FontStyle::regular), std::nullopt);
}

TEST(TextFontSet, NeverPicksACondensedOrLightMember) {
  FontSet fonts;
  EXPECT_NE(fonts.info(fonts.face({"DejaVu Sans"}, FontStyle::regular)).file.find("/DejaVuSans.ttf"),
            std::string::npos);
  EXPECT_NE(fonts.info(fonts.face({"DejaVu Sans"}, FontStyle::italic)).file.find("/DejaVuSans-Oblique.ttf"),
            std::string::npos);
}

TEST(TextFontSet, MeasuresAsLibharuDoes) {
  FontSet fonts;
  const FaceId serif = fonts.face({"Liberation Serif"}, FontStyle::regular);
  // Liberation Serif: 2048 units an em; 'A' advances 1479 units -> 1479000 / 2048 = 722.
  EXPECT_EQ(fonts.advance(serif, U'A'), 722);
  EXPECT_EQ(fonts.advance(serif, U' '), 250);
  EXPECT_GT(fonts.info(serif).ascender, 0);
  EXPECT_LT(fonts.info(serif).descender, 0);
}

TEST(TextFontSet, FallsBackPerCharacter) {
  FontSet fonts;
  const FaceId serif = fonts.face({"Liberation Serif", "DejaVu Sans"}, FontStyle::regular);
  EXPECT_EQ(fonts.face_for(serif, U'\u0416'), serif);  // Cyrillic: Liberation has it
  EXPECT_EQ(fonts.face_for(serif, U'\u03b1'), serif);  // Greek too
  const FaceId star = fonts.face_for(serif, U'\u2605');  // a black star: Liberation lacks it
  ASSERT_GE(star, 0);
  EXPECT_EQ(fonts.info(star).family, "DejaVu Sans");
  const FaceId devanagari = fonts.face_for(serif, U'\u0915');  // in no font of the chain
  ASSERT_GE(devanagari, 0);
  EXPECT_NE(fonts.info(devanagari).file.find(".ttf"), std::string::npos);
}

TEST(TextFontSet, MissingFallbacksAreSkipped) {
  FontSet fonts;
  const FaceId face =
      fonts.face({"Liberation Sans", "No Such Family Anywhere", "DejaVu Sans"}, FontStyle::regular);
  EXPECT_EQ(fonts.info(face).family, "Liberation Sans");
  EXPECT_EQ(fonts.info(fonts.face_for(face, U'\u2605')).family, "DejaVu Sans");
}

// A fallback's file is opened only when a character its face lacks is asked for: most
// articles need none, and each is a fontconfig query and a font parsed.
TEST(TextFontSet, OpensAFallbackOnlyWhenItIsNeeded) {
  FontSet fonts;
  const FaceId serif = fonts.face({"Liberation Serif", "DejaVu Sans", "Noto Serif"}, FontStyle::regular);
  const FaceId sans = fonts.face({"Liberation Sans", "DejaVu Sans"}, FontStyle::bold);
  EXPECT_EQ(fonts.open_files(), 2u);
  EXPECT_EQ(fonts.face_for(serif, U'a'), serif);
  EXPECT_EQ(fonts.face_for(sans, U'\u0416'), sans);
  EXPECT_EQ(fonts.open_files(), 2u);
  const FaceId star = fonts.face_for(serif, U'\u2605');
  EXPECT_EQ(fonts.info(star).family, "DejaVu Sans");
  EXPECT_EQ(fonts.open_files(), 3u);  // the first fallback that has it; Noto Serif stays shut
  EXPECT_EQ(fonts.face_for(serif, U'\u2606'), star);
  EXPECT_EQ(fonts.open_files(), 3u);
}

TEST(TextFontSet, AnUnknownFamilyNamesTheClosestInstalledOnes) {
  FontSet fonts;
  try {
    fonts.face({"Liberaton Serif"}, FontStyle::regular);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    const std::string& message = error.diagnostic().message;
    EXPECT_NE(message.find("'Liberaton Serif' is not installed"), std::string::npos) << message;
    EXPECT_NE(message.find("closest installed: Liberation Serif"), std::string::npos) << message;
  }
}

TEST(TextFontCatalog, FindsOnlyTrueTypeFiles) {
  auto found = find_font_file("Noto Sans", FontStyle::bold);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->path.substr(found->path.size() - 4), ".ttf");
  EXPECT_EQ(found->style, FontStyle::bold);
  EXPECT_FALSE(find_font_file("No Such Family Anywhere", FontStyle::regular));
}

}  // namespace
}  // namespace galley::text
