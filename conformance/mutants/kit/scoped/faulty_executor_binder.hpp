// executor_binder and bind_executor ([async.exec.binder], [async.bind.executor]) written on
// the base library's names, with one planted fault: sound_executor_binder is the correct
// behaviour (every planted_ switch off), and each fault below turns one on. A mutant declared
// with kit_fault = "executor_binder:<fault>" (mutants.bzl) puts them in place of the library's
// (executor_binder_fault_binding.hpp). A class of its own rather than one derived from the
// library's binder, so that the faults can reach how the target is built.
#pragma once

#include <functional>
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
  static constexpr bool planted_target_built_plainly = false;
  static constexpr bool planted_executor_arg_keeps_other_executor = false;
  static constexpr bool planted_converting_copy_moves_target = false;
  static constexpr bool planted_invokes_target_as_rvalue = false;
  static constexpr bool planted_call_returns_decayed = false;
  static constexpr bool planted_result_handler_not_rebound = false;
  static constexpr bool planted_result_built_from_copy = false;
  static constexpr bool planted_result_get_default = false;
  static constexpr bool planted_passes_executor_regardless = false;
  static constexpr bool planted_converts_anything = false;
  static constexpr bool planted_drops_argument_without_executor_constructor = false;
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
// Every constructor builds the target from the argument alone, ignoring uses_executor.
struct binder_target_built_plainly : sound_executor_binder {
  static constexpr bool planted_target_built_plainly = true;
};
// executor_binder(executor_arg, ex, other) keeps other's executor.
struct binder_executor_arg_keeps_other_executor : sound_executor_binder {
  static constexpr bool planted_executor_arg_keeps_other_executor = true;
};
// The converting copy constructor moves from other's target.
struct binder_converting_copy_moves_target : sound_executor_binder {
  static constexpr bool planted_converting_copy_moves_target = true;
};
// An rvalue binder calls its target as an rvalue.
struct binder_invokes_target_as_rvalue : sound_executor_binder {
  static constexpr bool planted_invokes_target_as_rvalue = true;
};
// The call returns a copy of the target's result, not the result itself.
struct binder_call_returns_decayed : sound_executor_binder {
  static constexpr bool planted_call_returns_decayed = true;
};
// Passes (executor_arg, ex) to every target that has such a constructor, whatever uses_executor
// says.
struct binder_passes_executor_regardless : sound_executor_binder {
  static constexpr bool planted_passes_executor_regardless = true;
};
// Builds a value-initialised target, dropping the argument, when uses_executor is true but T has
// no constructor taking the executor.
struct binder_drops_argument_without_executor_constructor : sound_executor_binder {
  static constexpr bool planted_drops_argument_without_executor_constructor = true;
};
// The converting constructors accept any other binder, value-initialising what does not convert.
struct binder_converts_anything : sound_executor_binder {
  static constexpr bool planted_converts_anything = true;
};
// async_result<binder> uses the inner handler type itself as its completion_handler_type.
struct binder_result_handler_not_rebound : sound_executor_binder {
  static constexpr bool planted_result_handler_not_rebound = true;
};
// async_result<binder> constructs the inner async_result from a copy of h.get().
struct binder_result_built_from_copy : sound_executor_binder {
  static constexpr bool planted_result_built_from_copy = true;
};
// async_result<binder>::get() returns a value-initialised return_type.
struct binder_result_get_default : sound_executor_binder {
  static constexpr bool planted_result_get_default = true;
};

template <class T, class Executor, class Fault>
class faulty_executor_binder {
  template <class Callee, class... Args>
  using result = std::conditional_t<Fault::planted_call_returns_decayed, std::decay_t<std::invoke_result_t<Callee, Args...>>,
                                    std::invoke_result_t<Callee, Args...>>;

 public:
  using target_type = std::conditional_t<Fault::planted_target_type_void, void, T>;
  using executor_type = Executor;

  faulty_executor_binder(T t, const Executor& ex) : executor_(ex), target_(build(ex, std::move(t))) {}
  template <class U>
  faulty_executor_binder(lib::executor_arg_t, const Executor& ex, U&& u)
      : executor_(ex), target_(build(ex, std::forward<U>(u))) {}
  faulty_executor_binder(const faulty_executor_binder&) = default;
  faulty_executor_binder(faulty_executor_binder&&) = default;
  template <class U, class OtherExecutor>
    requires Fault::planted_converts_anything ||
             (std::is_convertible_v<const U&, T> && std::is_convertible_v<const OtherExecutor&, Executor>)
  faulty_executor_binder(const faulty_executor_binder<U, OtherExecutor, Fault>& other)
      : executor_(converted<Executor>(other.get_executor())), target_(build(executor_, copied_or_moved(other))) {}
  template <class U, class OtherExecutor>
    requires Fault::planted_converts_anything ||
             (std::is_convertible_v<U&&, T> && std::is_convertible_v<OtherExecutor&&, Executor>)
  faulty_executor_binder(faulty_executor_binder<U, OtherExecutor, Fault>&& other)
      : executor_(converted<Executor>(other.get_executor())), target_(build(executor_, std::move(other.get()))) {}
  template <class U, class OtherExecutor>
    requires Fault::planted_converts_anything || std::is_convertible_v<const U&, T>
  faulty_executor_binder(lib::executor_arg_t, const Executor& ex, const faulty_executor_binder<U, OtherExecutor, Fault>& other)
      : executor_(chosen(ex, other)), target_(build(executor_, other.get())) {}
  template <class U, class OtherExecutor>
    requires Fault::planted_converts_anything || std::is_convertible_v<U&&, T>
  faulty_executor_binder(lib::executor_arg_t, const Executor& ex, faulty_executor_binder<U, OtherExecutor, Fault>&& other)
      : executor_(chosen(ex, other)), target_(build(executor_, std::move(other.get()))) {}

