// Handler wrappers for faults: a wrapper holds the completion handler it was given and forwards
// every association of that handler (executor, allocator, cancellation slot, ...) except those
// it deliberately hides, through the base library's associator hook; each wrapper below then
// does one thing wrong when it is invoked, constructed or destroyed.
#pragma once

#include <cstddef>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

// A completion handler, as opposed to a token with an async_result of its own (use_future, a
// rule's user-defined tokens): handler faults alter only these.
template <class Token, class Signature>
concept is_completion_handler =
    requires { typename lib::async_result<std::decay_t<Token>, Signature>::completion_handler_type; } &&
    std::is_same_v<typename lib::async_result<std::decay_t<Token>, Signature>::completion_handler_type,
                   std::decay_t<Token>>;

// The associations a wrapper hides, as the base library's associator templates.
template <template <class, class> class... Associators>
struct hiding {};

template <template <class, class> class A, template <class, class> class B>
inline constexpr bool same_associator = false;
template <template <class, class> class A>
inline constexpr bool same_associator<A, A> = true;

template <class Hidden, template <class, class> class Associator>
inline constexpr bool hides = false;
template <template <class, class> class... Hidden, template <class, class> class Associator>
inline constexpr bool hides<hiding<Hidden...>, Associator> = (same_associator<Hidden, Associator> || ...);

// Base of every wrapper: the handler, and which of its associations are not forwarded.
template <class Handler, class Hidden = hiding<>>
class handler_wrapper {
 public:
  using wrapped_handler = Handler;
  using hidden_associations = Hidden;

  explicit handler_wrapper(Handler handler) : handler_(std::move(handler)) {}
  const Handler& handler() const noexcept { return handler_; }

 protected:
  Handler handler_;
};

template <class Wrapper, template <class, class> class Associator>
concept forwards_association = requires {
  typename Wrapper::wrapped_handler;
  typename Wrapper::hidden_associations;
} && !hides<typename Wrapper::hidden_associations, Associator>;

// Calls the handler with stored results: the nullary function object f of
// [async.reqmts.async.completion], carrying the handler's allocator but not its executor.
template <class Handler, class... Results>
class bound_result : public handler_wrapper<Handler, hiding<lib::associated_executor>> {
 public:
  template <class... Args>
  explicit bound_result(Handler handler, Args&&... results)
      : handler_wrapper<Handler, hiding<lib::associated_executor>>(std::move(handler)),
        results_(std::forward<Args>(results)...) {}
  void operator()() { std::apply(std::move(this->handler_), std::move(results_)); }

 private:
  std::tuple<Results...> results_;
};

template <class Handler, class... Args>
bound_result<Handler, std::decay_t<Args>...> bind_result(Handler handler, Args&&... results) {
  return bound_result<Handler, std::decay_t<Args>...>(std::move(handler), std::forward<Args>(results)...);
}

// Hides the handler's executor: the handler is invoked wherever the operation completes, on
// its I/O executor.
template <class Handler>
class executor_hiding_handler : public handler_wrapper<Handler, hiding<lib::associated_executor>> {
 public:
  using handler_wrapper<Handler, hiding<lib::associated_executor>>::handler_wrapper;
  template <class... Args>
  void operator()(Args&&... results) {
    std::move(this->handler_)(std::forward<Args>(results)...);
  }
};

// Hides the handler's executor from the operation, holds work on that executor itself, and hands
// the result over with Submit (post or dispatch) once the operation is done. The work guard is
// held through a pointer so that moving the wrapper never moves the guard: Asio 1.22's
// executor_work_guard for standard executors does not destroy the executor it moves from.
template <class Handler, class Executor, class Submit>
class late_delivering_handler : public handler_wrapper<Handler, hiding<lib::associated_executor>> {
 public:
  late_delivering_handler(Handler handler, const Executor& ex2)
      : handler_wrapper<Handler, hiding<lib::associated_executor>>(std::move(handler)),
        work_(std::make_unique<lib::executor_work_guard<Executor>>(ex2)) {}

  template <class... Args>
  void operator()(Args&&... results) {
    Submit{}(work_->get_executor(), bind_result(std::move(this->handler_), std::forward<Args>(results)...));
    work_->reset();
  }

 private:
  std::unique_ptr<lib::executor_work_guard<Executor>> work_;
};

