// The executor subjects of this example (the suite's contract: conformance/executors/subject.hpp
// in @async_conformance): the small pool's executor, and the faulty executors over it. Given
// to conformance_executor(subjects = ...) in BUILD.bazel.
#pragma once

#include <string_view>

#include "conformance/executors/shutdownable.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/operation_list.hpp"
#include "examples/executors/faulty_pool.hpp"
#include "examples/executors/small_pool.hpp"

namespace small_pool_example::subjects {

namespace executors = ::conformance::executors;

// What the small pool's executors declare: the TS members, no standard properties, and a
// dispatch that runs the function at once only inside the pool's own functions.
inline constexpr executors::executor_traits small_pool_traits{
    .ts_members = true,
    .standard_properties = false,
    .dispatch = executors::inline_dispatch::inside_its_functions,
};

// MakeExecutor turns the pool's executor into the executor under test.
template <class MakeExecutor>
class on_small_pool {
 public:
  using executor_type = decltype(MakeExecutor{}(std::declval<small_pool&>().get_executor()));
  executor_type executor() { return MakeExecutor{}(pool_.get_executor()); }
  executor_type other_executor() { return MakeExecutor{}(other_.get_executor()); }
  small_pool& context() { return pool_; }
  template <class Done>
  bool run_until(Done done) {
    return executors::wait_until(done);
  }
  void run() { pool_.join(); }
  void shutdown_context() {
    pool_.join();
    pool_.shut_down();
  }

 private:
  executors::shutdownable<small_pool> pool_{2};
  small_pool other_{1};
};

struct as_is {
  small_pool::executor_type operator()(small_pool::executor_type ex) const noexcept { return ex; }
};

template <planted_fault Fault>
struct with_fault {
  faulty_executor<Fault> operator()(small_pool::executor_type ex) const noexcept { return faulty_executor<Fault>(ex); }
};

struct small_pool_executor {
  static constexpr std::string_view name = "small_pool";
  static constexpr executors::executor_traits traits = small_pool_traits;
  using instance = on_small_pool<as_is>;
};

template <planted_fault Fault>
struct faulty_subject {
  static constexpr executors::executor_traits traits = small_pool_traits;
  using instance = on_small_pool<with_fault<Fault>>;
};

struct post_runs_inline : faulty_subject<planted_fault::post_runs_inline> {
  static constexpr std::string_view name = "small_pool-post-runs-inline";
};
struct work_finished_forgotten : faulty_subject<planted_fault::work_finished_forgotten> {
  static constexpr std::string_view name = "small_pool-work-finished-forgotten";
};
struct memory_released_late : faulty_subject<planted_fault::memory_released_late> {
  static constexpr std::string_view name = "small_pool-memory-released-late";
};
struct copies_unequal : faulty_subject<planted_fault::copies_unequal> {
  static constexpr std::string_view name = "small_pool-copies-unequal";
};

}  // namespace small_pool_example::subjects
