// Mechanics: the service, in the inner executor's context, that knows every live strand state
// on that context, so that the context's shutdown() destroys the functions queued on its
// strands ([async.reqmts.service] p5), even while strand objects outlive it.
//
// The states and the service share a registry: a state leaves it when it is destroyed (which
// may be after the service is gone), so the registry never names a dead state and holds no
// state's memory.
#pragma once

#include <algorithm>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "refnet/detail/operation.hpp"
#include "refnet/execution_context.hpp"

namespace refnet::detail {

class strand_state;

class strand_registry {
 public:
  void add(strand_state* state) {
    std::lock_guard lock(mutex_);
    states_.push_back(state);
  }
  void remove(strand_state* state) noexcept {
    std::lock_guard lock(mutex_);
    states_.erase(std::remove(states_.begin(), states_.end(), state), states_.end());
  }
  // Moves the functions queued on every registered state into `doomed`.
  template <class Take>
  void take_queued(Take take) {
    std::lock_guard lock(mutex_);
    for (strand_state* state : states_) take(*state);
  }

 private:
  std::mutex mutex_;
  std::vector<strand_state*> states_;
};

class strand_service final : public execution_context::service {
 public:
  using key_type = strand_service;

  explicit strand_service(execution_context& owner)
      : execution_context::service(owner), registry_(std::make_shared<strand_registry>()) {}

  const std::shared_ptr<strand_registry>& registry() const noexcept { return registry_; }

 private:
  void shutdown() override;

  std::shared_ptr<strand_registry> registry_;
};

}  // namespace refnet::detail
