// A subject's executor seen through a recording TS executor (probes/recording_ts_executor.hpp),
// for the rules about facilities that call an executor's members (work guards): every
// on_work_started and on_work_finished they make is counted in the log, then reaches the
// subject's own executor.
#pragma once

#include "conformance/harness/probes/recording_ts_executor.hpp"

namespace conformance::executors {

template <class Instance>
auto recorded_executor(Instance& subject) {
  return basic_recording_ts_executor<decltype(subject.executor())>(subject.executor());
}

}  // namespace conformance::executors
