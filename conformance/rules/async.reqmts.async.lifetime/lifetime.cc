// rule:   async.reqmts.async.lifetime/argument-copies-destroyed-after-handler
// rule:   async.reqmts.async.lifetime/argument-not-used-after-return
// clause: [async.reqmts.async.lifetime] p1 (arguments other than pointers and non-const lvalue
//         references may be copied, but every copy is destroyed no later than just after the
//         handler is invoked; the arguments themselves are not relied on after the initiating
//         function returns)
// Copies: a copyable handler, and (for operations with a buffer argument, where the library
// takes buffer sequences) a lifetime-tracked buffer sequence, are passed to every operation;
// the next function run on the handler's executor after the handler finds no copy of either
// alive, for every single-threaded handler executor. Not relied on: the caller's handler (passed as an lvalue)
// and buffer sequence are destroyed as soon as the initiating function returns; the operation
// must complete through its own copies without touching them.
// The reference implementation takes single buffers (const mutable_buffer& / const_buffer&),
// not buffer sequences: there only the handler is checked.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/lifetime_tracked.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/queue.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

template <class Socket, class Buffers>
constexpr bool reads_into_buffer_sequences = requires(Socket& socket, const Buffers& buffers) {
  socket.async_read_some(buffers, probe_handler(nullptr));
};

// Whether the library's operations take buffer sequences (Asio) or single buffers only.
constexpr bool library_takes_buffer_sequences =
    reads_into_buffer_sequences<net::ip::tcp::socket, tracked_mutable_buffers>;

template <class Op>
constexpr bool passes_tracked_buffers() {
  if constexpr (library_takes_buffer_sequences) {
    return operations::takes_buffer_argument<Op>();
  } else {
    return false;
  }
}

// Wraps the descriptor's buffer in a new tracked buffer sequence (a temporary of the call).
class tracked_copy {
 public:
  explicit tracked_copy(std::shared_ptr<lifetime_log> log) : log_(std::move(log)) {}
  tracked_mutable_buffers operator()(const net::mutable_buffer& buffer) const { return {log_, buffer}; }
  tracked_const_buffers operator()(const net::const_buffer& buffer) const { return {log_, buffer}; }

 private:
  std::shared_ptr<lifetime_log> log_;
};

// An argument the caller destroys explicitly, whose storage outlives it: a later use by the
// library then meets the tracker's "destroyed" mark instead of freed memory. (Not std::optional:
// GCC 12 at -O1 reports a false maybe-uninitialized in optional<tracked_buffer_sequence>.)
template <class T>
class destroyable_argument {
 public:
  destroyable_argument() = default;
  destroyable_argument(const destroyable_argument&) = delete;
  destroyable_argument& operator=(const destroyable_argument&) = delete;
  ~destroyable_argument() { destroy(); }

  template <class... Args>
  T& emplace(Args&&... args) {
    destroy();
    value_ = std::construct_at(reinterpret_cast<T*>(storage_), std::forward<Args>(args)...);
    return *value_;
  }
  void destroy() noexcept {
    if (value_ != nullptr) std::destroy_at(std::exchange(value_, nullptr));
  }

 private:
  alignas(T) std::byte storage_[sizeof(T)];
  T* value_ = nullptr;
};

// Wraps the descriptor's buffer in a tracked buffer sequence the rule owns and passes it as an
// lvalue, so that the rule can destroy it right after the initiating function returns.
template <class Buffer>
class caller_owned {
 public:
  caller_owned(std::shared_ptr<lifetime_log> log, destroyable_argument<tracked_buffer_sequence<Buffer>>& storage)
      : log_(std::move(log)), storage_(&storage) {}
  const tracked_buffer_sequence<Buffer>& operator()(const Buffer& buffer) const { return storage_->emplace(log_, buffer); }

 private:
  std::shared_ptr<lifetime_log> log_;
  destroyable_argument<tracked_buffer_sequence<Buffer>>* storage_;
};

// Starts the operation with `handler`, passing tracked buffers through `wrap` where it applies.
template <class Op, class Wrap, class Handler>
void initiate_with_arguments(typename Op::instance& instance, Wrap&& wrap, Handler&& handler) {
  const initiation_guard inside;
  if constexpr (passes_tracked_buffers<Op>()) {
    instance.initiate_with_buffers(std::forward<Wrap>(wrap), std::forward<Handler>(handler));
  } else {
    instance.initiate(std::forward<Handler>(handler));
  }
}

