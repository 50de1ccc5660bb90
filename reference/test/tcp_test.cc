// Loopback TCP (127.0.0.1, ephemeral ports): sockets, acceptor, immediate completion,
// cancellation, readiness waits, the composed async_read and async_read_until; UDP datagrams,
// local stream sockets and POSIX stream descriptors.
#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <string>

#include "test_support.hpp"

namespace {

namespace net = refnet;
using net::ip::tcp;
using namespace std::chrono_literals;

tcp::endpoint loopback_any() { return tcp::endpoint(net::ip::address_v4::loopback(), 0); }

TEST(Address, ParsesAndPrints) {
  EXPECT_EQ(net::ip::make_address("127.0.0.1"), net::ip::address(net::ip::address_v4::loopback()));
  EXPECT_EQ(net::ip::address_v4::any().to_string(), "0.0.0.0");
  EXPECT_TRUE(net::ip::make_address("::1").is_v6());
  net::error_code ec;
  net::ip::make_address("not an address", ec);
  EXPECT_TRUE(ec);
  tcp::endpoint e(net::ip::make_address("127.0.0.1"), 80);
  EXPECT_EQ(e.port(), 80);
  EXPECT_EQ(e.address().to_string(), "127.0.0.1");
  EXPECT_TRUE(e.protocol() == tcp::v4());
}

TEST(Tcp, AcceptConnectWriteRead) {
  net::io_context ctx;
  tcp::acceptor acceptor(ctx, loopback_any());
  tcp::socket server(ctx), client(ctx);
  std::string received(5, '\0');
  std::size_t written = 0;
  acceptor.async_accept(server, [&](net::error_code ec) {
    ASSERT_FALSE(ec);
    net::async_read(server, net::buffer(received), [&](net::error_code ec2, std::size_t n) {
      EXPECT_FALSE(ec2);
      EXPECT_EQ(n, 5u);
    });
  });
  client.async_connect(acceptor.local_endpoint(), [&](net::error_code ec) {
    ASSERT_FALSE(ec);
    net::async_write(client, net::buffer(std::string_view("hello")), [&](net::error_code, std::size_t n) { written = n; });
  });
  ctx.run_for(5s);
  EXPECT_EQ(received, "hello");
  EXPECT_EQ(written, 5u);
  EXPECT_EQ(server.remote_endpoint(), client.local_endpoint());
}

TEST(Tcp, FailedAsyncConnectLeavesTheSocketOpen) {
  net::io_context ctx;
  tcp::endpoint closed_port;
  {
    tcp::acceptor probe(ctx, loopback_any());
    closed_port = probe.local_endpoint();
  }
  tcp::socket socket(ctx);
  EXPECT_FALSE(socket.is_open());
  net::error_code result;
  socket.async_connect(closed_port, [&](net::error_code ec) { result = ec; });
  EXPECT_TRUE(socket.is_open());
  ctx.run_for(5s);
  EXPECT_EQ(result, net::error::connection_refused);
  EXPECT_TRUE(socket.is_open());
}

TEST(Tcp, ReadOnAClosedSocketCompletesImmediatelyWithBadDescriptorViaPost) {
  net::io_context ctx;
  auto log = std::make_shared<refnet_test::executor_log>();
  refnet_test::recording_executor handler_ex(ctx, log);
  tcp::socket socket(ctx);
  auto state = std::make_shared<refnet_test::probe_state>();
  char data[4];
  {
    refnet_test::initiation_guard guard;
    socket.async_read_some(net::buffer(data), net::bind_executor(handler_ex, refnet_test::bindable_probe(state)));
  }
  EXPECT_EQ(state->invocations, 0);
  ctx.run();
  EXPECT_EQ(state->invocations, 1);
  EXPECT_EQ(state->invoked_inside_initiation, 0);
  EXPECT_EQ(state->last_error, net::error::bad_descriptor);
  EXPECT_EQ(log->snapshot(), std::vector<std::string>{"post"});
}

TEST(Tcp, ZeroSizeReadCompletesImmediately) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  auto state = std::make_shared<refnet_test::probe_state>();
  pair.server.async_read_some(net::mutable_buffer(), refnet_test::probe_handler(state));
  EXPECT_EQ(state->invocations, 0);
  ctx.run();
  EXPECT_EQ(state->invocations, 1);
  EXPECT_FALSE(state->last_error);
  EXPECT_EQ(state->last_bytes, 0u);
}

