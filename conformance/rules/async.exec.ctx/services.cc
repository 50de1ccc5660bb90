// rule:   async.exec.ctx/class-interface
// rule:   async.exec.ctx/use-service-selects-or-creates
// rule:   async.exec.ctx/make-service-adds-or-throws
// rule:   async.exec.ctx/use-service-reference-stays-usable
// clause: [async.exec.ctx] p1, p3-p5
// The library's execution_context as a set of services keyed by type, seen through services of
// our own that log what the context does with them (probes/logged_service.hpp).
#include <type_traits>
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/logged_service.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class Context>
concept shutdown_is_public = requires(Context& c) {
  c.shutdown();
};
template <class Context>
concept destroy_is_public = requires(Context& c) {
  c.destroy();
};

CONFORMANCE_RULE("async.exec.ctx/class-interface", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  EXPECT_TRUE(std::is_default_constructible_v<context>) << "execution_context is not default constructible";
  EXPECT_FALSE(std::is_copy_constructible_v<context>) << "execution_context can be copied";
  EXPECT_FALSE(std::is_copy_assignable_v<context>) << "execution_context can be copy-assigned";
  EXPECT_TRUE(std::has_virtual_destructor_v<context>) << "execution_context's destructor is not virtual";
  EXPECT_FALSE(shutdown_is_public<context>) << "execution_context::shutdown() is public, not protected";
  EXPECT_FALSE(destroy_is_public<context>) << "execution_context::destroy() is public, not protected";
  EXPECT_TRUE(shutdown_is_public<logged_context<context>> && destroy_is_public<logged_context<context>>)
      << "a derived context cannot reach shutdown() and destroy()";
  context ctx;
  ctx.notify_fork(fork_events<context>::parent);  // public
});

CONFORMANCE_RULE("async.exec.ctx/use-service-selects-or-creates", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  using first = logged_service<context, 1>;
  using second = logged_service<context, 2>;
  const log_scope scope;
  context ctx;
  EXPECT_FALSE(net::has_service<first>(ctx)) << "has_service is true before the service was added";
  auto& made = net::use_service<first>(ctx);
  EXPECT_TRUE(net::has_service<first>(ctx)) << "has_service is false after use_service added the service";
  EXPECT_FALSE(net::has_service<second>(ctx)) << "has_service is true for a service never added";
  EXPECT_EQ(&net::use_service<first>(ctx), &made) << "a second use_service returns another object";
  EXPECT_EQ(service_log::count("make 1"), 1) << "use_service made the service more than once";
});

CONFORMANCE_RULE("async.exec.ctx/make-service-adds-or-throws", facilities::execution_context, [](auto facility) {
  using F = decltype(facility);
  using context = typename F::context;
  using first = logged_service<context, 1>;
  using second = logged_service<context, 2>;
  const log_scope scope;
  context ctx;
  auto& made = net::make_service<first>(ctx);
  EXPECT_TRUE(net::has_service<first>(ctx)) << "has_service is false after make_service";
  EXPECT_EQ(&net::use_service<first>(ctx), &made) << "use_service does not find the service make_service added";
  EXPECT_THROW(net::make_service<first>(ctx), typename F::service_already_exists)
      << "make_service of a service already added";
  net::use_service<second>(ctx);
  EXPECT_THROW(net::make_service<second>(ctx), typename F::service_already_exists)
      << "make_service of a service that use_service added";
});

// Sixteen more services, so that a registry that moves its services when it grows shows.
template <class Context, int... Ids>
void add_services(Context& ctx, std::integer_sequence<int, Ids...>) {
  (net::use_service<logged_service<Context, 100 + Ids>>(ctx), ...);
}

CONFORMANCE_RULE("async.exec.ctx/use-service-reference-stays-usable", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  using first = logged_service<context, 1>;
  const log_scope scope;
  logged_context<context> ctx;
  auto& made = net::use_service<first>(ctx);
  add_services<context>(ctx, std::make_integer_sequence<int, 16>());
  ctx.shutdown();
  EXPECT_EQ(service_log::count("destroy 1"), 0) << "the service was destroyed before destroy()";
  EXPECT_EQ(made.id(), 1) << "the reference use_service returned no longer names the service";
  EXPECT_EQ(&net::use_service<first>(ctx), &made)
      << "after more services and shutdown(), use_service returns another object";
});

}  // namespace
}  // namespace conformance
