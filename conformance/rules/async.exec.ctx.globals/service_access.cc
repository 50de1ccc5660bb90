// rule:   async.exec.ctx.globals/concurrent-access
// rule:   async.exec.ctx.globals/use-service-makes-missing-service
// rule:   async.exec.ctx.globals/use-service-returns-the-service-for-its-key
// rule:   async.exec.ctx.globals/use-service-reference-valid-until-destroy
// rule:   async.exec.ctx.globals/make-service-adds-a-missing-service
// rule:   async.exec.ctx.globals/make-service-forwards-arguments
// rule:   async.exec.ctx.globals/make-service-throws-when-present
// rule:   async.exec.ctx.globals/make-service-reference-valid-until-destroy
// rule:   async.exec.ctx.globals/has-service-tells-presence
// clause: [async.exec.ctx.globals] p1-p9
// use_service, make_service and has_service of the library, on its execution_context, with
// services of our own that log what is done with them (probes/logged_service.hpp).
#include <memory>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/logged_service.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// Four threads at once: each uses the same four services and has_service, and makes one service
// of its own. Afterwards every key has one service (shut down once), and every thread got it.
template <class Context, int Thread>
std::vector<const void*> access_services(Context& ctx) {
  std::vector<const void*> seen;
  for (int round = 0; round < 50; ++round) {
    seen.push_back(&net::use_service<logged_service<Context, 1>>(ctx));
    seen.push_back(&net::use_service<logged_service<Context, 2>>(ctx));
    seen.push_back(&net::use_service<logged_service<Context, 3>>(ctx));
    seen.push_back(&net::use_service<logged_service<Context, 4>>(ctx));
    (void)net::has_service<logged_service<Context, 1>>(ctx);
  }
  net::make_service<logged_service<Context, 10 + Thread>>(ctx);
  return seen;
}

CONFORMANCE_RULE("async.exec.ctx.globals/concurrent-access", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  const log_scope scope;
  logged_context<context> ctx;
  std::vector<const void*> seen[4];
  {
    std::jthread a([&] { seen[0] = access_services<context, 0>(ctx); });
    std::jthread b([&] { seen[1] = access_services<context, 1>(ctx); });
    std::jthread c([&] { seen[2] = access_services<context, 2>(ctx); });
    std::jthread d([&] { seen[3] = access_services<context, 3>(ctx); });
  }
  for (const auto& thread : seen) {
    ASSERT_EQ(thread.size(), seen[0].size());
    for (std::size_t i = 0; i < thread.size(); ++i) {
      EXPECT_EQ(thread[i], seen[0][i]) << "two threads got different objects from use_service for one key";
    }
  }
  ctx.shutdown();
  for (const int id : {1, 2, 3, 4, 10, 11, 12, 13}) {
    EXPECT_EQ(service_log::count("shutdown " + std::to_string(id)), 1)
        << "after concurrent use_service and make_service, the context holds "
        << service_log::count("shutdown " + std::to_string(id)) << " services of key " << id << ", not one";
  }
});

CONFORMANCE_RULE("async.exec.ctx.globals/use-service-makes-missing-service", facilities::execution_context,
                 [](auto facility) {
                   using context = typename decltype(facility)::context;
                   const log_scope scope;
                   context ctx;
                   auto& made = net::use_service<logged_service<context, 1>>(ctx);
                   EXPECT_EQ(service_log::count("make 1"), 1) << "use_service did not make the missing service once";
                   EXPECT_EQ(made.owner(), &ctx) << "use_service made the service with another context";
                   EXPECT_TRUE((net::has_service<logged_service<context, 1>>(ctx)))
                       << "use_service did not add the service it made";
                 });

CONFORMANCE_RULE("async.exec.ctx.globals/use-service-returns-the-service-for-its-key", facilities::execution_context,
                 [](auto facility) {
                   using context = typename decltype(facility)::context;
                   using base = logged_service<context, 1>;
                   using derived = derived_logged_service<context, 1>;
                   const log_scope scope;
                   context ctx;
                   auto& added = net::use_service<base>(ctx);
                   EXPECT_TRUE((std::is_same_v<decltype(net::use_service<derived>(ctx)), base&>))
                       << "use_service<S> does not return S::key_type&";
                   auto& found = net::use_service<derived>(ctx);
                   EXPECT_EQ(static_cast<const void*>(&found), static_cast<const void*>(&added))
                       << "use_service<S> does not return the service already present for S::key_type";
                   EXPECT_EQ(service_log::count("make 1"), 1) << "use_service made a second service for one key";
                 });

