#include "content/pictures.h"

#include <vips/vips8>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>

#include "base/content_hash.h"
#include "base/filesystem.h"
#include "base/text.h"
#include "content/media.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

using vips::VImage;

// Encoder settings; changing one must change kEncoding, which names the cached copies.
constexpr int kJpegQuality = 82;
constexpr int kWebpQuality = 78;
constexpr int kWebpEffort = 4;
constexpr int kPngCompression = 6;
constexpr const char* kEncoding = "q82w78s";

/// The extension as written (its case kept: the variants are named with it).
std::string own_extension(const std::string& path) {
  size_t dot = path.rfind('.');
  return dot == std::string::npos ? "" : path.substr(dot + 1);
}


/// The loader libvips must pick for each extension: a file is read as what it says it is.
const char* expected_loader(const std::string& extension) {
  std::string lower = ascii_lower(extension);
  if (lower == "jpg" || lower == "jpeg") return "jpegload_buffer";
  if (lower == "png") return "pngload_buffer";
  if (lower == "webp") return "webpload_buffer";
  if (lower == "gif") return "gifload_buffer";
  if (lower == "svg") return "svgload_buffer";
  if (lower == "avif") return "heifload_buffer";
  return "";
}

/// libvips keeps one error buffer for every thread: with pictures made on several cores, its
/// text may be another picture's, so what the editor reads does not quote it.
void forget_error() { vips_error_clear(); }

/// A buffer libvips reads without copying; `bytes` must outlive it.
struct Blob {
  explicit Blob(const std::string& bytes) : blob(vips_blob_new(nullptr, bytes.data(), bytes.size())) {}
  ~Blob() { vips_area_unref(VIPS_AREA(blob)); }
  Blob(const Blob&) = delete;
  Blob& operator=(const Blob&) = delete;
  VipsBlob* blob;
};

std::string take_blob(VipsBlob* blob) {
  size_t length = 0;
  const void* data = vips_blob_get(blob, &length);
  std::string bytes(static_cast<const char*>(data), length);
  vips_area_unref(VIPS_AREA(blob));
  return bytes;
}

/// Removes every metadata field the savers could write back: webpsave rebuilds EXIF (GPS
/// included) from the exif-* fields even with strip set (libvips 8.14).
void remove_metadata(VImage& image) {
  char** fields = vips_image_get_fields(image.get_image());
  for (char** field = fields; *field; ++field) {
    std::string name = *field;
    if (starts_with(name, "exif-") || name == "xmp-data" || name == "iptc-data" ||
        name == "icc-profile-data" || name == "orientation") {
      vips_image_remove(image.get_image(), *field);
    }
  }
  g_strfreev(fields);
}

uint32_t little_endian(const std::string& bytes, size_t at) {
  auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + i])); };
  return byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
}

