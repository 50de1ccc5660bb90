// rule:   asio.socket.async.connect/opens-a-closed-socket
// rule:   asio.socket.async.connect/failed-connect-leaves-socket-open
// rule:   asio.socket.async.connect/completes-with-error-code-only
// rule:   asio.socket.async.connect/never-invoked-inside-async-connect
// rule:   asio.socket.async.connect/cancellation-types-honoured
// rule:   asio.socket.async.connect/total-cancellation-leaves-no-trace
// clause: [asio.socket.async.connect] p1-p5, with [asio.cancellation.type]'s
//         total (no apparent side effects: the I/O object is as it was before)
// basic_socket::async_connect as Asio documents it, on a TCP socket over
// loopback: it opens a socket that is not open; when the connect fails, a
// socket it opened stays open (it is still open in the handler); its handler
// receives one error_code; the handler never runs inside async_connect, whether
// the connect succeeds (a listener), fails later (a refused port) or fails at
// once (an IPv4 socket connecting to ::1); and a connect still in progress (to
// a listener whose backlog is full) is cancelled, with operation_aborted, by
// terminal, partial and total cancellation; after a total one the socket is as
// it was, so a connect started on it again is in progress again (it does not
// fail at once because the cancelled one is still in progress underneath).
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "conformance/harness/cancellation/cancellation_run.hpp"
#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/loopback.hpp"

namespace conformance {
namespace {

// The one case of each rule: the library's TCP socket.
struct tcp_socket_subject {
  static constexpr std::string_view name = "ip::tcp::socket";
  using socket = net::ip::tcp::socket;
};
using tcp_socket = operation_list<tcp_socket_subject>;

// What a connect handler saw: how it was called, and whether the socket was
// open then.
struct connect_record {
  int invocations = 0;
  bool inside_initiation = false;
  bool socket_open_in_handler = false;
  std::size_t arguments = 0;
  bool argument_is_error_code = false;
  target::error_code error{};
};

// A handler that takes whatever it is called with, so that the rules see the
// arguments async_connect passes rather than a compile error.
template <class Socket>
auto recording_connect_handler(std::shared_ptr<connect_record> record, Socket& socket) {
  return [record, &socket](auto&&... args) {
    ++record->invocations;
    record->inside_initiation = initiation_guard::active();
    record->socket_open_in_handler = socket.is_open();
    record->arguments = sizeof...(args);
    if constexpr (sizeof...(args) == 1) {
      using first = std::decay_t<std::tuple_element_t<0, std::tuple<decltype(args)...>>>;
      record->argument_is_error_code = std::is_same_v<first, target::error_code>;
      if constexpr (std::is_same_v<first, target::error_code>) record->error = (args, ...);
    }
  };
}

// Starts async_connect to `peer` inside an initiation guard, then runs the
// context out.
template <class Socket>
std::shared_ptr<connect_record> connect_and_run(net::io_context& ctx, Socket& socket,
                                                const net::ip::tcp::endpoint& peer, const std::string& what) {
  auto record = std::make_shared<connect_record>();
  {
    const initiation_guard inside;
    socket.async_connect(peer, recording_connect_handler(record, socket));
  }
  const bool inside_async_connect = record->invocations > 0;
  run_bounded(ctx, "async_connect " + what);
  record->inside_initiation = record->inside_initiation || inside_async_connect;
  return record;
}

CONFORMANCE_RULE("asio.socket.async.connect/opens-a-closed-socket", tcp_socket, [](auto subject) {
  using socket_type = typename decltype(subject)::socket;
  net::io_context ctx;
  operations::loopback_listener listener(ctx);
  socket_type socket(ctx);
  ASSERT_FALSE(socket.is_open());
  const auto record = connect_and_run(ctx, socket, listener.endpoint(), "to a loopback listener");
  ASSERT_EQ(record->invocations, 1) << "the handler of async_connect to a listening loopback port ran "
                                    << record->invocations << " times";
  EXPECT_FALSE(record->error) << "async_connect on a socket that was not open failed with "
                              << operations::describe(record->error) << ": it did not open the socket";
  EXPECT_TRUE(record->socket_open_in_handler) << "the socket was not open in the handler of a successful connect";
  EXPECT_TRUE(socket.is_open()) << "the socket is not open after a successful async_connect";
});

CONFORMANCE_RULE("asio.socket.async.connect/failed-connect-leaves-socket-open", tcp_socket, [](auto subject) {
  using socket_type = typename decltype(subject)::socket;
  net::io_context ctx;
  operations::refusing_port refusing(ctx);
  socket_type socket(ctx);
  const auto record = connect_and_run(ctx, socket, refusing.endpoint(), "to a loopback port that refuses");
  ASSERT_EQ(record->invocations, 1) << "the handler of a refused async_connect ran " << record->invocations << " times";
  EXPECT_TRUE(record->error) << "async_connect to a port that refuses connections succeeded";
  EXPECT_TRUE(record->socket_open_in_handler)
      << "after a failed connect, the socket async_connect opened was closed again by the time the handler ran";
  EXPECT_TRUE(socket.is_open()) << "after a failed connect, the socket async_connect opened is closed";
});

CONFORMANCE_RULE("asio.socket.async.connect/completes-with-error-code-only", tcp_socket, [](auto subject) {
  using socket_type = typename decltype(subject)::socket;
  net::io_context ctx;
  operations::loopback_listener listener(ctx);
  operations::refusing_port refusing(ctx);
  for (const auto& [peer, what] : {std::pair{listener.endpoint(), "to a loopback listener"},
                                   std::pair{refusing.endpoint(), "to a loopback port that refuses"}}) {
    socket_type socket(ctx);
    const auto record = connect_and_run(ctx, socket, peer, what);
    ctx.restart();
    ASSERT_EQ(record->invocations, 1) << "the handler of async_connect " << what << " did not run once";
    EXPECT_EQ(record->arguments, 1u) << "the handler of async_connect " << what << " received " << record->arguments
                                     << " arguments, not one error_code";
    EXPECT_TRUE(record->argument_is_error_code)
        << "the handler of async_connect " << what << " received another type than error_code";
  }
});

CONFORMANCE_RULE("asio.socket.async.connect/never-invoked-inside-async-connect", tcp_socket, [](auto subject) {
  using socket_type = typename decltype(subject)::socket;
  net::io_context ctx;
  operations::loopback_listener listener(ctx);
  operations::refusing_port refusing(ctx);
  // A failure known at once: an IPv4 socket cannot connect to an IPv6 address.
  const net::ip::tcp::endpoint ipv6_loopback(net::ip::address_v6::loopback(), listener.endpoint().port());
  const struct {
    net::ip::tcp::endpoint peer;
    bool open_as_ipv4;
    const char* what;
  } connects[] = {{listener.endpoint(), false, "to a loopback listener"},
                  {refusing.endpoint(), false, "to a loopback port that refuses"},
                  {ipv6_loopback, true, "of an IPv4 socket to ::1, a failure known at once"}};
  for (const auto& connect : connects) {
    socket_type socket(ctx);
    if (connect.open_as_ipv4) socket.open(net::ip::tcp::v4());
    const auto record = connect_and_run(ctx, socket, connect.peer, connect.what);
    ctx.restart();
    EXPECT_EQ(record->invocations, 1) << "the handler of async_connect " << connect.what << " did not run once";
    EXPECT_FALSE(record->inside_initiation) << "async_connect " << connect.what << " invoked its handler inside itself";
  }
});

#if CONFORMANCE_HAS_CANCELLATION
// A connect that stays in progress: to a loopback listener whose backlog (0)
// one connection already fills, so the kernel drops the connect's SYNs until
// the listener accepts, which it never does.
class pending_connect {
 public:
  explicit pending_connect(net::io_context& ctx) : acceptor_(ctx), filler_(ctx), socket_(ctx) {
    acceptor_.open(net::ip::tcp::v4());
    acceptor_.bind(operations::loopback_endpoint());
    acceptor_.listen(0);
    filler_.connect(acceptor_.local_endpoint());
  }

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return socket_.async_connect(acceptor_.local_endpoint(), std::forward<Token>(token));
  }

