// The three ways a function is submitted to an executor ([async.reqmts.executor] rows
// dispatch, post and defer), as values a rule can be written once for, and the call itself,
// made under an initiation_guard so that the function can tell it ran inside the call.
#pragma once

#include <string_view>
#include <utility>

#include "conformance/harness/probes/initiation_guard.hpp"

namespace conformance::executors {

enum class submission { dispatch, post, defer };

constexpr std::string_view member_name(submission how) {
  switch (how) {
    case submission::dispatch:
      return "dispatch";
    case submission::post:
      return "post";
    case submission::defer:
      return "defer";
  }
  return "?";
}

template <submission How, class Executor, class Function, class ProtoAllocator>
void submit(const Executor& ex, Function&& f, const ProtoAllocator& a) {
  const initiation_guard inside;
  if constexpr (How == submission::dispatch) {
    ex.dispatch(std::forward<Function>(f), a);
  } else if constexpr (How == submission::post) {
    ex.post(std::forward<Function>(f), a);
  } else {
    ex.defer(std::forward<Function>(f), a);
  }
}

}  // namespace conformance::executors
