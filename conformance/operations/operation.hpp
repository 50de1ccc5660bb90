// The operation descriptor contract: how a rule starts one async operation and judges its result.
//
// A descriptor is a default-constructible struct with
//   static constexpr std::string_view name;      // stable, e.g. "steady_timer.async_wait"
//   static constexpr completion completes;       // how it finishes once started (below)
//   using signature = void(...);                  // its completion signature
//   class instance {                              // the I/O objects of one run
//    public:
//     explicit instance(net::io_context& ctx);   // ex1 is ctx.get_executor()
//     template <class Token>
//     decltype(auto) initiate(Token&& token);     // starts the operation, exactly once
//     expectation expected() const;               // what the handler must receive (below)
//     void cancel();                              // only when completes == never (below)
//     bool completed_during_initiation();         // optional, for may_be_immediate (below)
//     std::string missing_side_effects(const outcome&);  // optional (below)
//     using buffer_type = ...;                    // optional, with initiate_with_buffers (below)
//     std::chrono::steady_clock::time_point due() const;  // optional (below)
//     template <class Wrap, class Token>
//     decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token);
//     void join();                                // optional, with get_executor() (below)
//   };
//   template <class Executor>                     // optional (below)
//   using instance_on = ...;                      // the same run, on a chosen I/O executor
// After initiate() and ctx.run(), an operation whose `completes` is not `never` has
// invoked its handler, within a bounded time and without any other help from the rule.
// Rules apply themselves to every descriptor in a list (operations/all.hpp) for which
// they are meaningful, selecting by `completes` and by the signature.
//
// The token may be any completion token, in particular a move-only handler with its own
// associated executor (e.g. bound to a strand or to another io_context's executor, which the
// rule must then run as well) or allocator. An instance is neither copied nor moved: build it
// in place, after the io_context it uses (so that it is destroyed first), and call initiate()
// once. Destroying an instance with its operation outstanding cancels the operation (its
// handler then receives operation_aborted when the context next runs, or is destroyed with
// the context).
//
// Results. A rule's handler turns whatever it received into an `outcome` with outcome_of(...)
// and asks `instance.expected().accepts(outcome)`; `expected().description()` and
// describe(outcome) make the failure message. For `never` operations, expected() is the result
// after cancel(). Any completion signature works: an error_code and a byte count are stated as
// {.error = ..., .bytes = byte_range{...}}; anything else with expect_values<Args...>(what, check),
// e.g. for void(error_code, tcp::endpoint):
//   expect_values<target::error_code, net::ip::tcp::endpoint>(
//       "success and the listener's endpoint",
//       [peer](const target::error_code& e, const net::ip::tcp::endpoint& p) { return !e && p == peer; });
//
// cancel() exists only on `never` descriptors: it makes the outstanding operation complete
// with operation_aborted through its I/O object (timer.cancel(), socket.cancel()). Like every
// use of an I/O object it must not run concurrently with the context's use of that object:
// call it before run(), or from a handler running on the context.
//
// completed_during_initiation(), offered by may_be_immediate descriptors that can tell, says
// whether the operation itself finished inside initiate() (e.g. the written bytes already
// reached the peer), i.e. which case of [async.reqmts.async.completion] p3 the library is in.
// Call it right after initiate() and before the context runs. has_completion_report<Op>() says
// whether a descriptor offers it.
//
// missing_side_effects(result), offered by descriptors whose operation has observable side
// effects ([async.reqmts.async.concepts] p2: the bytes read are in the buffer, the bytes written
// can be read by the peer, the socket is connected, the timer's expiry has passed), describes
// those of them that are not (yet) in place for a handler that received `result`; empty when
// all are. Call it from inside the handler. has_side_effect_check<Op>() says whether a
// descriptor offers it.
//
// initiate_with_buffers(wrap, token), offered by descriptors whose operation takes a buffer
// argument (they name its type net::mutable_buffer or net::const_buffer as buffer_type), starts
// the same operation as initiate(token) but passes wrap(buffer) as the buffer argument, so that a
// rule can pass a buffer sequence of its own (e.g. a lifetime-tracked one,
// [async.reqmts.async.lifetime]); wrap's result is a temporary of the initiating call.
// takes_buffer_argument<Op>() says whether a descriptor offers it.
//
// due(), offered by `later` descriptors that know when their operation completes by itself (a
// timer: its expiry time), is that time point; called right after initiate(). The initiating
// function must have returned before it ([async.reqmts.async.non.blocking]): one that waits
// for the operation is caught however short the operation is. has_due_time<Op>() says whether
// a descriptor offers it.
//
// instance_on<Executor>, offered by descriptors whose operation can be started on an I/O
// executor of the rule's choosing, is a class like `instance` constructed from
// (net::io_context& ctx, const Executor& ex1): the operation's I/O object is built on ex1 (for
// a free function such as post(ex, token), ex1 is its executor argument), everything else (a
// peer socket, a listener) on ctx, which runs ex1's work. The rules of
// [async.reqmts.async.io.exec] and [async.reqmts.async.work] build it on recording executors
// (harness/io_executors.hpp) to see what the operation does with ex1.
// runs_on_chosen_executor<Op>() says whether a descriptor offers it. A descriptor usually writes
// its run as one class template over the type of its I/O object, built from
// io_object_on(ctx, ex1...) (ex1 when given, else ctx), and takes both members from
// runs_on_any_executor:
//   template <class Timer> class expiring_wait {
//    public:
//     template <class... On>
//     explicit expiring_wait(net::io_context& ctx, const On&... ex1) : timer_(io_object_on(ctx, ex1...)) {}
//     ...
//   };
//   struct my_wait : runs_on_any_executor<expiring_wait, net::steady_timer, timer_on> { ... };
//
// join(), offered by an instance whose I/O object lives on a context of its own that runs on
// threads of its own (a thread_pool the instance owns, or a strand over one), blocks until
// that context has run out of work; such an instance also offers get_executor(), its I/O
// executor (ex1), whose running_in_this_thread() tells where a handler with no executor of its
// own must run (and on which a rule queues what must run after such a handler: keep that
// context to one thread, or make ex1 a strand). The rules wait for it wherever they run ctx
// (harness/running.hpp's run_bounded: ctx keeps running meanwhile), so "after initiate() and
// ctx.run()" above reads "after initiate(), ctx.run() and join()"; the operation's work on its
// I/O executor is what keeps that context from running out early. A rule that needs the handler
// on a thread running ctx (an exception leaving ctx.run()) leaves such descriptors out. The
// per-operation memory rule's warm-up of a `repeatable` one (below) waits for the handler, not
// for join() (which ends a thread pool for good), and then starts the measured operation on the
// same instance. drives_own_context<Op>() says whether a descriptor offers it.
//
// The one operation whose handler may run inside its initiating function is dispatch
// ([async.dispatch]: the handler goes through ex.dispatch, which runs it inline when the
// caller already runs on ex). Its descriptors declare
//   static constexpr bool may_invoke_handler_inline = true;
// and handler_may_run_inline<Op>() reports it; for every other descriptor a handler invoked
// inside initiate() breaks [async.reqmts.async.completion].
//
// A composed operation declares
//   static constexpr bool composed = true;
// promising at least two intermediate asynchronous steps, each completed through an
// intermediate handler, so that the [async.reqmts.async.composed] rules apply to it
// (is_composed_operation<Op>()); the suite's own composed operations declare it too.
// A descriptor whose instance can start its operation again once the previous one has
// completed and the context has run out of work, doing the same on the same objects, declares
//   static constexpr bool repeatable = true;
// (is_repeatable<Op>()): the per-operation memory rule then warms up on the very objects it
// measures (memory an I/O object allocates once, on its first operation, is then the
// object's, not the operation's); without it the warm-up uses a second instance.
// A descriptor whose completion values own memory of their own (a resolver's results, a string
// the library creates) declares
//   static constexpr bool values_own_memory = true;
// (completion_values_own_memory<Op>()): the per-operation memory rule then counts only the
// allocations released before the handler runs (certainly the operation's), and takes those
// still held when it runs for the values'.
// A target adds descriptors of its own through conformance_target(operations = "header.hpp"),
// whose header declares `conformance::target_operations::all` as an operation_list of them
// (docs/adapters.md); rules then apply to them exactly as to the suite's own.
#pragma once

