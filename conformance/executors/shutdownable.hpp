// A context whose protected execution_context::shutdown() a rule can call, for
// [async.reqmts.executor] p5 (what an executor still allows once its context is shut down).
#pragma once

namespace conformance::executors {

template <class Context>
class shutdownable : public Context {
 public:
  using Context::Context;
  void shut_down() { this->shutdown(); }
};

}  // namespace conformance::executors
