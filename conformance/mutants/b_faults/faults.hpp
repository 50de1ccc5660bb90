// Deliberately wrong pieces for group B's mutants, written against the reference
// implementation (namespace refnet), which passes every group B rule: each mutant binding
// takes refnet and replaces exactly one entity by one of these.
#pragma once

#include <refnet/net.hpp>

#include <chrono>
#include <optional>
#include <type_traits>
#include <utility>

namespace conformance::b_faults {

namespace lib = ::refnet;

// A completion handler (not a token with an async_result of its own, such as use_future or a
// rule's user-defined token): only handlers are altered, tokens pass through unchanged.
template <class Token, class Signature>
concept is_completion_handler =
    std::is_same_v<typename lib::async_result<std::decay_t<Token>, Signature>::completion_handler_type,
                   std::decay_t<Token>>;

// Wraps a handler, keeps its associated allocator, hides its associated executor, and calls
// `Completion` with the handler and the result when invoked.
template <class Handler, class Completion>
class executor_hiding_handler {
 public:
  using allocator_type = lib::associated_allocator_t<Handler>;
  executor_hiding_handler(Handler handler, Completion completion)
      : handler_(std::move(handler)), completion_(std::move(completion)) {}
  allocator_type get_allocator() const noexcept { return lib::get_associated_allocator(handler_); }
  void operator()(const lib::error_code& ec) { completion_(std::move(handler_), ec); }

 private:
  Handler handler_;
  Completion completion_;
};

template <class Handler, class Completion>
executor_hiding_handler<Handler, Completion> hide_executor(Handler handler, Completion completion) {
  return {std::move(handler), std::move(completion)};
}

// Wraps a handler, keeps its associated executor and allocator, and calls `After` once the
// handler has returned.
template <class Handler, class After>
class handler_with_epilogue {
 public:
  using executor_type = lib::associated_executor_t<Handler>;
  using allocator_type = lib::associated_allocator_t<Handler>;
  handler_with_epilogue(Handler handler, After after) : handler_(std::move(handler)), after_(std::move(after)) {}
  executor_type get_executor() const noexcept { return lib::get_associated_executor(handler_); }
  allocator_type get_allocator() const noexcept { return lib::get_associated_allocator(handler_); }
  void operator()(const lib::error_code& ec) {
    const executor_type ex2 = get_executor();
    std::move(handler_)(ec);
    after_(ex2);
  }

 private:
  Handler handler_;
  After after_;
};

// A steady_timer whose async_wait applies `Fault` to completion handlers.
template <class Fault>
class faulty_steady_timer : public lib::steady_timer {
 public:
  using lib::steady_timer::steady_timer;

  template <class Token>
  decltype(auto) async_wait(Token&& token) {
    if constexpr (is_completion_handler<Token, void(lib::error_code)>) {
      return Fault{}(static_cast<lib::steady_timer&>(*this), std::decay_t<Token>(std::forward<Token>(token)));
    } else {
      return lib::steady_timer::async_wait(std::forward<Token>(token));
    }
  }
};

// The nullary f of [async.reqmts.async.completion]: calls the handler with a result and
// carries the handler's associated allocator (but not its executor).
template <class Handler>
class bound_result {
 public:
  using allocator_type = lib::associated_allocator_t<Handler>;
  bound_result(Handler handler, const lib::error_code& ec) : handler_(std::move(handler)), ec_(ec) {}
  allocator_type get_allocator() const noexcept { return lib::get_associated_allocator(handler_); }
  void operator()() { std::move(handler_)(ec_); }

 private:
  Handler handler_;
  lib::error_code ec_;
};

// ---- faults ----

// The handler's associated executor is ignored: the handler runs on the timer's executor.
struct ignore_handler_executor {
  template <class Handler>
  void operator()(lib::steady_timer& timer, Handler handler) const {
    timer.async_wait(hide_executor(std::move(handler), [](Handler h, const lib::error_code& ec) { std::move(h)(ec); }));
  }
};

// Once the handler has returned, on_work_finished is called on ex2 a second time, for
// executors other than the library's own (io_context executors and strands).
struct finish_work_twice {
  template <class Executor>
  static constexpr bool is_library_executor =
      std::is_same_v<Executor, lib::io_context::executor_type> ||
      std::is_same_v<Executor, lib::strand<lib::io_context::executor_type>>;

