// async_completion ([async.async.completion]) written on the base library's async_result, with
// one planted fault: sound_async_completion is the correct behaviour (every planted_ switch
// off), and each fault below turns one on. A mutant declared with
// kit_fault = "async_completion:<fault>" (mutants.bzl) puts it in place of the library's
// (async_completion_fault_binding.hpp).
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_async_completion {
  static constexpr bool planted_copyable = false;
  static constexpr bool planted_void_signatures_only = false;
  static constexpr bool planted_always_copies_handler = false;
  static constexpr bool planted_moves_lvalue_token = false;
  static constexpr bool planted_result_from_another_handler = false;
};

// Can be copied.
struct async_completion_copyable : sound_async_completion {
  static constexpr bool planted_copyable = true;
};
// Names nothing for a signature whose result is not void.
struct async_completion_void_signatures_only : sound_async_completion {
  static constexpr bool planted_void_signatures_only = true;
};
// completion_handler is always a handler object, never a reference bound to the token.
struct async_completion_always_copies_handler : sound_async_completion {
  static constexpr bool planted_always_copies_handler = true;
};
// Builds the handler from std::move(t) even when CompletionToken is an lvalue reference type.
struct async_completion_moves_lvalue_token : sound_async_completion {
  static constexpr bool planted_moves_lvalue_token = true;
};
// Constructs result from a handler of its own, not from completion_handler.
struct async_completion_result_from_another_handler : sound_async_completion {
  static constexpr bool planted_result_from_another_handler = true;
};

template <class CompletionToken, class Signature, class Fault>
struct sound_shaped_async_completion {
  using completion_handler_type =
      typename lib::async_result<std::decay_t<CompletionToken>, Signature>::completion_handler_type;

 private:
  static constexpr bool bound =
      std::is_same_v<CompletionToken, completion_handler_type> && !Fault::planted_always_copies_handler;
  using member = std::conditional_t<bound, completion_handler_type&, completion_handler_type>;
  using forwarded = std::conditional_t<Fault::planted_moves_lvalue_token, std::remove_reference_t<CompletionToken>&&,
                                       CompletionToken&&>;

 public:
  explicit sound_shaped_async_completion(CompletionToken& t)
      : completion_handler(static_cast<std::conditional_t<bound, completion_handler_type&, forwarded>>(t)),
        other_handler_(another(completion_handler)),
        result(Fault::planted_result_from_another_handler ? *other_handler_ : completion_handler) {}
  sound_shaped_async_completion(const sound_shaped_async_completion& other)
    requires(Fault::planted_copyable)
      : completion_handler(other.completion_handler), result(completion_handler) {}

  member completion_handler;

 private:
  // A copy of the handler, made only when the fault constructs result from it.
  static std::optional<completion_handler_type> another(const completion_handler_type& handler) {
    if constexpr (Fault::planted_result_from_another_handler) {
      return handler;
    } else {
      return std::nullopt;
    }
  }

  std::optional<completion_handler_type> other_handler_;

 public:
  lib::async_result<std::decay_t<CompletionToken>, Signature> result;
};

template <class Signature>
inline constexpr bool completion_returns_void = false;
template <class... Args>
inline constexpr bool completion_returns_void<void(Args...)> = true;

// Nothing at all, for the signatures the planted fault refuses.
struct refused_async_completion {};

template <class CompletionToken, class Signature, class Fault>
using faulty_async_completion =
    std::conditional_t<Fault::planted_void_signatures_only && !completion_returns_void<Signature>,
                       refused_async_completion, sound_shaped_async_completion<CompletionToken, Signature, Fault>>;

}  // namespace conformance::kit
