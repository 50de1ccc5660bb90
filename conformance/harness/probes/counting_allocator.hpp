// Probe (CA): a proto-allocator whose copies share one thread-safe allocation_log, so a rule
// can see which memory an operation obtained through a handler's associated allocator and
// whether all of it was returned before the handler ran ([async.reqmts.async.alloc] p4,
// [async.reqmts.executor] dispatch/post/defer rows, [async.reqmts.proto.allocator] p1).
//
//   auto log = std::make_shared<allocation_log>();
//   counting_allocator<void> alloc(log);            // rebinds to any object type
//   ... inside the handler: log->live_bytes() == 0  (or log->checkpoint("in handler"))
//
// The log also catches misuse it can see without help: deallocating a pointer it never
// handed out (that pointer is left alone, not freed) and deallocating with a wrong size.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace conformance {

class allocation_log {
 public:
  enum class event_kind { allocate, deallocate };

  struct event {
    event_kind kind;
    std::size_t bytes;
    const void* pointer;
    std::thread::id thread;
  };

  // Memory misuse the log detected by itself.
  struct fault {
    enum class kind { foreign_pointer, wrong_size } what;
    const void* pointer;
    std::size_t bytes_given;
    std::size_t bytes_allocated;  // 0 for a foreign pointer
  };

  void* allocate(std::size_t bytes, std::size_t alignment) {
    void* const p = ::operator new(bytes, std::align_val_t(alignment));
    const std::lock_guard lock(mutex_);
    live_.emplace(p, block{bytes, alignment});
    live_bytes_ += bytes;
    ++allocations_;
    events_.push_back({event_kind::allocate, bytes, p, std::this_thread::get_id()});
    return p;
  }

  void deallocate(void* p, std::size_t bytes) noexcept {
    std::optional<block> freed;
    {
      const std::lock_guard lock(mutex_);
      events_.push_back({event_kind::deallocate, bytes, p, std::this_thread::get_id()});
      const auto found = live_.find(p);
      if (found == live_.end()) {
        // Not ours (or already freed): freeing it could corrupt the heap, so keep the fault only.
        faults_.push_back({fault::kind::foreign_pointer, p, bytes, 0});
        return;
      }
      freed = found->second;
      if (freed->bytes != bytes) faults_.push_back({fault::kind::wrong_size, p, bytes, freed->bytes});
      live_bytes_ -= freed->bytes;
      ++deallocations_;
      live_.erase(found);
    }
    ::operator delete(p, std::align_val_t(freed->alignment));
  }

  std::size_t live_bytes() const {
    const std::lock_guard lock(mutex_);
    return live_bytes_;
  }
  std::size_t live_blocks() const {
    const std::lock_guard lock(mutex_);
    return live_.size();
  }
  std::size_t allocations() const {
    const std::lock_guard lock(mutex_);
    return allocations_;
  }
  std::size_t deallocations() const {
    const std::lock_guard lock(mutex_);
    return deallocations_;
  }
  std::vector<event> events() const {
    const std::lock_guard lock(mutex_);
    return events_;
  }
  std::vector<fault> faults() const {
    const std::lock_guard lock(mutex_);
    return faults_;
  }
  bool clean() const {
    const std::lock_guard lock(mutex_);
    return faults_.empty();
  }

  // Remembers the live byte count now under `label` (e.g. called from inside a handler),
  // so the test body can compare it after the context has stopped.
  void checkpoint(const std::string& label) {
    const std::lock_guard lock(mutex_);
    checkpoints_[label] = live_bytes_;
  }
  std::optional<std::size_t> live_bytes_at(const std::string& label) const {
    const std::lock_guard lock(mutex_);
    const auto found = checkpoints_.find(label);
    if (found == checkpoints_.end()) return std::nullopt;
    return found->second;
  }

 private:
  struct block {
    std::size_t bytes;
    std::size_t alignment;
  };

  mutable std::mutex mutex_;
  std::map<const void*, block> live_;
  std::size_t live_bytes_ = 0;
  std::size_t allocations_ = 0;
  std::size_t deallocations_ = 0;
  std::vector<event> events_;
  std::vector<fault> faults_;
  std::map<std::string, std::size_t> checkpoints_;
};

template <class T>
class counting_allocator {
 public:
  using value_type = T;

  explicit counting_allocator(std::shared_ptr<allocation_log> log) noexcept : log_(std::move(log)) {}

  // The Allocator requirements leave a moved-from allocator unchanged (libraries use it
  // after a move), so a move copies: declaring the copy members suppresses the implicit moves,
  // which would empty log_.
  counting_allocator(const counting_allocator&) noexcept = default;
  counting_allocator& operator=(const counting_allocator&) noexcept = default;
  ~counting_allocator() = default;

  template <class U>
  counting_allocator(const counting_allocator<U>& other) noexcept : log_(other.shared_log()) {}

  T* allocate(std::size_t n) {
    return static_cast<T*>(log_->allocate(n * sizeof(T), alignof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept { log_->deallocate(p, n * sizeof(T)); }

  allocation_log& log() const noexcept { return *log_; }
  const std::shared_ptr<allocation_log>& shared_log() const noexcept { return log_; }

  // Equal when memory from one can be returned through the other: same log.
  template <class U>
  friend bool operator==(const counting_allocator& a, const counting_allocator<U>& b) noexcept {
    return a.log_ == b.shared_log();
  }
  template <class U>
  friend bool operator!=(const counting_allocator& a, const counting_allocator<U>& b) noexcept {
    return !(a == b);
  }

 private:
  std::shared_ptr<allocation_log> log_;
};

// The allocation log behind `a` when `a` is a counting allocator (of any value type), else
// nullptr: how recording executors note which allocator a submission came with.
template <class ProtoAllocator>
const allocation_log* counting_log_of(const ProtoAllocator&) noexcept {
  return nullptr;
}
template <class T>
const allocation_log* counting_log_of(const counting_allocator<T>& a) noexcept {
  return &a.log();
}

}  // namespace conformance
