// rule:   async.reqmts.service/key-type-may-name-a-base
// rule:   async.reqmts.service/make-service-passes-context-first
// rule:   async.reqmts.service/use-service-uses-explicit-context-constructor
// clause: [async.reqmts.service] p1-p3
// What the Service requirements let a program rely on, seen through the library's
// use_service and make_service: a service's key_type may name a base it derives from, every
// constructor gets the owning context first, and use_service makes a service with its explicit
// constructor from the context alone.
#include <memory>
#include <type_traits>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/logged_service.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.reqmts.service/key-type-may-name-a-base", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  using base = logged_service<context, 1>;
  using derived = derived_logged_service<context, 1>;
  const log_scope scope;
  context ctx;
  auto& made = net::use_service<derived>(ctx);
  EXPECT_TRUE(net::has_service<base>(ctx)) << "a service with key_type = its base is not found under that base";
  EXPECT_EQ(static_cast<const void*>(&net::use_service<base>(ctx)), static_cast<const void*>(&made))
      << "use_service of the base does not return the service added under the base's key";
  EXPECT_EQ(service_log::count("make 1"), 1) << "a second service was made for one key";
});

CONFORMANCE_RULE("async.reqmts.service/make-service-passes-context-first", facilities::execution_context,
                 [](auto facility) {
                   using context = typename decltype(facility)::context;
                   const log_scope scope;
                   context ctx;
                   auto& made = net::make_service<logged_service<context, 1>>(ctx, std::make_unique<int>(5));
                   EXPECT_EQ(made.owner(), &ctx) << "the service's constructor did not get the owning context first";
                   EXPECT_EQ(made.argument(), 5) << "the service's constructor did not get make_service's argument";
                 });

CONFORMANCE_RULE("async.reqmts.service/use-service-uses-explicit-context-constructor", facilities::execution_context,
                 [](auto facility) {
                   using context = typename decltype(facility)::context;
                   using service = logged_service<context, 1>;
                   static_assert(!std::is_convertible_v<context&, service>, "the probe's constructor is explicit");
                   const log_scope scope;
                   context ctx;
                   auto& made = net::use_service<service>(ctx);
                   EXPECT_EQ(made.owner(), &ctx) << "use_service did not make the service from its context";
                   EXPECT_EQ(made.argument(), -1) << "use_service did not use the constructor from the context alone";
                 });

}  // namespace
}  // namespace conformance
