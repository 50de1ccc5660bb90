// rule:   async.exec.ctx.dtor/shuts-down-then-destroys
// clause: [async.exec.ctx.dtor] p1
// The destructor runs shutdown() and then destroy(): every service is shut down, once, before
// any is destroyed, and every service is destroyed.
#include <algorithm>
#include <string>
#include <vector>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/logged_service.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.exec.ctx.dtor/shuts-down-then-destroys", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  const log_scope scope;
  {
    context ctx;
    net::use_service<logged_service<context, 1>>(ctx);
    net::make_service<logged_service<context, 2>>(ctx);
    net::use_service<logged_service<context, 3>>(ctx);
  }
  const std::vector<std::string> events = service_log::events();
  const auto first_destroy =
      std::find_if(events.begin(), events.end(), [](const std::string& e) { return e.rfind("destroy", 0) == 0; });
  const auto last_shutdown = std::find_if(events.rbegin(), events.rend(), [](const std::string& e) {
                               return e.rfind("shutdown", 0) == 0;
                             }).base();
  for (const char* id : {"1", "2", "3"}) {
    EXPECT_EQ(service_log::count(std::string("shutdown ") + id), 1)
        << "the destructor did not shut service " << id << " down exactly once";
    EXPECT_EQ(service_log::count(std::string("destroy ") + id), 1)
        << "the destructor did not destroy service " << id << " exactly once";
  }
  EXPECT_TRUE(last_shutdown <= first_destroy) << "the destructor destroyed a service before shutting every one down";
});

}  // namespace
}  // namespace conformance
