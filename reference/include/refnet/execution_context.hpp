// [async.exec.ctx] execution_context, execution_context::service, use_service, make_service, has_service.
#pragma once

#include <memory>
#include <mutex>
#include <stdexcept>
#include <typeinfo>
#include <utility>
#include <vector>

namespace refnet {

// The Networking TS spelling of the fork notification; Asio's is execution_context::fork_event.
enum class fork_event { prepare, parent, child };

class execution_context;

namespace detail {

// Identifies a service slot: the typeid of the key type, or an Asio-style static id.
struct service_key {
  const std::type_info* type = nullptr;
  const void* id = nullptr;
  friend bool operator==(const service_key& a, const service_key& b) noexcept {
    if (a.id || b.id) return a.id == b.id;
    return a.type && b.type && *a.type == *b.type;
  }
};

struct service_deleter;
class service_registry;

// What use_service<Service> returns a reference to: the service of Service's key, which is
// Service::key_type when it names one (possibly a base of Service), else Service itself.
template <class Service>
struct key_type_of {
  using type = Service;
};
template <class Service>
  requires requires { typename Service::key_type; }
struct key_type_of<Service> {
  using type = typename Service::key_type;
};

}  // namespace detail

class service_already_exists : public std::logic_error {
 public:
  service_already_exists() : std::logic_error("Service already exists.") {}
};

// An extensible, type-safe, polymorphic set of services, indexed by service type.
class execution_context {
 public:
  class service;
  class id;

  enum fork_event { fork_prepare, fork_parent, fork_child };

  execution_context();
  execution_context(const execution_context&) = delete;
  execution_context& operator=(const execution_context&) = delete;
  virtual ~execution_context();

  // prepare: services in reverse order of addition; parent/child: in order of addition.
  void notify_fork(fork_event event);
  void notify_fork(::refnet::fork_event event);

 protected:
  // Calls each service's shutdown() once, newest first.
  void shutdown() noexcept;
  // Destroys every service, newest first.
  void destroy() noexcept;

 private:
  template <class Service>
  friend typename detail::key_type_of<Service>::type& use_service(execution_context& ctx);
  template <class Service, class... Args>
  friend Service& make_service(execution_context& ctx, Args&&... args);
  template <class Service>
  friend bool has_service(execution_context& ctx) noexcept;

  std::unique_ptr<detail::service_registry> registry_;
};

// Asio-style service identity: a service may declare `static execution_context::id id;`.
class execution_context::id {
 public:
  id() = default;
  id(const id&) = delete;
  id& operator=(const id&) = delete;
};

class execution_context::service {
 public:
  service(const service&) = delete;
  service& operator=(const service&) = delete;

  execution_context& context() noexcept { return owner_; }

 protected:
  explicit service(execution_context& owner) : owner_(owner) {}
  virtual ~service() = default;

 private:
  friend class detail::service_registry;
  friend struct detail::service_deleter;

  virtual void shutdown() = 0;
  virtual void notify_fork(execution_context::fork_event) {}

  execution_context& owner_;
  detail::service_key key_;
  bool shut_down_ = false;
};

namespace detail {

struct service_deleter {
  void operator()(execution_context::service* s) const noexcept { delete s; }
};

using service_ptr = std::unique_ptr<execution_context::service, service_deleter>;

template <class Service>
concept has_key_type = requires { typename Service::key_type; };

template <class Service>
concept has_static_id = requires { { &Service::id } -> std::convertible_to<const execution_context::id*>; };

template <class Service>
service_key key_of() noexcept {
  if constexpr (has_key_type<Service>) {
    static_assert(std::is_base_of_v<typename Service::key_type, Service>, "key_type must be a base of the service");
    return service_key{&typeid(typename Service::key_type), nullptr};
  } else if constexpr (has_static_id<Service>) {
    return service_key{nullptr, &Service::id};
  } else {
    return service_key{&typeid(Service), nullptr};
  }
}

class service_registry {
 public:
  explicit service_registry(execution_context& owner) : owner_(owner) {}
  service_registry(const service_registry&) = delete;
  service_registry& operator=(const service_registry&) = delete;
  ~service_registry() { destroy_all(); }

  template <class Service>
  typename key_type_of<Service>::type& use() {
    using key_type = typename key_type_of<Service>::type;
    const service_key key = key_of<Service>();
    if (auto* existing = find_locked(key)) return static_cast<key_type&>(*existing);
    // Construct outside the lock: a service constructor may itself use other services.
    service_ptr created(new Service(owner_));
    return static_cast<key_type&>(add_or_get(key, std::move(created)));
  }

  template <class Service, class... Args>
  Service& make(Args&&... args) {
    const service_key key = key_of<Service>();
    if (find_locked(key)) throw service_already_exists();
    service_ptr created(new Service(owner_, std::forward<Args>(args)...));
    return static_cast<Service&>(add_unique(key, std::move(created)));
  }

  template <class Service>
  bool has() noexcept {
    return find_locked(key_of<Service>()) != nullptr;
  }

  void shutdown_all() noexcept;
  void destroy_all() noexcept;
  void notify_fork(execution_context::fork_event event);

 private:
  execution_context::service* find_locked(const service_key& key);
  execution_context::service* find(const service_key& key) const noexcept;
  execution_context::service& add_or_get(const service_key& key, service_ptr created);
  execution_context::service& add_unique(const service_key& key, service_ptr created);

  execution_context& owner_;
  mutable std::mutex mutex_;
  std::vector<service_ptr> services_;  // in order of addition
};

}  // namespace detail

template <class Service>
typename detail::key_type_of<Service>::type& use_service(execution_context& ctx) {
  return ctx.registry_->template use<Service>();
}

template <class Service, class... Args>
Service& make_service(execution_context& ctx, Args&&... args) {
  return ctx.registry_->template make<Service>(std::forward<Args>(args)...);
}

template <class Service>
bool has_service(execution_context& ctx) noexcept {
  return ctx.registry_->template has<Service>();
}

}  // namespace refnet
