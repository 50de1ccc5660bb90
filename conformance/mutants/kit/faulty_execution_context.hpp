// execution_context, its service class and use_service, make_service and has_service written
// for the kit, with at most one planted fault: sound_execution_context is the correct behaviour
// (every planted_ switch off), and each fault below turns one switch on. A mutant declared with
// kit_fault = "execution_context:<fault>" (mutants.bzl) puts them in place of the library's
// (execution_context_fault_binding.hpp).
#pragma once

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_execution_context {
  static constexpr bool planted_shutdown_public = false;
  static constexpr bool planted_use_service_creates_each_time = false;
  static constexpr bool planted_use_service_makes_for_another_context = false;
  static constexpr bool planted_use_service_ignores_key_type = false;
  static constexpr bool planted_use_service_passes_an_extra_argument = false;
  static constexpr bool planted_make_service_never_throws = false;
  static constexpr bool planted_make_service_refuses_when_others_present = false;
  static constexpr bool planted_make_service_drops_arguments = false;
  static constexpr bool planted_has_service_always_true = false;
  static constexpr bool planted_unsynchronised_registry = false;
  static constexpr bool planted_shutdown_destroys_services = false;
  static constexpr bool planted_shutdown_in_order_of_addition = false;
  static constexpr bool planted_shutdown_repeats = false;
  static constexpr bool planted_destroy_in_order_of_addition = false;
  static constexpr bool planted_destructor_skips_shutdown = false;
  static constexpr bool planted_fork_prepare_in_order_of_addition = false;
  static constexpr bool planted_service_context_elsewhere = false;
  static constexpr bool planted_service_copyable = false;
};

// [async.exec.ctx]
struct shutdown_public : sound_execution_context {
  static constexpr bool planted_shutdown_public = true;
};
struct use_service_creates_each_time : sound_execution_context {
  static constexpr bool planted_use_service_creates_each_time = true;
};
struct use_service_makes_for_another_context : sound_execution_context {
  static constexpr bool planted_use_service_makes_for_another_context = true;
};
struct make_service_never_throws : sound_execution_context {
  static constexpr bool planted_make_service_never_throws = true;
};
struct shutdown_destroys_services : sound_execution_context {
  static constexpr bool planted_shutdown_destroys_services = true;
};
// [async.exec.ctx.cons], [async.exec.ctx.globals]
struct has_service_always_true : sound_execution_context {
  static constexpr bool planted_has_service_always_true = true;
};
struct unsynchronised_registry : sound_execution_context {
  static constexpr bool planted_unsynchronised_registry = true;
};
struct make_service_refuses_when_others_present : sound_execution_context {
  static constexpr bool planted_make_service_refuses_when_others_present = true;
};
struct make_service_drops_arguments : sound_execution_context {
  static constexpr bool planted_make_service_drops_arguments = true;
};
// [async.exec.ctx.dtor], [async.exec.ctx.ops], [async.exec.ctx.protected]
struct destructor_skips_shutdown : sound_execution_context {
  static constexpr bool planted_destructor_skips_shutdown = true;
};
struct fork_prepare_in_order_of_addition : sound_execution_context {
  static constexpr bool planted_fork_prepare_in_order_of_addition = true;
};
struct shutdown_in_order_of_addition : sound_execution_context {
  static constexpr bool planted_shutdown_in_order_of_addition = true;
};
struct shutdown_repeats : sound_execution_context {
  static constexpr bool planted_shutdown_repeats = true;
};
struct destroy_in_order_of_addition : sound_execution_context {
  static constexpr bool planted_destroy_in_order_of_addition = true;
};
// [async.exec.ctx.svc], [async.reqmts.service]
struct service_context_elsewhere : sound_execution_context {
  static constexpr bool planted_service_context_elsewhere = true;
};
struct service_copyable : sound_execution_context {
  static constexpr bool planted_service_copyable = true;
};
struct use_service_ignores_key_type : sound_execution_context {
  static constexpr bool planted_use_service_ignores_key_type = true;
};
struct use_service_passes_an_extra_argument : sound_execution_context {
  static constexpr bool planted_use_service_passes_an_extra_argument = true;
};

template <class Fault>
class faulty_execution_context {
 public:
  enum fork_event { fork_prepare, fork_parent, fork_child };

  class service {
   public:
    service(const service&) requires(!Fault::planted_service_copyable) = delete;
    service(const service&) requires(Fault::planted_service_copyable) = default;
    service& operator=(const service&) = delete;

    faulty_execution_context& context() noexcept {
      if constexpr (Fault::planted_service_context_elsewhere) return elsewhere();
      return owner_;
    }

   protected:
    explicit service(faulty_execution_context& owner) : owner_(owner) {}
    virtual ~service() = default;

   private:
    friend class faulty_execution_context;
    virtual void shutdown() = 0;
    virtual void notify_fork(fork_event) {}

    faulty_execution_context& owner_;
    const std::type_info* key_ = nullptr;
    bool shut_down_ = false;
  };

  faulty_execution_context() = default;
  faulty_execution_context(const faulty_execution_context&) = delete;
  faulty_execution_context& operator=(const faulty_execution_context&) = delete;
  virtual ~faulty_execution_context() {
    if constexpr (!Fault::planted_destructor_skips_shutdown) shutdown();
    destroy();
  }

