// rule:   asio.cancellation.slot/copy-constructible-and-destructible
// rule:   asio.cancellation.slot/copy-is-nothrow-and-equal
// rule:   asio.cancellation.slot/move-is-nothrow-and-equal-to-source
// rule:   asio.cancellation.slot/equality-means-interchangeable
// rule:   asio.cancellation.slot/inequality-negates-equality
// rule:   asio.cancellation.slot/connected-when-handlers-can-be-called
// rule:   asio.cancellation.slot/has-handler-while-attached
// rule:   asio.cancellation.slot/assign-replaces-with-moved-decay-copy
// rule:   asio.cancellation.slot/emplace-builds-in-place
// rule:   asio.cancellation.slot/clear-detaches-handler
// clause: [asio.cancellation.slot] p1, p2 (the CancellationSlot requirements
// table) The library's cancellation_slot, as a cancellation_signal hands it
// out, against Asio's CancellationSlot requirements: each row of the table,
// seen through a handler that counts what is done to it
// (counting_cancellation_handler.hpp) and through emit().
#include <type_traits>
#include <utility>

#include "conformance/harness/cancellation/cancellation_facility.hpp"
#include "conformance/harness/cancellation/counting_cancellation_handler.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.cancellation.slot/copy-constructible-and-destructible", facilities::cancellation,
                 [](auto facility) {
                   using F = decltype(facility);
                   using slot = decltype(std::declval<typename F::signal&>().slot());
                   EXPECT_TRUE(std::is_copy_constructible_v<slot>)
                       << "the slot a signal hands out is not copy-constructible";
                   EXPECT_TRUE(std::is_destructible_v<slot>) << "the slot a signal hands out is not destructible";
                   EXPECT_TRUE(std::is_copy_constructible_v<typename F::slot>)
                       << "cancellation_slot is not copy-constructible";
                   EXPECT_TRUE(std::is_destructible_v<typename F::slot>) << "cancellation_slot is not destructible";
                 });

CONFORMANCE_RULE("asio.cancellation.slot/copy-is-nothrow-and-equal", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  typename F::signal signal;
  const auto x1 = signal.slot();
  EXPECT_TRUE(noexcept(decltype(x1)(x1))) << "copying a slot may throw";
  const auto copy = x1;
  EXPECT_TRUE(copy == x1) << "a copy of a slot does not compare equal to it";
  const typename F::slot unconnected;
  const auto unconnected_copy = unconnected;
  EXPECT_TRUE(unconnected_copy == unconnected) << "a copy of a default-constructed slot does not compare equal to it";
});

CONFORMANCE_RULE("asio.cancellation.slot/move-is-nothrow-and-equal-to-source", facilities::cancellation,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::signal signal;
                   auto x1 = signal.slot();
                   const auto before = x1;
                   EXPECT_TRUE(noexcept(decltype(x1)(std::move(x1)))) << "moving a slot may throw";
                   const auto moved = std::move(x1);
                   EXPECT_TRUE(moved == before) << "a slot moved from x1 does not equal x1's earlier value";
                 });

CONFORMANCE_RULE("asio.cancellation.slot/equality-means-interchangeable", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  typename F::signal first;
  typename F::signal second;
  const auto a = first.slot();
  const auto b = first.slot();
  const auto c = first.slot();
  const auto other = second.slot();
  EXPECT_TRUE(noexcept(a == b)) << "== on slots may throw";
  EXPECT_TRUE(a == a) << "== is not reflexive";
  EXPECT_TRUE(a == b && b == a) << "two slots of one signal do not compare equal both ways";
  EXPECT_TRUE(b == c && a == c) << "== is not transitive over three slots of one signal";
  // Slots of two signals are not interchangeable: a handler attached
  // through one is called by its own signal alone.
  EXPECT_FALSE(a == other) << "slots of two different signals compare equal";
  EXPECT_FALSE(other == a) << "slots of two different signals compare equal";
});

CONFORMANCE_RULE("asio.cancellation.slot/inequality-negates-equality", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  typename F::signal first;
  typename F::signal second;
  const auto a = first.slot();
  const auto b = first.slot();
  const auto other = second.slot();
  const typename F::slot unconnected;
  EXPECT_TRUE(noexcept(a != b)) << "!= on slots may throw";
  EXPECT_EQ(a != b, !(a == b)) << "!= is not the negation of == for two slots of one signal";
  EXPECT_EQ(a != other, !(a == other)) << "!= is not the negation of == for slots of two signals";
  EXPECT_EQ(a != unconnected, !(a == unconnected)) << "!= is not the negation of == against an unconnected slot";
});

