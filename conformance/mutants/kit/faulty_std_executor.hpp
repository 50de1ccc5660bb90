// An executor in Asio's standard model (execute, query and require of blocking, query of the
// context) over the base library's io_context executor, with at most one planted fault, and the
// executor subject that offers it to the rules of [asio.executor.standard]. sound_std_executor
// is the correct behaviour (every planted_ switch off); each fault below turns one switch on.
// Written against a base with standard executors (asio-1.22); a mutant declared with
// kit_fault = "std_executor:<fault>" judges its rules on this subject alone
// (std_executor_fault_subjects.hpp).
#pragma once

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "conformance/executors/subject.hpp"
#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_std_executor {
  static constexpr bool planted_copy_may_throw = false;
  static constexpr bool planted_equality_may_throw = false;
  static constexpr bool planted_drops_concurrent_submissions = false;
  static constexpr bool planted_equality_ignores_blocking = false;
  static constexpr bool planted_execute_keeps_reference = false;
  static constexpr bool planted_runs_stale_function = false;
  static constexpr bool planted_exceptions_escape = false;
  static constexpr bool planted_destructor_waits = false;
};

#define CONFORMANCE_KIT_FAULT(fault)              \
  struct fault : sound_std_executor {             \
    static constexpr bool planted_##fault = true; \
  }
CONFORMANCE_KIT_FAULT(copy_may_throw);
CONFORMANCE_KIT_FAULT(equality_may_throw);
CONFORMANCE_KIT_FAULT(drops_concurrent_submissions);
CONFORMANCE_KIT_FAULT(equality_ignores_blocking);
CONFORMANCE_KIT_FAULT(execute_keeps_reference);
CONFORMANCE_KIT_FAULT(runs_stale_function);
CONFORMANCE_KIT_FAULT(exceptions_escape);
CONFORMANCE_KIT_FAULT(destructor_waits);
#undef CONFORMANCE_KIT_FAULT

template <class Fault>
class faulty_std_executor {
 public:
  using inner_executor = lib::io_context::executor_type;

  explicit faulty_std_executor(inner_executor inner) : inner_(std::move(inner)) {}
  faulty_std_executor(const faulty_std_executor& other) noexcept(!Fault::planted_copy_may_throw)
      : inner_(other.inner_), never_(other.never_), running_(other.running_) {}
  faulty_std_executor(faulty_std_executor&&) noexcept = default;
  ~faulty_std_executor() {
    if constexpr (Fault::planted_destructor_waits) {
      while (running_ && running_->load() > 0) std::this_thread::yield();  // until its functions have run
    }
  }
  faulty_std_executor& operator=(const faulty_std_executor&) noexcept = default;
  faulty_std_executor& operator=(faulty_std_executor&&) noexcept = default;

  template <class F>
  void execute(F&& f) const {
    if constexpr (Fault::planted_drops_concurrent_submissions) {
      static std::atomic<bool> busy{false};
      if (busy.exchange(true)) return;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      submit(std::forward<F>(f));
      busy = false;
    } else {
      submit(std::forward<F>(f));
    }
  }

  lib::execution_context& query(lib::execution::context_t) const noexcept { return inner_.context(); }
  lib::execution::blocking_t query(lib::execution::blocking_t) const noexcept {
    if (never_) return lib::execution::blocking.never;
    return lib::execution::blocking.possibly;
  }
  faulty_std_executor require(lib::execution::blocking_t::never_t) const { return with_never(true); }
  faulty_std_executor require(lib::execution::blocking_t::possibly_t) const { return with_never(false); }

  friend bool operator==(const faulty_std_executor& a,
                         const faulty_std_executor& b) noexcept(!Fault::planted_equality_may_throw) {
    return a.inner_ == b.inner_ && (Fault::planted_equality_ignores_blocking || a.never_ == b.never_);
  }
  friend bool operator!=(const faulty_std_executor& a,
                         const faulty_std_executor& b) noexcept(!Fault::planted_equality_may_throw) {
    return !(a == b);
  }

 private:
  faulty_std_executor with_never(bool never) const {
    faulty_std_executor copy(*this);
    copy.never_ = never;
    return copy;
  }

  template <class F>
  void submit(F&& f) const {
    if constexpr (Fault::planted_exceptions_escape) {
      std::decay_t<F> local(std::forward<F>(f));
      local();  // at once, uncaught
      return;
    }
    auto counted = [g = function_to_call(std::forward<F>(f)), running = running_]() mutable {
      running->fetch_add(1);
      g();
      running->fetch_sub(1);
    };
    if (!never_ && inner_.running_in_this_thread()) {
      try {
        counted();
      } catch (...) {  // never out of execute: rethrown from the context's run function
        inner_.post([e = std::current_exception()] { std::rethrow_exception(e); }, std::allocator<void>());
      }
      return;
    }
    inner_.post(std::move(counted), std::allocator<void>());
  }

  // The function to call: a decay-copy of f, or what a fault calls instead.
  template <class F>
  static auto function_to_call(F&& f) {
    if constexpr (Fault::planted_execute_keeps_reference && std::is_lvalue_reference_v<F>) {
      return [&f] { f(); };
    } else if constexpr (Fault::planted_runs_stale_function) {
      static std::optional<std::decay_t<F>> first;  // the first function of its type, kept for ever
      if (!first) first.emplace(std::forward<F>(f));
      return [] { (*first)(); };
    } else {
      return std::decay_t<F>(std::forward<F>(f));
    }
  }

  inner_executor inner_;
  bool never_ = false;
  // How many of the functions submitted through this executor or its copies are running.
  std::shared_ptr<std::atomic<int>> running_ = std::make_shared<std::atomic<int>>(0);
};

// The subject: a faulty_std_executor<Fault> on an io_context run from the calling thread.
template <class Fault>
struct faulty_std_executor_subject {
  static constexpr std::string_view name = "faulty-std-executor";
  static constexpr executors::executor_traits traits{
      .ts_members = false,
      .standard_properties = true,
      .dispatch = executors::inline_dispatch::inside_its_functions,
  };

  class instance {
   public:
    using executor_type = faulty_std_executor<Fault>;
    executor_type executor() { return executor_type(context_.get_executor()); }
    lib::io_context& context() { return context_; }
    template <class Done>
    bool run_until(Done done) {
      return executors::run_context_until(context_, done);
    }

   private:
    lib::io_context context_;
  };
};

}  // namespace conformance::kit
