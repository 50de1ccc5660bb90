// The I/O executor (ex1) as a dimension of the rules about what an operation does with it
// ([async.reqmts.async.io.exec] p2, [async.reqmts.async.work]): descriptors that offer
// instance_on<Executor> (operations/operation.hpp) are built with their I/O object on one of
// these recording executors over an io_context, which log every submission and work count.
//   name                     stable name, part of the case name
//   executor_type            the executor
//   make(ctx)                one over ctx
#pragma once

#include <string_view>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/harness/target_description.hpp"
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
#include "conformance/harness/probes/recording_std_executor.hpp"
#endif

namespace conformance::io_executors {

struct recording_ts {
  static constexpr std::string_view name = "recording-ts";
  using executor_type = recording_ts_executor;
  static executor_type make(net::io_context& ctx) { return executor_type(ctx); }
};

#if CONFORMANCE_HAS_STANDARD_EXECUTORS
struct recording_std {
  static constexpr std::string_view name = "recording-std";
  using executor_type = recording_std_executor<>;
  static executor_type make(net::io_context& ctx) { return executor_type(ctx); }
};
using all = operation_list<recording_ts, recording_std>;
#else
using all = operation_list<recording_ts>;
#endif

}  // namespace conformance::io_executors
