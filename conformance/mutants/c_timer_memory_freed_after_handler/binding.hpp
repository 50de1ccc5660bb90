// Mutant binding: standalone Asio 1.22.1, except that steady_timer::async_wait obtains a block
// from the handler's associated allocator and gives it back only after the handler has run.
#pragma once

#include <asio.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"
#include "conformance/mutants/c_faults/handler_wrapping.hpp"

namespace conformance::mutant_timer_memory_freed_after_handler {

using namespace ::asio;

// Deliberately wrong: holds per-operation memory from the handler's allocator across the
// handler's invocation.
template <class Handler>
class late_freeing_handler {
 public:
  using forwards_associations_of = Handler;  // every association kept (c_faults)
  using byte_allocator =
      typename std::allocator_traits<::asio::associated_allocator_t<Handler>>::template rebind_alloc<unsigned char>;
  static constexpr std::size_t block_size = 16;

  explicit late_freeing_handler(Handler handler)
      : handler_(std::move(handler)), allocator_(::asio::get_associated_allocator(handler_)),
        block_(allocator_.allocate(block_size)) {}
  late_freeing_handler(late_freeing_handler&& other) noexcept
      : handler_(std::move(other.handler_)), allocator_(other.allocator_), block_(std::exchange(other.block_, nullptr)) {}
  late_freeing_handler& operator=(late_freeing_handler&&) = delete;
  ~late_freeing_handler() {
    if (block_ != nullptr) allocator_.deallocate(block_, block_size);
  }

  template <class... Args>
  void operator()(Args&&... args) {
    std::move(handler_)(std::forward<Args>(args)...);
  }

  const Handler& handler() const noexcept { return handler_; }

 private:
  Handler handler_;
  byte_allocator allocator_;
  unsigned char* block_;
};

using steady_timer = c_faults::wrapping_steady_timer<late_freeing_handler>;

}  // namespace conformance::mutant_timer_memory_freed_after_handler

namespace conformance::target {

namespace net = ::conformance::mutant_timer_memory_freed_after_handler;
using error_code = ::asio::error_code;

inline constexpr std::string_view name = "mutant.timer-memory-freed-after-handler";
inline constexpr std::string_view edition = "asio-1.22";
inline std::string library_description() {
  return "standalone Asio " + asio_version_string(ASIO_VERSION) +
         " with steady_timer::async_wait freeing memory from the handler's allocator only after the handler";
}

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
