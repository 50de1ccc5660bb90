// executor_binder and bind_executor ([async.exec.binder], [async.bind.executor]) over the base
// library's own binder, with one planted fault: sound_executor_binder is the correct behaviour
// (every planted_ switch off), and each fault below turns one on. A mutant declared with
// kit_fault = "executor_binder:<fault>" (mutants.bzl) puts them in place of the library's
// (executor_binder_fault_binding.hpp). Written against refnet, whose binder it derives from.
#pragma once

#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_executor_binder {
  static constexpr bool planted_target_type_void = false;
  static constexpr bool planted_get_returns_copy = false;
  static constexpr bool planted_get_executor_returns_first = false;
  static constexpr bool planted_associated_executor_is_candidate = false;
  static constexpr bool planted_associated_allocator_is_candidate = false;
  static constexpr bool planted_associated_executor_may_throw = false;
  static constexpr bool planted_associated_allocator_may_throw = false;
};

struct binder_target_type_void : sound_executor_binder {
  static constexpr bool planted_target_type_void = true;
};
struct binder_get_returns_copy : sound_executor_binder {
  static constexpr bool planted_get_returns_copy = true;
};
struct binder_get_executor_returns_first : sound_executor_binder {
  static constexpr bool planted_get_executor_returns_first = true;
};
struct binder_associated_executor_is_candidate : sound_executor_binder {
  static constexpr bool planted_associated_executor_is_candidate = true;
};
struct binder_associated_executor_may_throw : sound_executor_binder {
  static constexpr bool planted_associated_executor_may_throw = true;
};
struct binder_associated_allocator_may_throw : sound_executor_binder {
  static constexpr bool planted_associated_allocator_may_throw = true;
};
struct binder_associated_allocator_is_candidate : sound_executor_binder {
  static constexpr bool planted_associated_allocator_is_candidate = true;
};

template <class T, class Executor, class Fault>
class faulty_executor_binder : public lib::executor_binder<T, Executor> {
  using base = lib::executor_binder<T, Executor>;

 public:
  using base::base;
  using target_type = std::conditional_t<Fault::planted_target_type_void, void, T>;

  std::conditional_t<Fault::planted_get_returns_copy, T, T&> get() noexcept { return base::get(); }
  std::conditional_t<Fault::planted_get_returns_copy, T, const T&> get() const noexcept { return base::get(); }

  // The executor the first binder of this type was made with, whatever this one holds.
  Executor get_executor() const noexcept {
    if constexpr (Fault::planted_get_executor_returns_first) {
      static const Executor first = base::get_executor();
      return first;
    } else {
      return base::get_executor();
    }
  }
};

// bind_executor making faulty binders.
template <class Fault>
struct faulty_binding_bind_executor {
  template <class Executor, class T>
    requires lib::is_executor_v<Executor>
  faulty_executor_binder<std::decay_t<T>, Executor, Fault> operator()(const Executor& executor, T&& t) const {
    return faulty_executor_binder<std::decay_t<T>, Executor, Fault>(lib::executor_arg, executor, std::forward<T>(t));
  }
  template <class Context, class T>
    requires std::is_convertible_v<Context&, lib::execution_context&>
  auto operator()(Context& ctx, T&& t) const {
    return (*this)(ctx.get_executor(), std::forward<T>(t));
  }
};

}  // namespace conformance::kit

// The associators: the bound executor, and the target's allocator (or, with the faults, the
// candidates).
template <class T, class Executor, class Fault, class Candidate>
struct conformance::kit::lib::associated_executor<conformance::kit::faulty_executor_binder<T, Executor, Fault>,
                                                  Candidate> {
  using type = std::conditional_t<Fault::planted_associated_executor_is_candidate, Candidate, Executor>;
  static type get(const conformance::kit::faulty_executor_binder<T, Executor, Fault>& b,
                  const Candidate& candidate = Candidate()) noexcept(!Fault::planted_associated_executor_may_throw) {
    if constexpr (Fault::planted_associated_executor_is_candidate) {
      return candidate;
    } else {
      return b.get_executor();
    }
  }
};

template <class T, class Executor, class Fault, class Candidate>
struct conformance::kit::lib::associated_allocator<conformance::kit::faulty_executor_binder<T, Executor, Fault>,
                                                   Candidate> {
  using type = std::conditional_t<Fault::planted_associated_allocator_is_candidate, Candidate,
                                  typename conformance::kit::lib::associated_allocator<T, Candidate>::type>;
  static type get(const conformance::kit::faulty_executor_binder<T, Executor, Fault>& b,
                  const Candidate& candidate = Candidate()) noexcept(!Fault::planted_associated_allocator_may_throw) {
    if constexpr (Fault::planted_associated_allocator_is_candidate) {
      return candidate;
    } else {
      return conformance::kit::lib::associated_allocator<T, Candidate>::get(b.get(), candidate);
    }
  }
};