// Hides the handler's allocator: whatever the operation allocates for it comes from elsewhere.
template <class Handler>
class allocator_hiding_handler : public handler_wrapper<Handler, hiding<lib::associated_allocator>> {
 public:
  using handler_wrapper<Handler, hiding<lib::associated_allocator>>::handler_wrapper;
  template <class... Args>
  void operator()(Args&&... results) {
    std::move(this->handler_)(std::forward<Args>(results)...);
  }
};

// Reports a success as connection_refused.
template <class Handler>
class result_altering_handler : public handler_wrapper<Handler> {
 public:
  using handler_wrapper<Handler>::handler_wrapper;
  template <class... Args>
  void operator()(const lib::error_code& error, Args&&... results) {
    std::move(this->handler_)(error ? error : lib::error_code(lib::error::connection_refused),
                              std::forward<Args>(results)...);
  }
};

// Calls on_work_finished on the handler's executor once more after the handler has returned,
// for executors other than the library's own (whose work counts cannot be observed).
template <class Handler>
class work_finishing_handler : public handler_wrapper<Handler> {
 public:
  using handler_wrapper<Handler>::handler_wrapper;
  template <class... Args>
  void operator()(Args&&... results) {
    const auto ex2 = lib::get_associated_executor(this->handler_);
    std::move(this->handler_)(std::forward<Args>(results)...);
    using executor = std::decay_t<decltype(ex2)>;
    if constexpr (!std::is_same_v<executor, lib::io_context::executor_type> &&
                  !std::is_same_v<executor, lib::strand<lib::io_context::executor_type>>) {
      ex2.on_work_finished();
    }
  }
};

// Keeps the handler in memory from global operator new instead of the handler's allocator
// (and forwards the associations of the boxed handler).
template <class Handler>
class heap_boxed_handler : public handler_wrapper<std::unique_ptr<Handler>> {
 public:
  using wrapped_handler = Handler;
  explicit heap_boxed_handler(Handler handler)
      : handler_wrapper<std::unique_ptr<Handler>>(std::make_unique<Handler>(std::move(handler))) {}
  template <class... Args>
  void operator()(Args&&... results) {
    std::move(*this->handler_)(std::forward<Args>(results)...);
  }
  const Handler& handler() const noexcept { return *this->handler_; }
};

// Takes a block from the handler's allocator and gives it back only when the wrapper is
// destroyed, after the handler has run.
template <class Handler>
class late_freeing_handler : public handler_wrapper<Handler> {
 public:
  using byte_allocator =
      typename std::allocator_traits<lib::associated_allocator_t<Handler>>::template rebind_alloc<unsigned char>;
  static constexpr std::size_t block_size = 16;

  explicit late_freeing_handler(Handler handler)
      : handler_wrapper<Handler>(std::move(handler)),
        allocator_(lib::get_associated_allocator(this->handler_)),
        block_(allocator_.allocate(block_size)) {}
  late_freeing_handler(late_freeing_handler&& other) noexcept
      : handler_wrapper<Handler>(std::move(other.handler_)),
        allocator_(other.allocator_),
        block_(std::exchange(other.block_, nullptr)) {}
  late_freeing_handler& operator=(late_freeing_handler&&) = delete;
  ~late_freeing_handler() {
    if (block_ != nullptr) allocator_.deallocate(block_, block_size);
  }

  template <class... Args>
  void operator()(Args&&... results) {
    std::move(this->handler_)(std::forward<Args>(results)...);
  }

 private:
  byte_allocator allocator_;
  unsigned char* block_;
};

// Catches and discards whatever the handler throws, so the executor running it never sees it.
template <class Handler>
class exception_swallowing_handler : public handler_wrapper<Handler> {
 public:
  using handler_wrapper<Handler>::handler_wrapper;
  template <class... Args>
  void operator()(Args&&... results) {
    try {
      std::move(this->handler_)(std::forward<Args>(results)...);
    } catch (...) {
    }
  }
};

}  // namespace conformance::kit

// Forwards every association a wrapper does not hide to the handler it holds.
template <template <class, class> class Associator, class Wrapper, class DefaultCandidate>
  requires conformance::kit::forwards_association<Wrapper, Associator>
struct conformance::kit::lib::associator<Associator, Wrapper, DefaultCandidate>
    : Associator<typename Wrapper::wrapped_handler, DefaultCandidate> {
  static typename Associator<typename Wrapper::wrapped_handler, DefaultCandidate>::type get(
      const Wrapper& wrapper, const DefaultCandidate& candidate = DefaultCandidate()) noexcept {
    return Associator<typename Wrapper::wrapped_handler, DefaultCandidate>::get(wrapper.handler(), candidate);
  }
};