#include <any>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::operations {

enum class completion {
  later,             // never inside the initiating function (a timer, a pending read)
  immediately,       // always inside it (e.g. a read on a closed socket)
  may_be_immediate,  // either, depending on the library (e.g. a write with buffer space)
  never,             // stays outstanding until cancelled or the context is stopped
};

inline std::string describe(const target::error_code& error) {
  const std::string category = error.category().name();
  if (error) return "error " + std::to_string(error.value()) + " (" + error.message() + ", " + category + ")";
  // Success is any zero value; name the category when it is not the default one.
  return error.category() == target::error_code().category() ? "success" : "success (0 in " + category + ")";
}

inline std::string describe(std::size_t bytes) { return std::to_string(bytes) + " bytes"; }

inline std::string describe(const std::exception_ptr& exception) {
  if (!exception) return "no exception";
  try {
    std::rethrow_exception(exception);
  } catch (const std::exception& e) {
    return std::string("an exception: ") + e.what();
  } catch (...) {
    return "an exception not derived from std::exception";
  }
}

// Any other completion argument: as its operator<< prints it, else by its type.
template <class T>
std::string describe(const T& value) {
  if constexpr (requires(std::ostream& out) { out << value; }) {
    std::ostringstream text;
    text << value;
    return text.str();
  } else {
    return std::string("a value of type ") + typeid(T).name();
  }
}

