// async_result ([async.async.result]) over the base library's own, with one planted fault:
// every specialisation (the primary template's and the library's own, for executor_binder,
// use_future_t and packaged_task) is wrapped so that the fault reaches them all;
// sound_async_result is the correct behaviour (every planted_ switch off). A mutant declared
// with kit_fault = "async_result:<fault>" (mutants.bzl) puts it in place of the library's
// (async_result_fault_binding.hpp).
#pragma once

#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_async_result {
  static constexpr bool planted_return_type_int = false;
  static constexpr bool planted_copyable = false;
  static constexpr bool planted_void_signatures_only = false;
  static constexpr bool planted_not_destructible = false;
  static constexpr bool planted_handler_not_from_rvalue_token = false;
  static constexpr bool planted_get_returns_other_type = false;
  static constexpr bool planted_return_type_immovable = false;
  static constexpr bool planted_constructed_from_rvalue_only = false;
};

// return_type int (get() returning 0) where the library's is void.
struct async_result_return_type_int : sound_async_result {
  static constexpr bool planted_return_type_int = true;
};
// Can be copied.
struct async_result_copyable : sound_async_result {
  static constexpr bool planted_copyable = true;
};
// Names nothing for a signature whose result is not void.
struct async_result_void_signatures_only : sound_async_result {
  static constexpr bool planted_void_signatures_only = true;
};
// Its destructor is deleted.
struct async_result_not_destructible : sound_async_result {
  static constexpr bool planted_not_destructible = true;
};
// completion_handler_type cannot be constructed from an rvalue token, only from an lvalue.
struct async_result_handler_not_from_rvalue_token : sound_async_result {
  static constexpr bool planted_handler_not_from_rvalue_token = true;
};
// get() returns a type other than return_type.
struct async_result_get_returns_other_type : sound_async_result {
  static constexpr bool planted_get_returns_other_type = true;
};
// return_type can be neither moved nor copied.
struct async_result_return_type_immovable : sound_async_result {
  static constexpr bool planted_return_type_immovable = true;
};
// Constructed from an rvalue handler only, not from the lvalue h of R r(h).
struct async_result_constructed_from_rvalue_only : sound_async_result {
  static constexpr bool planted_constructed_from_rvalue_only = true;
};

// A return value that can be neither moved nor copied.
struct pinned_value {
  pinned_value() = default;
  pinned_value(const pinned_value&) = delete;
};

// The library's handler type, accepting the token only as an lvalue.
template <class Handler, class Token>
struct lvalue_token_handler : Handler {
  explicit lvalue_token_handler(const Token& token)
    requires std::is_constructible_v<Handler, const Token&>
      : Handler(token) {}
  lvalue_token_handler(Token&&) = delete;
};

template <class Signature>
inline constexpr bool returns_void = false;
template <class... Args>
inline constexpr bool returns_void<void(Args...)> = true;

template <class Inner, class Token, class Fault>
class delegating_async_result {
  using inner_handler = typename Inner::completion_handler_type;
  using inner_return = typename Inner::return_type;

 public:
  using completion_handler_type =
      std::conditional_t<Fault::planted_handler_not_from_rvalue_token && std::is_class_v<inner_handler> &&
                             !std::is_final_v<inner_handler>,
                         lvalue_token_handler<inner_handler, Token>, inner_handler>;
  using return_type =
      std::conditional_t<Fault::planted_return_type_immovable, pinned_value,
                         std::conditional_t<Fault::planted_return_type_int && std::is_void_v<inner_return>, int,
                                            inner_return>>;

  explicit delegating_async_result(completion_handler_type& h)
    requires(!Fault::planted_constructed_from_rvalue_only)
      : handler_(&h), inner_(h) {}
  explicit delegating_async_result(completion_handler_type&& h)
    requires(Fault::planted_constructed_from_rvalue_only)
      : handler_(&h), inner_(h) {}
  delegating_async_result(const delegating_async_result& other)
    requires(Fault::planted_copyable)
      : handler_(other.handler_), inner_(*other.handler_) {}
  delegating_async_result& operator=(const delegating_async_result&)
    requires(Fault::planted_copyable)
  {
    return *this;
  }
  ~delegating_async_result()
    requires(Fault::planted_not_destructible)
  = delete;
  ~delegating_async_result()
    requires(!Fault::planted_not_destructible)
  = default;

  std::conditional_t<Fault::planted_get_returns_other_type, const void*, return_type> get() {
    if constexpr (Fault::planted_get_returns_other_type) {
      return nullptr;
    } else if constexpr (Fault::planted_return_type_immovable) {
      return pinned_value{};
    } else if constexpr (std::is_same_v<return_type, inner_return>) {
      return inner_.get();
    } else {
      inner_.get();
      return return_type{};
    }
  }

 private:
  completion_handler_type* handler_;
  Inner inner_;
};

// Nothing at all, for the signatures the planted fault refuses.
struct refused_async_result {};

template <class Token, class Signature, class Fault>
using faulty_async_result =
    std::conditional_t<Fault::planted_void_signatures_only && !returns_void<Signature>, refused_async_result,
                       delegating_async_result<lib::async_result<Token, Signature>, Token, Fault>>;

}  // namespace conformance::kit
