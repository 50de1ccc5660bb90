// A TS-style executor over the base library's io_context executor with one planted fault, and
// the executor subject (conformance/executors/subject.hpp) that offers it to the executor rules.
// A fault is a behaviour: sound_executor is the correct one, and each fault below derives from
// it and replaces exactly one member. An executor mutant's executors.hpp declares
//   namespace conformance::target_executors { using all = operation_list<kit::faulty_executor_subject<kit::F>>; }
// Included from a mutant's executors.hpp (never from its binding: the subject needs the target).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "conformance/executors/shutdownable.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

using inner_executor = lib::io_context::executor_type;

// A context the faults that misname an executor's context point at.
inline lib::io_context& unrelated_context() {
  static lib::io_context context;
  return context;
}

// The correct behaviour of every member, forwarding to the inner executor.
struct sound_executor {
  static constexpr bool has_defer = true;
  static constexpr bool copy_noexcept = true;
  static lib::execution_context& context(const inner_executor& inner) noexcept { return inner.context(); }
  static void on_work_started(const inner_executor& inner) { inner.on_work_started(); }
  static void on_work_finished(const inner_executor& inner) noexcept { inner.on_work_finished(); }
  static bool equal(const inner_executor& a, const void*, const inner_executor& b, const void*) noexcept {
    return a == b;
  }
  static bool not_equal(bool equal) noexcept { return !equal; }
  static inner_executor moved(const inner_executor& source) noexcept { return source; }
  static void context_shut_down() noexcept {}
  template <class F, class A>
  static void dispatch(const inner_executor& inner, F&& f, const A& a) {
    inner.dispatch(std::forward<F>(f), a);
  }
  template <class F, class A>
  static void post(const inner_executor& inner, F&& f, const A& a) {
    inner.post(std::forward<F>(f), a);
  }
  template <class F, class A>
  static void defer(const inner_executor& inner, F&& f, const A& a) {
    inner.defer(std::forward<F>(f), a);
  }
};

// Runs a decay-copy of f on the calling thread, as an inline submission does.
template <class F>
void run_decay_copy(F&& f) {
  std::decay_t<F> copy(std::forward<F>(f));
  copy();
}

struct post_runs_inline : sound_executor {
  template <class F, class A>
  static void post(const inner_executor&, F&& f, const A&) {
    run_decay_copy(std::forward<F>(f));
  }
};

struct defer_runs_inline : sound_executor {
  template <class F, class A>
  static void defer(const inner_executor&, F&& f, const A&) {
    run_decay_copy(std::forward<F>(f));
  }
};

// Runs f inside dispatch wherever it is called, though the subject declares that it does so
// only inside its own functions.
struct dispatch_runs_inline_anywhere : sound_executor {
  template <class F, class A>
  static void dispatch(const inner_executor&, F&& f, const A&) {
    run_decay_copy(std::forward<F>(f));
  }
};

struct work_finish_forgotten : sound_executor {
  static void on_work_finished(const inner_executor&) noexcept {}
};

// Counts no work at all (on_work_finished is left balanced with it).
struct work_not_counted : sound_executor {
  static void on_work_started(const inner_executor&) {}
  static void on_work_finished(const inner_executor&) noexcept {}
};

struct work_start_throws : sound_executor {
  static void on_work_started(const inner_executor&) { throw std::runtime_error("on_work_started refused"); }
};

// Equal only to itself: copies compare unequal.
struct copies_unequal : sound_executor {
  static bool equal(const inner_executor&, const void* a, const inner_executor&, const void* b) noexcept {
    return a == b;
  }
};

struct inequality_not_negation : sound_executor {
  static bool not_equal(bool equal) noexcept { return equal; }
};

struct context_misnamed : sound_executor {
  static lib::execution_context& context(const inner_executor&) noexcept { return unrelated_context(); }
};

// A move-constructed executor is one of another context.
struct move_changes_context : sound_executor {
  static inner_executor moved(const inner_executor&) noexcept { return unrelated_context().get_executor(); }
};

// Once its context is shut down, context() names another object.
struct context_lost_at_shutdown : sound_executor {
  static std::atomic<bool>& shut() noexcept {
    static std::atomic<bool> flag{false};
    return flag;
  }
  static void context_shut_down() noexcept { shut() = true; }
  static lib::execution_context& context(const inner_executor& inner) noexcept {
    return shut() ? unrelated_context() : inner.context();
  }
};

