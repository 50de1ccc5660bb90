// rule:   async.system.exec/work-counting-does-nothing
// rule:   async.system.exec/meets-executor-requirements
// clause: [async.system.exec] p1-p2
// The library's system_executor: default constructible, an Executor, and its
// work counting does nothing, so work it was told about never keeps the system
// context from being joined.
#include <atomic>
#include <memory>
#include <type_traits>

#include "conformance/executors/facilities.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.system.exec/work-counting-does-nothing", facilities::system_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  const executor ex;
  ex.on_work_started();
  ex.on_work_started();
  std::atomic<bool> ran{false};
  ex.post([&ran] { ran = true; }, std::allocator<void>());
  ASSERT_TRUE(executors::wait_until([&ran] { return ran.load(); }))
      << "a function posted to system_executor did not run within the time limit";
  auto& context = ex.context();
  context.stop();
  const watchdog guard("system_context::join() after on_work_started() without on_work_finished()", run_time_limit);
  context.join();
});

CONFORMANCE_RULE("async.system.exec/meets-executor-requirements", facilities::system_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  EXPECT_TRUE(std::is_default_constructible_v<executor>) << "system_executor is not DefaultConstructible";
  EXPECT_TRUE(std::is_destructible_v<executor>) << "system_executor is not Destructible";
  EXPECT_TRUE(net::is_executor<executor>::value) << "is_executor<system_executor> is false";
  const executor a;
  const executor b = a;
  EXPECT_TRUE(a == b) << "a copy of a system_executor compares unequal to it";
});

}  // namespace
}  // namespace conformance
