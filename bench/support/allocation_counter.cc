#include "bench/support/allocation_counter.hpp"

#include <stdlib.h>

#include <atomic>
#include <cstddef>
#include <new>

namespace bench {
namespace {

std::atomic<std::uint64_t> allocation_count{0};
std::atomic<std::uint64_t> allocated_bytes{0};

void count(std::size_t size) noexcept {
  allocation_count.fetch_add(1, std::memory_order_relaxed);
  allocated_bytes.fetch_add(size, std::memory_order_relaxed);
}

// posix_memalign is not interposed here, so the counted functions below can use it.
void* aligned_or_null(std::size_t alignment, std::size_t size) noexcept {
  void* p = nullptr;
  const std::size_t at_least = alignment < sizeof(void*) ? sizeof(void*) : alignment;
  return posix_memalign(&p, at_least, size == 0 ? 1 : size) == 0 ? p : nullptr;
}

}  // namespace

allocation_totals allocations_so_far() noexcept {
  return {allocation_count.load(std::memory_order_relaxed), allocated_bytes.load(std::memory_order_relaxed)};
}

void items_and_allocations::report(benchmark::State& state, std::int64_t items_per_iteration) const {
  const allocation_totals end = allocations_so_far();
  const std::int64_t items = state.iterations() * items_per_iteration;
  state.SetItemsProcessed(items);
  const double per_item = items > 0 ? 1.0 / static_cast<double>(items) : 0.0;
  state.counters["allocs_per_item"] = static_cast<double>(end.count - start_.count) * per_item;
  state.counters["bytes_per_item"] = static_cast<double>(end.bytes - start_.bytes) * per_item;
}

}  // namespace bench

// The replaceable forms libstdc++ does not route through these (array and nothrow forms call
// them) are all here; deallocation is free() for every form.
void* operator new(std::size_t size) {
  bench::count(size);
  if (void* p = malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

void* operator new(std::size_t size, std::align_val_t alignment) {
  bench::count(size);
  if (void* p = bench::aligned_or_null(static_cast<std::size_t>(alignment), size)) return p;
  throw std::bad_alloc();
}

void operator delete(void* p) noexcept { free(p); }
void operator delete(void* p, std::size_t) noexcept { free(p); }
void operator delete(void* p, std::align_val_t) noexcept { free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { free(p); }

// Asio allocates its handler memory with aligned_alloc when the C library has it; defining
// the C function in the program takes precedence over the C library's (symbol interposition).
extern "C" void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
  bench::count(size);
  return bench::aligned_or_null(alignment, size);
}
