// executor_arg_t and executor_arg ([async.executor.arg]) with one planted fault: sound_executor_arg
// is the correct behaviour (every planted_ switch off), and each fault below turns one on. A
// mutant declared with kit_fault = "executor_arg:<fault>" (mutants.bzl) puts them in place of
// the library's (executor_arg_fault_binding.hpp); the library's own facilities keep its tag.
#pragma once

#include <type_traits>

namespace conformance::kit {

struct sound_executor_arg {
  static constexpr bool planted_tag_holds_state = false;
  static constexpr bool planted_constant_not_const = false;
};

struct executor_arg_tag_holds_state : sound_executor_arg {
  static constexpr bool planted_tag_holds_state = true;
};
struct executor_arg_constant_not_const : sound_executor_arg {
  static constexpr bool planted_constant_not_const = true;
};

struct empty_executor_arg_tag {
  constexpr empty_executor_arg_tag() noexcept = default;
};
struct executor_arg_tag_with_state {
  int state = 0;
  constexpr executor_arg_tag_with_state() noexcept = default;
};

template <class Fault>
using faulty_executor_arg_t =
    std::conditional_t<Fault::planted_tag_holds_state, executor_arg_tag_with_state, empty_executor_arg_tag>;

template <class Fault>
using faulty_executor_arg_constant_type =
    std::conditional_t<Fault::planted_constant_not_const, faulty_executor_arg_t<Fault>,
                       const faulty_executor_arg_t<Fault>>;

}  // namespace conformance::kit
