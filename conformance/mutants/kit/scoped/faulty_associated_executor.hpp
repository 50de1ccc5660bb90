// associated_executor and get_associated_executor ([async.assoc.exec] and its sub-clauses) written
// against the base library, with one planted fault: sound_associated_executor is the correct
// behaviour (every planted_ switch off), and each fault below turns one on. A mutant declared
// with kit_fault = "associated_executor:<fault>" (mutants.bzl) puts them in place of the
// library's (associated_executor_fault_binding.hpp).
#pragma once

#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_associated_executor {
  static constexpr bool planted_default_candidate_is_strand = false;
  static constexpr bool planted_get_may_throw = false;
  static constexpr bool planted_ignores_own_executor = false;
  static constexpr bool planted_function_ignores_candidate = false;
  static constexpr bool planted_function_unconstrained = false;
  static constexpr bool planted_context_form_uses_default = false;
  static constexpr bool planted_names_source_type = false;
  static constexpr bool planted_source_form_ignores_own = false;
};

struct associated_executor_default_candidate_is_strand : sound_associated_executor {
  static constexpr bool planted_default_candidate_is_strand = true;
};
struct associated_executor_get_may_throw : sound_associated_executor {
  static constexpr bool planted_get_may_throw = true;
};
struct associated_executor_ignores_own_executor : sound_associated_executor {
  static constexpr bool planted_ignores_own_executor = true;
};
struct get_associated_executor_ignores_candidate : sound_associated_executor {
  static constexpr bool planted_function_ignores_candidate = true;
};
struct get_associated_executor_unconstrained : sound_associated_executor {
  static constexpr bool planted_function_unconstrained = true;
};
struct get_associated_executor_context_form_uses_default : sound_associated_executor {
  static constexpr bool planted_context_form_uses_default = true;
};

struct associated_executor_names_source_type : sound_associated_executor {
  static constexpr bool planted_names_source_type = true;
};
struct get_associated_executor_source_form_ignores_own : sound_associated_executor {
  static constexpr bool planted_source_form_ignores_own = true;
};

template <class Fault>
using faulty_default_candidate =
    std::conditional_t<Fault::planted_default_candidate_is_strand, lib::strand<lib::system_executor>,
                       lib::system_executor>;

namespace detail {
template <class T, class Candidate, bool Own>
struct executor_type_of {
  using type = Candidate;
};
template <class T, class Candidate>
struct executor_type_of<T, Candidate, true> {
  using type = typename T::executor_type;
};
}  // namespace detail

template <class T, class Candidate, class Fault>
struct faulty_associated_executor {
  static constexpr bool own = requires { typename T::executor_type; } && !Fault::planted_ignores_own_executor;
  // With the fault, a source without an executor of its own is named (and given) itself.
  static constexpr bool itself = !own && Fault::planted_names_source_type;
  using type = std::conditional_t<itself, T, typename detail::executor_type_of<T, Candidate, own>::type>;
  static type get(const T& t, const Candidate& candidate = Candidate()) noexcept(!Fault::planted_get_may_throw) {
    if constexpr (own) {
      return t.get_executor();
    } else if constexpr (itself) {
      return t;
    } else {
      return candidate;
    }
  }
};

template <class Fault>
struct faulty_get_associated_executor {
  template <class T>
  auto operator()(const T& t) const noexcept {
    if constexpr (Fault::planted_source_form_ignores_own) {
      return faulty_default_candidate<Fault>();
    } else {
      return faulty_associated_executor<T, faulty_default_candidate<Fault>, Fault>::get(t);
    }
  }

  // The (t, ex) and (t, ctx) forms, in one overload constrained by either condition (or not at all).
  template <class T, class Target>
    requires(Fault::planted_function_unconstrained || lib::is_executor_v<std::decay_t<Target>> ||
             std::is_convertible_v<Target&, lib::execution_context&>)
  auto operator()(const T& t, Target&& target) const noexcept {
    if constexpr (lib::is_executor_v<std::decay_t<Target>> && !Fault::planted_function_ignores_candidate) {
      return faulty_associated_executor<T, std::decay_t<Target>, Fault>::get(t, target);
    } else if constexpr (std::is_convertible_v<Target&, lib::execution_context&> &&
                         !Fault::planted_context_form_uses_default) {
      return (*this)(t, target.get_executor());
    } else {
      return (*this)(t);
    }
  }
};

}  // namespace conformance::kit