  void notify_fork(fork_event event) {
    const bool reverse = event == fork_prepare && !Fault::planted_fork_prepare_in_order_of_addition;
    for (service* s : in_order(reverse)) s->notify_fork(event);
  }

  void shutdown() noexcept requires(Fault::planted_shutdown_public) { shut_down_services(); }

  template <class Service>
  static const std::type_info& key() {
    if constexpr (Fault::planted_use_service_ignores_key_type) return typeid(Service);
    return typeid(typename Service::key_type);
  }

  service* find(const std::type_info& key) {
    for (const auto& s : services_) {
      if (*s->key_ == key) return s.get();
    }
    return nullptr;
  }

  bool has_services() const noexcept { return !services_.empty(); }

  // The context the faults that misplace a service point at.
  static faulty_execution_context& elsewhere() {
    static faulty_execution_context other;
    return other;
  }

  std::unique_lock<std::mutex> lock() {
    if constexpr (Fault::planted_unsynchronised_registry) return {};
    return std::unique_lock(mutex_);
  }

  template <class Service>
  Service& add(std::unique_ptr<Service> made) {
    made->key_ = &key<Service>();
    Service& added = *made;
    services_.push_back(owned_service(made.release()));
    return added;
  }

 protected:
  void shutdown() noexcept requires(!Fault::planted_shutdown_public) { shut_down_services(); }

  void destroy() noexcept {
    if constexpr (Fault::planted_destroy_in_order_of_addition) {
      for (auto& s : services_) s.reset();
    }
    while (!services_.empty()) services_.pop_back();
  }

 private:
  struct deleter {
    void operator()(service* s) const noexcept { delete s; }
  };
  using owned_service = std::unique_ptr<service, deleter>;

  std::vector<service*> in_order(bool reverse) const {
    std::vector<service*> order;
    for (const auto& s : services_) order.push_back(s.get());
    if (reverse) std::reverse(order.begin(), order.end());
    return order;
  }

  void shut_down_services() noexcept {
    for (service* s : in_order(!Fault::planted_shutdown_in_order_of_addition)) {
      if (s->shut_down_ && !Fault::planted_shutdown_repeats) continue;
      s->shut_down_ = true;
      s->shutdown();
    }
    if constexpr (Fault::planted_shutdown_destroys_services) destroy();
  }

  std::mutex mutex_;
  std::vector<owned_service> services_;
};

// The service use_service makes: from the context alone, or (the fault) with an extra argument
// whenever the service has a constructor that takes one.
template <class Service, class Fault>
std::unique_ptr<Service> made_for_use(faulty_execution_context<Fault>& owner) {
  if constexpr (Fault::planted_use_service_passes_an_extra_argument &&
                std::is_constructible_v<Service, faulty_execution_context<Fault>&, std::unique_ptr<int>>) {
    return std::make_unique<Service>(owner, std::make_unique<int>(0));
  } else {
    return std::make_unique<Service>(owner);
  }
}

template <class Service, class Fault>
typename Service::key_type& use_service(faulty_execution_context<Fault>& ctx) {
  using key_type = typename Service::key_type;
  {
    const auto lock = ctx.lock();
    if (auto* found = ctx.find(ctx.template key<Service>());
        found != nullptr && !Fault::planted_use_service_creates_each_time) {
      return static_cast<key_type&>(*found);
    }
  }
  if constexpr (Fault::planted_unsynchronised_registry) {
    // Between looking and adding, another thread may add the same service too.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  auto made = made_for_use<Service>(
      Fault::planted_use_service_makes_for_another_context ? faulty_execution_context<Fault>::elsewhere() : ctx);
  const auto lock = ctx.lock();
  if (auto* found = ctx.find(ctx.template key<Service>());
      found != nullptr && !Fault::planted_use_service_creates_each_time && !Fault::planted_unsynchronised_registry) {
    return static_cast<key_type&>(*found);
  }
  return ctx.add(std::move(made));
}

template <class Service, class Fault, class... Args>
Service& make_service(faulty_execution_context<Fault>& ctx, Args&&... args) {
  auto made = [&] {
    if constexpr (Fault::planted_make_service_drops_arguments) {
      return std::make_unique<Service>(ctx);
    } else {
      return std::make_unique<Service>(ctx, std::forward<Args>(args)...);
    }
  }();
  const auto lock = ctx.lock();
  if (auto* found = ctx.find(ctx.template key<Service>())) {
    if constexpr (Fault::planted_make_service_never_throws) return static_cast<Service&>(*found);
    throw lib::service_already_exists();
  }
  if constexpr (Fault::planted_make_service_refuses_when_others_present) {
    if (ctx.has_services()) throw lib::service_already_exists();
  }
  return ctx.add(std::move(made));
}

template <class Service, class Fault>
bool has_service(faulty_execution_context<Fault>& ctx) noexcept {
  if constexpr (Fault::planted_has_service_always_true) return true;
  const auto lock = ctx.lock();
  return ctx.find(ctx.template key<Service>()) != nullptr;
}

}  // namespace conformance::kit
