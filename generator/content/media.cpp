#include "content/media.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <cstdio>

#include "base/parallel.h"
#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

std::string extension_of(const std::string& path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return ascii_lower(path.substr(dot + 1));
}

std::string file_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

}  // namespace

bool is_media_file(const std::string& path) {
  if (!starts_with(path, "content/") || ends_with(path, ".md")) return false;
  std::string name = file_name(path);
  // Editors leave .x.swp, x~, #x# and .#x beside the files they edit, and sed -i sedXXXXXX;
  // a file without an extension cannot say what it is, so no link names one.
  return !name.empty() && name[0] != '.' && name[0] != '#' && !ends_with(name, "~") &&
         !ends_with(name, ".swp") && !ends_with(name, ".tmp") && !extension_of(path).empty();
}

std::optional<MediaFile> load_media_file(const SourceTree& tree, const std::string& path,
                                         const std::string& cache_folder) {
  // A photo an earlier build prepared, unchanged since: none of its megabytes are read.
  std::string stamp = cache_folder.empty() || !is_picture(path) ? "" : tree.stamp(path);
  MediaFile file{path, std::make_shared<const std::string>(), "", {}};
  if (!stamp.empty() && recall_picture(cache_folder, path, stamp, file.picture)) return file;
  auto bytes = tree.read(path);
  if (!bytes) return std::nullopt;
  // Once here rather than at each link: a shared file may be named by many pages.
  if (is_picture(path)) file.problem = picture_problem(path, *bytes);
  if (is_picture(path) && file.problem.empty()) {
    file.problem = prepare_picture(path, *bytes, cache_folder, file.picture);
    if (file.problem.empty() && !file.picture.variants.empty() && !stamp.empty()) {
      remember_picture(cache_folder, path, stamp, file.picture);
    }
  }
  if (!file.picture.variants.empty()) bytes.emplace();  // its variants are published instead
  file.bytes = std::make_shared<const std::string>(std::move(*bytes));
  return file;
}

MediaFiles load_media(const SourceTree& tree, const std::string& cache_folder) {
  std::vector<std::string> paths;
  for (auto& path : tree.list_files("content")) {
    if (is_media_file(path)) paths.push_back(std::move(path));
  }
  std::vector<std::optional<MediaFile>> loaded(paths.size());
  for_each_index(paths.size(), worker_count(), [&](size_t, size_t i) {
    loaded[i] = load_media_file(tree, paths[i], cache_folder);
  });
  MediaFiles files;
  for (auto& file : loaded) {
    if (file) files.emplace(file->path, std::move(*file));
  }
  return files;
}

bool is_picture(const std::string& path) {
  static const std::array<const char*, 7> kPictures = {"png", "jpg", "jpeg", "gif",
                                                        "webp", "avif", "svg"};
  std::string extension = extension_of(path);
  for (const char* picture : kPictures) {
    if (extension == picture) return true;
  }
  return false;
}

std::string svg_problem(const std::string& bytes) {
  std::string text = ascii_lower(bytes);
  if (text.find("<script") != std::string::npos) return tr("a script (<script>)");
  if (text.find("<foreignobject") != std::string::npos) return tr("embedded HTML (<foreignObject>)");
  for (size_t at = text.find(" on"); at != std::string::npos; at = text.find(" on", at + 1)) {
    size_t end = at + 3;
    while (end < text.size() && text[end] >= 'a' && text[end] <= 'z') ++end;
    if (end > at + 3 && end < text.size() && text[end] == '=') {
      return format_message(tr("an event attribute (%1$s=)"), bytes.substr(at + 1, end - at - 1));
    }
  }
  for (const char* reference : {"href=\"http", "href='http", "href=\"//", "href='//", "url(http",
                                "url(//", "@import"}) {
    if (text.find(reference) != std::string::npos) return tr("a reference to another site");
  }
  return "";
}

