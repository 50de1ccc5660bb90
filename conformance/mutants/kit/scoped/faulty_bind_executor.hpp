// bind_executor ([async.bind.executor]) written against the base library's executor_binder, with
// one planted fault: sound_bind_executor is the correct behaviour (every planted_ switch off),
// and each fault below turns one on. A mutant declared with kit_fault = "bind_executor:<fault>"
// (mutants.bzl) puts it in place of the library's (bind_executor_fault_binding.hpp).
#pragma once

#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_bind_executor {
  static constexpr bool planted_moves_lvalue_target = false;
  static constexpr bool planted_unconstrained = false;
  static constexpr bool planted_context_form_binds_system_executor = false;
};

struct bind_executor_moves_lvalue_target : sound_bind_executor {
  static constexpr bool planted_moves_lvalue_target = true;
};
struct bind_executor_unconstrained : sound_bind_executor {
  static constexpr bool planted_unconstrained = true;
};
struct bind_executor_binds_context_form_to_system_executor : sound_bind_executor {
  static constexpr bool planted_context_form_binds_system_executor = true;
};

template <class Fault>
class faulty_bind_executor {
 public:
  // Both forms in one overload, constrained by either condition (or, with the fault, not at all:
  // anything else is bound to the system executor).
  template <class Target, class T>
    requires(Fault::planted_unconstrained || lib::is_executor_v<std::decay_t<Target>> ||
             std::is_convertible_v<Target&, lib::execution_context&>)
  auto operator()(Target&& target, T&& t) const {
    if constexpr (lib::is_executor_v<std::decay_t<Target>>) {
      return bind(target, std::forward<T>(t));
    } else if constexpr (std::is_convertible_v<Target&, lib::execution_context&> &&
                         !Fault::planted_context_form_binds_system_executor) {
      return bind(target.get_executor(), std::forward<T>(t));
    } else {
      return bind(lib::system_executor(), std::forward<T>(t));
    }
  }

 private:
  template <class Executor, class T>
  static lib::executor_binder<std::decay_t<T>, Executor> bind(const Executor& executor, T&& t) {
    if constexpr (Fault::planted_moves_lvalue_target) {
      return lib::executor_binder<std::decay_t<T>, Executor>(lib::executor_arg, executor, std::move(t));
    } else {
      return lib::executor_binder<std::decay_t<T>, Executor>(lib::executor_arg, executor, std::forward<T>(t));
    }
  }
};

}  // namespace conformance::kit
