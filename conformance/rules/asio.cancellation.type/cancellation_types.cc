// rule:   asio.cancellation.type/bitmask-of-guarantees
// rule:   asio.cancellation.type/terminal-cancels
// rule:   asio.cancellation.type/partial-cancels-and-reports-side-effects
// rule:   asio.cancellation.type/total-cancels-without-side-effects
// rule:   asio.cancellation.type/unsupported-type-does-not-cancel
// rule:   asio.cancellation.type/weaker-types-honoured
// clause: [asio.cancellation.type] p1, p1/cancellation.types (terminal,
// partial, total), p2, p3 cancellation_type is a bitmask whose emitted value
// reaches the cancellation handler as it is; each pending operation is
// cancelled by each type its library documents it supporting
// (cancellable_operations.hpp), completes with operation_aborted and the side
// effects it reports (none, for the suite's pending operations), and after a
// total cancellation its I/O object is as before (a new operation on it stays
// pending). A type an operation does not support leaves it running: the
// composed async_read, emitted `total`, still reads what the peer then writes.
#include <string>

#include "conformance/harness/cancellation/cancellable_operations.hpp"
#include "conformance/harness/cancellation/cancellation_facility.hpp"
#include "conformance/harness/cancellation/cancellation_run.hpp"
#include "conformance/harness/cancellation/counting_cancellation_handler.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.cancellation.type/bitmask-of-guarantees", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  using type = typename F::type;
  using type_t = typename F::type_t;
  const auto bits = [](type_t t) { return static_cast<unsigned int>(t); };
  EXPECT_EQ(bits(type::none), 0u) << "cancellation_type::none is not the empty mask";
  EXPECT_NE(bits(type::terminal), 0u) << "terminal is the empty mask";
  EXPECT_NE(bits(type::partial), 0u) << "partial is the empty mask";
  EXPECT_NE(bits(type::total), 0u) << "total is the empty mask";
  EXPECT_EQ(bits(type::terminal) & bits(type::partial), 0u) << "terminal and partial share bits";
  EXPECT_EQ(bits(type::terminal) & bits(type::total), 0u) << "terminal and total share bits";
  EXPECT_EQ(bits(type::partial) & bits(type::total), 0u) << "partial and total share bits";
  const type_t all = type::all;
  EXPECT_TRUE((all & type::terminal) == type::terminal && (all & type::partial) == type::partial &&
              (all & type::total) == type::total)
      << "cancellation_type::all does not hold terminal, partial and total";
  const type_t two = type::terminal | type::total;
  EXPECT_EQ(bits(two), bits(type::terminal) | bits(type::total)) << "| does not combine the masks";
  EXPECT_EQ(bits(two & ~type_t(type::terminal)), bits(type::total)) << "& and ~ do not clear a type from a mask";

  // What is emitted reaches the handler as it is: a combination of
  // guarantees stays one.
  typename F::signal signal;
  cancellation_handler_log log;
  signal.slot().template emplace<counting_cancellation_handler>(log, 1);
  signal.emit(two);
  ASSERT_EQ(log.calls, 1) << "emit() did not call the attached cancellation handler once";
  EXPECT_EQ(log.last_type, bits(two)) << "the handler received another mask than the emitted terminal|total";
});

#if CONFORMANCE_HAS_CANCELLATION
// Emits `type` to a pending operation started with the signal's slot: it must
// complete with what a cancelled operation gives.
template <class Op>
void expect_cancelled_by(cancellation_run<Op>& run, net::cancellation_type_t type, const std::string& type_name) {
  run.start();
  ASSERT_TRUE(run.stays_pending()) << Op::name << " completed before cancellation was emitted: " << run.received();
  run.emit(type);
  ASSERT_TRUE(run.completes()) << Op::name << ", which supports " << type_name
                               << " cancellation, did not complete after the signal emitted " << type_name;
  EXPECT_TRUE(run.received_cancellation()) << "after " << type_name << " cancellation " << run.received();
  EXPECT_EQ(run.invocations(), 1) << "the handler was invoked more than once";
}

