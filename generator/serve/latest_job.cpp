#include "serve/latest_job.h"

#include <sys/resource.h>
#include <unistd.h>

namespace passerelle {

LatestJob::LatestJob() : thread_([this] { run(); }) {}

LatestJob::~LatestJob() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    waiting_.reset();
    if (running_) running_->store(true);
  }
  wake_.notify_all();
  thread_.join();
}

void LatestJob::post(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (running_) running_->store(true);
    waiting_ = std::move(job);
  }
  wake_.notify_all();
}

void LatestJob::cancel() {
  std::lock_guard lock(mutex_);
  if (running_) running_->store(true);
  waiting_.reset();
}

void LatestJob::wait_idle() {
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [&] { return !waiting_ && !running_; });
}

void LatestJob::run() {
  // Below the thread that posts jobs (and the threads a job starts inherit it): what the
  // poster does meanwhile comes first. On Linux the nice value is per thread.
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || waiting_; });
    if (stopping_) return;
    Job job = std::move(*waiting_);
    waiting_.reset();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    running_ = cancelled;
    lock.unlock();
    job(*cancelled);
    lock.lock();
    running_.reset();
    wake_.notify_all();
  }
}

}  // namespace passerelle
