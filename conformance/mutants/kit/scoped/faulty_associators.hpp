// associated_executor and associated_allocator as associators ([async.reqmts.associator]): class
// templates X<S, C = D> with X_t and get_X beside them, written on the base library's names, with
// one planted fault shared by both: sound_associators is the correct behaviour (every planted_
// switch off), and each fault below turns one on. A mutant declared with
// kit_fault = "associators:<fault>" (mutants.bzl) puts them in place of the library's
// (associators_fault_binding.hpp).
#pragma once

#include <memory>
#include <type_traits>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_associators {
  static constexpr bool planted_candidate_defaults_elsewhere = false;
  static constexpr bool planted_get_needs_mutable_source = false;
  static constexpr bool planted_ignores_own = false;
  static constexpr bool planted_one_argument_get_ignores_own = false;
  static constexpr bool planted_get_x_bypasses_class_template = false;
  static constexpr bool planted_alias_names_candidate = false;
};

// The candidate argument defaults to a type other than the default candidate D.
struct associators_candidate_defaults_elsewhere : sound_associators {
  static constexpr bool planted_candidate_defaults_elsewhere = true;
};
// get takes the source by non-const reference, so a const source cannot be asked.
struct associators_get_needs_mutable_source : sound_associators {
  static constexpr bool planted_get_needs_mutable_source = true;
};
// A source's own association is ignored: the type is C and get returns c.
struct associators_ignore_own : sound_associators {
  static constexpr bool planted_ignores_own = true;
};
// X<S>::get(s) returns a value-initialised associated object (where it has one), ignoring the
// source's own association that get(s, d) honours.
struct associators_one_argument_get_ignores_own : sound_associators {
  static constexpr bool planted_one_argument_get_ignores_own = true;
};
// get_X asks the source directly instead of X<S, C>, so a program's specialisation is ignored.
struct associators_get_x_bypasses_class_template : sound_associators {
  static constexpr bool planted_get_x_bypasses_class_template = true;
};
// X_t<S, C> names C whatever S is.
struct associators_alias_names_candidate : sound_associators {
  static constexpr bool planted_alias_names_candidate = true;
};

// What tells the two associators apart: how a source names and gives its own associated object,
// and the default candidate.
struct executor_association {
  template <class S>
  static constexpr bool has_own = requires { typename S::executor_type; };
  template <class S>
  using own_type = typename S::executor_type;
  template <class S>
  static auto own(const S& s) {
    return s.get_executor();
  }
  using default_candidate = lib::system_executor;
  using other_candidate = lib::strand<lib::system_executor>;
};

struct allocator_association {
  template <class S>
  static constexpr bool has_own = requires { typename S::allocator_type; };
  template <class S>
  using own_type = typename S::allocator_type;
  template <class S>
  static auto own(const S& s) {
    return s.get_allocator();
  }
  using default_candidate = std::allocator<void>;
  using other_candidate = std::allocator<int>;
};

template <class Association, class Fault>
using candidate_default =
    std::conditional_t<Fault::planted_candidate_defaults_elsewhere, typename Association::other_candidate,
                       typename Association::default_candidate>;

template <class S, class C, class Association, bool Own>
struct associated_type_of {
  using type = C;
};
template <class S, class C, class Association>
struct associated_type_of<S, C, Association, true> {
  using type = typename Association::template own_type<S>;
};

template <class S, class C, class Association, class Fault>
struct faulty_associator {
  static constexpr bool own = Association::template has_own<S> && !Fault::planted_ignores_own;
  using type = typename associated_type_of<S, C, Association, own>::type;
  using source_ref = std::conditional_t<Fault::planted_get_needs_mutable_source, S&, const S&>;

  static type get(source_ref s) noexcept {
    if constexpr (Fault::planted_one_argument_get_ignores_own && own && std::is_default_constructible_v<type>) {
      return type();
    } else {
      return get(s, C());
    }
  }
  static type get(source_ref s, const C& c) noexcept {
    if constexpr (own) {
      return Association::own(s);
    } else {
      return c;
    }
  }
};

// get_X(s, c = d): through X<S, C>::get, or around it with the fault.
template <template <class, class> class X, class Association, class Fault>
struct faulty_get_x {
  template <class S>
  auto operator()(const S& s) const noexcept {
    return (*this)(s, typename Association::default_candidate());
  }
  template <class S, class C>
  auto operator()(const S& s, const C& c) const noexcept {
    if constexpr (Fault::planted_get_x_bypasses_class_template) {
      return faulty_associator<S, C, Association, Fault>::get(s, c);
    } else {
      return X<S, C>::get(s, c);
    }
  }
};

template <template <class, class> class X, class S, class C, class Fault>
using faulty_associator_t = std::conditional_t<Fault::planted_alias_names_candidate, C, typename X<S, C>::type>;

}  // namespace conformance::kit
