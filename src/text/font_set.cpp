// FontSet: faces by family chain, each file opened once, fallbacks resolved per character and
// remembered.
#include "text/font_set.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "galley/diagnostics.hpp"
#include "text/font_catalog.hpp"
#include "text/font_face.hpp"

namespace galley::text {

const char* style_name(FontStyle style) {
  switch (style) {
    case FontStyle::regular: return "Regular";
    case FontStyle::bold: return "Bold";
    case FontStyle::italic: return "Italic";
    case FontStyle::bold_italic: return "Bold Italic";
  }
  return "Regular";
}

struct FontSet::Impl {
  struct File {
    std::unique_ptr<FontFace> face;
    FaceInfo info;
  };
  // A fallback family of a face's chain, looked up and opened the first time a character
  // its face lacks is asked for: most articles never need one, and each costs a fontconfig
  // query and a font file opened and parsed (15 of the 20 files a one-article run opened).
  struct Fallback {
    std::string family;
    bool looked_up = false;
    FaceId face = -1;  ///< once looked up; -1 when not installed or not usable
  };
  struct Face {
    std::size_t file = 0;           ///< index into files
    std::vector<Fallback> fallbacks;  ///< in order
    FontStyle style = FontStyle::regular;  ///< the style asked for, for fontconfig's fallback
  };

  FontCatalog* catalog = nullptr;
  FreeType freetype;
  std::vector<File> files;
  std::map<std::string, std::size_t> file_by_path;
  std::vector<Face> faces;
  std::map<std::tuple<std::vector<std::string>, FontStyle>, FaceId> face_by_request;
  std::map<std::string, FaceId> plain_face_by_path;  ///< faces without fallbacks, per file
  std::unordered_map<std::uint64_t, FaceId> covering;  ///< (style, character) -> face or -1

  std::size_t open(const FontFile& found) {
    if (auto it = file_by_path.find(found.path); it != file_by_path.end()) return it->second;
    File file;
    file.face = std::make_unique<FontFace>(freetype, found.path);
    file.info.file = found.path;
    file.info.family = found.family;
    file.info.style = found.style;
    file.info.ascender = file.face->ascender();
    file.info.descender = file.face->descender();
    files.push_back(std::move(file));
    file_by_path.emplace(found.path, files.size() - 1);
    return files.size() - 1;
  }

  FaceId plain_face(const FontFile& found, FontStyle style) {
    if (auto it = plain_face_by_path.find(found.path); it != plain_face_by_path.end()) return it->second;
    Face face;
    face.file = open(found);
    face.style = style;
    faces.push_back(std::move(face));
    const auto id = static_cast<FaceId>(faces.size() - 1);
    plain_face_by_path.emplace(found.path, id);
    return id;
  }

  std::optional<FontFile> find(const std::string& family, FontStyle style) {
    return catalog ? catalog->find(family, style) : find_font_file(family, style);
  }

  // Fallback `index` of face `id`: its plain face, opened on first use (indices, not
  // references: opening one adds to `faces`).
  FaceId fallback(FaceId id, std::size_t index) {
    Fallback& slot = faces[static_cast<std::size_t>(id)].fallbacks[index];
    if (slot.looked_up) return slot.face;
    slot.looked_up = true;
    const Face& face = faces[static_cast<std::size_t>(id)];
    const auto found = find(slot.family, face.style);
    if (!found || found->path == files[face.file].info.file) return -1;
    FaceId opened = -1;
    try {
      opened = plain_face(*found, face.style);
    } catch (const Error&) {
      // An unusable fallback is skipped; the chain goes on.
    }
    faces[static_cast<std::size_t>(id)].fallbacks[index].face = opened;
    return opened;
  }

  // Any installed font that has `c`, asked of fontconfig once per style and character.
  FaceId covering_face(char32_t c, FontStyle style) {
    const std::uint64_t key = static_cast<std::uint64_t>(style) << 32 | c;
    if (auto it = covering.find(key); it != covering.end()) return it->second;
    FaceId id = -1;
    if (auto found = catalog ? catalog->covering(c, style) : find_font_covering(c, style)) {
      try {
        const FaceId candidate = plain_face(*found, style);
        if (files[faces[candidate].file].face->has_glyph(c)) id = candidate;
      } catch (const Error&) {
        // A font fontconfig lists but libharu could not use is no fallback.
      }
    }
    covering.emplace(key, id);
    return id;
  }
};

FontSet::FontSet(FontCatalog* catalog) : impl_(std::make_unique<Impl>()) { impl_->catalog = catalog; }

FontSet::~FontSet() = default;

FaceId FontSet::face(const std::vector<std::string>& families, FontStyle style) {
  if (families.empty()) throw Error(ErrorKind::usage, "", 0, "no font family given");
  auto key = std::make_tuple(families, style);
  if (auto it = impl_->face_by_request.find(key); it != impl_->face_by_request.end()) return it->second;

  auto primary = impl_->find(families.front(), style);
  if (!primary) {
    const auto near = closest_families(families.front());
    std::string list;
    for (const auto& name : near) {
      if (!list.empty()) list += ", ";
      list += name;
    }
    throw Error(ErrorKind::data, "", 0,
                fmt::format("font family '{}' is not installed as TrueType (.ttf); closest installed: {}",
                            families.front(), list.empty() ? "none" : list));
  }
  Impl::Face face;
  face.file = impl_->open(*primary);
  face.style = style;
  for (std::size_t i = 1; i < families.size(); ++i) face.fallbacks.push_back(Impl::Fallback{families[i]});
  impl_->faces.push_back(std::move(face));
  const auto id = static_cast<FaceId>(impl_->faces.size() - 1);
  impl_->face_by_request.emplace(std::move(key), id);
  return id;
}

FaceId FontSet::face_for(FaceId id, char32_t c) {
  const Impl::Face& face = impl_->faces.at(static_cast<std::size_t>(id));
  if (impl_->files[face.file].face->has_glyph(c)) return id;
  const FontStyle style = face.style;
  for (std::size_t i = 0; i < impl_->faces[static_cast<std::size_t>(id)].fallbacks.size(); ++i) {
    const FaceId fallback = impl_->fallback(id, i);
    if (fallback >= 0 && impl_->files[impl_->faces[static_cast<std::size_t>(fallback)].file].face->has_glyph(c)) {
      return fallback;
    }
  }
  return impl_->covering_face(c, style);
}

int FontSet::advance(FaceId id, char32_t c) {
  return impl_->files[impl_->faces.at(static_cast<std::size_t>(id)).file].face->advance(c);
}

int FontSet::kerning(FaceId id, char32_t left, char32_t right) {
  return impl_->files[impl_->faces.at(static_cast<std::size_t>(id)).file].face->kerning(left, right);
}

const FaceInfo& FontSet::info(FaceId id) const {
  return impl_->files[impl_->faces.at(static_cast<std::size_t>(id)).file].info;
}

std::size_t FontSet::open_files() const { return impl_->files.size(); }

FontSetPool::Lease FontSetPool::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<FontSet> fonts = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(fonts));
    }
  }
  return Lease(*this, std::make_unique<FontSet>(&catalog_));
}

void FontSetPool::give_back(std::unique_ptr<FontSet> fonts) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(fonts));
}

}  // namespace galley::text
