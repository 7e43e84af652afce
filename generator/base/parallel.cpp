#include "base/parallel.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace passerelle {

size_t worker_count() { return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8); }

void for_each_index(size_t count, size_t workers,
                    const std::function<void(size_t worker, size_t index)>& task,
                    const std::atomic<bool>* stop) {
  std::atomic<size_t> next{0};
  auto work = [&](size_t worker) {
    for (size_t index = next++; index < count; index = next++) {
      if (stop && stop->load()) return;
      task(worker, index);
    }
  };
  workers = std::clamp<size_t>(workers, 1, std::max<size_t>(count, 1));
  std::vector<std::thread> threads;
  for (size_t worker = 1; worker < workers; ++worker) threads.emplace_back(work, worker);
  work(0);
  for (auto& thread : threads) thread.join();
}

}  // namespace passerelle
