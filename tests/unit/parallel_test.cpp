#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <vector>

#include "base/parallel.h"

using namespace passerelle;

TEST_CASE("for_each_index calls the task once for every index, on the workers asked for") {
  std::vector<int> calls(1000, 0);
  std::mutex mutex;
  std::set<size_t> workers_seen;
  for_each_index(calls.size(), 3, [&](size_t worker, size_t index) {
    ++calls[index];  // each index is its own slot: no lock needed
    std::lock_guard<std::mutex> lock(mutex);
    workers_seen.insert(worker);
  });
  for (int count : calls) CHECK(count == 1);
  CHECK(*workers_seen.rbegin() < 3);
}

TEST_CASE("for_each_index with nothing to do, or one worker, runs in order on the caller") {
  int called = 0;
  for_each_index(0, 4, [&](size_t, size_t) { ++called; });
  CHECK(called == 0);
  std::vector<size_t> order;
  for_each_index(5, 1, [&](size_t worker, size_t index) {
    CHECK(worker == 0);
    order.push_back(index);
  });
  CHECK(order == std::vector<size_t>{0, 1, 2, 3, 4});
}

TEST_CASE("for_each_index hands out no more tasks once stop is set") {
  std::atomic<bool> stop{false};
  std::atomic<int> called{0};
  for_each_index(10000, 2, [&](size_t, size_t index) {
    ++called;
    if (index == 10) stop = true;
  }, &stop);
  CHECK(called.load() < 10000);
}

TEST_CASE("worker_count is between 1 and 8") {
  CHECK(worker_count() >= 1);
  CHECK(worker_count() <= 8);
}
