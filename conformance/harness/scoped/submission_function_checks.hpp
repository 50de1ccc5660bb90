// Checks of the free functions dispatch, post and defer, paragraph by paragraph: [async.dispatch],
// [async.post] and [async.defer] say the same of each, but for the executor member each submits
// through. `Submit` is one of operations::detail::{dispatch,post,defer}_function; `Form` one of
// their descriptors (operations/post_dispatch_defer.hpp). Each check is a complete case body.
// A scoped header (conformance/harness/scoped/BUILD.bazel): only the units that use it see it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/executor_log.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/harness/scoped/editions_tokens.hpp"
#include "conformance/harness/scoped/non_executors.hpp"
#include "conformance/operations/detail/submission_forms.hpp"

namespace conformance::checks {

// Which function Submit calls, by the name of its (ctx, token) form.
template <class Submit>
constexpr std::string_view function_name() {
  return Submit::context_form.substr(0, Submit::context_form.find('.'));
}

// The submission style each function's wording asks of the executor it submits to.
template <class Submit>
constexpr submission_style style_of() {
  if constexpr (function_name<Submit>() == "post") {
    return submission_style::post;
  } else if constexpr (function_name<Submit>() == "defer") {
    return submission_style::defer;
  } else {
    return submission_style::dispatch;
  }
}

// Whether Submit's function can be called with arguments of these types (for the rules on its
// constraints).
template <class Submit, class... Arguments>
constexpr bool accepts() {
  if constexpr (function_name<Submit>() == "post") {
    return requires(Arguments&&... arguments) { net::post(std::forward<Arguments>(arguments)...); };
  } else if constexpr (function_name<Submit>() == "defer") {
    return requires(Arguments&&... arguments) { net::defer(std::forward<Arguments>(arguments)...); };
  } else {
    return requires(Arguments&&... arguments) { net::dispatch(std::forward<Arguments>(arguments)...); };
  }
}

// p2, p5, p9: the form's completion signature is void(): the token's async_result is
// instantiated with void(), and its handler completes the operation.
template <class Form>
void check_signature_is_void() {
  tokens::token_run<Form> run;
  run.record->expect_invocation();
  tokens::signature_log seen;
  tokens::with_editions_token<tokens::legacy_signature_token, tokens::initiate_signature_token>(
      run, [&](auto token) {
        seen = token.signature;
        initiate_guarded(run.instance, std::move(token));
      });
  run.run("a token whose async_result records its signature");
  EXPECT_EQ(seen.arguments(), 0) << Form::name << " instantiated the token's async_result with "
                                 << (seen.arguments() < 0 ? std::string("no signature of the form void(Args...)")
                                                          : "a signature of " + std::to_string(seen.arguments()) +
                                                                " arguments")
                                 << "; its completion signature is void()";
  EXPECT_EQ(run.record->invocations(), 1) << "the handler the token's async_result made ran "
                                          << run.record->invocations() << " times; expected once";
}

// p4, p7: the form returns what the token's async_result makes the initiating function return
// (get() in the TS, initiate() in Asio's editions).
template <class Form>
void check_returns_token_result() {
  tokens::token_run<Form> run;
  run.record->expect_invocation();
  tokens::with_editions_token<tokens::legacy_token, tokens::initiate_token>(run, [&](auto token) {
    using returned = decltype(initiate_guarded(run.instance, std::move(token)));
    if constexpr (std::is_same_v<returned, int>) {
      EXPECT_EQ(initiate_guarded(run.instance, std::move(token)), tokens::returned_value)
          << Form::name << " must return what the token's async_result gives";
    } else {
      initiate_guarded(run.instance, std::move(token));
      ADD_FAILURE() << Form::name << " returned " << tokens::return_type_description<returned>()
                    << "; it must return what the token's async_result gives, an int";
    }
  });
  run.run("a user-defined token");
  EXPECT_EQ(run.record->invocations(), 1) << "the handler the token's async_result made ran "
                                          << run.record->invocations() << " times; expected once";
}

// What a recording executor received, for messages.
inline std::string received(const executor_log& log) { return describe(log.submissions()); }

// Expects `log` to hold exactly one submission, of `style`, carrying `alloc`.
inline void expect_one_submission(const executor_log& log, submission_style style, const allocation_log* alloc,
                                  const std::string& whose) {
  const std::vector<submission> submissions = log.submissions();
  ASSERT_EQ(submissions.size(), 1u) << whose << " received: " << received(log) << "; expected one submission";
  EXPECT_EQ(submissions.front().style(), style) << whose << " received: " << received(log) << "; expected a "
                                                << (style == submission_style::post       ? "post"
                                                    : style == submission_style::defer   ? "defer"
                                                                                          : "dispatch")
                                                << "-style submission";
  EXPECT_EQ(submissions.front().allocator, alloc)
      << whose << " received: " << received(log) << "; the submission must carry the handler's associated allocator";
}

// A probe handler carrying a counting allocator as its associated allocator.
inline auto handler_with_allocator(const std::shared_ptr<probe_record>& record,
                                   const std::shared_ptr<allocation_log>& alloc) {
  return probe_handler(record).with_allocator(counting_allocator<void>(alloc));
}

// p3: f(token) submits the handler through the same member of its associated executor, with its
// associated allocator, inside the call.
template <class Submit, class Fixture>
void check_token_form_submission() {
  net::io_context ctx;
  Fixture ex2(ctx);
  const auto record = std::make_shared<probe_record>();
  const auto alloc2 = std::make_shared<allocation_log>();
  record->expect_invocation();
  {
    const initiation_guard inside;
    Submit{}(ex2.bind(handler_with_allocator(record, alloc2)));
  }
  expect_one_submission(ex2.log(), style_of<Submit>(), alloc2.get(),
                        std::string("the handler's associated executor (") + std::string(Fixture::name) + ")");
  run_bounded(ex2, ctx, std::string(Submit::associated_form) + " until its handler has run");
  EXPECT_EQ(record->invocations(), 1) << "the handler ran " << record->invocations() << " times; expected once";
}

// The executor argument of f(ex, token) in the p6 rules: a recording fixture's executor, named
// after the fixture. (Case "<ex>+<ex2>".)
template <class Fixture>
struct submission_target {
  static constexpr std::string_view name = Fixture::name;
  using fixture = Fixture;
};

template <class... Fixtures>
operation_list<submission_target<Fixtures>...> as_submission_targets(operation_list<Fixtures...>);
using recording_submission_targets = decltype(as_submission_targets(handler_executors::library_recording{}));

// p6: f(ex, token) gives ex, through the same member and with the handler's allocator, a
// function object that holds work on the handler's executor ex2, and that, when ex runs it,
// dispatches the handler to ex2 with that allocator and only then gives the work up.
template <class Submit, class ExFixture, class Ex2Fixture>
void check_executor_form_submission() {
  net::io_context ctx;
  ExFixture ex(ctx);
  Ex2Fixture ex2(ctx);
  const auto record = std::make_shared<probe_record>();
  const auto alloc2 = std::make_shared<allocation_log>();
  record->expect_invocation();
  {
    const initiation_guard inside;
    Submit{}(ex.executor(), ex2.bind(handler_with_allocator(record, alloc2)));
  }
  expect_one_submission(ex.log(), style_of<Submit>(), alloc2.get(), "ex, the executor argument,");
  EXPECT_TRUE(ex2.log().submissions().empty())
      << "before ex ran anything, the handler's executor ex2 already received: " << received(ex2.log())
      << "; the handler must reach ex2 only from the function object ex runs";
  EXPECT_GE(ex2.log().outstanding_work(), 1)
      << "when " << Submit::executor_form << " returned, no work was held on the handler's executor ex2; the "
      << "function object given to ex must hold a work guard for ex2";

  run_bounded(ex, ctx, std::string(Submit::executor_form) + " until its handler has run");
  EXPECT_EQ(record->invocations(), 1) << "the handler ran " << record->invocations() << " times; expected once";
  expect_one_submission(ex2.log(), submission_style::dispatch, alloc2.get(), "the handler's executor ex2");
  const std::vector<submission> to_ex2 = ex2.log().submissions();
  if (!to_ex2.empty()) {
    EXPECT_GE(to_ex2.front().outstanding_work, 1)
        << "ex2 received the handler while no work was held on it; the work guard must be reset only after "
           "the handler was dispatched";
  }
  EXPECT_EQ(ex2.log().outstanding_work(), 0)
      << "after the handler ran, work was still held on ex2; the function object must reset its work guard";
}

// An execution context whose executor is a recording fixture's: f(ctx, token) must submit
// through it, as f(ctx.get_executor(), token).
template <class Fixture>
class context_of_recording_executor : public net::execution_context {
 public:
  using executor_type = std::decay_t<decltype(std::declval<const Fixture&>().executor())>;
  explicit context_of_recording_executor(const Fixture& fixture) : executor_(fixture.executor()) {}
  executor_type get_executor() noexcept { return executor_; }

