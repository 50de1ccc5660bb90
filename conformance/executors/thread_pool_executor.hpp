// Subject: the executor of a thread_pool of two threads, which run its functions themselves.
#pragma once

#include <string_view>

#include "conformance/executors/shutdownable.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::executors {

#if CONFORMANCE_HAS_THREAD_POOL
struct thread_pool_executor {
  static constexpr std::string_view name = "thread_pool.executor";
  static constexpr executor_traits traits{
      .ts_members = CONFORMANCE_HAS_TS_EXECUTORS != 0,
      .standard_properties = CONFORMANCE_HAS_STANDARD_EXECUTORS != 0,
      .dispatch = inline_dispatch::inside_its_functions,
  };

  class instance {
   public:
    using executor_type = net::thread_pool::executor_type;
    executor_type executor() { return pool_.get_executor(); }
    executor_type other_executor() { return other_.get_executor(); }
    net::thread_pool& context() { return pool_; }
    template <class Done>
    bool run_until(Done done) {
      return wait_until(done);
    }
    // join() waits until the pool has no outstanding work, then its threads end.
    void run() { pool_.join(); }
    void shutdown_context() {
      pool_.join();
      pool_.shut_down();
    }

   private:
    shutdownable<net::thread_pool> pool_{2};
    net::thread_pool other_{1};
  };
};
#endif

}  // namespace conformance::executors
