// rule:   async.exec.binder.cons/converting-copy-ill-formed-unless-convertible
// clause: [async.exec.binder.cons] p2
// A compile-fail rule: this translation unit must be rejected. The converting copy constructor
// from executor_binder<U, OtherExecutor> with a U not convertible to T makes the program ill-
// formed, so a conforming library diagnoses the construction below (the registry's diagnostic
// names the errors that count).
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
  const auto other = net::bind_executor(ctx.get_executor(), unrelated{});
  const net::executor_binder<target, executor> converted(other);
}

}  // namespace
}  // namespace conformance
