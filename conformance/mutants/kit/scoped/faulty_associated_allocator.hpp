// associated_allocator and get_associated_allocator ([async.assoc.alloc] and its sub-clauses)
// written against the base library, with one planted fault: sound_associated_allocator is the
// correct behaviour (every planted_ switch off), and each fault below turns one on. A mutant
// declared with kit_fault = "associated_allocator:<fault>" (mutants.bzl) puts them in place of
// the library's (associated_allocator_fault_binding.hpp).
#pragma once

#include <memory>
#include <type_traits>

namespace conformance::kit {

struct sound_associated_allocator {
  static constexpr bool planted_default_candidate_for_int = false;
  static constexpr bool planted_get_may_throw = false;
  static constexpr bool planted_ignores_own_allocator = false;
  static constexpr bool planted_names_source_type = false;
  static constexpr bool planted_function_ignores_candidate = false;
  static constexpr bool planted_source_form_ignores_own = false;
};

struct associated_allocator_default_candidate_for_int : sound_associated_allocator {
  static constexpr bool planted_default_candidate_for_int = true;
};
struct associated_allocator_get_may_throw : sound_associated_allocator {
  static constexpr bool planted_get_may_throw = true;
};
struct associated_allocator_ignores_own_allocator : sound_associated_allocator {
  static constexpr bool planted_ignores_own_allocator = true;
};
struct associated_allocator_names_source_type : sound_associated_allocator {
  static constexpr bool planted_names_source_type = true;
};
struct get_associated_allocator_ignores_candidate : sound_associated_allocator {
  static constexpr bool planted_function_ignores_candidate = true;
};
struct get_associated_allocator_source_form_ignores_own : sound_associated_allocator {
  static constexpr bool planted_source_form_ignores_own = true;
};

template <class Fault>
using faulty_default_allocator =
    std::conditional_t<Fault::planted_default_candidate_for_int, std::allocator<int>, std::allocator<void>>;

namespace detail {
template <class T, class Candidate, bool Own>
struct allocator_type_of {
  using type = Candidate;
};
template <class T, class Candidate>
struct allocator_type_of<T, Candidate, true> {
  using type = typename T::allocator_type;
};
}  // namespace detail

template <class T, class Candidate, class Fault>
struct faulty_associated_allocator {
  static constexpr bool own = requires { typename T::allocator_type; } && !Fault::planted_ignores_own_allocator;
  // With the fault, a source without an allocator of its own is named (and given) itself.
  static constexpr bool itself = !own && Fault::planted_names_source_type;
  using type = std::conditional_t<itself, T, typename detail::allocator_type_of<T, Candidate, own>::type>;
  static type get(const T& t, const Candidate& candidate = Candidate()) noexcept(!Fault::planted_get_may_throw) {
    if constexpr (own) {
      return t.get_allocator();
    } else if constexpr (itself) {
      return t;
    } else {
      return candidate;
    }
  }
};

template <class Fault>
struct faulty_get_associated_allocator {
  template <class T>
  auto operator()(const T& t) const noexcept {
    if constexpr (Fault::planted_source_form_ignores_own) {
      return faulty_default_allocator<Fault>();
    } else {
      return faulty_associated_allocator<T, faulty_default_allocator<Fault>, Fault>::get(t);
    }
  }
  template <class T, class ProtoAllocator>
  auto operator()(const T& t, const ProtoAllocator& candidate) const noexcept {
    if constexpr (Fault::planted_function_ignores_candidate) {
      return (*this)(t);
    } else {
      return faulty_associated_allocator<T, ProtoAllocator, Fault>::get(t, candidate);
    }
  }
};

}  // namespace conformance::kit
