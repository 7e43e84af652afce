// Photos and drawings made ready for the web with libvips, when they are loaded: their size
// (for width/height, so the page does not move as they arrive), and for JPEG, PNG and WebP
// photos a set of smaller copies in the original format and in WebP, without metadata (EXIF
// GPS, camera serials: a photo of a returnee's business must not tell where someone lives).
// Copies are kept in a cache folder between builds, by content, so that a rebuild does not
// encode an unchanged photo again. libvips is used here and nowhere else.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace passerelle {

/// The widths a photo is published at, never above its own (docs/content-model.md).
inline constexpr std::array<int, 3> kPictureWidths = {480, 960, 1600};
/// Above this, a picture is refused before a pixel is decoded: a small file can claim
/// 30,000 × 30,000 pixels (a decompression bomb) and take gigabytes to open. Phones take
/// photos of 50 megapixels.
inline constexpr int64_t kMaxPicturePixels = 100'000'000;

struct PictureVariant {
  int width = 0;
  int height = 0;
  std::string extension;  // "webp", or the source's own ("jpg", "JPEG", "png"…)
  std::shared_ptr<const std::string> bytes;
};

struct Picture {
  std::string key;  // names its variants in the cache: the source's content and the settings
  int width = 0;   // as shown: after the EXIF orientation, at the largest published width
  int height = 0;  // 0 when unknown
  // Smallest first, each width in the source's format then in WebP (WebP alone for a WebP
  // source). Empty for a picture published as it is: SVG, GIF (maybe animated), AVIF.
  std::vector<PictureVariant> variants;
};

/// Starts libvips once for the whole process (any thread may call it first).
void start_libvips();

/// The widths a picture `width` pixels wide is published at: those of kPictureWidths below
/// it, then its own width capped at the largest.
std::vector<int> published_widths(int width);

/// Where a variant of the picture published at `path` goes: the largest keeps the picture's
/// name (its extension replaced for WebP), the others get their width: carte-480.webp.
std::string variant_path(const std::string& path, const PictureVariant& variant, bool largest);

/// Reads the picture `bytes` of `path` (already known to be of the format its extension
/// names): its size (an SVG's from its root element), and a photo's variants, from `cache_folder` when they are there (or "", no
/// cache). Returns why it cannot be published ("" when it can): damaged, too large, or of a
/// kind libvips refuses.
std::string prepare_picture(const std::string& path, const std::string& bytes,
                            const std::string& cache_folder, Picture& picture);

/// The photo at `path` as an earlier build prepared it, from `cache_folder`, when the file's
/// stamp (SourceTree::stamp: size and time) is still `stamp`: a rebuild then reads none of
/// the photo's megabytes. False when there is nothing to recall.
bool recall_picture(const std::string& cache_folder, const std::string& path,
                    const std::string& stamp, Picture& picture);

/// Keeps a photo prepared without a problem for recall_picture.
void remember_picture(const std::string& cache_folder, const std::string& path,
                      const std::string& stamp, const Picture& picture);

}  // namespace passerelle
