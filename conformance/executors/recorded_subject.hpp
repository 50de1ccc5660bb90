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

// Whether two executors are copies of one recorded executor: both are recording executors and
// share its log. The rules about a facility that stores an executor (a work guard) ask this
// rather than ==, which would also judge the subject's own equality, another rule's business;
// an executor of another type (the facility stored something else) is not the same one.
template <class Inner>
bool same_recorded_executor(const basic_recording_ts_executor<Inner>& a, const basic_recording_ts_executor<Inner>& b) {
  return a.shared_log() == b.shared_log();
}
template <class A, class B>
bool same_recorded_executor(const A&, const B&) {
  return false;
}

}  // namespace conformance::executors
