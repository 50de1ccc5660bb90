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
};

// Only the first of several completion signatures reaches async_result.
struct async_initiate_first_signature_only : sound_async_initiate {
  static constexpr bool planted_first_signature_only = true;
};

template <class Fault>
struct faulty_async_initiate {
  template <class CompletionToken, class First, class... Rest, class Initiation, class... Args>
  static decltype(auto) call(Initiation&& initiation, CompletionToken& token, Args&&... args) {
    if constexpr (Fault::planted_first_signature_only) {
      return lib::async_initiate<CompletionToken, First>(std::forward<Initiation>(initiation), token,
                                                         std::forward<Args>(args)...);
    } else {
      return lib::async_initiate<CompletionToken, First, Rest...>(std::forward<Initiation>(initiation), token,
                                                                  std::forward<Args>(args)...);
    }
  }
};

}  // namespace conformance::kit
