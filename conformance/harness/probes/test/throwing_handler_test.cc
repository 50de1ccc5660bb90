// Tests of throwing_handler: it throws its own exception type on invocation, records the
// invocation and the throw, and the exception is observable where the executor lets it out.
#include "conformance/harness/probes/throwing_handler.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <type_traits>

#include "conformance/harness/target_description.hpp"

namespace conformance {
namespace {

static_assert(!std::is_base_of_v<std::runtime_error, handler_exception>, "must not be mistaken for a library error");
static_assert(!std::is_base_of_v<std::logic_error, handler_exception>);
static_assert(!std::is_copy_constructible_v<throwing_handler>);
static_assert(std::is_nothrow_move_constructible_v<throwing_handler>);

TEST(ThrowingHandler, ThrowsItsOwnExceptionAndRecordsTheInvocationAndTheThrow) {
  const auto record = std::make_shared<probe_record>();
  throwing_handler handler(record);
  EXPECT_THROW(handler(target::error_code(), std::size_t{1}), handler_exception);
  EXPECT_EQ(record->invocations(), 1);
  EXPECT_EQ(record->throws(), 1);
  EXPECT_EQ(record->arguments()->bytes, std::size_t{1});
}

TEST(ThrowingHandlerWithLibrary, ExceptionLeavesRunAndRunCanBeResumed) {
  net::io_context ctx;
  const auto thrower = std::make_shared<probe_record>();
  const auto next = std::make_shared<probe_record>();

  net::post(ctx, throwing_handler(thrower));
  net::post(ctx, probe_handler(next));
  EXPECT_THROW(ctx.run(), handler_exception);
  EXPECT_EQ(thrower->throws(), 1);
  EXPECT_EQ(next->invocations(), 0) << "run() left at the throw";

  ctx.run();
  EXPECT_EQ(next->invocations(), 1);
  EXPECT_EQ(thrower->invocations(), 1) << "a handler that threw is not run again";
}

}  // namespace
}  // namespace conformance
