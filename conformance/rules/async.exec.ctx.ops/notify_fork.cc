// rule:   async.exec.ctx.ops/notify-fork-order
// clause: [async.exec.ctx.ops] p1
// notify_fork(e) passes e to every service: newest first for a fork about to happen
// (prepare), oldest first after it (parent, child).
#include <string>
#include <vector>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/logged_service.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class Event>
std::vector<std::string> fork_log(Event event, std::initializer_list<int> ids) {
  std::vector<std::string> expected;
  for (const int id : ids)
    expected.push_back("fork " + std::to_string(static_cast<int>(event)) + " " + std::to_string(id));
  return expected;
}

CONFORMANCE_RULE("async.exec.ctx.ops/notify-fork-order", facilities::execution_context, [](auto facility) {
  using context = typename decltype(facility)::context;
  using events = fork_events<context>;
  context ctx;
  net::use_service<logged_service<context, 1>>(ctx);
  net::make_service<logged_service<context, 2>>(ctx);
  net::use_service<logged_service<context, 3>>(ctx);
  const std::pair<typename events::type, std::vector<std::string>> cases[] = {
      {events::prepare, fork_log(events::prepare, {3, 2, 1})},
      {events::parent, fork_log(events::parent, {1, 2, 3})},
      {events::child, fork_log(events::child, {1, 2, 3})},
  };
  for (const auto& [event, expected] : cases) {
    service_log::clear();
    ctx.notify_fork(event);
    EXPECT_EQ(service_log::events(), expected) << "notify_fork(" << static_cast<int>(event)
                                               << ") did not reach the services in the order the clause gives "
                                                  "(0: prepare, newest first; 1, 2: parent, child, oldest first)";
  }
});

}  // namespace
}  // namespace conformance
