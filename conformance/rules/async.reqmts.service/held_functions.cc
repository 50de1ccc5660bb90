// rule:   async.reqmts.service/shutdown-destroys-held-functions
// clause: [async.reqmts.service] p5
// The services behind every executor subject that can shut its context down: once shutdown()
// has run, every copy of a function submitted and not yet run has been destroyed, before the
// context itself is.
#include <memory>

#include "conformance/executors/all.hpp"
#include "conformance/harness/probes/lifetime_tracked.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.reqmts.service/shutdown-destroys-held-functions", executors::ts_shutting_down,
                 [](auto subject_type) {
                   const auto log = std::make_shared<lifetime_log>();
                   typename decltype(subject_type)::instance subject;
                   const auto ex = subject.executor();
                   for (int i = 0; i < 3; ++i) {
                     ex.post([tracked = lifetime_tracked(log)] { (void)tracked; }, std::allocator<void>());
                     ex.defer([tracked = lifetime_tracked(log)] { (void)tracked; }, std::allocator<void>());
                   }
                   subject.shutdown_context();
                   EXPECT_EQ(log->live(), 0) << log->live()
                                             << " copies of submitted functions were still alive after the context's "
                                                "shutdown()";
                 });

}  // namespace
}  // namespace conformance
