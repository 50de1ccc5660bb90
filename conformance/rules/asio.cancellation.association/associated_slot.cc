// rule:   asio.cancellation.association/operation-takes-slot-from-handler
// rule:   asio.cancellation.association/associated-slot-meets-requirements
// rule:   asio.cancellation.association/default-slot-is-unconnected
// rule:   asio.cancellation.association/specialisation-chooses-slot
// clause: [asio.cancellation.association] p1-p4
// An operation that supports per-operation cancellation finds its slot through
// get_associated_cancellation_slot on its handler: a handler that names its
// slot with a nested cancellation_slot_type and get_cancellation_slot() is
// cancelled through it, and so is one the program gives a slot by specialising
// associated_cancellation_slot. What the associator returns is a
// CancellationSlot, the very slot the handler names; a handler with no
// association gets a default-constructed cancellation_slot, which is not
// connected.
#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/harness/cancellation/cancellation_facility.hpp"
#include "conformance/harness/cancellation/cancellation_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {

// A completion handler that says nothing of a cancellation slot itself: the
// program gives it one by specialising associated_cancellation_slot (below).
template <class Inner, class Slot>
struct handler_with_specialised_slot {
  Inner inner;
  Slot slot;

  template <class... Args>
  void operator()(Args&&... args) {
    std::move(inner)(std::forward<Args>(args)...);
  }
};

}  // namespace conformance

#if CONFORMANCE_HAS_CANCELLATION
template <class Inner, class Slot, class Candidate>
struct conformance::net::associated_cancellation_slot<conformance::handler_with_specialised_slot<Inner, Slot>,
                                                      Candidate> {
  using type = Slot;
  static type get(const conformance::handler_with_specialised_slot<Inner, Slot>& h,
                  const Candidate& = Candidate()) noexcept {
    return h.slot;
  }
};
#endif

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.cancellation.association/associated-slot-meets-requirements", facilities::cancellation,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::signal signal;
                   auto bound = net::bind_cancellation_slot(signal.slot(), [](auto&&...) {});
                   const auto slot = net::get_associated_cancellation_slot(bound);
                   using slot_type = std::decay_t<decltype(slot)>;
                   EXPECT_TRUE(std::is_nothrow_copy_constructible_v<slot_type>)
                       << "the associated slot type is not nothrow copy-constructible";
                   EXPECT_TRUE(std::is_nothrow_move_constructible_v<slot_type>)
                       << "the associated slot type is not nothrow move-constructible";
                   EXPECT_TRUE(std::is_destructible_v<slot_type>) << "the associated slot type is not destructible";
                   EXPECT_TRUE(slot == signal.slot())
                       << "get_associated_cancellation_slot did not return the bound slot";
                   EXPECT_FALSE(slot != signal.slot()) << "!= is not the negation of == for the associated slot";
                   EXPECT_TRUE(slot.is_connected()) << "the associated slot of a signal is not connected";
                   EXPECT_FALSE(slot.has_handler()) << "the associated slot has a handler before any was attached";
                 });

CONFORMANCE_RULE("asio.cancellation.association/default-slot-is-unconnected", facilities::cancellation,
                 [](auto facility) {
                   using F = decltype(facility);
                   const auto plain = [](auto&&...) {};
                   using associated = net::associated_cancellation_slot_t<decltype(plain)>;
                   EXPECT_TRUE((std::is_same_v<associated, typename F::slot>))
                       << "a handler with no association of its own is not associated with a cancellation_slot";
                   const auto slot = net::get_associated_cancellation_slot(plain);
                   EXPECT_FALSE(slot.is_connected()) << "a handler with no association of its own has a connected "
                                                        "slot: per-operation cancellation is not off by default";
                   EXPECT_TRUE(slot == typename F::slot()) << "the default slot is not a default-constructed one";
                 });

#if CONFORMANCE_HAS_CANCELLATION
// Starts a pending operation with `wrap(probe handler)`, emits terminal and
// expects the operation cancelled: the slot the library found through the
// handler was the signal's.
template <class Op, class Wrap>
void expect_cancelled_through(cancellation_run<Op>& run, Wrap wrap, const char* how) {
  run.start_with(wrap);
  ASSERT_TRUE(run.stays_pending()) << Op::name << " completed by itself: " << run.received();
  run.emit(net::cancellation_type::terminal);
  ASSERT_TRUE(run.completes()) << Op::name << " was not cancelled through the slot its handler " << how;
  EXPECT_TRUE(run.received_cancellation()) << run.received();
}

CONFORMANCE_RULE("asio.cancellation.association/operation-takes-slot-from-handler", operations::cancellable,
                 [](auto operation) {
                   cancellation_run<decltype(operation)> run;
                   // The probe handler names its slot with a nested cancellation_slot_type
                   // and get_cancellation_slot().
                   expect_cancelled_through(
                       run,
                       [&run](auto handler) { return std::move(handler).with_cancellation_slot(run.signal().slot()); },
                       "names with a nested cancellation_slot_type");
                 });

CONFORMANCE_RULE("asio.cancellation.association/specialisation-chooses-slot", operations::cancellable,
                 [](auto operation) {
                   cancellation_run<decltype(operation)> run;
                   const auto wrap = [&run](auto handler) {
                     return handler_with_specialised_slot<decltype(handler), net::cancellation_slot>{
                         std::move(handler), run.signal().slot()};
                   };
                   EXPECT_TRUE(net::get_associated_cancellation_slot(
                                   wrap(probe_handler(std::make_shared<probe_record>()))) == run.signal().slot())
                       << "get_associated_cancellation_slot does not use the program's specialisation";
                   expect_cancelled_through(run, wrap, "was given by a specialisation of associated_cancellation_slot");
                 });
#endif

}  // namespace
}  // namespace conformance
