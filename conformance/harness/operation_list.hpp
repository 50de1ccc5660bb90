// operation_list<Ops...>: a list of operation descriptors (or of handler-executor fixtures)
// that a rule is registered for, one case per element; and lists made of lists.
#pragma once

#include <type_traits>

namespace conformance {

template <class... Operations>
struct operation_list {};

namespace detail {

template <class... Lists>
struct concatenated;

template <>
struct concatenated<> {
  using type = operation_list<>;
};

template <class... Ops>
struct concatenated<operation_list<Ops...>> {
  using type = operation_list<Ops...>;
};

template <class... Ops1, class... Ops2, class... Rest>
struct concatenated<operation_list<Ops1...>, operation_list<Ops2...>, Rest...>
    : concatenated<operation_list<Ops1..., Ops2...>, Rest...> {};

template <template <class> class Keep, class List>
struct selected;

template <template <class> class Keep, class... Ops>
struct selected<Keep, operation_list<Ops...>>
    : concatenated<std::conditional_t<Keep<Ops>::value, operation_list<Ops>, operation_list<>>...> {};

}  // namespace detail

// The elements of all Lists, in order.
template <class... Lists>
using concatenated_t = typename detail::concatenated<Lists...>::type;

// The elements of List for which Keep<Op>::value holds, in their order.
template <template <class> class Keep, class List>
using selected_t = typename detail::selected<Keep, List>::type;

// List when Condition holds (a capability the binding declares, say), else the empty list.
template <bool Condition, class List>
using only_if_t = std::conditional_t<Condition, List, operation_list<>>;

}  // namespace conformance