  operations::expectation expected() const { return {.error = net::error::operation_aborted}; }
  // The error_code overload: a socket a faulty library closed must not throw
  // here.
  void cancel() {
    target::error_code ignored;
    socket_.cancel(ignored);
  }

 private:
  net::ip::tcp::acceptor acceptor_;
  net::ip::tcp::socket filler_;
  net::ip::tcp::socket socket_;
};

struct tcp_async_connect_pending {
  static constexpr std::string_view name = "ip::tcp::socket";
  using instance = pending_connect;
};

template <class Op>
void expect_connect_cancelled_by(cancellation_run<Op>& run, net::cancellation_type_t type,
                                 const std::string& type_name) {
  run.start();
  if (!run.stays_pending()) {
    if (!received_outcome(run.record()).error) {
      UNSUPPORTED(
          "the suite's pending connect (to a loopback listener whose backlog is full) succeeded on this machine: its "
          "kernel does not hold such a connect, so the rule cannot judge the library");
    }
    FAIL() << "async_connect to a loopback listener whose backlog is full completed before any cancellation: "
           << run.received();
  }
  run.emit(type);
  ASSERT_TRUE(run.completes()) << "async_connect, documented to support " << type_name
                               << " cancellation, did not complete after the signal emitted " << type_name;
  EXPECT_TRUE(run.received_cancellation()) << "after " << type_name << " cancellation " << run.received();
}

CONFORMANCE_RULE("asio.socket.async.connect/cancellation-types-honoured", operation_list<tcp_async_connect_pending>,
                 [](auto operation) {
                   using Op = decltype(operation);
                   for (const auto& [type, name] :
                        {std::pair{net::cancellation_type_t(net::cancellation_type::terminal), "terminal"},
                         std::pair{net::cancellation_type_t(net::cancellation_type::partial), "partial"},
                         std::pair{net::cancellation_type_t(net::cancellation_type::total), "total"}}) {
                     cancellation_run<Op> run;
                     expect_connect_cancelled_by(run, type, name);
                     // One type the operation ignores costs a wait of run_time_limit; stop
                     // there.
                     if (::testing::Test::HasFatalFailure() || ::testing::Test::IsSkipped()) return;
                   }
                 });

CONFORMANCE_RULE("asio.socket.async.connect/total-cancellation-leaves-no-trace",
                 operation_list<tcp_async_connect_pending>, [](auto operation) {
                   cancellation_run<decltype(operation)> run;
                   expect_connect_cancelled_by(run, net::cancellation_type::total, "total");
                   if (::testing::Test::HasFatalFailure() || ::testing::Test::IsSkipped()) return;
                   const auto again = run.start_another();
                   EXPECT_TRUE(run.stays_pending(*again))
                       << "after total cancellation, async_connect started again on the same socket completed at "
                          "once with "
                       << operations::describe(received_outcome(*again))
                       << ": the cancelled connect left the socket in another state than before it (total "
                          "cancellation promises no apparent side effects)";
                 });
#endif

}  // namespace
}  // namespace conformance