// A service added by use_service (or make_service), another after it, and shutdown(): the
// reference still names the service, which only destroy() destroys.
template <bool ByMakeService, class Context>
void expect_reference_valid_until_destroy() {
  const log_scope scope;
  logged_context<Context> ctx;
  const auto add = [&ctx]<class Service>(std::type_identity<Service>) -> Service& {
    if constexpr (ByMakeService)
      return net::make_service<Service>(ctx);
    else
      return net::use_service<Service>(ctx);
  };
  auto& added = add(std::type_identity<logged_service<Context, 1>>());
  add(std::type_identity<logged_service<Context, 2>>());
  ctx.shutdown();
  EXPECT_EQ(service_log::count("destroy 1"), 0) << "the service was destroyed before destroy()";
  EXPECT_EQ(added.id(), 1) << "after shutdown(), the reference no longer names the service";
  ctx.destroy();
  EXPECT_EQ(service_log::count("destroy 1"), 1) << "destroy() did not destroy the service";
}

CONFORMANCE_RULE("async.exec.ctx.globals/use-service-reference-valid-until-destroy", facilities::execution_context,
                 [](auto facility) {
                   expect_reference_valid_until_destroy<false, typename decltype(facility)::context>();
                 });

CONFORMANCE_RULE("async.exec.ctx.globals/make-service-adds-a-missing-service", facilities::execution_context,
                 [](auto facility) {
                   using context = typename decltype(facility)::context;
                   const log_scope scope;
                   context ctx;
                   net::use_service<logged_service<context, 2>>(ctx);
                   net::make_service<logged_service<context, 3>>(ctx);
                   auto& made = net::make_service<logged_service<context, 1>>(ctx);
                   EXPECT_EQ(made.id(), 1);
                   EXPECT_TRUE((net::has_service<logged_service<context, 1>>(ctx)))
                       << "make_service did not add a service whose key was absent";
                 });

CONFORMANCE_RULE("async.exec.ctx.globals/make-service-forwards-arguments", facilities::execution_context,
                 [](auto facility) {
                   using context = typename decltype(facility)::context;
                   const log_scope scope;
                   context ctx;
                   auto& made = net::make_service<logged_service<context, 1>>(ctx, std::make_unique<int>(7));
                   EXPECT_EQ(made.owner(), &ctx) << "make_service did not pass the context first";
                   EXPECT_EQ(made.argument(), 7) << "make_service did not forward its argument (a move-only one)";
                 });

CONFORMANCE_RULE(
    "async.exec.ctx.globals/make-service-throws-when-present", facilities::execution_context, [](auto facility) {
      using F = decltype(facility);
      using context = typename F::context;
      const log_scope scope;
      context ctx;
      auto& added = net::use_service<logged_service<context, 1>>(ctx);
      EXPECT_THROW((net::make_service<logged_service<context, 1>>(ctx)), typename F::service_already_exists)
          << "make_service of a service whose key is present";
      EXPECT_THROW((net::make_service<derived_logged_service<context, 1>>(ctx)), typename F::service_already_exists)
          << "make_service of another service with a key that is present";
      EXPECT_EQ((&net::use_service<logged_service<context, 1>>(ctx)), &added)
          << "a make_service that threw replaced the service present";
    });

CONFORMANCE_RULE("async.exec.ctx.globals/make-service-reference-valid-until-destroy", facilities::execution_context,
                 [](auto facility) {
                   expect_reference_valid_until_destroy<true, typename decltype(facility)::context>();
                 });

CONFORMANCE_RULE("async.exec.ctx.globals/has-service-tells-presence", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  using base = logged_service<context, 1>;
  const log_scope scope;
  logged_context<context> ctx;
  EXPECT_FALSE(net::has_service<base>(ctx)) << "has_service is true before the service was added";
  net::use_service<base>(ctx);
  EXPECT_TRUE(net::has_service<base>(ctx)) << "has_service is false for a service present";
  EXPECT_TRUE((net::has_service<derived_logged_service<context, 1>>(ctx)))
      << "has_service<S> is false though a service with key S::key_type is present";
  EXPECT_FALSE((net::has_service<logged_service<context, 2>>(ctx))) << "has_service is true for a key never added";
  ctx.shutdown();
  ctx.destroy();
  EXPECT_FALSE(net::has_service<base>(ctx)) << "has_service is true after destroy()";
});

}  // namespace
}  // namespace conformance