  template <class Handler>
  void operator()(lib::steady_timer& timer, Handler handler) const {
    timer.async_wait(handler_with_epilogue(std::move(handler), [](const auto& ex2) {
      if constexpr (!is_library_executor<std::decay_t<decltype(ex2)>>) ex2.on_work_finished();
    }));
  }
};

// A successful wait is reported as connection_refused.
struct alter_result {
  template <class Handler>
  void operator()(lib::steady_timer& timer, Handler handler) const {
    timer.async_wait(hide_executor_keep(std::move(handler)));
  }
  template <class Handler>
  static auto hide_executor_keep(Handler handler) {
    // Keeps both associations: only the result changes.
    struct altering {
      using executor_type = lib::associated_executor_t<Handler>;
      using allocator_type = lib::associated_allocator_t<Handler>;
      Handler h;
      executor_type get_executor() const noexcept { return lib::get_associated_executor(h); }
      allocator_type get_allocator() const noexcept { return lib::get_associated_allocator(h); }
      void operator()(const lib::error_code& ec) {
        std::move(h)(ec ? ec : lib::error_code(lib::error::connection_refused));
      }
    };
    return altering{std::move(handler)};
  }
};

// A wait due within a second completes at once, inside async_wait, and is handed to ex2 by
// dispatch (an immediate completion must be posted).
struct complete_at_once_by_dispatch {
  template <class Handler>
  void operator()(lib::steady_timer& timer, Handler handler) const {
    if (timer.expiry() - std::chrono::steady_clock::now() > std::chrono::seconds(1)) {
      timer.async_wait(std::move(handler));
      return;
    }
    const auto ex2 = lib::get_associated_executor(handler, timer.get_executor());
    lib::dispatch(ex2, bound_result<Handler>(std::move(handler), lib::error_code()));
  }
};

// The wait completes later, as it should, but the handler is handed to ex2 by post (a later
// completion must be dispatched). Work on ex2 is still held until then.
struct later_completion_by_post {
  template <class Handler>
  void operator()(lib::steady_timer& timer, Handler handler) const {
    const auto ex2 = lib::get_associated_executor(handler, timer.get_executor());
    auto work2 = lib::make_work_guard(ex2);
    timer.async_wait(hide_executor(std::move(handler), [work2 = std::move(work2)](Handler h, const lib::error_code& ec) mutable {
      lib::post(work2.get_executor(), bound_result<Handler>(std::move(h), ec));
      work2.reset();
    }));
  }
};

// An executor that forwards submissions but counts no work (on_work_started/finished do nothing).
template <class Executor>
class work_forgetting_executor {
 public:
  template <class Other>
    requires std::is_constructible_v<Executor, const Other&>
  work_forgetting_executor(const Other& inner) noexcept : inner_(inner) {}  // NOLINT: converting on purpose
  decltype(auto) context() const noexcept { return inner_.context(); }
  void on_work_started() const noexcept {}
  void on_work_finished() const noexcept {}
  template <class Function, class ProtoAllocator>
  void dispatch(Function&& f, const ProtoAllocator& a) const {
    inner_.dispatch(std::forward<Function>(f), a);
  }
  template <class Function, class ProtoAllocator>
  void post(Function&& f, const ProtoAllocator& a) const {
    inner_.post(std::forward<Function>(f), a);
  }
  template <class Function, class ProtoAllocator>
  void defer(Function&& f, const ProtoAllocator& a) const {
    inner_.defer(std::forward<Function>(f), a);
  }
  friend bool operator==(const work_forgetting_executor& a, const work_forgetting_executor& b) noexcept {
    return a.inner_ == b.inner_;
  }
  friend bool operator!=(const work_forgetting_executor& a, const work_forgetting_executor& b) noexcept {
    return !(a == b);
  }

 private:
  Executor inner_;
};

// A completion handler of post, dispatch or defer (not a token such as use_future).
template <class Handler>
constexpr bool is_nullary_handler = is_completion_handler<Handler, void()>;

}  // namespace conformance::b_faults
