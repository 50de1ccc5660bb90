// async_initiate ([asio.async.token.signatures], [asio.async.token.initiate]) over the base
// library's, with one planted fault: sound_async_initiate is the correct behaviour (every
// planted_ switch off), and each fault below turns one on. A mutant declared with
// kit_fault = "async_initiate:<fault>" (mutants.bzl) puts it in place of the library's
// (async_initiate_fault_binding.hpp).
#pragma once

#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_async_initiate {
  static constexpr bool planted_first_signature_only = false;
  static constexpr bool planted_handler_as_lvalue = false;
  static constexpr bool planted_arguments_as_lvalues = false;
  static constexpr bool planted_handler_unmovable = false;
  static constexpr bool planted_result_replaced = false;
};

// Only the first of several completion signatures reaches async_result.
struct async_initiate_first_signature_only : sound_async_initiate {
  static constexpr bool planted_first_signature_only = true;
};

// The initiation receives the handler as an lvalue.
struct async_initiate_handler_as_lvalue : sound_async_initiate {
  static constexpr bool planted_handler_as_lvalue = true;
};
// The initiation receives every argument as an lvalue.
struct async_initiate_arguments_as_lvalues : sound_async_initiate {
  static constexpr bool planted_arguments_as_lvalues = true;
};
// The initiation receives the handler wrapped in an object that cannot be moved.
struct async_initiate_handler_unmovable : sound_async_initiate {
  static constexpr bool planted_handler_unmovable = true;
};
// async_initiate returns a value-initialised result instead of what initiate returned.
struct async_initiate_result_replaced : sound_async_initiate {
  static constexpr bool planted_result_replaced = true;
};

// A handler that can be called but neither moved nor copied.
template <class Handler>
class unmovable_handler {
 public:
  explicit unmovable_handler(Handler&& handler) : handler_(std::move(handler)) {}
  unmovable_handler(unmovable_handler&&) = delete;
  template <class... Args>
  decltype(auto) operator()(Args&&... args) {
    return std::move(handler_)(std::forward<Args>(args)...);
  }

 private:
  Handler handler_;
};

// The initiation, with the handler and arguments passed on as the fault says.
template <class Initiation, class Fault>
struct faulty_initiation {
  Initiation initiation;
  template <class Handler, class... Args>
  void operator()(Handler&& handler, Args&&... args) {
    if constexpr (Fault::planted_handler_unmovable) {
      unmovable_handler<std::decay_t<Handler>> wrapped(std::move(handler));
      std::move(initiation)(std::move(wrapped), std::forward<Args>(args)...);
    } else if constexpr (Fault::planted_handler_as_lvalue) {
      std::move(initiation)(handler, std::forward<Args>(args)...);
    } else if constexpr (Fault::planted_arguments_as_lvalues) {
      std::move(initiation)(std::forward<Handler>(handler), args...);
    } else {
      std::move(initiation)(std::forward<Handler>(handler), std::forward<Args>(args)...);
    }
  }
};

template <class Fault>
inline constexpr bool wraps_initiation =
    Fault::planted_handler_as_lvalue || Fault::planted_arguments_as_lvalues || Fault::planted_handler_unmovable;

template <class Fault>
struct faulty_async_initiate {
  template <class CompletionToken, class First, class... Rest, class Initiation, class... Args>
  static decltype(auto) call(Initiation&& initiation, CompletionToken& token, Args&&... args) {
    if constexpr (Fault::planted_first_signature_only) {
      return lib::async_initiate<CompletionToken, First>(std::forward<Initiation>(initiation), token,
                                                         std::forward<Args>(args)...);
    } else if constexpr (wraps_initiation<Fault>) {
      return lib::async_initiate<CompletionToken, First, Rest...>(
          faulty_initiation<std::decay_t<Initiation>, Fault>{std::forward<Initiation>(initiation)}, token,
          std::forward<Args>(args)...);
    } else if constexpr (Fault::planted_result_replaced) {
      using result = decltype(lib::async_initiate<CompletionToken, First, Rest...>(std::forward<Initiation>(initiation),
                                                                                   token, std::forward<Args>(args)...));
      if constexpr (std::is_void_v<result>) {
        lib::async_initiate<CompletionToken, First, Rest...>(std::forward<Initiation>(initiation), token,
                                                             std::forward<Args>(args)...);
      } else {
        lib::async_initiate<CompletionToken, First, Rest...>(std::forward<Initiation>(initiation), token,
                                                             std::forward<Args>(args)...);
        return std::decay_t<result>();
      }
    } else {
      return lib::async_initiate<CompletionToken, First, Rest...>(std::forward<Initiation>(initiation), token,
                                                                  std::forward<Args>(args)...);
    }
  }
};

}  // namespace conformance::kit
