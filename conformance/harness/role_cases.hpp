// Which cases a target registers when it judges a third party's executors in the roles of ex1
// and ex2 (executor_roles.hpp): light, for rule.hpp, which every rule unit includes.
#pragma once

#include <type_traits>

#include "conformance/harness/target_description.hpp"

namespace conformance::executor_roles {

// The base of every role fixture.
struct role_fixture {};

template <class Fixture>
constexpr bool is_role_fixture = std::is_base_of_v<role_fixture, Fixture>;

// Whether a case with these fixtures is registered in this target: every case outside a role
// target (whose identity header defines CONFORMANCE_EXECUTOR_ROLES); in one, the cases of the
// executor rules (whose "operations" are the subjects, with their traits) and the cases with a
// role fixture.
template <class Operation, class... Fixtures>
constexpr bool registered_here() {
#ifdef CONFORMANCE_EXECUTOR_ROLES
  return requires { Operation::traits; } || (is_role_fixture<Fixtures> || ...);
#else
  return true;
#endif
}

}  // namespace conformance::executor_roles
