// async_result for packaged_task ([async.packaged.task.spec]) with one planted fault:
// sound_packaged_task_result is the correct behaviour (every planted_ switch off), and each fault
// below turns one on. A mutant declared with kit_fault = "packaged_task:<fault>" (mutants.bzl)
// puts it in place of the library's (packaged_task_fault_binding.hpp).
#pragma once

#include <future>

namespace conformance::kit {

struct sound_packaged_task_result {
  static constexpr bool planted_returns_shared_future = false;
  static constexpr bool planted_takes_future_in_get = false;
};

// return_type is shared_future<Result>, not future<Result>.
struct packaged_task_result_returns_shared_future : sound_packaged_task_result {
  static constexpr bool planted_returns_shared_future = true;
};
// The task's future is taken by each get(), not when the specialisation is constructed.
struct packaged_task_result_takes_future_in_get : sound_packaged_task_result {
  static constexpr bool planted_takes_future_in_get = true;
};

template <class Signature, class Fault>
class faulty_packaged_task_result;

template <class Result, class... Args, class Fault>
class faulty_packaged_task_result<Result(Args...), Fault> {
 public:
  using completion_handler_type = std::packaged_task<Result(Args...)>;
  using return_type =
      std::conditional_t<Fault::planted_returns_shared_future, std::shared_future<Result>, std::future<Result>>;

  explicit faulty_packaged_task_result(completion_handler_type& h) : task_(&h) {
    if constexpr (!Fault::planted_takes_future_in_get) future_ = h.get_future();
  }
  faulty_packaged_task_result(const faulty_packaged_task_result&) = delete;
  faulty_packaged_task_result& operator=(const faulty_packaged_task_result&) = delete;

  return_type get() {
    if constexpr (Fault::planted_takes_future_in_get) {
      return task_->get_future();
    } else {
      return std::move(future_);
    }
  }

 private:
  completion_handler_type* task_;
  return_type future_;
};

}  // namespace conformance::kit