std::string photo_metadata(const std::string& path, const std::string& bytes) {
  // The markers are looked for where each format keeps its metadata, not anywhere in the
  // compressed pixels, where four bytes such as "EXIF" may happen by chance.
  std::string extension = extension_of(path);
  auto at = [&](size_t offset, std::string_view marker) {
    return bytes.compare(offset, marker.size(), marker) == 0;
  };
  auto byte = [&](size_t offset) { return static_cast<unsigned char>(bytes[offset]); };
  if (extension == "jpg" || extension == "jpeg") {
    // Segments FF xx with a big-endian length, up to the start of the scan (FF DA).
    for (size_t offset = 2; offset + 4 <= bytes.size() && byte(offset) == 0xFF;) {
      unsigned marker = byte(offset + 1);
      size_t length = (byte(offset + 2) << 8) | byte(offset + 3);
      if (marker == 0xDA) break;
      if (marker == 0xE1 && at(offset + 4, std::string_view("Exif\0\0", 6))) return "EXIF";
      if (marker == 0xE1 && at(offset + 4, "http://ns.adobe.com/xap/1.0/")) return "XMP";
      offset += 2 + length;
    }
  } else if (extension == "png") {
    // Chunks: big-endian length, type, data, CRC; up to the pixels' end (IEND).
    for (size_t offset = 8; offset + 8 <= bytes.size();) {
      size_t length = (size_t{byte(offset)} << 24) | (byte(offset + 1) << 16) |
                      (byte(offset + 2) << 8) | byte(offset + 3);
      if (at(offset + 4, "eXIf")) return "EXIF";
      if (at(offset + 4, "iTXt") && at(offset + 8, "XML:com.adobe.xmp")) return "XMP";
      if (at(offset + 4, "IEND")) break;
      offset += 12 + length;
    }
  } else if (extension == "webp") {
    // RIFF chunks after "RIFF" size "WEBP": four-letter code, little-endian size, even-padded.
    for (size_t offset = 12; offset + 8 <= bytes.size();) {
      size_t length = byte(offset + 4) | (byte(offset + 5) << 8) | (byte(offset + 6) << 16) |
                      (size_t{byte(offset + 7)} << 24);
      if (at(offset, "EXIF")) return "EXIF";
      if (at(offset, "XMP ")) return "XMP";
      offset += 8 + length + (length & 1);
    }
  } else if (extension == "gif") {
    if (bytes.find("XMP DataXMP") != std::string::npos) return "XMP";
  } else if (extension == "avif") {
    // The metadata items of the HEIF container are declared in its header ("infe" boxes).
    if (bytes.find("Exif", 0) < std::min<size_t>(bytes.size(), 4096)) return "EXIF";
    if (bytes.find("mime", 0) < std::min<size_t>(bytes.size(), 4096) &&
        bytes.find("application/rdf+xml") != std::string::npos) {
      return "XMP";
    }
  }
  return "";
}

bool is_the_format_named(const std::string& path, const std::string& bytes) {
  std::string extension = extension_of(path);
  auto starts = [&](size_t offset, std::string_view signature) {
    return bytes.compare(offset, signature.size(), signature) == 0;
  };
  if (extension == "svg") return ascii_lower(bytes.substr(0, 4096)).find("<svg") != std::string::npos;
  if (bytes.size() < 12) return false;  // no picture is shorter than its format's header
  if (extension == "jpg" || extension == "jpeg") return starts(0, "\xFF\xD8\xFF");
  if (extension == "png") return starts(0, "\x89PNG\r\n\x1a\n");
  if (extension == "gif") return starts(0, "GIF87a") || starts(0, "GIF89a");
  if (extension == "webp") return starts(0, "RIFF") && starts(8, "WEBP");
  if (extension == "avif") return starts(4, "ftypavif") || starts(4, "ftypavis");
  return true;
}

std::string picture_problem(const std::string& path, const std::string& bytes) {
  if (!is_the_format_named(path, bytes)) {
    return format_message(tr("it is not a %1$s picture: its first bytes are not those of one "
                             "(a file renamed, empty, or of another kind); save it again as %1$s"),
                          file_type_label(path));
  }
  if (extension_of(path) == "svg") {
    std::string problem = svg_problem(bytes);
    if (problem.empty()) return "";
    return format_message(tr("it holds %1$s, which would run or load in the reader's browser; "
                             "remove it from the file"),
                          problem);
  }
  std::string extension = extension_of(path);
  if (extension != "gif" && extension != "avif") return "";  // published without metadata
  std::string metadata = photo_metadata(path, bytes);
  if (metadata.empty()) return "";
  return format_message(tr("it carries %1$s metadata (camera, date, often the place where it was "
                           "taken), which the build cannot remove from a %2$s picture; remove it "
                           "before publishing, for example with: exiftool -all= %3$s"),
                        metadata, file_type_label(path), path);
}

std::string file_type_label(const std::string& path) {
  std::string label = extension_of(path);
  for (char& c : label) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return label;
}

std::string file_size_text(size_t bytes, const std::string& language) {
  bool french = is_language(language, "fr");
  bool comma = french || is_language(language, "it");
  const char* kilo = french ? "Ko" : "kB";
  const char* mega = french ? "Mo" : "MB";
  char text[32];
  if (bytes < 1000 * 1000) {
    // Never "0 kB" for a small file.
    std::snprintf(text, sizeof text, "%zu\u00a0%s", bytes < 1000 ? 1 : (bytes + 500) / 1000, kilo);
  } else {
    std::snprintf(text, sizeof text, "%.1f\u00a0%s", static_cast<double>(bytes) / 1e6, mega);
    if (comma) {
      std::string with_comma = text;
      with_comma[with_comma.find('.')] = ',';
      return with_comma;
    }
  }
  return text;
}

}  // namespace passerelle
