// Scenarios for [async.reqmts.async.io.exec] p2 and [async.reqmts.async.work] p1 (work1 on ex1):
// the operations of operations/all.hpp, but with their I/O object (or, for the free functions,
// their first argument) constructed on a chosen I/O executor ex1 instead of an io_context's
// own executor, so that a recording executor can see what the operation does with ex1.
//
// A scenario is a struct with
//   static constexpr std::string_view name;       // the matching descriptor's name
//   static constexpr operations::completion completes;
//   static constexpr bool holds_io_work;          // true when ex1 must carry work while pending
//   template <class Executor> class instance {    // I/O objects on ex1 = `ex`, helpers on ctx
//     instance(net::io_context& ctx, const Executor& ex);
//     template <class Token> void initiate(Token&& token);
//     void cancel();                              // only for completes == never
//   };
// and an I/O executor fixture (io_executors below) says how to make ex1 for an io_context.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>

#include "conformance/harness/probes/executor_log.hpp"
#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/operations/detail/loopback.hpp"
#include "conformance/operations/operation.hpp"
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
#include "conformance/harness/probes/recording_std_executor.hpp"
#endif

namespace conformance::io_exec {

using operations::completion;

// ---- I/O executor fixtures: ex1 as a recording executor over an io_context ----

struct recording_ts_io {
  static constexpr std::string_view name = "recording-ts";
  using executor_type = recording_ts_executor;
  static executor_type make(net::io_context& ctx) { return executor_type(ctx); }
};

#if CONFORMANCE_HAS_STANDARD_EXECUTORS
struct recording_std_io {
  static constexpr std::string_view name = "recording-std";
  using executor_type = recording_std_executor<>;
  static executor_type make(net::io_context& ctx) { return executor_type(ctx); }
};
using io_executors = operation_list<recording_ts_io, recording_std_io>;
#else
using io_executors = operation_list<recording_ts_io>;
#endif

// ---- I/O objects on an executor ----

template <class Executor>
using timer_on = net::basic_waitable_timer<std::chrono::steady_clock, net::wait_traits<std::chrono::steady_clock>,
                                           Executor>;

template <class Executor>
using socket_on = net::basic_stream_socket<net::ip::tcp, Executor>;

// A socket on `ex` connected (synchronously) to a peer socket on ctx.
template <class Executor>
class connected_pair_on {
 public:
  connected_pair_on(net::io_context& ctx, const Executor& ex) : local_(ex), peer_(ctx) {
    operations::detail::loopback_listener listener(ctx);
    local_.connect(listener.endpoint());
    listener.accept(peer_);
  }
  socket_on<Executor>& local() { return local_; }
  net::ip::tcp::socket& peer() { return peer_; }

 private:
  socket_on<Executor> local_;
  net::ip::tcp::socket peer_;
};

// ---- scenarios ----

struct timer_wait {
  static constexpr std::string_view name = "steady_timer.async_wait";
  static constexpr completion completes = completion::later;
  static constexpr bool holds_io_work = true;
  template <class Executor>
  class instance {
   public:
    instance(net::io_context&, const Executor& ex) : timer_(ex) {}
    template <class Token>
    void initiate(Token&& token) {
      timer_.expires_after(std::chrono::milliseconds(1));
      timer_.async_wait(std::forward<Token>(token));
    }

   private:
    timer_on<Executor> timer_;
  };
};

struct timer_wait_pending {
  static constexpr std::string_view name = "steady_timer.async_wait.pending";
  static constexpr completion completes = completion::never;
  static constexpr bool holds_io_work = true;
  template <class Executor>
  class instance {
   public:
    instance(net::io_context&, const Executor& ex) : timer_(ex) {}
    template <class Token>
    void initiate(Token&& token) {
      timer_.expires_after(std::chrono::hours(24));
      timer_.async_wait(std::forward<Token>(token));
    }
    void cancel() { timer_.cancel(); }

   private:
    timer_on<Executor> timer_;
  };
};

struct read_some_closed_socket {
  static constexpr std::string_view name = "tcp.async_read_some.closed_socket";
  static constexpr completion completes = completion::immediately;
  static constexpr bool holds_io_work = false;  // it has completed when initiation returns
  template <class Executor>
  class instance {
   public:
    instance(net::io_context&, const Executor& ex) : socket_(ex) {}
    template <class Token>
    void initiate(Token&& token) {
      socket_.async_read_some(net::buffer(buffer_), std::forward<Token>(token));
    }

   private:
    socket_on<Executor> socket_;
    std::array<char, 16> buffer_{};
  };
};

template <bool Refused>
struct connect {
  static constexpr std::string_view name = Refused ? "tcp.async_connect.refused" : "tcp.async_connect.listener";
  static constexpr completion completes = completion::later;
  static constexpr bool holds_io_work = true;
  template <class Executor>
  class instance {
   public:
    instance(net::io_context& ctx, const Executor& ex) : peer_(ctx), socket_(ex) {}
    template <class Token>
    void initiate(Token&& token) {
      socket_.async_connect(peer_.endpoint(), std::forward<Token>(token));
    }

