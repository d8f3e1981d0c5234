// The worker pool of a build's independent steps (the extensions of a joint build) and the
// number of jobs it may run side by side.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "compiler/parallel.hpp"

namespace gpic {
namespace {

TEST_CASE("parallel: every job runs once, into its own slot") {
  for (unsigned workers : {0u, 1u, 2u, 7u, 100u}) {
    std::vector<int> runs(50, 0);
    for_each_parallel(runs.size(), workers, [&](size_t i) { runs[i] += 1; });
    for (int r : runs) CHECK(r == 1);
  }
  for_each_parallel(0, 4, [](size_t) { FAIL("no job to run"); });
}

TEST_CASE("parallel: no more than `workers` jobs at once, and more than one when allowed") {
  std::atomic<int> running{0}, most{0};
  for_each_parallel(12, 3, [&](size_t) {
    int now = ++running;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    --running;
  });
  CHECK(most.load() <= 3);
  CHECK(most.load() >= 2);
}

TEST_CASE("parallel: GPIC_JOBS sets the number of jobs; anything but a positive number is ignored") {
  const char* saved = getenv("GPIC_JOBS");
  std::string keep = saved ? saved : "";
  unsetenv("GPIC_JOBS");
  unsigned cores = build_jobs();
  CHECK(cores >= 1);
  setenv("GPIC_JOBS", "3", 1);
  CHECK(build_jobs() == 3);
  for (const char* bad : {"0", "-2", "two", "4x", ""}) {
    setenv("GPIC_JOBS", bad, 1);
    CHECK(build_jobs() == cores);
  }
  if (saved)
    setenv("GPIC_JOBS", keep.c_str(), 1);
  else
    unsetenv("GPIC_JOBS");
}

}  // namespace
}  // namespace gpic
