// One job at a time on a thread of its own, where only the latest job matters: posting a job
// cancels the one running (it sees its flag set and stops early) and replaces any job still
// waiting. `passerelle serve` runs its complete rebuilds so: an edit made during a rebuild
// makes that rebuild out of date. Jobs run at a lower priority (nice 10) than the poster, so
// that the pages updated at once and the answers to the browser do not wait for them.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace passerelle {

class LatestJob {
 public:
  using Job = std::function<void(const std::atomic<bool>& cancelled)>;

  LatestJob();
  /// Cancels the running job, drops a waiting one and waits for the thread to end.
  ~LatestJob();
  LatestJob(const LatestJob&) = delete;
  LatestJob& operator=(const LatestJob&) = delete;

  /// Runs `job` after the running one, which is cancelled; a job still waiting is dropped.
  void post(Job job);
  /// Cancels the running job and drops a waiting one, for a newer job to be posted later.
  void cancel();
  /// Blocks until no job is running or waiting.
  void wait_idle();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Job> waiting_;
  std::shared_ptr<std::atomic<bool>> running_;  // the flag of the running job, if any
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace passerelle
