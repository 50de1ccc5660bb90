// [async.executor] polymorphic executor, [async.bad.exec] bad_executor.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

namespace net = refnet;

TEST(PolymorphicExecutor, EmptyWrapperComparesWithNullptrAndThrowsBadExecutor) {
  net::executor e;
  EXPECT_FALSE(e);
  EXPECT_TRUE(e == nullptr);
  EXPECT_TRUE(nullptr == e);
  EXPECT_EQ(e.target_type(), typeid(void));
  EXPECT_THROW(e.post([] {}, std::allocator<void>()), net::bad_executor);
  EXPECT_THROW(e.dispatch([] {}, std::allocator<void>()), net::bad_executor);
  EXPECT_THROW(e.defer([] {}, std::allocator<void>()), net::bad_executor);
  EXPECT_NE(net::bad_executor().what(), nullptr);
}

TEST(PolymorphicExecutor, WrapsATargetAndComparesByTarget) {
  net::io_context ctx;
  net::executor a(ctx.get_executor());
  net::executor b(ctx.get_executor());
  EXPECT_TRUE(a);
  EXPECT_TRUE(a == b);
  EXPECT_EQ(a.target_type(), typeid(net::io_context::executor_type));
  ASSERT_NE(a.target<net::io_context::executor_type>(), nullptr);
  EXPECT_EQ(*a.target<net::io_context::executor_type>(), ctx.get_executor());
  EXPECT_EQ(a.target<net::system_executor>(), nullptr);
  EXPECT_EQ(&a.context(), &ctx);
  net::executor c(std::move(b));
  EXPECT_TRUE(c == a);
  c = nullptr;
  EXPECT_TRUE(c == nullptr);
  net::io_context other;
  EXPECT_TRUE(a != net::executor(other.get_executor()));
}

TEST(PolymorphicExecutor, ForwardsSubmissionsAndWorkToTheTarget) {
  net::io_context ctx;
  auto log = std::make_shared<refnet_test::executor_log>();
  net::executor e(refnet_test::recording_executor(ctx, log));
  int runs = 0;
  e.post([&] { ++runs; }, std::allocator<void>());
  e.defer([&] { ++runs; }, std::allocator<void>());
  e.dispatch([&] { ++runs; }, std::allocator<void>());
  e.on_work_started();
  e.on_work_finished();
  ctx.run();
  EXPECT_EQ(runs, 3);
  EXPECT_EQ(log->snapshot(), (std::vector<std::string>{"post", "defer", "dispatch"}));
  EXPECT_EQ(log->started, 1);
}

TEST(PolymorphicExecutor, UsesThePerCallAllocatorForTheWrapper) {
  net::io_context ctx;
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  net::executor e(ctx.get_executor());
  long live_inside = -1;
  e.post([&] { live_inside = counters->live_bytes; }, refnet_test::counting_allocator<>(counters));
  ctx.run();
  EXPECT_GT(counters->allocations, 0);
  EXPECT_EQ(live_inside, 0);
}

TEST(PolymorphicExecutor, IsAnExecutorWithNoexceptBasics) {
  static_assert(net::is_executor_v<net::executor>);
  static_assert(std::uses_allocator_v<net::executor, std::allocator<int>>);
  static_assert(noexcept(std::declval<net::executor&>().on_work_started()));
  static_assert(std::is_nothrow_copy_constructible_v<net::executor>);
}

// An executor wrapping the polymorphic one (a user's logging executor, say) is an executor:
// deciding it must not need the answer (the comparisons of `executor` are found by ADL for the
// wrapper, through its template argument).
template <class Inner>
class wrapping_executor {
 public:
  explicit wrapping_executor(Inner inner) : inner_(std::move(inner)) {}
  net::execution_context& context() const noexcept { return inner_.context(); }
  void on_work_started() const noexcept { inner_.on_work_started(); }
  void on_work_finished() const noexcept { inner_.on_work_finished(); }
  template <class F, class A>
  void dispatch(F&& f, const A& a) const {
    inner_.dispatch(std::forward<F>(f), a);
  }
  template <class F, class A>
  void post(F&& f, const A& a) const {
    inner_.post(std::forward<F>(f), a);
  }
  template <class F, class A>
  void defer(F&& f, const A& a) const {
    inner_.defer(std::forward<F>(f), a);
  }
  friend bool operator==(const wrapping_executor& a, const wrapping_executor& b) noexcept {
    return a.inner_ == b.inner_;
  }
  friend bool operator!=(const wrapping_executor& a, const wrapping_executor& b) noexcept { return !(a == b); }

 private:
  Inner inner_;
};

TEST(PolymorphicExecutor, AWrapperAroundItIsAnExecutor) {
  static_assert(net::is_executor_v<wrapping_executor<net::executor>>);
  net::io_context ctx;
  const wrapping_executor<net::executor> ex{net::executor(ctx.get_executor())};
  EXPECT_TRUE(ex == ex);
  const auto guard = net::make_work_guard(ex);
  EXPECT_TRUE(guard.owns_work());
}

}  // namespace
