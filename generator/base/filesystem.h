// Read access to a site's sources. The build reads through this interface only, so tests can
// run on an in-memory tree; writing output is the job of output/ alone.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

/// The bytes of the file at `absolute`, read at once into a string of its size (a photo is
/// megabytes: a growing buffer would copy it several times), or nullopt when it cannot be read
/// or is not a regular file.
std::optional<std::string> read_whole_file(const std::string& absolute);

/// Writes a file of a cache (not of the site: output/ writes that) under a temporary name,
/// then renames it, so that a build running at the same time never reads half a file. False
/// when it cannot be written: a cache that cannot be written only costs time.
bool write_cache_file(const std::string& path, const std::string& bytes);
/// Adds `bytes` at the end of the cache file at `path`, in one write (two builds adding to one
/// file at once do not interleave inside it); false when there is no such file or the write
/// failed.
bool append_cache_file(const std::string& path, std::string_view bytes);

class SourceTree {
 public:
  virtual ~SourceTree() = default;
  /// The file's bytes, or nullopt when there is no such regular file.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  /// Regular files below `dir`, recursively, as paths relative to the tree's root, sorted.
  virtual std::vector<std::string> list_files(const std::string& dir) const = 0;
  /// The file's size and modification time, "size:nanoseconds", which change when it is
  /// edited: what a cache may recall a file's results by without reading it. "" when the
  /// tree cannot tell (in memory), and then nothing is recalled.
  virtual std::string stamp(const std::string& path) const { (void)path; return ""; }
};

/// A folder on disk. Symbolic links that lead out of the folder are not followed.
class DiskSourceTree : public SourceTree {
 public:
  explicit DiskSourceTree(std::string root);
  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::string stamp(const std::string& path) const override;
  const std::string& root() const { return root_; }

 private:
  bool inside_root(const std::string& absolute) const;
  std::string root_;
  std::string canonical_root_;
};

/// Files held in memory, for tests.
class MemorySourceTree : public SourceTree {
 public:
  MemorySourceTree() = default;
  explicit MemorySourceTree(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  void add(const std::string& path, std::string contents) { files_[path] = std::move(contents); }
  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

/// A tree that looks in `primary` first and `fallback` second (a site's theme over the
/// bundled one). Paths are relative to each tree's own root.
class LayeredSourceTree : public SourceTree {
 public:
  LayeredSourceTree(const SourceTree& primary, std::string primary_prefix,
                    const SourceTree& fallback, std::string fallback_prefix);
  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::string stamp(const std::string& path) const override;
  /// Where `path` comes from, for error messages.
  std::string origin_of(const std::string& path) const;

 private:
  const SourceTree& primary_;
  std::string primary_prefix_;
  const SourceTree& fallback_;
  std::string fallback_prefix_;
};

}  // namespace passerelle
