// rule:   async.exec.ctx.protected/shutdown-newest-first-once
// rule:   async.exec.ctx.protected/destroy-newest-first
// clause: [async.exec.ctx.protected] p1-p2
// The protected shutdown() and destroy(), called by a derived context: newest service first,
// shutdown() at most once per service however often it is called.
#include <string>
#include <vector>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/logged_service.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class Context>
void add_three_services(Context& ctx) {
  using base = typename Context::base_context;
  net::use_service<logged_service<base, 1>>(ctx);
  net::make_service<logged_service<base, 2>>(ctx);
  net::use_service<logged_service<base, 3>>(ctx);
}

template <class Context>
struct three_service_context : logged_context<Context> {
  using base_context = Context;
  three_service_context() { add_three_services(*this); }
};

CONFORMANCE_RULE(
    "async.exec.ctx.protected/shutdown-newest-first-once", facilities::execution_context, [](auto facility) {
      using context = typename decltype(facility)::context;
      const log_scope scope;
      three_service_context<context> ctx;
      service_log::clear();
      ctx.shutdown();
      ctx.shutdown();
      EXPECT_EQ(service_log::events(), (std::vector<std::string>{"shutdown 3", "shutdown 2", "shutdown 1"}))
          << "shutdown(), called twice, did not shut each service down once, newest first";
    });

CONFORMANCE_RULE("async.exec.ctx.protected/destroy-newest-first", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  const log_scope scope;
  three_service_context<context> ctx;
  ctx.shutdown();
  service_log::clear();
  ctx.destroy();
  EXPECT_EQ(service_log::events(), (std::vector<std::string>{"destroy 3", "destroy 2", "destroy 1"}))
      << "destroy() did not destroy every service, newest first";
  EXPECT_FALSE((net::has_service<logged_service<context, 1>>(ctx))) << "a service is still present after destroy()";
});

}  // namespace
}  // namespace conformance
