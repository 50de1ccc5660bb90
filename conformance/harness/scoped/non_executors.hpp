// Arguments that are no executor and no execution context, for the rules on the overloads that
// must take part in overload resolution only for one of those ([async.post] p8 and p11 and their
// likes in [async.dispatch], [async.defer] and [async.bind.executor]). A scoped header
// (conformance/harness/scoped/BUILD.bazel): only the units that use it see it.
#pragma once

#include "conformance/harness/target_description.hpp"

namespace conformance {

// Neither an executor nor an execution context.
struct not_an_executor {};

// Has what a function's (ctx, ...) form uses of a context, executor_type and get_executor(), but
// is no execution_context. Never called: only named in unevaluated calls.
struct context_lookalike {
  using executor_type = net::io_context::executor_type;
  executor_type get_executor() const noexcept;
};

}  // namespace conformance
