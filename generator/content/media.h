// Pictures and downloads: the files of content/ that are not Markdown. A page publishes those
// its links name (model/assemble.cpp), beside itself or, from content/media/, once for every
// page; the media output copies them (media/media_files.h).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "base/filesystem.h"
#include "content/pictures.h"

namespace passerelle {

/// The folder of files shared by every page and language: content/media/x.pdf is published
/// as media/x.pdf.
inline constexpr const char* kSharedMediaFolder = "content/media/";

struct MediaFile {
  std::string path;                          // content/fr/guidelines/x/carte.png
  // Shared: serve keeps every file of a site. Empty for a photo published as its variants
  // (content/pictures.h): its own bytes, metadata included, are never published.
  std::shared_ptr<const std::string> bytes;
  std::string problem;  // why a picture cannot be published (picture_problem), checked once
  Picture picture{};    // a picture's size and variants
};

/// Every media file of a site, by path.
using MediaFiles = std::map<std::string, MediaFile>;

/// Whether `path` (relative to the site) is a media file: in content/, not Markdown, and not
/// an editor's hidden, backup or temporary file.
bool is_media_file(const std::string& path);

/// The file at `path`, a picture checked (picture_problem) and prepared (prepare_picture,
/// with the cache in `cache_folder`, or none if ""), or nullopt when there is none (removed).
std::optional<MediaFile> load_media_file(const SourceTree& tree, const std::string& path,
                                         const std::string& cache_folder);

/// Every media file of the site, the pictures prepared on every core.
MediaFiles load_media(const SourceTree& tree, const std::string& cache_folder);

/// Pictures are shown in the page; every other file is a download.
bool is_picture(const std::string& path);

/// Why an SVG drawing is refused, or "": scripts, event attributes (onload=…), embedded HTML
/// (foreignObject) and references to other sites would run or load in the reader's browser.
/// Refused rather than cleaned: a drawing rewritten by a sanitiser may no longer look as its
/// author drew it, and a refusal tells the editor at once what to remove.
std::string svg_problem(const std::string& bytes);

/// Which metadata a picture carries, or "": EXIF (camera, date, often the place where it was
/// taken) or XMP, found by their markers in JPEG, PNG, WebP, GIF and AVIF files. Photos of
/// returnees' businesses must not tell where someone lives: JPEG, PNG and WebP pictures are
/// published without it (content/pictures.h); GIF and AVIF, published as they are, are
/// refused when they carry any.
std::string photo_metadata(const std::string& path, const std::string& bytes);

/// Whether a picture's first bytes are those of the format its extension names (a text file
/// named .jpg, or an empty or cut-short file, is not).
bool is_the_format_named(const std::string& path, const std::string& bytes);

/// Why a picture cannot be published, or "" (is_the_format_named, svg_problem,
/// photo_metadata for GIF and AVIF, then what prepare_picture finds).
std::string picture_problem(const std::string& path, const std::string& bytes);

/// What a download is, for its link: "PDF", "DOCX"… (its extension in capitals).
std::string file_type_label(const std::string& path);

/// A size as people read it in `language`: "240 Ko" and "1,2 Mo" in French, "240 kB" and
/// "1,2 MB" in Italian, "240 kB" and "1.2 MB" otherwise.
std::string file_size_text(size_t bytes, const std::string& language);

}  // namespace passerelle
