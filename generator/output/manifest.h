// What an incremental build needs to know about a generation of the output: the keys of what
// it was rendered from, and the files that can be kept instead of rendered again.
//
// Every generation's manifest is a file beside the output (".<output>.manifests/"), named by
// the folder's identity (its inode and its marker's), so that it stays true of its folder
// whichever role the folder has (output, previous generation, staging) and is ignored for any
// other folder. A file of the output is "owned" by a unit, a source whose text only that file
// shows (a page's Markdown body, an actor's descriptions); every other input of such a file is
// summed up in the context key. A file whose context and unit keys are unchanged since the
// generation that holds it has the same bytes as a fresh render would give it. A page without
// sources may be rendered from the context alone (unit ""): the directory's lists. A file made
// from several units lists each of them as its sources (a print volume, from its chapters),
// and is kept when none of them changed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "output/sink.h"

namespace passerelle {

struct OutputManifest {
  std::string context;                       // the key of every input but the units
  std::map<std::string, std::string> units;  // unit (a source path) → its key
  // Groups of files made together from many units, each the files whose path starts with its
  // name (a language's search index, "search/fr/"; no name may start another) → the key of
  // everything they are made from.
  std::map<std::string, std::string> groups;
  // The files owned by units (every one of their sources a unit), the pages without sources
  // and the files of the groups, by path.
  std::vector<FileSummary> files;
};

/// The manifest as its file holds it, for the folder `identity`.
std::string encode_manifest(const OutputManifest& manifest, const std::string& identity);

/// The manifest in `text` when it is a manifest of this format for the folder `identity`;
/// nullopt otherwise (another folder, an older format, a damaged file).
std::optional<OutputManifest> parse_manifest(std::string_view text, const std::string& identity);

/// The files of the generation described by `previous` that a build with keys `context` and
/// `units` may keep as they are: each found by its path and the unit it is owned by.
class KeptOutputs {
 public:
  KeptOutputs() = default;
  KeptOutputs(const OutputManifest& previous, const std::string& context,
              const std::map<std::string, std::string>& units,
              const std::map<std::string, std::string>& groups = {});

  /// The summary of the file at `path` rendered from `unit` alone ("": from the context
  /// alone), when the previous generation holds it with the same keys; nullptr when it must
  /// be rendered. Only the renderer of that path may ask: under one context, each path is
  /// always made by the same renderer.
  const FileSummary* find(const std::string& path, const std::string& unit) const;
  /// The same for a file rendered from the context and all of `units` (in the order the
  /// renderer lists them as its sources): kept when none of them changed.
  const FileSummary* find(const std::string& path, const std::vector<std::string>& units) const;
  /// Whether anything at all may be kept (the contexts are the same).
  bool any() const { return !files_.empty() || !groups_.empty(); }
  /// Every file of the group `folder` (a path prefix) when its key is unchanged; nullptr
  /// otherwise.
  const std::vector<FileSummary>* group(const std::string& folder) const;

 private:
  std::map<std::string, FileSummary> files_;  // by path: the keepable ones only
  std::map<std::string, std::vector<FileSummary>> groups_;  // by folder: the unchanged ones
};

/// The files of `files` whose sources are all among `units`, the pages without sources and the
/// files of `groups`, for the next build's manifest.
std::vector<FileSummary> unit_files(const std::vector<FileSummary>& files,
                                    const std::map<std::string, std::string>& units,
                                    const std::map<std::string, std::string>& groups = {});

/// The identity of an output folder: its device and inode, and its marker's inode and
/// modification time; "" when it is not an output folder.
std::string folder_identity(const std::string& folder);

/// Where the manifests of the generations of `out` are kept (".<name>.manifests" beside it).
std::string manifests_folder(const std::string& out);

}  // namespace passerelle
