// A target's operation with a fault the per-operation memory rule must see although it happens
// on a thread that is not the test's: a composed wait on a timer of a thread pool the instance
// owns, whose second step takes a block from the global heap on the pool's thread
// ([async.reqmts.async.alloc] p4: per-operation memory comes only from the handler's allocator).
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <string_view>

#include "conformance/harness/operation_list.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::target_operations {

struct allocating_on_its_pool {
  static constexpr std::string_view name = "test.wait_allocating_on_its_pool";
  static constexpr operations::completion completes = operations::completion::later;
  static constexpr bool repeatable = true;  // warmed up on the same pool and timer
  using signature = void(target::error_code);

  class instance {
   public:
    explicit instance(net::io_context&) {}

    template <class Token>
    decltype(auto) initiate(Token&& token) {
      return net::async_compose<Token, signature>(
          [this, waited = false](auto& self, target::error_code error = {}) mutable {
            if (!waited) {
              waited = true;
              timer_.expires_after(std::chrono::milliseconds(1));
              timer_.async_wait(std::move(self));
              return;
            }
            const auto block = std::make_unique<std::array<char, 64>>();  // the fault
            last_block_ = block.get();  // escapes, so the allocation cannot be elided
            self.complete(error);
          },
          token, timer_);
    }

    operations::expectation expected() const { return {}; }
    void join() { pool_.join(); }
    net::thread_pool::executor_type get_executor() const { return executor_; }

   private:
    net::thread_pool pool_{1};
    net::thread_pool::executor_type executor_ = pool_.get_executor();
    net::steady_timer timer_{executor_};
    std::atomic<const void*> last_block_{nullptr};
  };
};

using all = operation_list<allocating_on_its_pool>;

}  // namespace conformance::target_operations
