// Scenarios: TCP over 127.0.0.1 on one io_context run by the benchmark's thread: connection set-up,
// a small request and reply, a large transfer, and a composed read of many small chunks.
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)
#include "bench/support/allocation_counter.hpp"
#include "bench/support/loopback.hpp"

namespace {

namespace net = conformance::target::net;
using bench::tcp;
using error_code = conformance::target::error_code;

// Per item: async_accept and async_connect of one connection, both completed, then an
// abortive close of both ends.
void loopback_connect_accept(benchmark::State& state) {
  net::io_context ctx;
  tcp::acceptor acceptor(ctx, bench::loopback_endpoint());
  const tcp::endpoint listening = acceptor.local_endpoint();
  const std::int64_t length = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    for (std::int64_t i = 0; i < length; ++i) {
      tcp::socket server_side(ctx);
      tcp::socket client(ctx);
      int completed = 0;
      acceptor.async_accept(server_side, [&completed](const error_code& ec) { completed += ec ? 0 : 1; });
      client.async_connect(listening, [&completed](const error_code& ec) { completed += ec ? 0 : 1; });
      ctx.run();
      ctx.restart();
      if (completed != 2) state.SkipWithError("an accept or a connect did not succeed");
      bench::close_abortively(client);
      bench::close_abortively(server_side);
    }
  }
  measured.report(state, length);
}
BENCHMARK(loopback_connect_accept)->Arg(100)->Unit(benchmark::kMillisecond);

// Sends `size` bytes and waits for the same number back, `rounds` times; the other end echoes.
class ping_pong {
 public:
  ping_pong(bench::connected_pair& pair, std::size_t size, std::int64_t rounds)
      : client_(pair.first()), server_(pair.second()), ping_(size, 'p'), pong_(size), echo_(size), rounds_(rounds) {}

  // Starts both ends; the io_context's run() returns when the last reply has arrived.
  void start() {
    send_ping();
    read_ping();
  }
  bool succeeded() const { return failures_ == 0 && completed_ == rounds_; }

 private:
  void send_ping() {
    net::async_write(client_, net::buffer(ping_), [this](const error_code& ec, std::size_t) {
      if (!failed(ec)) read_pong();
    });
  }
  void read_pong() {
    net::async_read(client_, net::buffer(pong_), [this](const error_code& ec, std::size_t) {
      if (failed(ec)) return;
      if (++completed_ < rounds_) send_ping();
    });
  }
  void read_ping() {
    net::async_read(server_, net::buffer(echo_), [this](const error_code& ec, std::size_t) {
      if (!failed(ec)) send_pong();
    });
  }
  void send_pong() {
    net::async_write(server_, net::buffer(echo_), [this](const error_code& ec, std::size_t) {
      if (!failed(ec) && ++echoed_ < rounds_) read_ping();
    });
  }
  bool failed(const error_code& ec) {
    failures_ += ec ? 1 : 0;
    return static_cast<bool>(ec);
  }

  tcp::socket& client_;
  tcp::socket& server_;
  std::vector<char> ping_;
  std::vector<char> pong_;
  std::vector<char> echo_;
  std::int64_t rounds_;
  std::int64_t completed_ = 0;
  std::int64_t echoed_ = 0;
  int failures_ = 0;
};

// Per item: a 64-byte request and its 64-byte reply (async_write and async_read on each end).
void loopback_ping_pong_64_bytes(benchmark::State& state) {
  net::io_context ctx;
  bench::connected_pair pair(ctx);
  const std::int64_t rounds = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    ping_pong exchange(pair, 64, rounds);
    exchange.start();
    ctx.run();
    ctx.restart();
    if (!exchange.succeeded()) state.SkipWithError("a read or a write failed");
  }
  measured.report(state, rounds);
}
BENCHMARK(loopback_ping_pong_64_bytes)->Arg(1000)->Unit(benchmark::kMillisecond);

// Per item: one MiB written with one async_write and read with one async_read on the other end.
void loopback_transfer_1_mib(benchmark::State& state) {
  constexpr std::size_t size = 1 << 20;
  net::io_context ctx;
  bench::connected_pair pair(ctx);
  const std::vector<char> sent(size, 't');
  std::vector<char> received(size);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    std::size_t written = 0;
    std::size_t read = 0;
    net::async_write(pair.first(), net::buffer(sent), [&written](const error_code&, std::size_t n) { written = n; });
    net::async_read(pair.second(), net::buffer(received), [&read](const error_code&, std::size_t n) { read = n; });
    ctx.run();
    ctx.restart();
    if (written != size || read != size) state.SkipWithError("the transfer was not complete");
  }
  measured.report(state, 1);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(loopback_transfer_1_mib)->Unit(benchmark::kMillisecond);

// Reads a block in 16-byte async_read operations, each starting when the previous completes.
class chunked_reader {
 public:
  chunked_reader(tcp::socket& socket, std::int64_t chunks) : socket_(socket), remaining_(chunks) {}

  void start() {
    net::async_read(socket_, net::buffer(chunk_), [this](const error_code& ec, std::size_t n) {
      if (ec || n != chunk_.size()) return;
      if (--remaining_ > 0) start();
    });
  }
  bool finished() const { return remaining_ == 0; }

 private:
  tcp::socket& socket_;
  std::array<char, 16> chunk_{};
  std::int64_t remaining_;
};

// Per item: one 16-byte async_read (a composed operation) of a 64 KiB block sent at once.
void composed_read_of_small_chunks(benchmark::State& state) {
  constexpr std::int64_t chunks = 4096;
  net::io_context ctx;
  bench::connected_pair pair(ctx);
  const std::vector<char> block(chunks * 16, 'c');
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    chunked_reader reader(pair.second(), chunks);
    net::async_write(pair.first(), net::buffer(block), [](const error_code&, std::size_t) {});
    reader.start();
    ctx.run();
    ctx.restart();
    if (!reader.finished()) state.SkipWithError("the chunked read stopped early");
  }
  measured.report(state, chunks);
}
BENCHMARK(composed_read_of_small_chunks)->Unit(benchmark::kMillisecond);

}  // namespace