   private:
    std::conditional_t<Refused, operations::detail::refusing_port, operations::detail::loopback_listener> peer_;
    socket_on<Executor> socket_;
  };
};

struct read_some_connected {
  static constexpr std::string_view name = "tcp.async_read_some.connected";
  static constexpr completion completes = completion::later;
  static constexpr bool holds_io_work = true;
  template <class Executor>
  class instance {
   public:
    instance(net::io_context& ctx, const Executor& ex) : sockets_(ctx, ex) {}
    template <class Token>
    void initiate(Token&& token) {
      sockets_.local().async_read_some(net::buffer(buffer_), std::forward<Token>(token));
      net::write(sockets_.peer(), net::buffer(payload_));
    }

   private:
    connected_pair_on<Executor> sockets_;
    std::array<char, 32> payload_{};
    std::array<char, 64> buffer_{};
  };
};

struct read_some_pending {
  static constexpr std::string_view name = "tcp.async_read_some.pending";
  static constexpr completion completes = completion::never;
  static constexpr bool holds_io_work = true;
  template <class Executor>
  class instance {
   public:
    instance(net::io_context& ctx, const Executor& ex) : sockets_(ctx, ex) {}
    template <class Token>
    void initiate(Token&& token) {
      sockets_.local().async_read_some(net::buffer(buffer_), std::forward<Token>(token));
    }
    void cancel() { sockets_.local().cancel(); }

   private:
    connected_pair_on<Executor> sockets_;
    std::array<char, 16> buffer_{};
  };
};

struct write_some_connected {
  static constexpr std::string_view name = "tcp.async_write_some.connected";
  static constexpr completion completes = completion::may_be_immediate;
  static constexpr bool holds_io_work = false;  // may have completed when initiation returns
  template <class Executor>
  class instance {
   public:
    instance(net::io_context& ctx, const Executor& ex) : sockets_(ctx, ex) {}
    template <class Token>
    void initiate(Token&& token) {
      sockets_.local().async_write_some(net::buffer(payload_), std::forward<Token>(token));
    }

   private:
    connected_pair_on<Executor> sockets_;
    std::array<char, 64> payload_{};
  };
};

// The composed read: a free function whose I/O executor is its first argument's.
struct async_read_composed {
  static constexpr std::string_view name = "async_read.composed";
  static constexpr completion completes = completion::later;
  static constexpr bool holds_io_work = true;
  template <class Executor>
  class instance {
   public:
    instance(net::io_context& ctx, const Executor& ex) : sockets_(ctx, ex) {}
    template <class Token>
    void initiate(Token&& token) {
      net::async_read(sockets_.local(), net::buffer(buffer_), std::forward<Token>(token));
      net::write(sockets_.peer(), net::buffer(payload_));
    }

   private:
    connected_pair_on<Executor> sockets_;
    std::array<char, 256> payload_{};
    std::array<char, 256> buffer_{};
  };
};

// post, dispatch and defer with the executor as first argument: ex1 is that executor.
template <class Submit>
struct submitted_to {
  static constexpr std::string_view name = Submit::name;
  static constexpr completion completes = completion::later;
  // [async.post] and its siblings hold work on ex2 only; the submission to ex1 is the hand-off.
  static constexpr bool holds_io_work = false;
  template <class Executor>
  class instance {
   public:
    instance(net::io_context&, const Executor& ex) : executor_(ex) {}
    template <class Token>
    void initiate(Token&& token) {
      Submit{}(executor_, std::forward<Token>(token));
    }

   private:
    Executor executor_;
  };
};

struct post_call {
  static constexpr std::string_view name = "post.executor";
  template <class Executor, class Token>
  void operator()(const Executor& ex, Token&& token) const {
    net::post(ex, std::forward<Token>(token));
  }
};
struct dispatch_call {
  static constexpr std::string_view name = "dispatch.executor";
  template <class Executor, class Token>
  void operator()(const Executor& ex, Token&& token) const {
    net::dispatch(ex, std::forward<Token>(token));
  }
};
struct defer_call {
  static constexpr std::string_view name = "defer.executor";
  template <class Executor, class Token>
  void operator()(const Executor& ex, Token&& token) const {
    net::defer(ex, std::forward<Token>(token));
  }
};

// Scenarios that complete by themselves once started and the context runs.
using completing = operation_list<timer_wait, read_some_closed_socket, connect<false>, connect<true>,
                                  read_some_connected, write_some_connected, async_read_composed,
                                  submitted_to<post_call>, submitted_to<dispatch_call>, submitted_to<defer_call>>;

// Scenarios still outstanding when their initiating function has returned and the context has
// not run: these must hold work on ex1 at that point.
using outstanding_after_initiation = operation_list<timer_wait, timer_wait_pending, connect<false>, connect<true>,
                                                    read_some_connected, read_some_pending, async_read_composed>;

}  // namespace conformance::io_exec
