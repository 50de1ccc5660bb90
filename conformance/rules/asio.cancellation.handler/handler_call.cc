// rule:   asio.cancellation.handler/called-as-h-of-t
// clause: [asio.cancellation.handler] p1
// A cancellation handler need only work when called as h(t), with t a
// cancellation_type value: the library calls the handler attached to a signal's
// slot exactly so, once per emission, with the type emitted, whether the
// handler is a function object with a non-const call operator or a lambda.
#include "conformance/harness/cancellation/cancellation_facility.hpp"
#include "conformance/harness/cancellation/counting_cancellation_handler.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.cancellation.handler/called-as-h-of-t", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  using type_t = typename F::type_t;
  typename F::signal signal;
  cancellation_handler_log log;
  signal.slot().template emplace<counting_cancellation_handler>(log, 1);
  signal.emit(F::type::partial);
  signal.emit(F::type::terminal);
  EXPECT_EQ(log.calls, 2) << "two emissions did not call the function object handler twice";
  EXPECT_EQ(log.last_type, static_cast<unsigned int>(type_t(F::type::terminal)))
      << "the handler was not called with the type emitted last (terminal)";

  typename F::signal lambda_signal;
  int calls = 0;
  type_t received = F::type::none;
  lambda_signal.slot().assign([&calls, &received](type_t t) {
    ++calls;
    received = t;
  });
  lambda_signal.emit(F::type::total);
  EXPECT_EQ(calls, 1) << "an emission did not call the lambda handler once";
  EXPECT_TRUE(received == F::type::total) << "the lambda handler was not called with the type emitted (total)";
});

}  // namespace
}  // namespace conformance