// What the faulty submissions below hand to the sound member instead of f.

// A function that calls (a decay-copy of) f twice.
template <class F>
auto calling_twice(F&& f) {
  return [g = std::decay_t<F>(std::forward<F>(f))]() mutable {
    g();
    g();
  };
}

// For an lvalue f, a function that calls the caller's object itself instead of a decay-copy.
template <class F>
auto keeping_reference(F&& f) {
  if constexpr (std::is_lvalue_reference_v<F>) {
    return [&f] { f(); };
  } else {
    return std::decay_t<F>(std::forward<F>(f));
  }
}

// A function that calls f and only then returns a block it took from the allocator `a` when
// it was made (the sound member gets std::allocator<void>, so the block is all `a` sees).
template <class F, class A>
auto freeing_memory_after_call(F&& f, const A& a) {
  using byte_allocator = typename std::allocator_traits<A>::template rebind_alloc<unsigned char>;
  byte_allocator bytes(a);
  unsigned char* const block = bytes.allocate(64);
  return [g = std::decay_t<F>(std::forward<F>(f)), bytes, block]() mutable {
    g();
    bytes.deallocate(block, 64);
  };
}

struct post_calls_twice : sound_executor {
  template <class F, class A>
  static void post(const inner_executor& inner, F&& f, const A& a) {
    inner.post(calling_twice(std::forward<F>(f)), a);
  }
};

struct defer_calls_twice : sound_executor {
  template <class F, class A>
  static void defer(const inner_executor& inner, F&& f, const A& a) {
    inner.defer(calling_twice(std::forward<F>(f)), a);
  }
};

struct post_keeps_reference : sound_executor {
  template <class F, class A>
  static void post(const inner_executor& inner, F&& f, const A& a) {
    inner.post(keeping_reference(std::forward<F>(f)), a);
  }
};

struct dispatch_keeps_reference : sound_executor {
  template <class F, class A>
  static void dispatch(const inner_executor& inner, F&& f, const A& a) {
    inner.dispatch(keeping_reference(std::forward<F>(f)), a);
  }
};

struct post_frees_memory_after_call : sound_executor {
  template <class F, class A>
  static void post(const inner_executor& inner, F&& f, const A& a) {
    inner.post(freeing_memory_after_call(std::forward<F>(f), a), std::allocator<void>());
  }
};

struct dispatch_frees_memory_after_call : sound_executor {
  template <class F, class A>
  static void dispatch(const inner_executor& inner, F&& f, const A& a) {
    inner.dispatch(freeing_memory_after_call(std::forward<F>(f), a), std::allocator<void>());
  }
};

struct defer_frees_memory_after_call : sound_executor {
  template <class F, class A>
  static void defer(const inner_executor& inner, F&& f, const A& a) {
    inner.defer(freeing_memory_after_call(std::forward<F>(f), a), std::allocator<void>());
  }
};

// Two posts that overlap in time lose the second function, as an unsynchronised queue would.
// The pause inside makes the overlap happen whenever two threads post at once.
struct post_drops_concurrent_submissions : sound_executor {
  static std::atomic<bool>& busy() noexcept {
    static std::atomic<bool> flag{false};
    return flag;
  }
  template <class F, class A>
  static void post(const inner_executor& inner, F&& f, const A& a) {
    if (busy().exchange(true)) return;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    inner.post(std::forward<F>(f), a);
    busy() = false;
  }
};

// Functions submitted with post or defer are held through a pointer of their own that only
// running them frees: a context destroyed before running them leaks every copy.
template <class F>
auto leaked_unless_run(F&& f) {
  return [held = new std::decay_t<F>(std::forward<F>(f))] {  // NOLINT: the leak is the fault
    (*held)();
    delete held;
  };
}

struct unrun_functions_leaked : sound_executor {
  template <class F, class A>
  static void post(const inner_executor& inner, F&& f, const A& a) {
    inner.post(leaked_unless_run(std::forward<F>(f)), a);
  }
  template <class F, class A>
  static void defer(const inner_executor& inner, F&& f, const A& a) {
    inner.defer(leaked_unless_run(std::forward<F>(f)), a);
  }
};

