#include "refnet/detail/block_pool.hpp"

#include <mutex>
#include <new>
#include <utility>

namespace refnet::detail {

namespace {

// Above this, a class's process-wide list releases what it is given to the heap.
constexpr std::size_t pooled_bytes_per_class = std::size_t(4) << 20;

// The process-wide lists: per class, a stack of batches under a mutex.
class shared_lists {
 public:
  using free_block = block_pool::free_block;

  free_block* take(std::size_t c) noexcept {
    std::lock_guard lock(classes_[c].mutex);
    free_block* first = classes_[c].batches;
    if (first) {
      classes_[c].batches = first->next_batch;
      classes_[c].blocks -= first->count;
    }
    return first;
  }

  // Returns false, taking nothing, when the class already holds its share.
  bool give(std::size_t c, std::size_t block_bytes, free_block* first, std::size_t count) noexcept {
    std::lock_guard lock(classes_[c].mutex);
    if ((classes_[c].blocks + count) * block_bytes > pooled_bytes_per_class) return false;
    first->next_batch = classes_[c].batches;
    first->count = count;
    classes_[c].batches = first;
    classes_[c].blocks += count;
    return true;
  }

 private:
  struct per_class {
    std::mutex mutex;
    free_block* batches = nullptr;
    std::size_t blocks = 0;
  };
  per_class classes_[block_pool::class_count];
};

// Never destroyed: threads may still hand blocks back while statics are destroyed.
shared_lists& shared() noexcept {
  alignas(shared_lists) static unsigned char storage[sizeof(shared_lists)];
  static shared_lists* const lists = ::new (static_cast<void*>(storage)) shared_lists();
  return *lists;
}

}  // namespace

void* block_pool::allocate_from_heap(std::size_t c, std::size_t size) {
  const std::size_t payload = c < class_count ? (c + 1) * granularity : size;
  auto* raw = static_cast<unsigned char*>(::operator new(header_size + payload));
  ::new (static_cast<void*>(raw)) std::size_t(c < class_count ? c : class_count);
  return raw + header_size;
}

void block_pool::release_to_heap(void* p) noexcept { ::operator delete(static_cast<unsigned char*>(p) - header_size); }

void* block_pool::refill_and_allocate(thread_lists& lists, std::size_t c) {
  if (free_block* batch = shared().take(c)) {
    lists.head[c] = batch;
    lists.count[c] = static_cast<std::uint32_t>(batch->count);
    return lists.pop(c);
  }
  return allocate_from_heap(c, 0);
}

void block_pool::spill(thread_lists& lists, std::size_t c) noexcept {
  free_block* first = lists.head[c];
  free_block* last = first;
  for (std::uint32_t i = 1; i < batch_size; ++i) last = last->next;
  lists.head[c] = last->next;
  lists.count[c] -= batch_size;
  last->next = nullptr;
  hand_back(c, first, batch_size);
}

void block_pool::hand_back(std::size_t c, free_block* first, std::size_t count) noexcept {
  if (shared().give(c, header_size + (c + 1) * granularity, first, count)) return;
  while (first) release_to_heap(std::exchange(first, first->next));
}

block_pool::closer::~closer() {
  for (std::size_t c = 0; c < class_count; ++c) {
    free_block* first = lists.head[c];
    lists.head[c] = nullptr;
    if (first) hand_back(c, first, lists.count[c]);
    lists.count[c] = 0;
  }
  closed = true;
}

}  // namespace refnet::detail
