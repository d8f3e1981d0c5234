#include "compiler/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace gpic {

unsigned build_jobs() {
  if (const char* env = std::getenv("GPIC_JOBS"); env && *env) {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (*end == '\0' && n > 0) return static_cast<unsigned>(std::min(n, 256L));
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

void for_each_parallel(std::size_t n, unsigned workers, const std::function<void(std::size_t)>& job) {
  std::size_t threads = std::min<std::size_t>(std::max(1u, workers), n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) job(i);
    return;
  }
  // Each thread takes the next index until none is left, so a slow job does not hold up the
  // ones queued behind a fixed share.
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) job(i);
    });
  for (auto& th : pool) th.join();
}

}  // namespace gpic