// What a handler received, whatever the signature: how many arguments, the first error_code
// (success when there is none) and the first std::size_t (the byte count of reads and writes),
// every argument described, and, when they can all be copied, the arguments themselves as a
// std::tuple of their decayed types, for descriptors whose expectation checks other values.
struct outcome {
  std::size_t count = 0;
  target::error_code error{};
  std::optional<std::size_t> bytes{};
  std::string text = "success";
  std::any values{};
};

template <class... Args>
outcome outcome_of(const Args&... args) {
  outcome result;
  result.count = sizeof...(Args);
  bool seen_error = false;
  [[maybe_unused]] const auto note = [&](const auto& arg) {
    using type = std::decay_t<decltype(arg)>;
    if constexpr (std::is_same_v<type, target::error_code>) {
      if (!std::exchange(seen_error, true)) result.error = arg;
    } else if constexpr (std::is_same_v<type, std::size_t>) {
      if (!result.bytes) result.bytes = arg;
    }
  };
  (note(args), ...);
  if constexpr (sizeof...(Args) > 0) {
    result.text.clear();
    ((result.text += (result.text.empty() ? "" : ", ") + describe(args)), ...);
  }
  if constexpr ((std::is_copy_constructible_v<std::decay_t<const Args&>> && ...)) {
    result.values = std::tuple<std::decay_t<const Args&>...>(args...);
  }
  return result;
}

inline const std::string& describe(const outcome& result) { return result.text; }

struct byte_range {
  std::size_t at_least = 0;
  std::size_t at_most = 0;
};

// What an instance's handler must receive: exactly `error` (default: success) and, for
// signatures with a byte count, a count within `bytes`; or, for any other signature, what
// `values` accepts (expect_values below), described by `values_description`.
struct expectation {
  target::error_code error{};
  std::optional<byte_range> bytes{};
  std::function<bool(const outcome&)> values{};
  std::string values_description{};

  bool accepts(const outcome& result) const {
    if (values) return values(result);
    // Success is "no error" whatever the category of the zero value (Asio keeps the category
    // of an earlier failed attempt when it clears an error_code); failures must match exactly.
    if (error ? result.error != error : static_cast<bool>(result.error)) return false;
    if (!bytes) return !result.bytes;
    return result.bytes && *result.bytes >= bytes->at_least && *result.bytes <= bytes->at_most;
  }

