// rule:   async.exec.ctx.cons/new-context-has-no-user-services
// clause: [async.exec.ctx.cons] p1
// A newly constructed execution_context holds none of the program's services (it may hold
// internal ones of its own, which a program cannot name).
#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/logged_service.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.exec.ctx.cons/new-context-has-no-user-services", facilities::execution_context,
                 [](auto facility) {
                   using context = typename decltype(facility)::context;
                   const log_scope scope;
                   context ctx;
                   EXPECT_FALSE((net::has_service<logged_service<context, 1>>(ctx)))
                       << "a new execution_context already has a service of the program";
                   logged_context<context> derived;
                   EXPECT_FALSE((net::has_service<logged_service<context, 1>>(derived)))
                       << "a new context of a derived class already has a service of the program";
                   EXPECT_TRUE(service_log::events().empty()) << "constructing a context made a service";
                 });

}  // namespace
}  // namespace conformance
