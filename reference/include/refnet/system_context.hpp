// [async.system.context] system_context.
#pragma once

#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "refnet/detail/executor_op.hpp"
#include "refnet/detail/scheduler.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/system_executor.hpp"

namespace refnet {

// The context of system_executor: one static instance owning a lazily started
// pool of "system threads" that run posted functions until stop().
class system_context : public execution_context {
 public:
  using executor_type = system_executor;

  system_context(const system_context&) = delete;
  system_context& operator=(const system_context&) = delete;
  ~system_context() override;

  executor_type get_executor() noexcept { return system_executor(); }

  void stop();
  bool stopped() const noexcept;
  void join();

 private:
  friend class system_executor;
  system_context();

  static system_context& instance();
  void post_op(detail::operation* op);
  void start_threads_once();

  detail::scheduler* impl_;
  std::once_flag threads_started_;
  std::mutex join_mutex_;
  std::vector<std::thread> threads_;
};

inline system_context& system_executor::context() const noexcept { return system_context::instance(); }

template <class Func, class ProtoAllocator>
void system_executor::post(Func&& f, const ProtoAllocator& a) const {
  system_context::instance().post_op(detail::make_executor_op(std::forward<Func>(f), a));
}

}  // namespace refnet
