// Heap allocations counted across the whole program (every thread), so that a scenario can say
// how many allocations and bytes one item costs. allocation_counter.cc replaces the global
// operator new and interposes aligned_alloc (which Asio's recycling allocator calls directly).
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>

namespace bench {

struct allocation_totals {
  std::uint64_t count = 0;
  std::uint64_t bytes = 0;
};

// The allocations made by the program so far.
allocation_totals allocations_so_far() noexcept;

// Starts counting where it is constructed (right before a scenario's timed loop); report(),
// called right after the loop, records the items processed and the "allocs_per_item" and
// "bytes_per_item" counters.
class items_and_allocations {
 public:
  items_and_allocations() noexcept : start_(allocations_so_far()) {}

  void report(benchmark::State& state, std::int64_t items_per_iteration) const;

 private:
  allocation_totals start_;
};

}  // namespace bench
