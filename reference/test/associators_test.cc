// [async.assoc.alloc], [async.assoc.exec], associated_cancellation_slot, associator.
#include <gtest/gtest.h>

#include <type_traits>

#include "test_support.hpp"

namespace {

namespace net = refnet;

struct plain {};

struct with_members {
  using executor_type = net::io_context::executor_type;
  using allocator_type = std::allocator<int>;
  using cancellation_slot_type = net::cancellation_slot;
  executor_type get_executor() const noexcept { return ex; }
  allocator_type get_allocator() const noexcept { return {}; }
  cancellation_slot_type get_cancellation_slot() const noexcept { return slot; }
  executor_type ex;
  net::cancellation_slot slot;
};

struct user_specialised {};

}  // namespace

template <class Alloc>
struct refnet::associated_allocator<user_specialised, Alloc> {
  using type = std::allocator<char>;
  static type get(const user_specialised&, const Alloc& = Alloc()) noexcept { return {}; }
};

namespace {

TEST(AssociatedAllocator, DefaultsToTheCandidate) {
  static_assert(std::is_same_v<net::associated_allocator_t<plain>, std::allocator<void>>);
  static_assert(noexcept(net::get_associated_allocator(plain{})));
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  refnet_test::counting_allocator<> ca(counters);
  EXPECT_TRUE(net::get_associated_allocator(plain{}, ca) == ca);
}

TEST(AssociatedAllocator, UsesNestedTypeOrUserSpecialisation) {
  static_assert(std::is_same_v<net::associated_allocator_t<with_members>, std::allocator<int>>);
  static_assert(std::is_same_v<net::associated_allocator_t<user_specialised>, std::allocator<char>>);
}

TEST(AssociatedExecutor, DefaultsToSystemExecutorOrTheCandidate) {
  static_assert(std::is_same_v<net::associated_executor_t<plain>, net::system_executor>);
  net::io_context ctx;
  EXPECT_EQ(net::get_associated_executor(plain{}, ctx.get_executor()), ctx.get_executor());
  EXPECT_EQ(net::get_associated_executor(plain{}, ctx), ctx.get_executor());
  static_assert(noexcept(net::get_associated_executor(plain{})));
}

TEST(AssociatedExecutor, UsesTheNestedExecutorType) {
  net::io_context ctx;
  with_members h{ctx.get_executor(), {}};
  net::system_executor candidate;
  EXPECT_EQ(net::get_associated_executor(h, candidate), ctx.get_executor());
}

TEST(AssociatedCancellationSlot, DefaultsToADisconnectedSlot) {
  EXPECT_FALSE(net::get_associated_cancellation_slot(plain{}).is_connected());
  net::cancellation_signal signal;
  net::io_context ctx;
  with_members h{ctx.get_executor(), signal.slot()};
  EXPECT_TRUE(net::get_associated_cancellation_slot(h) == signal.slot());
}

TEST(UsesExecutor, DetectsConvertibleExecutorType) {
  static_assert(net::uses_executor_v<with_members, net::io_context::executor_type>);
  static_assert(!net::uses_executor_v<plain, net::io_context::executor_type>);
  static_assert(net::is_executor_v<net::io_context::executor_type>);
  static_assert(net::is_executor_v<net::system_executor>);
  static_assert(net::is_executor_v<net::strand<net::io_context::executor_type>>);
  static_assert(net::is_executor_v<net::executor>);
  static_assert(!net::is_executor_v<plain>);
}

}  // namespace
