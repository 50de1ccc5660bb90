// rule:   async.reqmts.executioncontext/derives-from-execution-context
// rule:   async.reqmts.executioncontext/executor-type-is-executor
// rule:   async.reqmts.executioncontext/destruction-destroys-unrun-functions
// rule:   async.reqmts.executioncontext/get-executor-names-the-context
// clause: [async.reqmts.executioncontext] p1, p2 (the ExecutionContext
// requirements table) The execution context of every executor subject whose
// instance offers context(): its type is an ExecutionContext.
#include <memory>
#include <optional>
#include <type_traits>

#include "conformance/executors/all.hpp"
#include "conformance/harness/probes/lifetime_tracked.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class Instance>
using context_of = std::remove_reference_t<decltype(std::declval<Instance&>().context())>;

// The body of a rule that needs the subject's context(): UNSUPPORTED without
// it.
template <class Subject, class Body>
void with_context_type(Body body) {
  using Instance = typename Subject::instance;
  if constexpr (!executors::has_own_context<Instance>) {
    UNSUPPORTED("the subject's instance has no context()");
  } else {
    body(std::type_identity<context_of<Instance>>{});
  }
}

CONFORMANCE_RULE(
    "async.reqmts.executioncontext/derives-from-execution-context", executors::ts_style, [](auto subject_type) {
      with_context_type<decltype(subject_type)>([](auto context_type) {
        using context = typename decltype(context_type)::type;
        EXPECT_TRUE((std::is_base_of_v<net::execution_context, context>))
            << "the subject's context type does not derive from execution_context";
        EXPECT_TRUE((std::is_convertible_v<context*, net::execution_context*>))
            << "the subject's context type does not derive publicly and unambiguously from execution_context";
      });
    });

CONFORMANCE_RULE("async.reqmts.executioncontext/executor-type-is-executor", executors::ts_style, [](auto subject_type) {
  with_context_type<decltype(subject_type)>([](auto context_type) {
    using context = typename decltype(context_type)::type;
    EXPECT_TRUE(net::is_executor<typename context::executor_type>::value)
        << "the subject's context type has an executor_type that is not an Executor";
  });
});

CONFORMANCE_RULE(
    "async.reqmts.executioncontext/get-executor-names-the-context", executors::ts_style, [](auto subject_type) {
      using Instance = typename decltype(subject_type)::instance;
      if constexpr (!executors::has_own_context<Instance>) {
        UNSUPPORTED("the subject's instance has no context()");
      } else {
        Instance subject;
        auto& context = subject.context();
        using context_type = std::remove_reference_t<decltype(context)>;
        EXPECT_TRUE((std::is_same_v<decltype(context.get_executor()), typename context_type::executor_type>))
            << "get_executor() does not return executor_type";
        EXPECT_EQ(static_cast<const void*>(&context.get_executor().context()), static_cast<const void*>(&context))
            << "get_executor() returns an executor whose context() is another context";
      }
    });

// Functions submitted through the subject's executor, from outside any function
// it runs, and never run: the context's destruction (the instance's) destroys
// every copy of them.
CONFORMANCE_RULE(
    "async.reqmts.executioncontext/destruction-destroys-unrun-functions", executors::ts_owning_context,
    [](auto subject_type) {
      const auto log = std::make_shared<lifetime_log>();
      {
        typename decltype(subject_type)::instance subject;
        const auto ex = subject.executor();
        for (int i = 0; i < 3; ++i) {
          ex.post([tracked = lifetime_tracked(log)] { (void)tracked; }, std::allocator<void>());
          ex.defer([tracked = lifetime_tracked(log)] { (void)tracked; }, std::allocator<void>());
        }
      }
      EXPECT_EQ(log->live(), 0)
          << log->live()
          << " copies of functions submitted with post or defer outlived the destruction of their execution context";
    });

}  // namespace
}  // namespace conformance
