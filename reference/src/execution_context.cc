#include "refnet/execution_context.hpp"

#include <algorithm>

namespace refnet {

execution_context::execution_context() : registry_(std::make_unique<detail::service_registry>(*this)) {}

execution_context::~execution_context() {
  shutdown();
  destroy();
}

void execution_context::notify_fork(fork_event event) { registry_->notify_fork(event); }

void execution_context::notify_fork(::refnet::fork_event event) {
  switch (event) {
    case ::refnet::fork_event::prepare: return notify_fork(fork_prepare);
    case ::refnet::fork_event::parent: return notify_fork(fork_parent);
    case ::refnet::fork_event::child: return notify_fork(fork_child);
  }
}

void execution_context::shutdown() noexcept { registry_->shutdown_all(); }

void execution_context::destroy() noexcept { registry_->destroy_all(); }

namespace detail {

execution_context::service* service_registry::find(const service_key& key) const noexcept {
  for (const auto& s : services_)
    if (s->key_ == key) return s.get();
  return nullptr;
}

execution_context::service* service_registry::find_locked(const service_key& key) {
  std::lock_guard lock(mutex_);
  return find(key);
}

execution_context::service& service_registry::add_or_get(const service_key& key, service_ptr created) {
  std::unique_lock lock(mutex_);
  if (auto* existing = find(key)) {
    lock.unlock();  // `created` lost the race; it is destroyed outside the lock
    return *existing;
  }
  created->key_ = key;
  services_.push_back(std::move(created));
  return *services_.back();
}

execution_context::service& service_registry::add_unique(const service_key& key, service_ptr created) {
  std::unique_lock lock(mutex_);
  if (find(key)) {
    lock.unlock();
    throw service_already_exists();
  }
  created->key_ = key;
  services_.push_back(std::move(created));
  return *services_.back();
}

void service_registry::shutdown_all() noexcept {
  // Services may be added while others shut down; walk by index, newest first,
  // and take the lock only to read the list.
  for (std::size_t i = [&] { std::lock_guard l(mutex_); return services_.size(); }(); i-- > 0;) {
    execution_context::service* s;
    {
      std::lock_guard lock(mutex_);
      s = services_[i].get();
    }
    if (!s->shut_down_) {
      s->shut_down_ = true;
      s->shutdown();
    }
  }
}

void service_registry::destroy_all() noexcept {
  for (;;) {
    service_ptr victim;
    {
      std::lock_guard lock(mutex_);
      if (services_.empty()) return;
      victim = std::move(services_.back());
      services_.pop_back();
    }
  }
}

void service_registry::notify_fork(execution_context::fork_event event) {
  std::vector<execution_context::service*> order;
  {
    std::lock_guard lock(mutex_);
    for (const auto& s : services_) order.push_back(s.get());
  }
  if (event == execution_context::fork_prepare) std::reverse(order.begin(), order.end());
  for (auto* s : order) s->notify_fork(event);
}

}  // namespace detail
}  // namespace refnet
