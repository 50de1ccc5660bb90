// uses_executor ([async.uses.executor.trait]) with one planted fault: sound_uses_executor is the
// TS's detection (every planted_ switch off), and each fault below turns one on. A mutant
// declared with kit_fault = "uses_executor:<fault>" (mutants.bzl) puts it in place of the
// library's (uses_executor_fault_binding.hpp); the library's own facilities keep its trait.
#pragma once

#include <type_traits>

namespace conformance::kit {

struct sound_uses_executor {
  static constexpr bool planted_always_false = false;
  static constexpr bool planted_ignores_convertibility = false;
  static constexpr bool planted_not_integral_constant = false;
  static constexpr bool planted_not_a_class = false;
};

// false whatever T is (Asio's documented definition, a fault under the TS).
struct uses_executor_always_false : sound_uses_executor {
  static constexpr bool planted_always_false = true;
};
// true whenever T::executor_type exists, whether or not Executor converts to it.
struct uses_executor_ignores_convertibility : sound_uses_executor {
  static constexpr bool planted_ignores_convertibility = true;
};
// A class with a value member, not derived from integral_constant.
struct uses_executor_not_integral_constant : sound_uses_executor {
  static constexpr bool planted_not_integral_constant = true;
};
// Not a class at all.
struct uses_executor_not_a_class : sound_uses_executor {
  static constexpr bool planted_not_a_class = true;
};

template <class T, class Executor, class = void>
struct executor_type_of {
  static constexpr bool exists = false;
  static constexpr bool converts = false;
};
template <class T, class Executor>
struct executor_type_of<T, Executor, std::void_t<typename T::executor_type>> {
  static constexpr bool exists = true;
  static constexpr bool converts = std::is_convertible_v<Executor, typename T::executor_type>;
};

template <class T, class Executor, class Fault>
inline constexpr bool faulty_uses_executor_value =
    !Fault::planted_always_false && (Fault::planted_ignores_convertibility ? executor_type_of<T, Executor>::exists
                                                                          : executor_type_of<T, Executor>::converts);

template <bool Value>
struct bare_value {
  static constexpr bool value = Value;
};

template <class T, class Executor, class Fault>
using faulty_uses_executor =
    std::conditional_t<Fault::planted_not_a_class, int,
                       std::conditional_t<Fault::planted_not_integral_constant,
                                          bare_value<faulty_uses_executor_value<T, Executor, Fault>>,
                                          std::bool_constant<faulty_uses_executor_value<T, Executor, Fault>>>>;

}  // namespace conformance::kit