 private:
  executor_type executor_;
};

// p10: f(ctx, token) is f(ctx.get_executor(), token): the context's executor receives the
// submission, through the same member and with the handler's allocator, and the form returns
// what the token's async_result gives.
template <class Submit, class Fixture>
void check_context_form_uses_its_executor() {
  net::io_context io;
  Fixture recording(io);
  context_of_recording_executor<Fixture> ctx(recording);
  const auto record = std::make_shared<probe_record>();
  const auto alloc2 = std::make_shared<allocation_log>();
  record->expect_invocation();
  {
    const initiation_guard inside;
    // Bound to io's executor, so that no form can complete the handler on ctx's executor by
    // default: only a submission to ctx.get_executor() reaches it.
    Submit{}(ctx, net::bind_executor(io.get_executor(), handler_with_allocator(record, alloc2)));
  }
  const std::vector<submission> submissions = recording.log().submissions();
  ASSERT_FALSE(submissions.empty()) << "ctx.get_executor() received nothing; " << Submit::context_form
                                    << " must submit through it, as " << Submit::executor_form << " does";
  EXPECT_EQ(submissions.front().style(), style_of<Submit>())
      << "ctx.get_executor() received: " << received(recording.log()) << "; expected a " << function_name<Submit>()
      << "-style submission first";
  EXPECT_EQ(submissions.front().allocator, alloc2.get())
      << "ctx.get_executor() received: " << received(recording.log())
      << "; the submission must carry the handler's associated allocator";
  run_bounded(recording, io, std::string(Submit::context_form) + " until its handler has run");
  EXPECT_EQ(record->invocations(), 1) << "the handler ran " << record->invocations() << " times; expected once";
  check_returns_token_result<operations::detail::submitted_to_context<Submit>>();
}

// p8: f(ex, token) takes part in overload resolution only for an executor.
template <class Submit>
void check_executor_form_constrained() {
  EXPECT_TRUE((accepts<Submit, net::io_context::executor_type, probe_handler>()))
      << function_name<Submit>() << "(io_context's executor, handler) must be a viable call";
  EXPECT_FALSE((accepts<Submit, not_an_executor, probe_handler>()))
      << function_name<Submit>() << "(x, handler) is viable for an x that is neither an executor nor an execution "
      << "context; the (ex, token) form must take part in overload resolution only when is_executor_v<Executor>";
  EXPECT_FALSE((accepts<Submit, int, probe_handler>()))
      << function_name<Submit>() << "(int, handler) is viable; the (ex, token) form must take part in overload "
      << "resolution only when is_executor_v<Executor>";
}

// p11: f(ctx, token) takes part in overload resolution only for an execution context.
template <class Submit>
void check_context_form_constrained() {
  EXPECT_TRUE((accepts<Submit, net::io_context&, probe_handler>()))
      << function_name<Submit>() << "(io_context, handler) must be a viable call";
  EXPECT_FALSE((accepts<Submit, context_lookalike&, probe_handler>()))
      << function_name<Submit>() << "(x, handler) is viable for an x with executor_type and get_executor() that is no "
      << "execution_context; the (ctx, token) form must take part in overload resolution only when the argument "
      << "converts to execution_context&";
}

}  // namespace conformance::checks
