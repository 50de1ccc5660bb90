// rule:   asio.async.completion.f/handler-invoked-as-rvalue
// clause: [asio.async.completion.f] p1
// Asio 1.28's f calls the handler as an rvalue, std::move(handler)(args...): a handler whose
// call operator exists only for rvalues is accepted by every operation and invoked exactly once.
// Its own translation unit: libraries that call handlers as lvalues (Asio 1.18) reject such a
// handler at compile time, which must not take other rules' verdicts with it.
#include <memory>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.async.completion.f/handler-invoked-as-rvalue", operations::all_completing,
                 [](auto operation) {
                   net::io_context ctx;
                   typename decltype(operation)::instance instance(ctx);
                   const auto record = std::make_shared<probe_record>();
                   record->expect_invocation();
                   instance.initiate(rvalue_probe_handler(record));
                   run_bounded(ctx, std::string(decltype(operation)::name) + " until its handler has run", instance);
                   EXPECT_EQ(record->invocations(), 1)
                       << "a handler callable only as an rvalue was invoked " << record->invocations()
                       << " times; f must call it as std::move(handler)(args...), exactly once";
                 });

}  // namespace
}  // namespace conformance
