// rule:   async.executor.capacity/bool-tells-whether-there-is-a-target
// clause: [async.executor.capacity] p1
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.executor.capacity/bool-tells-whether-there-is-a-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   net::io_context ctx;
                   executor e;
                   EXPECT_FALSE(static_cast<bool>(e)) << "an executor without a target converts to true";
                   e = tracked_executor(ctx);
                   EXPECT_TRUE(static_cast<bool>(e)) << "an executor with a target converts to false";
                   EXPECT_TRUE(noexcept(static_cast<bool>(std::as_const(e)))) << "the bool conversion is not noexcept";
                   e = executor();
                   EXPECT_FALSE(static_cast<bool>(e)) << "an executor emptied by assignment converts to true";
                 });

}  // namespace
}  // namespace conformance
