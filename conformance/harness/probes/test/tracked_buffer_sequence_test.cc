// Tests of tracked_const_buffers / tracked_mutable_buffers with a library that takes buffer
// sequences (Asio): they model ConstBufferSequence / MutableBufferSequence, and after a real
// socket write and read every copy the library made is gone once the handlers have run.
// (The reference implementation takes single buffers only, so this test is Asio-only.)
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <string_view>

#include "conformance/harness/probes/lifetime_tracked.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {
namespace {

static_assert(net::is_const_buffer_sequence<tracked_const_buffers>::value);
static_assert(net::is_mutable_buffer_sequence<tracked_mutable_buffers>::value);
static_assert(net::is_const_buffer_sequence<tracked_mutable_buffers>::value);
static_assert(!net::is_mutable_buffer_sequence<tracked_const_buffers>::value);

TEST(TrackedBufferSequence, HasTheSizeOfItsBuffers) {
  const std::string_view text = "hello";
  const tracked_const_buffers buffers(std::make_shared<lifetime_log>(),
                                      {net::buffer(text.data(), 2), net::buffer(text.data() + 2, 3)});
  EXPECT_EQ(net::buffer_size(buffers), text.size());
}

TEST(TrackedBufferSequenceWithLibrary, AllCopiesAreGoneOnceTheHandlersOfAReadAndAWriteHaveRun) {
  net::io_context ctx;
  net::local::stream_protocol::socket writer(ctx);
  net::local::stream_protocol::socket reader(ctx);
  net::local::connect_pair(writer, reader);

  const auto write_log = std::make_shared<lifetime_log>();
  const auto read_log = std::make_shared<lifetime_log>();
  const std::string_view text = "payload";
  std::array<char, 16> received{};
  const auto wrote = std::make_shared<probe_record>();
  const auto read = std::make_shared<probe_record>();
  long write_copies_in_handler = -1;
  wrote->on_invocation([&] { write_copies_in_handler = write_log->live(); });

  writer.async_write_some(tracked_const_buffers(write_log, net::buffer(text.data(), text.size())),
                          probe_handler(wrote));
  reader.async_read_some(tracked_mutable_buffers(read_log, net::buffer(received)), probe_handler(read));
  ctx.run();

  ASSERT_EQ(wrote->invocations(), 1);
  ASSERT_EQ(read->invocations(), 1);
  EXPECT_EQ(wrote->arguments()->bytes, text.size());
  EXPECT_EQ(std::string_view(received.data(), *read->arguments()->bytes), text);
  EXPECT_GT(write_log->created(), 1) << "the library copies or moves the sequence";
  EXPECT_GE(write_copies_in_handler, 0);
  EXPECT_EQ(write_log->live(), 0);
  EXPECT_EQ(read_log->live(), 0);
  EXPECT_EQ(write_log->uses_after_move() + write_log->uses_after_destruction(), 0);
  EXPECT_EQ(read_log->uses_after_move() + read_log->uses_after_destruction(), 0);
}

}  // namespace
}  // namespace conformance
