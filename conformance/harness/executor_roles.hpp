// A third party's executor in the two roles an asynchronous operation gives executors
// ([async.reqmts.async.io.exec], [async.reqmts.async.handler.exec]): as ex1, the executor the
// operation's I/O object is built on, and as ex2, the handler's associated executor. In a
// target of conformance_executor() (docs/adapters.md, "An executor"), whose identity header
// defines CONFORMANCE_EXECUTOR_ROLES, every executor subject that can take a role becomes a
// fixture of the rules over the library's real operations, and only those cases are
// registered (role_cases.hpp): the library's own fixtures are judged on the library's own target.
//
//   ex2:<subject>   the handler bound to the subject's executor (net::bind_executor), as a
//                   handler_executors fixture; needs the subject's run() and the executor's
//                   running_in_this_thread(), which tells the rules where the handler ran
//   ex2-recorded:<subject>
//                   the same under a recording executor over the subject's executor, for the
//                   rules that read what ex2 received; needs what ex2 needs and the TS members
//   ex1:<subject>   the I/O object built on a recording executor (probes/recording_ts_executor.hpp)
//                   over the subject's executor, which logs what the operation submits to it and
//                   the work it counts, as an io_executors fixture; needs TS members and run()
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/case_name.hpp"
#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/harness/role_cases.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/harness/target_description.hpp"

#ifdef CONFORMANCE_EXECUTOR_ROLES
#include "conformance/executors/subject.hpp"
#include CONFORMANCE_TARGET_EXECUTORS
#endif

namespace conformance::executor_roles {

// "<Role><subject name>", with static storage, for a fixture's name.
template <fixed_string Role, class Subject>
struct role_name {
  static constexpr std::size_t size = Role.view().size() + Subject::name.size();
  static constexpr std::array<char, size> text = [] {
    std::array<char, size> joined{};
    std::copy_n(Role.text, Role.view().size(), joined.begin());
    std::copy(Subject::name.begin(), Subject::name.end(), joined.begin() + Role.view().size());
    return joined;
  }();
  static constexpr std::string_view view{text.data(), size};
};

#ifdef CONFORMANCE_EXECUTOR_ROLES

// Runs the subject until it has no outstanding work, under a watchdog naming the role.
template <class Subject, class Instance>
void join_subject(Instance& subject, std::string_view role) {
  executors::run_until_out_of_work(
      subject, std::string(role) + " (" + std::string(Subject::name) + ") running until it is out of work");
}

template <class Executor>
using as_is = Executor;

// ex2: a handler_executors fixture (handler_executors.hpp) on Wrap<the subject's executor>.
// as_is puts the subject's executor itself in the role; basic_recording_ts_executor logs what
// the operation submits to ex2, and how, before forwarding it to the subject, for the rules
// that read that log (recorded_run.hpp).
template <class Subject, fixed_string Role, template <class> class Wrap>
class handler_executor_role : public role_fixture {
 public:
  using subject_executor = typename Subject::instance::executor_type;
  using executor_type = Wrap<subject_executor>;
  static constexpr std::string_view name = role_name<Role, Subject>::view;

  explicit handler_executor_role(net::io_context&) {}
  template <class Handler>
  auto bind(Handler handler) const {
    return net::bind_executor(executor_, std::move(handler));
  }
  // ctx on a helper thread while the subject runs out of work (run_joining, running.hpp): the
  // operation's work on ex2 keeps the subject running until the handler has run.
  void run(net::io_context& ctx) { run_joining(ctx, [&ctx] { ctx.run(); }, *this); }
  void join() { join_subject<Subject>(subject_, "the handler's executor"); }
  auto hold_work() const { return net::make_work_guard(inner_); }
  bool running_on_it() const { return inner_.running_in_this_thread(); }
  const executor_type& executor() const { return executor_; }
  executor_log& log() const
    requires requires(const executor_type& ex) { ex.log(); }
  {
    return executor_.log();
  }

 private:
  typename Subject::instance subject_;
  subject_executor inner_ = subject_.executor();
  executor_type executor_{inner_};
};

template <class Subject>
using as_handler_executor = handler_executor_role<Subject, "ex2:", as_is>;
template <class Subject>
using as_recorded_handler_executor = handler_executor_role<Subject, "ex2-recorded:", basic_recording_ts_executor>;

// ex1: an io_executors fixture (io_executors.hpp) whose recording executor forwards to the
// subject's executor. It has no settle(): the I/O object's services live in the subject's
// context, whose I/O completions run on threads the suite cannot wait for (Asio gives a
// context that is not an io_context a scheduler thread of its own), so the checks that need a
// settled count say so (checks/work_checks.hpp) instead of reading it too early.
template <class Subject>
class as_io_executor : public role_fixture {
 public:
  using subject_executor = typename Subject::instance::executor_type;
  using executor_type = basic_recording_ts_executor<subject_executor>;
  static constexpr std::string_view name = role_name<"ex1:", Subject>::view;

  explicit as_io_executor(net::io_context&) {}
  executor_type make() const { return executor_type(inner_); }
  static recording_ts_executor make_on(net::io_context& other) { return recording_ts_executor(other); }
  void join() { join_subject<Subject>(subject_, "the I/O executor"); }
  auto hold_work() const { return net::make_work_guard(inner_); }

 private:
  typename Subject::instance subject_;
  subject_executor inner_ = subject_.executor();
};

namespace detail {
template <class Subject>
using can_be_ex2 = std::bool_constant<executors::counts_work<typename Subject::instance> &&
                                      requires(const typename Subject::instance::executor_type& ex) {
                                        { ex.running_in_this_thread() } -> std::convertible_to<bool>;
                                      }>;
template <class Subject>
using can_be_ex1 = std::bool_constant<Subject::traits.ts_members && executors::counts_work<typename Subject::instance>>;

template <class Subject>
using can_be_recorded_ex2 = std::bool_constant<can_be_ex1<Subject>::value && can_be_ex2<Subject>::value>;

template <template <class> class Fixture, class Subjects>
struct each_as;
template <template <class> class Fixture, class... Subjects>
struct each_as<Fixture, operation_list<Subjects...>> {
  using type = operation_list<Fixture<Subjects>...>;
};
}  // namespace detail

// The subjects that can take each role, as fixtures.
using as_ex2 =
    typename detail::each_as<as_handler_executor, selected_t<detail::can_be_ex2, target_executors::all>>::type;
using as_ex1 = typename detail::each_as<as_io_executor, selected_t<detail::can_be_ex1, target_executors::all>>::type;
// Under a recording executor, ex2 needs what both roles need: the recording executor forwards
// the TS members, and the rules ask the subject's executor where the handler ran.
using as_recorded_ex2 =
    typename detail::each_as<as_recorded_handler_executor,
                             selected_t<detail::can_be_recorded_ex2, target_executors::all>>::type;

#else
using as_ex2 = operation_list<>;
using as_ex1 = operation_list<>;
using as_recorded_ex2 = operation_list<>;
#endif

}  // namespace conformance::executor_roles
