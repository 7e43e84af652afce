#include "output/sink.h"

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>
#include <utility>

#include "base/parallel.h"
#include "output/writer.h"

namespace passerelle {

namespace {

/// By path, then by sources: two files at one path (an error reported later) still come in
/// one order.
template <typename T>
void sort_files(std::vector<T>& files) {
  std::sort(files.begin(), files.end(), [](const T& a, const T& b) {
    return a.path != b.path ? a.path < b.path : a.sources < b.sources;
  });
}

}  // namespace

FileSummary summary_of(const OutputFile& file) {
  return {file.path, file.bytes.size(), std::hash<std::string>{}(file.bytes), file.sources};
}

void put_file_summaries(std::string& out, const std::vector<FileSummary>& files) {
  put_number(out, files.size());
  for (const auto& file : files) {
    put_text(out, file.path);
    put_number(out, file.size);
    put_raw(out, static_cast<uint64_t>(file.hash));
    put_number(out, file.sources.size());
    for (const auto& source : file.sources) put_text(out, source);
  }
}

std::vector<FileSummary> read_file_summaries(ByteReader& in) {
  std::vector<FileSummary> files;
  size_t count = in.count();
  files.reserve(count);
  for (; count > 0 && in.ok; --count) {
    FileSummary file;
    file.path = std::string(in.text());
    file.size = in.number();
    file.hash = static_cast<size_t>(in.raw<uint64_t>());
    for (size_t n = in.count(); n > 0 && in.ok; --n) file.sources.emplace_back(in.text());
    files.push_back(std::move(file));
  }
  return files;
}

void OutputSink::put(OutputFile file) {
  FileSummary summary = summary_of(file);
  std::string error;
  // Written outside the lock: the render workers write their files side by side.
  bool written = !staging_ || staging_->write(file, &error);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!written && error_.empty()) error_ = error;
  summaries_.push_back(std::move(summary));
  if (!staging_) plan_.push_back(std::move(file));
}

void OutputSink::put(OutputPlan files) {
  if (!staging_) {
    for (auto& file : files) put(std::move(file));
    return;
  }
  // A whole output at once (the search index: tens of thousands of small files) is written on
  // several threads, each taking whole folders: creating a file locks its folder, so threads
  // writing into one folder mostly wait for each other.
  std::map<std::string_view, std::vector<size_t>> by_folder;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string_view path = files[i].path;
    size_t slash = path.rfind('/');
    by_folder[slash == std::string_view::npos ? std::string_view() : path.substr(0, slash)].push_back(i);
  }
  std::vector<std::vector<size_t>> groups;
  for (auto& [folder, indices] : by_folder) groups.push_back(std::move(indices));
  for_each_index(groups.size(), std::min<size_t>(worker_count(), 4), [&](size_t, size_t group) {
    for (size_t i : groups[group]) put(std::move(files[i]));
  });
}

bool matches_summary(const std::string& bytes, const FileSummary& file) {
  return bytes.size() == file.size && std::hash<std::string>{}(bytes) == file.hash;
}

bool OutputSink::keep(const FileSummary& file) {
  std::string error;
  if (staging_) {
    if (!staging_->keep(file, &error)) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    summaries_.push_back(file);
    ++kept_;
    return true;
  }
  const std::string* bytes = previous_ ? previous_(file.path) : nullptr;
  if (!bytes || !matches_summary(*bytes, file)) {
    return false;  // not what the manifest says (another build's, or none)
  }
  OutputFile kept{file.path, *bytes, file.sources};
  std::lock_guard<std::mutex> lock(mutex_);
  summaries_.push_back(file);
  plan_.push_back(std::move(kept));
  ++kept_;
  return true;
}

size_t OutputSink::kept() {
  std::lock_guard<std::mutex> lock(mutex_);
  return kept_;
}

OutputPlan OutputSink::take_plan() {
  std::lock_guard<std::mutex> lock(mutex_);
  sort_files(plan_);
  return std::move(plan_);
}

std::vector<FileSummary> OutputSink::take_summaries() {
  std::lock_guard<std::mutex> lock(mutex_);
  sort_files(summaries_);
  return std::move(summaries_);
}

std::string OutputSink::write_error() {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

}  // namespace passerelle