void put_little_endian(std::string& bytes, size_t at, uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

/// A WebP file without its EXIF, XMP and ICC chunks: webpsave writes an EXIF chunk even with
/// strip set and no exif-* field left (libvips 8.14). The VP8X header's flags say which
/// chunks follow, so theirs are cleared too.
std::string without_webp_metadata(const std::string& bytes) {
  if (bytes.size() < 12 || bytes.compare(0, 4, "RIFF") != 0) return bytes;
  std::string kept = bytes.substr(0, 12);
  for (size_t at = 12; at + 8 <= bytes.size();) {
    size_t length = little_endian(bytes, at + 4);
    size_t next = std::min(bytes.size(), at + 8 + length + (length & 1));
    std::string code = bytes.substr(at, 4);
    if (code != "EXIF" && code != "XMP " && code != "ICCP") kept += bytes.substr(at, next - at);
    at = next;
  }
  constexpr char kIcc = 0x20, kExif = 0x08, kXmp = 0x04;
  if (kept.compare(12, 4, "VP8X") == 0 && kept.size() > 20) kept[20] &= ~(kIcc | kExif | kXmp);
  put_little_endian(kept, 4, static_cast<uint32_t>(kept.size() - 8));
  return kept;
}

std::string encode(const VImage& image, const std::string& extension) {
  std::string lower = ascii_lower(extension);
  auto options = VImage::option()->set("strip", true);
  if (lower == "webp") {
    return without_webp_metadata(take_blob(image.webpsave_buffer(
        options->set("Q", kWebpQuality)->set("effort", kWebpEffort))));
  }
  if (lower == "png") return take_blob(image.pngsave_buffer(options->set("compression", kPngCompression)));
  return take_blob(image.jpegsave_buffer(
      options->set("Q", kJpegQuality)->set("optimize_coding", true)->set("interlace", true)));
}

/// The variants to make, in order, without their bytes.
std::vector<PictureVariant> planned_variants(const std::string& path, int width, int height) {
  std::string own = own_extension(path);
  bool webp_source = ascii_lower(own) == "webp";
  std::vector<PictureVariant> variants;
  for (int published : published_widths(width)) {
    int published_height = std::max(1, static_cast<int>(std::lround(
                                            static_cast<double>(height) * published / width)));
    variants.push_back({published, published_height, own, nullptr});
    if (!webp_source) variants.push_back({published, published_height, "webp", nullptr});
  }
  return variants;
}

/// Decodes the picture once, at the largest width, and encodes every variant from it.
void make_variants(const std::string& bytes, std::vector<PictureVariant>& variants) {
  Blob blob(bytes);
  VImage largest = VImage::thumbnail_buffer(
                       blob.blob, variants.back().width,
                       VImage::option()
                           ->set("height", VIPS_MAX_COORD)
                           ->set("size", VIPS_SIZE_DOWN)
                           ->set("fail_on", VIPS_FAIL_ON_TRUNCATED)
                           // The buffer loaders of 8.14 take it from here only.
                           ->set("option_string", "fail_on=truncated"))
                       .copy_memory();
  remove_metadata(largest);
  for (auto& variant : variants) {
    VImage sized = variant.width == largest.width()
                       ? largest
                       : largest.thumbnail_image(variant.width,
                                                 VImage::option()->set("height", VIPS_MAX_COORD));
    variant.height = sized.height();
    variant.bytes = std::make_shared<const std::string>(encode(sized, variant.extension));
  }
}

/// The value of `name`="…" in `tag`, or "".
std::string attribute(const std::string& tag, const std::string& name) {
  for (size_t at = tag.find(name + "="); at != std::string::npos; at = tag.find(name + "=", at + 1)) {
    if (at == 0 || !std::isspace(static_cast<unsigned char>(tag[at - 1]))) continue;
    size_t open = at + name.size() + 1;
    if (open >= tag.size() || (tag[open] != '"' && tag[open] != '\'')) continue;
    size_t close = tag.find(tag[open], open + 1);
    if (close == std::string::npos) return "";
    return tag.substr(open + 1, close - open - 1);
  }
  return "";
}

/// A length in pixels ("120", "120px", "120.5"); 0 for other units (%, em, mm).
int pixels(const std::string& length) {
  char* end = nullptr;
  double value = std::strtod(length.c_str(), &end);
  std::string unit = end ? collapse_whitespace(end) : "";
  if (value <= 0 || value > VIPS_MAX_COORD || (!unit.empty() && unit != "px")) return 0;
  return static_cast<int>(std::lround(value));
}

/// A drawing's size from its root element: width and height in pixels, else its viewBox.
/// Read here rather than by libvips, whose SVG loader (librsvg) is not for untrusted files.
std::pair<int, int> svg_size(const std::string& bytes) {
  size_t start = ascii_lower(bytes.substr(0, 4096)).find("<svg");
  if (start == std::string::npos) return {0, 0};
  std::string tag = bytes.substr(start, bytes.find('>', start) - start);
  int width = pixels(attribute(tag, "width"));
  int height = pixels(attribute(tag, "height"));
  if (width > 0 && height > 0) return {width, height};
  std::istringstream box(attribute(tag, "viewBox"));
  double x = 0, y = 0, w = 0, h = 0;
  if (box >> x >> y >> w >> h && w > 0 && h > 0 && w < VIPS_MAX_COORD && h < VIPS_MAX_COORD) {
    return {static_cast<int>(std::lround(w)), static_cast<int>(std::lround(h))};
  }
  return {0, 0};
}

std::string cache_name(const std::string& key, const PictureVariant& variant) {
  return key + "-" + std::to_string(variant.width) + "." + ascii_lower(variant.extension);
}

/// The variants from the cache, each with its height read from its header; false when one
/// is missing or unreadable.
bool read_cached(const std::string& folder, const std::string& key,
                 std::vector<PictureVariant>& variants) {
  for (auto& variant : variants) {
    auto read = read_whole_file(folder + "/" + cache_name(key, variant));
    if (!read) return false;
    auto bytes = std::make_shared<const std::string>(std::move(*read));
    try {
      VImage header = VImage::new_from_buffer(bytes->data(), bytes->size(), "");
      if (header.width() != variant.width) return false;
      variant.height = header.height();
    } catch (const vips::VError&) {
      forget_error();
      return false;
    }
    variant.bytes = std::move(bytes);
  }
  return true;
}

/// Keeps the variants for the next build.
void write_cached(const std::string& folder, const std::string& key,
                  const std::vector<PictureVariant>& variants) {
  for (const auto& variant : variants) {
    if (!write_cache_file(folder + "/" + cache_name(key, variant), *variant.bytes)) return;
  }
}

}  // namespace

