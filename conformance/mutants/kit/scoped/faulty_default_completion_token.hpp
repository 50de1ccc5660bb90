// default_completion_token ([asio.async.token.default]) with one planted fault:
// sound_default_completion_token is the documented behaviour (every planted_ switch off), and
// each fault below turns one on. A mutant declared with kit_fault = "default_token:<fault>"
// (mutants.bzl) puts it in place of the library's (default_token_fault_binding.hpp).
#pragma once

#include <type_traits>

namespace conformance::kit {

struct sound_default_completion_token {
  static constexpr bool planted_unspecialised_names_a_token = false;
  static constexpr bool planted_ignores_nested_token = false;
};

// Where nothing names a default, a token type of the library's own (as Asio 1.31 and later do).
struct default_token_unspecialised_names_a_token : sound_default_completion_token {
  static constexpr bool planted_unspecialised_names_a_token = true;
};
// T::default_completion_token_type is ignored.
struct default_token_ignores_nested_token : sound_default_completion_token {
  static constexpr bool planted_ignores_nested_token = true;
};

// The token type the first fault names.
struct library_default_token {};

template <class T, class Fault>
struct faulty_default_completion_token {
  using type = std::conditional_t<Fault::planted_unspecialised_names_a_token, library_default_token, void>;
};
template <class T, class Fault>
  requires requires { typename T::default_completion_token_type; } && (!Fault::planted_ignores_nested_token)
struct faulty_default_completion_token<T, Fault> {
  using type = typename T::default_completion_token_type;
};

}  // namespace conformance::kit
