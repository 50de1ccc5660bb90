#include "refnet/system_context.hpp"

#include <algorithm>

namespace refnet {

system_context::system_context() : impl_(&make_service<detail::scheduler>(*this)) {
  impl_->work_started();  // the pool stays alive while idle, until stop()
}

system_context::~system_context() {
  stop();
  join();
  shutdown();
  destroy();
}

system_context& system_context::instance() {
  static system_context context;
  return context;
}

void system_context::start_threads_once() {
  std::call_once(threads_started_, [this] {
    const unsigned count = std::max(2u, std::thread::hardware_concurrency());
    std::lock_guard lock(join_mutex_);
    for (unsigned i = 0; i < count; ++i) {
      // A function that exits via an exception ends the program, as specified.
      threads_.emplace_back([this]() noexcept { impl_->run(); });
    }
  });
}

void system_context::post_op(detail::operation* op) {
  if (impl_->stopped()) {
    op->destroy();
    return;
  }
  start_threads_once();
  impl_->post_immediate_completion(op);
}

void system_context::stop() { impl_->stop(); }

bool system_context::stopped() const noexcept { return impl_->stopped(); }

void system_context::join() {
  std::lock_guard lock(join_mutex_);
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

}  // namespace refnet
