// rule:   async.reqmts.executor/copy-equals-source
// rule:   async.reqmts.executor/move-keeps-source-value
// rule:   async.reqmts.executor/equality-is-an-equivalence
// rule:   async.reqmts.executor/inequality-negates-equality
// rule:   async.reqmts.executor/context-is-the-executors-context
// clause: [async.reqmts.executor] p6, rows copy, move, eq, ne and context of the Executor
//         requirements table
// An executor is a value: copies and moves compare equal to the original and refer to the same
// context; executors that are not interchangeable (another context, another strand) compare
// unequal; context() names the context the executor was obtained from, whatever is done with it.
#include <memory>
#include <utility>

#include "conformance/executors/all.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// The context an executor of the subject must refer to: the instance's own, when it says which.
template <class Instance, class Executor>
const void* expected_context(Instance& subject, const Executor& ex) {
  if constexpr (executors::has_own_context<Instance>) {
    return static_cast<const void*>(&subject.context());
  } else {
    return static_cast<const void*>(&ex.context());
  }
}

CONFORMANCE_RULE("async.reqmts.executor/copy-equals-source", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto source = subject.executor();
  const auto copy(source);
  EXPECT_TRUE(copy == source) << "a copy of the executor does not compare equal to its source";
  EXPECT_EQ(static_cast<const void*>(&copy.context()), static_cast<const void*>(&source.context()))
      << "a copy of the executor refers to another context than its source";
  EXPECT_EQ(static_cast<const void*>(&copy.context()), expected_context(subject, source))
      << "a copy of the executor does not refer to the context it was obtained from";
});

CONFORMANCE_RULE("async.reqmts.executor/move-keeps-source-value", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  auto source = subject.executor();
  const auto before(source);
  const void* const context_before = &source.context();
  const auto moved(std::move(source));
  EXPECT_TRUE(moved == before) << "an executor moved from another does not equal the source's earlier value";
  EXPECT_EQ(static_cast<const void*>(&moved.context()), context_before)
      << "an executor moved from another does not refer to the source's earlier context";
});

CONFORMANCE_RULE("async.reqmts.executor/equality-is-an-equivalence", executors::ts_style, [](auto subject_type) {
  using Instance = typename decltype(subject_type)::instance;
  Instance subject;
  const auto a = subject.executor();
  const auto b = subject.executor();
  const auto c(b);
  EXPECT_TRUE(a == a) << "an executor does not compare equal to itself";
  EXPECT_EQ(a == b, b == a) << "== is not symmetric";
  EXPECT_TRUE(b == c && c == b) << "an executor and its copy do not compare equal both ways";
  if (a == b && b == c) {
    EXPECT_TRUE(a == c) << "== is not transitive";
  }
  if constexpr (executors::has_other_executor<Instance>) {
    const auto other = subject.other_executor();
    EXPECT_FALSE(a == other) << "executors that are not interchangeable (another context, or another strand) "
                                "compare equal";
    EXPECT_FALSE(other == a) << "executors that are not interchangeable compare equal (other == this)";
  }
});

CONFORMANCE_RULE("async.reqmts.executor/inequality-negates-equality", executors::ts_style,
                 [](auto subject_type) {
                   using Instance = typename decltype(subject_type)::instance;
                   Instance subject;
                   const auto a = subject.executor();
                   const auto copy(a);
                   EXPECT_EQ(a != copy, !(a == copy)) << "!= of an executor and its copy is not the negation of ==";
                   EXPECT_EQ(a != a, !(a == a)) << "!= of an executor and itself is not the negation of ==";
                   if constexpr (executors::has_other_executor<Instance>) {
                     const auto other = subject.other_executor();
                     EXPECT_EQ(a != other, !(a == other))
                         << "!= of two executors that are not interchangeable is not the negation of ==";
                   }
                 });

CONFORMANCE_RULE("async.reqmts.executor/context-is-the-executors-context", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = subject.executor();
  const void* const first = &ex.context();
  EXPECT_EQ(first, expected_context(subject, ex)) << "context() does not name the context the executor came from";
  // No required operation changes which object context() names.
  ex.on_work_started();
  ex.on_work_finished();
  auto copy = ex;
  copy = subject.executor();
  EXPECT_EQ(static_cast<const void*>(&ex.context()), first) << "context() names another object after work counting";
  EXPECT_EQ(static_cast<const void*>(&copy.context()), first) << "context() of an assigned copy names another object";
});

}  // namespace
}  // namespace conformance
