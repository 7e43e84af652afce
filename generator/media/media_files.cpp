#include "media/media_files.h"

#include <map>

namespace passerelle::media {

namespace {

void add_files(const std::vector<PublishedFile>& files,
               std::map<std::string, const PublishedFile*>& by_path) {
  for (const auto& file : files) by_path.emplace(file.path, &file);
}

}  // namespace

OutputPlan media_files(const Site& site) {
  // A file two texts link to (both languages of content/media/x.pdf) is written once.
  std::map<std::string, const PublishedFile*> by_path;
  for (const auto& page : site.pages) add_files(page.files, by_path);
  for (const auto& actor : site.actors) {
    add_files(actor.logo_files, by_path);
    for (const auto& [language, text] : actor.descriptions) add_files(text.files, by_path);
  }
  OutputPlan plan;
  plan.reserve(by_path.size());
  for (const auto& [path, file] : by_path) {
    plan.push_back({path, *file->bytes, {file->source_path}});
  }
  return plan;
}

}  // namespace passerelle::media