TEST(Tcp, ReadWithDataAlreadyQueuedIsPostedNotRunInline) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  pair.client.write_some(net::buffer(std::string_view("abc")));
  // Wait until the bytes have arrived (the event itself, at most 5 s), so the read finds them queued.
  pollfd readable{pair.server.native_handle(), POLLIN, 0};
  ASSERT_EQ(::poll(&readable, 1, 5000), 1);
  auto state = std::make_shared<refnet_test::probe_state>();
  char data[8];
  {
    refnet_test::initiation_guard guard;
    pair.server.async_read_some(net::buffer(data), refnet_test::probe_handler(state));
  }
  ctx.run();
  EXPECT_EQ(state->invoked_inside_initiation, 0);
  EXPECT_EQ(state->last_bytes, 3u);
}

TEST(Tcp, CancelAndCloseAbortPendingOperations) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  char data[4];
  net::error_code first, second;
  pair.server.async_read_some(net::buffer(data), [&](net::error_code ec, std::size_t) { first = ec; });
  pair.server.cancel();
  ctx.run();
  EXPECT_EQ(first, net::error::operation_aborted);
  ctx.restart();
  pair.server.async_read_some(net::buffer(data), [&](net::error_code ec, std::size_t) { second = ec; });
  pair.server.close();
  ctx.run();
  EXPECT_EQ(second, net::error::operation_aborted);
  EXPECT_FALSE(pair.server.is_open());
}

TEST(Tcp, PeerCloseGivesEof) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  char data[4];
  net::error_code result;
  pair.server.async_read_some(net::buffer(data), [&](net::error_code ec, std::size_t) { result = ec; });
  pair.client.close();
  ctx.run_for(5s);
  EXPECT_EQ(result, net::error::eof);
}

TEST(Tcp, AcceptIntoAnOpenSocketFailsWithAlreadyOpen) {
  net::io_context ctx;
  tcp::acceptor acceptor(ctx, loopback_any());
  tcp::socket peer(ctx, tcp::v4());
  net::error_code result;
  acceptor.async_accept(peer, [&](net::error_code ec) { result = ec; });
  ctx.run();
  EXPECT_EQ(result, net::error::already_open);
}

TEST(AsyncRead, IntermediateStepsCarryTheHandlersExecutorAndAllocator) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  net::strand<net::io_context::executor_type> strand(ctx.get_executor());
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  std::string received(6, '\0');
  bool in_strand = false;
  long live_inside = -1;
  std::size_t bytes = 0;
  net::async_read(pair.server, net::buffer(received),
                  net::bind_executor(strand, net::bind_allocator(refnet_test::counting_allocator<>(counters),
                                                                 [&](net::error_code, std::size_t n) {
                                                                   in_strand = strand.running_in_this_thread();
                                                                   live_inside = counters->live_bytes;
                                                                   bytes = n;
                                                                 })));
  // Two separate writes make at least two intermediate reads likely.
  net::steady_timer gap(ctx, 5ms);
  pair.client.write_some(net::buffer(std::string_view("abc")));
  gap.async_wait([&](net::error_code) { pair.client.write_some(net::buffer(std::string_view("def"))); });
  ctx.run_for(5s);
  EXPECT_EQ(received, "abcdef");
  EXPECT_EQ(bytes, 6u);
  EXPECT_TRUE(in_strand);
  EXPECT_EQ(live_inside, 0);
  EXPECT_GE(counters->allocations, 2);
}

TEST(AsyncRead, EmptyBufferCompletesWithoutRunningInsideTheCall) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  auto state = std::make_shared<refnet_test::probe_state>();
  {
    refnet_test::initiation_guard guard;
    net::async_read(pair.server, net::mutable_buffer(), refnet_test::probe_handler(state));
  }
  ctx.run();
  EXPECT_EQ(state->invocations, 1);
  EXPECT_EQ(state->invoked_inside_initiation, 0);
}