template <class Op>
using supports_terminal = std::bool_constant<cancellation::supports<Op>(net::cancellation_type::terminal)>;
template <class Op>
using supports_partial = std::bool_constant<cancellation::supports<Op>(net::cancellation_type::partial)>;
template <class Op>
using supports_total = std::bool_constant<cancellation::supports<Op>(net::cancellation_type::total)>;
template <class Op>
using lacks_total = std::bool_constant<!cancellation::supports<Op>(net::cancellation_type::total)>;

using all_subjects = cancellation::operations_supporting_cancellation;
using terminal_subjects = operations::selected_t<supports_terminal, all_subjects>;
using partial_subjects = operations::selected_t<supports_partial, all_subjects>;
using total_subjects = operations::selected_t<supports_total, all_subjects>;
using subjects_without_total = operations::selected_t<lacks_total, all_subjects>;

CONFORMANCE_RULE("asio.cancellation.type/terminal-cancels", terminal_subjects, [](auto operation) {
  cancellation_run<decltype(operation)> run;
  expect_cancelled_by(run, net::cancellation_type::terminal, "terminal");
});

CONFORMANCE_RULE("asio.cancellation.type/partial-cancels-and-reports-side-effects", partial_subjects,
                 [](auto operation) {
                   cancellation_run<decltype(operation)> run;
                   expect_cancelled_by(run, net::cancellation_type::partial, "partial");
                 });

CONFORMANCE_RULE("asio.cancellation.type/total-cancels-without-side-effects", total_subjects,
                 [](auto operation) {
                   using Op = decltype(operation);
                   cancellation_run<Op> run;
                   expect_cancelled_by(run, net::cancellation_type::total, "total");
                   // No side effect observable through the API: the I/O object
                   // is as it was, and the same operation started on it again
                   // is outstanding, not completed.
                   const auto again = run.start_another();
                   EXPECT_TRUE(run.stays_pending(*again))
                       << "after total cancellation, " << Op::name
                       << " started again on the same I/O object completed at once: the cancellation left a trace";
                 });

CONFORMANCE_RULE("asio.cancellation.type/unsupported-type-does-not-cancel", subjects_without_total, [](auto operation) {
  using Op = decltype(operation);
  cancellation_run<Op> run;
  run.start();
  run.emit(net::cancellation_type::total);
  EXPECT_TRUE(run.stays_pending()) << Op::name
                                   << ", which does not support total cancellation, completed after the signal "
                                   << "emitted total: " << run.received();
  run.instance().peer_writes_everything();
  ASSERT_TRUE(run.completes()) << Op::name << " did not complete once the peer wrote what it reads";
  const auto written = run.instance().expected_when_written();
  EXPECT_TRUE(run.received(written)) << "after an emitted total, which " << Op::name
                                     << " does not support: " << run.received_instead_of(written);
});

// An operation whose strongest supported type is X is also cancelled by each
// weaker type (total is stronger than partial, partial than terminal): the
// composed read, whose strongest is partial, by terminal; each operation
// supporting total, by partial and by terminal.
CONFORMANCE_RULE("asio.cancellation.type/weaker-types-honoured", all_subjects, [](auto operation) {
  using Op = decltype(operation);
  if constexpr (cancellation::supports<Op>(net::cancellation_type::total)) {
    cancellation_run<Op> partial_run;
    expect_cancelled_by(partial_run, net::cancellation_type::partial, "partial (weaker than total)");
  }
  cancellation_run<Op> terminal_run;
  expect_cancelled_by(terminal_run, net::cancellation_type::terminal, "terminal (weaker than partial)");
});

#endif  // CONFORMANCE_HAS_CANCELLATION

}  // namespace
}  // namespace conformance
