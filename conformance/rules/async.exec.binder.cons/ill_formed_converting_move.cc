// rule:   async.exec.binder.cons/converting-move-ill-formed-unless-convertible
// clause: [async.exec.binder.cons] p4
// A compile-fail rule: this translation unit must be rejected. The converting move constructor
// from executor_binder<T, OtherExecutor> with an OtherExecutor (an io_context's executor) not
// convertible to Executor (system_executor) makes the program ill-formed, so a conforming library
// diagnoses the construction below (the registry's diagnostic names the errors that count).
#include <utility>

#include "conformance/harness/scoped/non_convertible_targets.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {
namespace {

using executor = net::io_context::executor_type;

using non_convertible::target;
using non_convertible::unrelated;

[[maybe_unused]] void ill_formed_construction() {
  net::io_context ctx;
  auto other = net::bind_executor(ctx.get_executor(), target{});
  const net::executor_binder<target, net::system_executor> converted(std::move(other));
}

}  // namespace
}  // namespace conformance