TEST(Tcp, AsyncWaitCompletesWhenReadableAndIsPostedNotRunInline) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  auto writable = std::make_shared<refnet_test::probe_state>();
  auto readable = std::make_shared<refnet_test::probe_state>();
  {
    refnet_test::initiation_guard guard;
    pair.server.async_wait(tcp::socket::wait_write, refnet_test::probe_handler(writable));
    pair.server.async_wait(tcp::socket::wait_read, refnet_test::probe_handler(readable));
  }
  ctx.run_one();
  EXPECT_EQ(writable->invocations, 1);
  EXPECT_EQ(readable->invocations, 0);
  pair.client.write_some(net::buffer(std::string_view("x")));
  ctx.run_for(5s);
  EXPECT_EQ(readable->invocations, 1);
  EXPECT_EQ(writable->invoked_inside_initiation + readable->invoked_inside_initiation, 0);
  EXPECT_FALSE(readable->last_error);
  EXPECT_EQ(pair.server.available(), 1u);  // the wait consumed nothing
}

TEST(Tcp, AsyncWaitIsCancelled) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  net::error_code result;
  pair.server.async_wait(tcp::socket::wait_read, [&](net::error_code ec) { result = ec; });
  pair.server.cancel();
  ctx.run();
  EXPECT_EQ(result, net::error::operation_aborted);
}

TEST(AsyncReadUntil, ReadsThroughTheDelimiterInSteps) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  std::string received;
  std::size_t length = 0;
  net::error_code result = net::error::not_found;
  net::async_read_until(pair.server, net::dynamic_buffer(received), "\r\n", [&](net::error_code ec, std::size_t n) {
    result = ec;
    length = n;
  });
  net::steady_timer gap(ctx, 5ms);
  pair.client.write_some(net::buffer(std::string_view("abc\r")));
  gap.async_wait([&](net::error_code) { pair.client.write_some(net::buffer(std::string_view("\ndef"))); });
  ctx.run_for(5s);
  EXPECT_FALSE(result);
  EXPECT_EQ(length, 5u);
  EXPECT_EQ(received.substr(0, length), "abc\r\n");
}

TEST(AsyncReadUntil, DelimiterAlreadyThereCompletesWithoutRunningInsideTheCall) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  std::string received = "ab\ncd";
  auto state = std::make_shared<refnet_test::probe_state>();
  {
    refnet_test::initiation_guard guard;
    net::async_read_until(pair.server, net::dynamic_buffer(received), '\n', refnet_test::probe_handler(state));
  }
  EXPECT_EQ(state->invocations, 0);
  ctx.run();
  EXPECT_EQ(state->invocations, 1);
  EXPECT_EQ(state->last_bytes, 3u);
}

TEST(AsyncReadUntil, FullBufferWithoutTheDelimiterIsNotFound) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  std::string received;
  net::error_code result;
  net::async_read_until(pair.server, net::dynamic_buffer(received, 4), '\n',
                        [&](net::error_code ec, std::size_t) { result = ec; });
  pair.client.write_some(net::buffer(std::string_view("abcdef\n")));
  ctx.run_for(5s);
  EXPECT_EQ(result, net::error::not_found);
  EXPECT_EQ(received, "abcd");
}

TEST(Udp, SendToAndReceiveFromOnLoopback) {
  net::io_context ctx;
  net::ip::udp::socket receiver(ctx, net::ip::udp::endpoint(net::ip::address_v4::loopback(), 0));
  net::ip::udp::socket sender(ctx, net::ip::udp::endpoint(net::ip::address_v4::loopback(), 0));
  std::string received(16, '\0');
  net::ip::udp::endpoint from;
  std::size_t got = 0, sent = 0;
  receiver.async_receive_from(net::buffer(received), from, [&](net::error_code ec, std::size_t n) {
    EXPECT_FALSE(ec);
    got = n;
  });
  sender.async_send_to(net::buffer(std::string_view("datagram")), receiver.local_endpoint(),
                       [&](net::error_code ec, std::size_t n) {
                         EXPECT_FALSE(ec);
                         sent = n;
                       });
  ctx.run_for(5s);
  EXPECT_EQ(sent, 8u);
  EXPECT_EQ(got, 8u);
  EXPECT_EQ(received.substr(0, got), "datagram");
  EXPECT_EQ(from, sender.local_endpoint());
  // An empty datagram is a datagram, not an end of file.
  sender.send_to(net::const_buffer(), receiver.local_endpoint());
  net::error_code ec;
  EXPECT_EQ(receiver.receive_from(net::buffer(received), from, 0, ec), 0u);
  EXPECT_FALSE(ec);
}

