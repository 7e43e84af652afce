// Read access to a site's sources. The build reads through this interface only, so tests can
// run on an in-memory tree; writing output is the job of output/ alone.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace passerelle {

class SourceTree {
 public:
  virtual ~SourceTree() = default;
  /// The file's bytes, or nullopt when there is no such regular file.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  /// Regular files below `dir`, recursively, as paths relative to the tree's root, sorted.
  virtual std::vector<std::string> list_files(const std::string& dir) const = 0;
};

/// A folder on disk. Symbolic links that lead out of the folder are not followed.
class DiskSourceTree : public SourceTree {
 public:
  explicit DiskSourceTree(std::string root);
  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
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
  /// Where `path` comes from, for error messages.
  std::string origin_of(const std::string& path) const;

 private:
  const SourceTree& primary_;
  std::string primary_prefix_;
  const SourceTree& fallback_;
  std::string fallback_prefix_;
};

}  // namespace passerelle
