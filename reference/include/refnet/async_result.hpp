// [async.async.result] async_result, [async.async.completion] async_completion, async_initiate, default_completion_token.
#pragma once

#include <type_traits>
#include <utility>

namespace refnet {

// Maps a completion token to a completion handler and to the initiating
// function's result. The primary template treats the token as the handler.
template <class CompletionToken, class... Signatures>
class async_result {
 public:
  using completion_handler_type = CompletionToken;
  using return_type = void;

  explicit async_result(completion_handler_type&) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() {}

  template <class Initiation, class RawCompletionToken, class... Args>
  static return_type initiate(Initiation&& initiation, RawCompletionToken&& token, Args&&... args) {
    std::forward<Initiation>(initiation)(std::forward<RawCompletionToken>(token), std::forward<Args>(args)...);
  }
};

// Helper for initiating functions written against the TS: it turns the token
// into a handler and keeps the async_result that produces the return value.
template <class CompletionToken, class... Signatures>
struct async_completion {
  using completion_handler_type =
      typename async_result<std::decay_t<CompletionToken>, Signatures...>::completion_handler_type;

 private:
  // When the token already is the handler it is bound by reference (no copy).
  static constexpr bool token_is_handler = std::is_same_v<CompletionToken, completion_handler_type>;
  using handler_member = std::conditional_t<token_is_handler, completion_handler_type&, completion_handler_type>;
  using token_cast = std::conditional_t<token_is_handler, completion_handler_type&, CompletionToken&&>;

 public:
  explicit async_completion(CompletionToken& token)
      : completion_handler(static_cast<token_cast>(token)), result(completion_handler) {}

  async_completion(const async_completion&) = delete;
  async_completion& operator=(const async_completion&) = delete;

  handler_member completion_handler;
  async_result<std::decay_t<CompletionToken>, Signatures...> result;
};

namespace detail {

// A specialisation "has initiate" unless naming `initiate` through a class that
// also inherits a dummy `initiate` is unambiguous (i.e. only the dummy exists).
struct initiate_probe_base {
  void initiate();
};

template <class T>
struct initiate_probe : T, initiate_probe_base {};

template <class T>
concept lacks_initiate_member = requires { &initiate_probe<T>::initiate; };

template <class T>
constexpr bool has_initiate_member() {
  if constexpr (!std::is_class_v<T> || std::is_final_v<T>) {
    return false;  // cannot be probed by derivation: use the legacy path
  } else {
    return !lacks_initiate_member<T>;
  }
}

template <class CompletionToken, class... Signatures>
concept async_result_has_initiate =
    has_initiate_member<async_result<std::decay_t<CompletionToken>, Signatures...>>();

}  // namespace detail

// The one way refnet's initiating functions produce their result: through
// async_result::initiate when the specialisation has it, else the legacy TS
// path (async_completion, then the initiation, then result.get()).
template <class CompletionToken, class... Signatures, class Initiation, class... Args>
  requires detail::async_result_has_initiate<CompletionToken, Signatures...>
decltype(auto) async_initiate(Initiation&& initiation, std::type_identity_t<CompletionToken>& token, Args&&... args) {
  return async_result<std::decay_t<CompletionToken>, Signatures...>::initiate(
      std::forward<Initiation>(initiation), static_cast<CompletionToken&&>(token), std::forward<Args>(args)...);
}

template <class CompletionToken, class... Signatures, class Initiation, class... Args>
  requires(!detail::async_result_has_initiate<CompletionToken, Signatures...>)
typename async_result<std::decay_t<CompletionToken>, Signatures...>::return_type async_initiate(
    Initiation&& initiation, std::type_identity_t<CompletionToken>& token, Args&&... args) {
  async_completion<CompletionToken, Signatures...> completion(token);
  using handler_type = typename async_completion<CompletionToken, Signatures...>::completion_handler_type;
  std::forward<Initiation>(initiation)(static_cast<handler_type&&>(completion.completion_handler),
                                       std::forward<Args>(args)...);
  return completion.result.get();
}

// The completion token an I/O object uses when none is given: the executor's
// nested default_completion_token_type, or void (no default).
template <class T>
struct default_completion_token {
  using type = void;
};

template <class T>
  requires requires { typename T::default_completion_token_type; }
struct default_completion_token<T> {
  using type = typename T::default_completion_token_type;
};

template <class T>
using default_completion_token_t = typename default_completion_token<T>::type;

}  // namespace refnet