struct copy_may_throw : sound_executor {
  static constexpr bool copy_noexcept = false;
};

// A block taken from the allocator given to post, and never returned: for every allocator, or
// only for one whose value type is not void (an Allocator rather than a proto-allocator).
template <class A>
void keep_a_block(const A& a) {
  using byte_allocator = typename std::allocator_traits<A>::template rebind_alloc<unsigned char>;
  byte_allocator bytes(a);
  (void)bytes.allocate(32);
}

struct allocator_memory_kept : sound_executor {
  template <class F, class A>
  static void dispatch(const inner_executor& inner, F&& f, const A& a) {
    keep_a_block(a);
    inner.dispatch(std::forward<F>(f), a);
  }
  template <class F, class A>
  static void post(const inner_executor& inner, F&& f, const A& a) {
    keep_a_block(a);
    inner.post(std::forward<F>(f), a);
  }
  template <class F, class A>
  static void defer(const inner_executor& inner, F&& f, const A& a) {
    keep_a_block(a);
    inner.defer(std::forward<F>(f), a);
  }
};

struct typed_allocator_memory_kept : sound_executor {
  template <class F, class A>
  static void post(const inner_executor& inner, F&& f, const A& a) {
    if constexpr (!std::is_void_v<typename std::allocator_traits<A>::value_type>) keep_a_block(a);
    inner.post(std::forward<F>(f), a);
  }
};

template <class Fault>
class faulty_executor {
 public:
  explicit faulty_executor(inner_executor inner) noexcept : inner_(std::move(inner)) {}
  faulty_executor(const faulty_executor& other) noexcept(Fault::copy_noexcept) : inner_(other.inner_) {}
  faulty_executor(faulty_executor&& other) noexcept : inner_(Fault::moved(other.inner_)) {}
  faulty_executor& operator=(const faulty_executor&) noexcept = default;
  faulty_executor& operator=(faulty_executor&&) noexcept = default;

  lib::execution_context& context() const noexcept { return Fault::context(inner_); }
  void on_work_started() const { Fault::on_work_started(inner_); }
  void on_work_finished() const noexcept { Fault::on_work_finished(inner_); }
  template <class F, class A>
  void dispatch(F&& f, const A& a) const {
    Fault::dispatch(inner_, std::forward<F>(f), a);
  }
  template <class F, class A>
  void post(F&& f, const A& a) const {
    Fault::post(inner_, std::forward<F>(f), a);
  }
  template <class F, class A>
  requires Fault::has_defer void defer(F&& f, const A& a) const { Fault::defer(inner_, std::forward<F>(f), a); }

  friend bool operator==(const faulty_executor& a, const faulty_executor& b) noexcept {
    return Fault::equal(a.inner_, &a, b.inner_, &b);
  }
  friend bool operator!=(const faulty_executor& a, const faulty_executor& b) noexcept {
    return Fault::not_equal(a == b);
  }

 private:
  inner_executor inner_;
};

struct defer_missing : sound_executor {
  static constexpr bool has_defer = false;
};

// The subject: a faulty_executor<Fault> on an io_context run from the calling thread, declared
// like the io_context executor it wraps (dispatch runs inline only inside its functions).
template <class Fault>
struct faulty_executor_subject {
  static constexpr std::string_view name = "faulty-executor";
  static constexpr executors::executor_traits traits{
      .ts_members = true,
      .standard_properties = false,
      .dispatch = executors::inline_dispatch::inside_its_functions,
  };

  class instance {
   public:
    using executor_type = faulty_executor<Fault>;
    executor_type executor() { return executor_type(context_.get_executor()); }
    executor_type other_executor() { return executor_type(other_.get_executor()); }
    lib::io_context& context() { return context_; }
    template <class Done>
    bool run_until(Done done) {
      return executors::run_context_until(context_, done);
    }
    void run() { context_.run(); }
    void shutdown_context() {
      context_.shut_down();
      Fault::context_shut_down();
    }

   private:
    executors::shutdownable<lib::io_context> context_;
    lib::io_context other_;
  };
};

}  // namespace conformance::kit