  std::conditional_t<Fault::planted_get_returns_copy, T, T&> get() noexcept { return target_; }
  std::conditional_t<Fault::planted_get_returns_copy, T, const T&> get() const noexcept { return target_; }

  // The executor the first binder of this type was made with, whatever this one holds.
  Executor get_executor() const noexcept {
    if constexpr (Fault::planted_get_executor_returns_first) {
      static const Executor first = executor_;
      return first;
    } else {
      return executor_;
    }
  }

  template <class... Args>
  auto operator()(Args&&... args) & -> result<T&, Args...> {
    return std::invoke(target_, std::forward<Args>(args)...);
  }
  template <class... Args>
  auto operator()(Args&&... args) const& -> result<const T&, Args...> {
    return std::invoke(target_, std::forward<Args>(args)...);
  }
  template <class... Args>
  auto operator()(Args&&... args) && -> result<std::conditional_t<Fault::planted_invokes_target_as_rvalue, T&&, T&>, Args...> {
    if constexpr (Fault::planted_invokes_target_as_rvalue) {
      return std::invoke(std::move(target_), std::forward<Args>(args)...);
    } else {
      return std::invoke(target_, std::forward<Args>(args)...);
    }
  }
  template <class... Args>
  auto operator()(Args&&... args) const&& -> result<const T&, Args...> {
    return std::invoke(target_, std::forward<Args>(args)...);
  }

 private:
  template <class, class, class>
  friend class faulty_executor_binder;

  // Uses-executor construction ([async.uses.executor.cons]), unless the fault skips it.
  // x as a To, or (with the fault, for what does not convert) a value-initialised To.
  template <class To, class From>
  static To converted(From&& x) {
    if constexpr (std::is_constructible_v<To, From&&> || !Fault::planted_converts_anything) {
      return To(std::forward<From>(x));
    } else {
      return To();
    }
  }

  template <class U>
  static T build(const Executor& ex, U&& u) {
    constexpr bool uses = Fault::planted_passes_executor_regardless || lib::uses_executor_v<T, Executor>;
    constexpr bool constructible = std::is_constructible_v<T, lib::executor_arg_t, const Executor&, U&&>;
    if constexpr (Fault::planted_drops_argument_without_executor_constructor && uses && !constructible &&
                  std::is_default_constructible_v<T>) {
      return T{};
    } else if constexpr (!Fault::planted_target_built_plainly && uses && constructible) {
      return T(lib::executor_arg, ex, std::forward<U>(u));
    } else {
      return converted<T>(std::forward<U>(u));
    }
  }
  template <class Other>
  static decltype(auto) copied_or_moved(const Other& other) {
    if constexpr (Fault::planted_converting_copy_moves_target) {
      return std::move(const_cast<Other&>(other).get());
    } else {
      return other.get();
    }
  }
  template <class Other>
  static Executor chosen(const Executor& ex, const Other& other) {
    if constexpr (Fault::planted_executor_arg_keeps_other_executor) {
      return converted<Executor>(other.get_executor());
    } else {
      return ex;
    }
  }

  Executor executor_;
  T target_;
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

// The async_result for a faulty binder, in the TS form: the inner handler type rebound to the
// executor, the inner return type, construction from h.get() and get() passed through.
template <class T, class Executor, class Fault, class Signature>
class conformance::kit::lib::async_result<conformance::kit::faulty_executor_binder<T, Executor, Fault>, Signature> {
  using inner = conformance::kit::lib::async_result<T, Signature>;
  using inner_handler = typename inner::completion_handler_type;

 public:
  using completion_handler_type =
      std::conditional_t<Fault::planted_result_handler_not_rebound, inner_handler,
                         conformance::kit::faulty_executor_binder<inner_handler, Executor, Fault>>;
  using return_type = typename inner::return_type;

  explicit async_result(conformance::kit::faulty_executor_binder<inner_handler, Executor, Fault>& h)
      : target_(inner_from(h.get())) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() {
    if constexpr (Fault::planted_result_get_default) {
      return return_type{};
    } else {
      return target_.get();
    }
  }

 private:
  static inner inner_from(inner_handler& handler) {
    if constexpr (Fault::planted_result_built_from_copy) {
      inner_handler copy(handler);
      return inner(copy);
    } else {
      return inner(handler);
    }
  }

  inner target_;
};
