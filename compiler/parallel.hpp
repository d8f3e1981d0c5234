// Runs independent jobs of a build (one extension compile per module of a joint build) on a
// few threads at once, bounded by the number of jobs a build may run side by side.
#pragma once

#include <cstddef>
#include <functional>

namespace gpic {

/// How many child processes a build runs side by side: $GPIC_JOBS when it is a positive
/// number, else the number of cores (at least 1).
unsigned build_jobs();

/// Calls job(i) for every i in [0, n), on at most `workers` threads at once, and returns when
/// all have returned. Each job must touch only its own state: results go into a slot per i.
void for_each_parallel(std::size_t n, unsigned workers, const std::function<void(std::size_t)>& job);

}  // namespace gpic