  std::string description() const {
    if (values) return values_description;
    std::string text = describe(error);
    if (!bytes) return text;
    if (bytes->at_least == bytes->at_most) return text + ", " + std::to_string(bytes->at_least) + " bytes";
    return text + ", " + std::to_string(bytes->at_least) + " to " + std::to_string(bytes->at_most) + " bytes";
  }
};

// The expectation of a descriptor whose handler receives arguments of types Args... (its
// signature's, decayed): `accepts(args...)` says whether they are right, `description` what
// right is, in words for failure messages.
template <class... Args, class Predicate>
expectation expect_values(std::string description, Predicate accepts) {
  return {.values = [accepts](const outcome& result) {
            const auto* received = std::any_cast<std::tuple<Args...>>(&result.values);
            return received != nullptr && std::apply(accepts, *received);
          },
          .values_description = std::move(description)};
}

template <class Op>
concept descriptor = requires {
  { Op::name } -> std::convertible_to<std::string_view>;
  { Op::completes } -> std::convertible_to<completion>;
  typename Op::signature;
  typename Op::instance;
} && std::constructible_from<typename Op::instance, net::io_context&> &&
  requires(const typename Op::instance& operation) {
    { operation.expected() } -> std::same_as<expectation>;
  } && (Op::completes != completion::never || requires(typename Op::instance& operation) { operation.cancel(); }) &&
  // An instance with a context of its own says which executor it is (see join() above).
  (!requires(typename Op::instance& operation) { operation.join(); } ||
   requires(const typename Op::instance& operation) { operation.get_executor(); });

template <class Op>
constexpr bool handler_may_run_inline() {
  if constexpr (requires { Op::may_invoke_handler_inline; }) {
    return Op::may_invoke_handler_inline;
  } else {
    return false;
  }
}

template <class Op>
constexpr bool is_composed_operation() {
  if constexpr (requires { Op::composed; }) {
    return Op::composed;
  } else {
    return false;
  }
}

template <class Op>
constexpr bool is_repeatable() {
  if constexpr (requires { Op::repeatable; }) {
    return Op::repeatable;
  } else {
    return false;
  }
}

template <class Op>
constexpr bool completion_values_own_memory() {
  if constexpr (requires { Op::values_own_memory; }) {
    return Op::values_own_memory;
  } else {
    return false;
  }
}

template <class Op>
constexpr bool has_completion_report() {
  return requires(typename Op::instance& operation) {
    { operation.completed_during_initiation() } -> std::convertible_to<bool>;
  };
}

template <class Op>
constexpr bool has_side_effect_check() {
  return requires(typename Op::instance& operation, const outcome& result) {
    { operation.missing_side_effects(result) } -> std::convertible_to<std::string>;
  };
}

template <class Op>
constexpr bool takes_buffer_argument() {
  return requires { typename Op::buffer_type; };
}

template <class Op>
constexpr bool has_due_time() {
  return requires(const typename Op::instance& operation) {
    { operation.due() } -> std::convertible_to<std::chrono::steady_clock::time_point>;
  };
}

template <class Op>
constexpr bool runs_on_chosen_executor() {
  return requires { typename Op::template instance_on<net::io_context::executor_type>; };
}

template <class Op>
constexpr bool drives_own_context() {
  return requires(typename Op::instance& operation) { operation.join(); };
}

// The instance and instance_on of a descriptor whose run is a class template over the type of its
// I/O object: Run<Default>, the library's own type on ctx, and Run<On<Executor>>, the same kind
// of object on a chosen executor.
template <template <class> class Run, class Default, template <class> class On>
struct runs_on_any_executor {
  using instance = Run<Default>;
  template <class Executor>
  using instance_on = Run<On<Executor>>;
};

// What an instance builds its I/O object on: the chosen I/O executor of instance_on, else ctx.
inline net::io_context& io_object_on(net::io_context& ctx) { return ctx; }
template <class Executor>
const Executor& io_object_on(net::io_context&, const Executor& ex1) {
  return ex1;
}

}  // namespace conformance::operations