CONFORMANCE_RULE("asio.cancellation.slot/connected-when-handlers-can-be-called", facilities::cancellation,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::signal signal;
                   auto slot = signal.slot();
                   cancellation_handler_log log;
                   slot.template emplace<counting_cancellation_handler>(log, 1);
                   signal.emit(F::type::terminal);
                   ASSERT_EQ(log.calls, 1) << "emit() did not call the handler attached through the signal's slot";
                   // A handler attached through this slot was called: is_connected() may not
                   // be false.
                   EXPECT_TRUE(slot.is_connected()) << "is_connected() is false for a slot whose handler emit() calls";
                   EXPECT_TRUE(noexcept(slot.is_connected())) << "is_connected() may throw";
                 });

CONFORMANCE_RULE("asio.cancellation.slot/has-handler-while-attached", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  typename F::signal signal;
  auto slot = signal.slot();
  EXPECT_FALSE(slot.has_handler()) << "has_handler() is true before any handler was attached";
  cancellation_handler_log log;
  slot.assign(counting_cancellation_handler(log, 1));
  EXPECT_TRUE(slot.has_handler()) << "has_handler() is false after assign()";
  EXPECT_TRUE(signal.slot().has_handler()) << "another slot of the same signal does not see the handler attached";
  slot.clear();
  EXPECT_FALSE(slot.has_handler()) << "has_handler() is true after clear()";
  EXPECT_TRUE(noexcept(slot.has_handler())) << "has_handler() may throw";
});

CONFORMANCE_RULE("asio.cancellation.slot/assign-replaces-with-moved-decay-copy", facilities::cancellation,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::signal signal;
                   auto slot = signal.slot();
                   cancellation_handler_log first_log;
                   cancellation_handler_log second_log;
                   slot.assign(counting_cancellation_handler(first_log, 1));
                   ASSERT_EQ(first_log.live(), 1) << "after assign() the slot does not hold exactly one handler";

                   counting_cancellation_handler h(second_log, 2);
                   auto& attached = slot.assign(std::move(h));
                   static_assert(std::is_same_v<decltype(attached), counting_cancellation_handler&>);
                   EXPECT_EQ(first_log.live(), 0) << "assign() did not destroy the handler attached before";
                   EXPECT_EQ(second_log.copies, 0) << "assign(h) with an rvalue h copied the handler";
                   EXPECT_GE(second_log.moves, 1) << "assign(h) did not move-construct the attached handler from h";
                   EXPECT_EQ(second_log.live(), 2) << "assign(h) did not leave exactly one handler attached besides h";
                   EXPECT_NE(&attached, &h) << "assign(h) returned a reference to h, not to the attached copy";
                   EXPECT_TRUE(slot.has_handler()) << "has_handler() is false after assign()";
                   attached.tag = 20;
                   signal.emit(F::type::partial);
                   EXPECT_EQ(first_log.calls, 0) << "emit() called the handler assign() replaced";
                   ASSERT_EQ(second_log.calls, 1) << "emit() did not call the handler assign() attached";
                   EXPECT_EQ(second_log.last_tag, 20) << "the reference assign() returned is not the attached handler";
                 });

CONFORMANCE_RULE("asio.cancellation.slot/emplace-builds-in-place", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  typename F::signal signal;
  auto slot = signal.slot();
  cancellation_handler_log first_log;
  cancellation_handler_log second_log;
  slot.template emplace<counting_cancellation_handler>(first_log, 1);
  ASSERT_EQ(first_log.live(), 1) << "after emplace() the slot does not hold exactly one handler";

  auto& built = slot.template emplace<counting_cancellation_handler>(second_log, 2);
  static_assert(std::is_same_v<decltype(built), counting_cancellation_handler&>);
  EXPECT_EQ(first_log.live(), 0) << "emplace() did not destroy the handler attached before";
  EXPECT_EQ(second_log.from_arguments, 1) << "emplace<H>(args...) did not construct H from the arguments once";
  EXPECT_EQ(second_log.copies + second_log.moves, 0)
      << "emplace<H>(args...) copied or moved the handler instead of building it in place";
  EXPECT_TRUE(slot.has_handler()) << "has_handler() is false after emplace()";
  built.tag = 30;
  signal.emit(F::type::terminal);
  EXPECT_EQ(first_log.calls, 0) << "emit() called the handler emplace() replaced";
  ASSERT_EQ(second_log.calls, 1) << "emit() did not call the handler emplace() built";
  EXPECT_EQ(second_log.last_tag, 30) << "the reference emplace() returned is not the attached handler";
});

CONFORMANCE_RULE("asio.cancellation.slot/clear-detaches-handler", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  typename F::signal signal;
  auto slot = signal.slot();
  cancellation_handler_log log;
  slot.template emplace<counting_cancellation_handler>(log, 1);
  slot.clear();
  EXPECT_FALSE(slot.has_handler()) << "has_handler() is true after clear()";
  signal.emit(F::type::total);
  EXPECT_EQ(log.calls, 0) << "emit() called a handler after clear()";
});

}  // namespace
}  // namespace conformance
