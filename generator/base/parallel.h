// Independent tasks on every core. Each task writes only to its own slot, which the caller
// indexes by task, so results never depend on which thread ran what.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace passerelle {

/// Threads worth running: the machine's cores, at most 8 (more only add overhead here).
size_t worker_count();

/// Calls `task(worker, index)` once for every index in [0, count), on up to `workers` threads
/// (worker is 0 … workers-1, so a task can use per-thread state). Stops handing out tasks once
/// `stop` is set.
void for_each_index(size_t count, size_t workers,
                    const std::function<void(size_t worker, size_t index)>& task,
                    const std::atomic<bool>* stop = nullptr);

}  // namespace passerelle
