#include "base/key_hash.h"

#include <sys/stat.h>

namespace passerelle {

std::string program_stamp() {
  struct stat self;
  if (::stat("/proc/self/exe", &self) != 0) return "unknown";
  return std::to_string(self.st_size) + ":" + std::to_string(self.st_mtim.tv_sec) + "." +
         std::to_string(self.st_mtim.tv_nsec);
}

}  // namespace passerelle
