// Mechanics: recycled operation memory for handlers whose allocator is
// std::allocator. Blocks come in size classes of 64 bytes (up to 1 KiB). Each
// thread keeps a short free list per class and exchanges batches of blocks with
// process-wide lists, so that memory freed on one thread (where a handler ran)
// serves another thread's allocations (where operations are posted from), and a
// burst of operations is served next time by the blocks of the last one.
#pragma once

#include <cstddef>
#include <cstdint>

namespace refnet::detail {

class block_pool {
 public:
  static constexpr std::size_t header_size = alignof(std::max_align_t);

  static void* allocate(std::size_t size) {
    const std::size_t c = class_of_size(size);
    if (c < class_count) {
      if (thread_lists* lists = this_thread_lists()) {
        if (free_block* block = lists->pop(c)) return block;
        return refill_and_allocate(*lists, c);
      }
    }
    return allocate_from_heap(c, size);
  }

  static void deallocate(void* p) noexcept {
    const std::size_t c = class_of_block(p);
    if (c < class_count) {
      if (thread_lists* lists = this_thread_lists()) {
        lists->push(c, static_cast<free_block*>(p));
        if (lists->count[c] >= 2 * batch_size) spill(*lists, c);
        return;
      }
    }
    release_to_heap(p);
  }

  // What src/block_pool.cc's process-wide lists work with.
  static constexpr std::size_t granularity = 64;
  static constexpr std::size_t class_count = 16;
  static constexpr std::uint32_t batch_size = 32;

  // A free block's payload; `next_batch` and `count` are meaningful only in the
  // first block of a batch on a process-wide list.
  struct free_block {
    free_block* next;
    free_block* next_batch;
    std::size_t count;
  };

 private:
  // Trivially destructible, so it stays usable while other thread_local objects
  // are destroyed; `closer` hands its blocks on at thread exit.
  struct thread_lists {
    free_block* head[class_count];
    std::uint32_t count[class_count];

    free_block* pop(std::size_t c) noexcept {
      free_block* block = head[c];
      if (block) {
        head[c] = block->next;
        --count[c];
      }
      return block;
    }
    void push(std::size_t c, free_block* block) noexcept {
      block->next = head[c];
      head[c] = block;
      ++count[c];
    }
  };

  struct closer {
    ~closer();
  };

  static std::size_t class_of_size(std::size_t size) noexcept {
    return size == 0 ? 0 : (size - 1) / granularity;  // class_count or more: not pooled
  }
  static std::size_t class_of_block(void* p) noexcept {
    return *reinterpret_cast<std::size_t*>(static_cast<unsigned char*>(p) - header_size);
  }

  static thread_lists* this_thread_lists() noexcept {
    if (closed) return nullptr;
    thread_local closer registration;
    (void)registration;
    return &lists;
  }

  static void* refill_and_allocate(thread_lists& lists, std::size_t c);
  static void spill(thread_lists& lists, std::size_t c) noexcept;
  // Gives a chain of class c to the process-wide list, or to the heap when that is full.
  static void hand_back(std::size_t c, free_block* first, std::size_t count) noexcept;
  static void* allocate_from_heap(std::size_t c, std::size_t size);
  static void release_to_heap(void* p) noexcept;

  inline static thread_local thread_lists lists{};
  inline static thread_local bool closed = false;
};

}  // namespace refnet::detail