// What the function run after the handler saw.
struct live_copies_after_handler {
  bool checked = false;
  int handlers = -1;
  long buffers = -1;
};

// Over the single-threaded handler executors only: on a pool, the function queued from inside
// the handler can start on another thread before the handler's call has returned.
CONFORMANCE_RULE_MATRIX("async.reqmts.async.lifetime/argument-copies-destroyed-after-handler", operations::all_completing,
                        handler_executors::single_threaded, [](auto operation, auto executor) {
                          using Op = decltype(operation);
                          using fixture_type = typename decltype(executor)::type;
                          const auto record = std::make_shared<probe_record>();
                          const auto buffers_log = std::make_shared<lifetime_log>();
                          record->expect_invocation();
                          live_copies_after_handler after;
                          {
                            net::io_context ctx;
                            fixture_type fixture(ctx);
                            typename Op::instance instance(ctx);
                            auto handler = fixture.bind(copyable_probe_handler(record));
                            const auto handler_executor = net::get_associated_executor(
                                handler, handler_executors::io_executor_of(instance, ctx));
                            // The next function on the handler's executor runs once the handler has
                            // returned and the operation has let go of it.
                            record->on_invocation([&after, &record, &buffers_log, handler_executor] {
                              queue_on(handler_executor, [&after, &record, &buffers_log] {
                                after = {true, record->live_values(), buffers_log->live()};
                              });
                            });
                            initiate_with_arguments<Op>(instance, tracked_copy(buffers_log), std::move(handler));
                            run_bounded(fixture, ctx, std::string(Op::name) + " until its handler has run", instance);
                            record->on_invocation(nullptr);
                          }
                          ASSERT_EQ(record->invocations(), 1) << "the handler must run once";
                          ASSERT_TRUE(after.checked) << "the function posted from the handler did not run";
                          EXPECT_EQ(after.handlers, 0)
                              << after.handlers << " copies of the handler were still alive when the next function ran "
                              << "on the handler's executor; all copies must be destroyed just after the handler";
                          if constexpr (passes_tracked_buffers<Op>()) {
                            EXPECT_EQ(after.buffers, 0)
                                << after.buffers << " copies of the buffer sequence argument were still alive when the "
                                << "next function ran on the handler's executor; all copies must be destroyed just "
                                << "after the handler";
                          }
                        });

CONFORMANCE_RULE("async.reqmts.async.lifetime/argument-not-used-after-return", operations::all_completing, [](auto operation) {
  using Op = decltype(operation);
  const auto record = std::make_shared<probe_record>();
  const auto buffers_log = std::make_shared<lifetime_log>();
  record->expect_invocation();
  {
    net::io_context ctx;
    typename Op::instance instance(ctx);
    std::optional<copyable_probe_handler> handler(std::in_place, record);
    // The caller's arguments end as soon as the initiating function has returned; the operation
    // has only its own copies from then on.
    if constexpr (passes_tracked_buffers<Op>()) {
      using buffer = typename Op::buffer_type;
      destroyable_argument<tracked_buffer_sequence<buffer>> buffers;
      initiate_with_arguments<Op>(instance, caller_owned<buffer>(buffers_log, buffers), *handler);
      handler.reset();
      buffers.destroy();
    } else {
      initiate_with_arguments<Op>(instance, nullptr, *handler);
      handler.reset();
    }
    run_bounded(ctx, std::string(Op::name) + " until its handler has run", instance);
  }
  EXPECT_EQ(record->invocations(), 1) << "the handler must run once";
  EXPECT_FALSE(record->invoked_after_move())
      << "the operation invoked the caller's handler object, destroyed when the initiating function had returned, "
      << "instead of its own copy";
  EXPECT_EQ(buffers_log->uses_after_destruction(), 0)
      << "the operation used the caller's buffer sequence " << buffers_log->uses_after_destruction()
      << " times after it had been destroyed, once the initiating function had returned";
});

}  // namespace
}  // namespace conformance
