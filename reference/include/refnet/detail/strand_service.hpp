// Mechanics: the service, in the inner executor's context, that knows every strand state on
// that context, so that the context's shutdown() destroys the functions queued on its strands
// ([async.reqmts.service] p5), even while strand objects outlive it.
#pragma once

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "refnet/detail/strand_state.hpp"
#include "refnet/execution_context.hpp"

namespace refnet::detail {

class strand_service final : public execution_context::service {
 public:
  using key_type = strand_service;

  explicit strand_service(execution_context& owner) : execution_context::service(owner) {}

  void add(const std::shared_ptr<strand_state>& state) {
    std::lock_guard lock(mutex_);
    std::erase_if(states_, [](const std::weak_ptr<strand_state>& s) { return s.expired(); });
    states_.push_back(state);
  }

 private:
  void shutdown() override {
    std::vector<std::weak_ptr<strand_state>> states;
    {
      std::lock_guard lock(mutex_);
      states.swap(states_);
    }
    for (const auto& weak : states) {
      if (const auto state = weak.lock()) state->destroy_queued();
    }
  }

  std::mutex mutex_;
  std::vector<std::weak_ptr<strand_state>> states_;
};

// A new strand state, known to the strand service of `ex`'s context.
template <class Executor>
std::shared_ptr<strand_state> registered(std::shared_ptr<strand_state> state, const Executor& ex) {
  use_service<strand_service>(ex.context()).add(state);
  return state;
}

}  // namespace refnet::detail