TEST(Udp, PendingReceiveIsCancelled) {
  net::io_context ctx;
  net::ip::udp::socket receiver(ctx, net::ip::udp::endpoint(net::ip::address_v4::loopback(), 0));
  char data[4];
  net::ip::udp::endpoint from;
  net::error_code result;
  receiver.async_receive_from(net::buffer(data), from, [&](net::error_code ec, std::size_t) { result = ec; });
  receiver.cancel();
  ctx.run();
  EXPECT_EQ(result, net::error::operation_aborted);
}

TEST(Local, ConnectPairCarriesBytesBothWays) {
  net::io_context ctx;
  net::local::stream_protocol::socket a(ctx), b(ctx);
  net::local::connect_pair(a, b);
  std::string received(3, '\0');
  std::size_t got = 0;
  b.async_read_some(net::buffer(received), [&](net::error_code ec, std::size_t n) {
    EXPECT_FALSE(ec);
    got = n;
  });
  net::async_write(a, net::buffer(std::string_view("abc")), [](net::error_code ec, std::size_t) { EXPECT_FALSE(ec); });
  ctx.run_for(5s);
  EXPECT_EQ(got, 3u);
  EXPECT_EQ(received, "abc");
}

TEST(PosixStreamDescriptor, ReadsFromAPipeAndIsCancelled) {
  net::io_context ctx;
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  net::posix::stream_descriptor reader(ctx, ends[0]);
  net::posix::stream_descriptor writer(ctx, ends[1]);
  std::string received(4, '\0');
  std::size_t got = 0;
  reader.async_read_some(net::buffer(received), [&](net::error_code ec, std::size_t n) {
    EXPECT_FALSE(ec);
    got = n;
  });
  writer.async_write_some(net::buffer(std::string_view("pipe")), [](net::error_code ec, std::size_t n) {
    EXPECT_FALSE(ec);
    EXPECT_EQ(n, 4u);
  });
  ctx.run_for(5s);
  EXPECT_EQ(got, 4u);
  EXPECT_EQ(received, "pipe");
  net::error_code aborted;
  ctx.restart();
  reader.async_read_some(net::buffer(received), [&](net::error_code ec, std::size_t) { aborted = ec; });
  reader.cancel();
  ctx.run();
  EXPECT_EQ(aborted, net::error::operation_aborted);
}

TEST(Resolver, ResolvesNumericHostsAsAnImmediateCompletion) {
  net::io_context ctx;
  tcp::resolver resolver(ctx);
  tcp::resolver::results_type results;
  net::error_code result = net::error::not_found;
  bool inside = true;
  bool initiating = true;  // outlives the handler, which reads it
  resolver.async_resolve("127.0.0.1", "8080", [&](net::error_code ec, tcp::resolver::results_type r) {
    inside = initiating;
    result = ec;
    results = std::move(r);
  });
  initiating = false;
  ctx.run();
  EXPECT_FALSE(inside);
  EXPECT_FALSE(result);
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results.begin()->endpoint(), tcp::endpoint(net::ip::make_address("127.0.0.1"), 8080));
  net::error_code ec;
  resolver.resolve("localhost", "80", ec);
  EXPECT_EQ(ec, net::error::host_not_found);
}

TEST(Tcp, SocketsRebindToADefaultToken) {
  net::io_context ctx;
  tcp::acceptor acceptor(ctx, loopback_any());
  auto client = net::use_future_t<>::as_default_on(tcp::socket(ctx));
  std::future<void> connected = client.async_connect(acceptor.local_endpoint());
  tcp::socket server(ctx);
  acceptor.accept(server);
  ctx.run_for(5s);
  EXPECT_NO_THROW(connected.get());
}

}  // namespace