void start_libvips() {
  static std::once_flag started;
  std::call_once(started, [] {
    if (VIPS_INIT("passerelle") != 0) vips_error_exit("libvips did not start");
    // A build reads each picture once: no operation cache. Pictures are made one per core by
    // the loader, so each needs no more than one thread of libvips.
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    // Only the loaders of the formats above are needed; the others (ImageMagick, PDF…) are
    // not meant for files from the outside.
    vips_block_untrusted_set(TRUE);
    // A damaged picture is an error the editor reads at its link; libvips's own warnings on
    // stderr (one per missing row of a cut-short PNG) would only bury it.
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, [](const char*, GLogLevelFlags, const char*, void*) {}, nullptr);
  });
}

std::vector<int> published_widths(int width) {
  std::vector<int> widths;
  for (int candidate : kPictureWidths) {
    if (candidate < width) widths.push_back(candidate);
  }
  int largest = std::min(width, kPictureWidths.back());
  if (widths.empty() || widths.back() != largest) widths.push_back(largest);
  return widths;
}

std::string variant_path(const std::string& path, const PictureVariant& variant, bool largest) {
  size_t dot = path.rfind('.');
  std::string stem = path.substr(0, dot);
  return stem + (largest ? "" : "-" + std::to_string(variant.width)) + "." + variant.extension;
}

std::string prepare_picture(const std::string& path, const std::string& bytes,
                            const std::string& cache_folder, Picture& picture) {
  std::string extension = own_extension(path);
  if (ascii_lower(extension) == "svg") {
    auto [width, height] = svg_size(bytes);
    picture = {"", width, height, {}};
    return "";
  }
  start_libvips();
  int width = 0;
  int height = 0;
  bool still = true;
  try {
    // The header only: no pixel is decoded here.
    VImage header = VImage::new_from_buffer(bytes.data(), bytes.size(), "");
    std::string loader = header.get_string(VIPS_META_LOADER);
    if (loader != expected_loader(extension)) {
      return format_message(tr("libvips reads it as another kind of picture (%1$s)"), loader);
    }
    bool swap = vips_image_get_orientation_swap(header.get_image());
    width = swap ? header.height() : header.width();
    height = swap ? header.width() : header.height();
    still = vips_image_get_n_pages(header.get_image()) == 1;
  } catch (const vips::VError&) {
    forget_error();
    return format_message(tr("it cannot be read as a %1$s picture: its header is damaged"),
                          file_type_label(path));
  }
  if (static_cast<int64_t>(width) * height > kMaxPicturePixels) {
    return format_message(tr("it is %1$s × %2$s pixels, more than the %3$s megapixels a picture "
                             "may have; make it smaller before publishing it"),
                          std::to_string(width), std::to_string(height),
                          std::to_string(kMaxPicturePixels / 1'000'000));
  }
  std::string lower = ascii_lower(extension);
  bool resized = still && (lower == "jpg" || lower == "jpeg" || lower == "png" || lower == "webp");
  if (!resized) {
    picture = {"", width, height, {}};
    return "";
  }
  auto variants = planned_variants(path, width, height);
  std::string key = content_hash(bytes) + "-" + std::to_string(bytes.size()) + "-" + kEncoding;
  if (cache_folder.empty() || !read_cached(cache_folder, key, variants)) {
    try {
      make_variants(bytes, variants);
    } catch (const vips::VError&) {
      forget_error();
      return tr("it is damaged or cut short: its pixels cannot be decoded; save it again from "
                "the original");
    }
    if (!cache_folder.empty()) write_cached(cache_folder, key, variants);
  }
  picture = {key, variants.back().width, variants.back().height, std::move(variants)};
  return "";
}

static std::string recall_path(const std::string& folder, const std::string& path, const std::string& stamp) {
  return folder + "/recall/" + content_hash(path + "\n" + stamp + "\n" + kEncoding) + ".txt";
}

bool recall_picture(const std::string& cache_folder, const std::string& path,
                    const std::string& stamp, Picture& picture) {
  auto text = read_whole_file(recall_path(cache_folder, path, stamp));
  if (!text) return false;
  // "key width height", then a line "width height extension" per variant.
  std::istringstream lines(*text);
  Picture recalled;
  if (!(lines >> recalled.key >> recalled.width >> recalled.height)) return false;
  PictureVariant variant;
  while (lines >> variant.width >> variant.height >> variant.extension) {
    auto bytes = read_whole_file(cache_folder + "/" + cache_name(recalled.key, variant));
    if (!bytes || bytes->empty()) return false;
    variant.bytes = std::make_shared<const std::string>(std::move(*bytes));
    recalled.variants.push_back(variant);
  }
  if (recalled.variants.empty()) return false;
  picture = std::move(recalled);
  return true;
}

void remember_picture(const std::string& cache_folder, const std::string& path,
                      const std::string& stamp, const Picture& picture) {
  std::string text = picture.key + " " + std::to_string(picture.width) + " " +
                     std::to_string(picture.height) + "\n";
  for (const auto& variant : picture.variants) {
    text += std::to_string(variant.width) + " " + std::to_string(variant.height) + " " +
            variant.extension + "\n";
  }
  write_cache_file(recall_path(cache_folder, path, stamp), text);
}

}  // namespace passerelle
