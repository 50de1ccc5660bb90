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

template <class Executor, class Name>
struct recording {
  static constexpr std::string_view name = Name::value;
  using executor_type = Executor;
  static executor_type make(net::io_context& ctx) { return executor_type(ctx); }
};

// The recording executors of the executor models the binding declares (capabilities.hpp).
#if CONFORMANCE_HAS_TS_EXECUTORS
struct recording_ts_name {
  static constexpr std::string_view value = "recording-ts";
};
using recording_ts = recording<recording_ts_executor, recording_ts_name>;
using recording_ts_if_declared = operation_list<recording_ts>;
#else
using recording_ts_if_declared = operation_list<>;
#endif
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
struct recording_std_name {
  static constexpr std::string_view value = "recording-std";
};
using recording_std = recording<recording_std_executor<>, recording_std_name>;
using recording_std_if_declared = operation_list<recording_std>;
#else
using recording_std_if_declared = operation_list<>;
#endif

using all = concatenated_t<recording_ts_if_declared, recording_std_if_declared>;

}  // namespace conformance::io_executors
