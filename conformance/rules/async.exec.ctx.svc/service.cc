// rule:   async.exec.ctx.svc/class-interface
// rule:   async.exec.ctx.svc/constructed-with-its-owner
// rule:   async.exec.ctx.svc/context-returns-owner
// clause: [async.exec.ctx.svc] p0-p2
// The library's execution_context::service: an abstract, non-copyable base whose constructor
// takes the owning context, which context() returns.
#include <type_traits>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/logged_service.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// A service that overrides shutdown() alone: notify_fork's default must do nothing harmful.
template <class Context>
class quiet_service : public Context::service {
 public:
  using key_type = quiet_service;
  explicit quiet_service(Context& owner) : Context::service(owner) {}

 private:
  void shutdown() noexcept override {}
};

CONFORMANCE_RULE("async.exec.ctx.svc/class-interface", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  using service = typename context::service;
  EXPECT_TRUE(std::is_abstract_v<service>) << "execution_context::service is not abstract (shutdown() pure virtual)";
  // The base is abstract, so its copies are seen through a service derived from it.
  EXPECT_FALSE(std::is_copy_constructible_v<quiet_service<context>>) << "execution_context::service can be copied";
  EXPECT_FALSE(std::is_copy_assignable_v<service>) << "execution_context::service can be copy-assigned";
  EXPECT_FALSE((std::is_convertible_v<context&, logged_service<context, 1>>))
      << "a service's constructor from its owner is not explicit";
  EXPECT_TRUE((std::is_same_v<decltype(std::declval<service&>().context()), context&>))
      << "service::context() does not return execution_context&";
  context ctx;
  net::use_service<quiet_service<context>>(ctx);
  ctx.notify_fork(fork_events<context>::prepare);  // reaches the default notify_fork
  EXPECT_TRUE(net::has_service<quiet_service<context>>(ctx));
});

CONFORMANCE_RULE("async.exec.ctx.svc/constructed-with-its-owner", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  const log_scope scope;
  context first;
  context second;
  auto& in_first = net::use_service<logged_service<context, 1>>(first);
  auto& in_second = net::make_service<logged_service<context, 1>>(second);
  EXPECT_EQ(in_first.owner(), &first);
  EXPECT_EQ(in_second.owner(), &second);
  EXPECT_EQ(&in_first.context(), &first) << "a service made for one context refers to another";
  EXPECT_EQ(&in_second.context(), &second) << "a service made for one context refers to another";
});

CONFORMANCE_RULE("async.exec.ctx.svc/context-returns-owner", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  const log_scope scope;
  logged_context<context> ctx;
  auto& added = net::use_service<logged_service<context, 1>>(ctx);
  const context* owner = &ctx;
  EXPECT_EQ(&added.context(), owner) << "service::context() does not return the owning context";
  ctx.shutdown();
  EXPECT_EQ(&added.context(), owner) << "after shutdown(), service::context() does not return the owning context";
});

}  // namespace
}  // namespace conformance
