// [async.exec.ctx]: services, keys, ordering of shutdown/destroy/notify_fork.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

namespace net = refnet;

std::vector<std::string>& journal() {
  static std::vector<std::string> j;
  return j;
}

template <int N>
class logging_service : public net::execution_context::service {
 public:
  using key_type = logging_service;
  explicit logging_service(net::execution_context& ctx, int arg = 0) : service(ctx), arg(arg) {}
  ~logging_service() override { journal().push_back("destroy" + std::to_string(N)); }
  int arg;

 private:
  void shutdown() override { journal().push_back("shutdown" + std::to_string(N)); }
  void notify_fork(net::execution_context::fork_event e) override {
    journal().push_back("fork" + std::to_string(N) + ":" + std::to_string(static_cast<int>(e)));
  }
};

class base_service : public net::execution_context::service {
 public:
  using key_type = base_service;
  explicit base_service(net::execution_context& ctx) : service(ctx) {}

 private:
  void shutdown() override {}
};

class derived_service : public base_service {
 public:
  using key_type = base_service;
  explicit derived_service(net::execution_context& ctx) : base_service(ctx) {}
};

class id_service : public net::execution_context::service {
 public:
  static net::execution_context::id id;
  explicit id_service(net::execution_context& ctx) : service(ctx) {}

 private:
  void shutdown() override {}
};
net::execution_context::id id_service::id;

// Exposes the protected members.
class test_context : public net::execution_context {
 public:
  using execution_context::destroy;
  using execution_context::shutdown;
};

TEST(ExecutionContext, UseServiceCreatesOnceAndReportsItsOwner) {
  net::execution_context ctx;
  EXPECT_FALSE(net::has_service<logging_service<1>>(ctx));
  auto& a = net::use_service<logging_service<1>>(ctx);
  auto& b = net::use_service<logging_service<1>>(ctx);
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(&a.context(), &ctx);
  EXPECT_TRUE(net::has_service<logging_service<1>>(ctx));
  EXPECT_EQ(&net::use_service<id_service>(ctx), &net::use_service<id_service>(ctx));
}

TEST(ExecutionContext, KeyTypeSelectsTheServiceSlot) {
  net::execution_context ctx;
  auto& d = net::make_service<derived_service>(ctx);
  EXPECT_EQ(&net::use_service<base_service>(ctx), &d);
  EXPECT_TRUE(net::has_service<base_service>(ctx));
}

TEST(ExecutionContext, MakeServiceForwardsArgumentsAndRejectsDuplicates) {
  net::execution_context ctx;
  EXPECT_EQ(net::make_service<logging_service<2>>(ctx, 42).arg, 42);
  EXPECT_THROW(net::make_service<logging_service<2>>(ctx, 1), net::service_already_exists);
  static_assert(std::is_default_constructible_v<net::service_already_exists>);
}

TEST(ExecutionContext, ShutsDownOnceAndDestroysInReverseOrder) {
  journal().clear();
  {
    test_context ctx;
    net::use_service<logging_service<1>>(ctx);
    net::use_service<logging_service<2>>(ctx);
    ctx.shutdown();
    ctx.shutdown();
  }
  EXPECT_EQ(journal(), (std::vector<std::string>{"shutdown2", "shutdown1", "destroy2", "destroy1"}));
}

TEST(ExecutionContext, NotifyForkVisitsPrepareInReverseAndOthersInOrder) {
  net::execution_context ctx;
  net::use_service<logging_service<1>>(ctx);
  net::use_service<logging_service<2>>(ctx);
  journal().clear();
  ctx.notify_fork(net::execution_context::fork_prepare);
  ctx.notify_fork(net::fork_event::child);
  EXPECT_EQ(journal(), (std::vector<std::string>{"fork2:0", "fork1:0", "fork1:2", "fork2:2"}));
}

TEST(ExecutionContext, DestroyRemovesServices) {
  test_context ctx;
  net::use_service<logging_service<3>>(ctx);
  ctx.shutdown();
  ctx.destroy();
  EXPECT_FALSE(net::has_service<logging_service<3>>(ctx));
}

}  // namespace
