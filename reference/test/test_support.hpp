// Probes shared by refnet's unit tests: a recording TS executor, a counting
// allocator, a move-only probe handler and an "inside the initiating function" flag.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "refnet/net.hpp"

namespace refnet_test {

// Shared log of what a recording_executor was asked to do.
struct executor_log {
  std::mutex mutex;
  std::vector<std::string> calls;
  std::atomic<int> started{0};
  std::atomic<int> finished{0};

  void add(std::string call) {
    std::lock_guard lock(mutex);
    calls.push_back(std::move(call));
  }
  std::vector<std::string> snapshot() {
    std::lock_guard lock(mutex);
    return calls;
  }
  int count(const std::string& call) {
    std::lock_guard lock(mutex);
    int n = 0;
    for (const auto& c : calls) n += c == call;
    return n;
  }
};

// A TS executor wrapping io_context::executor_type that logs every call.
class recording_executor {
 public:
  recording_executor(refnet::io_context& ctx, std::shared_ptr<executor_log> log)
      : inner_(ctx.get_executor()), log_(std::move(log)) {}

  refnet::io_context& context() const noexcept { return inner_.context(); }
  void on_work_started() const noexcept {
    ++log_->started;
    inner_.on_work_started();
  }
  void on_work_finished() const noexcept {
    ++log_->finished;
    inner_.on_work_finished();
  }
  template <class F, class A>
  void dispatch(F&& f, const A& a) const {
    log_->add("dispatch");
    inner_.dispatch(std::forward<F>(f), a);
  }
  template <class F, class A>
  void post(F&& f, const A& a) const {
    log_->add("post");
    inner_.post(std::forward<F>(f), a);
  }
  template <class F, class A>
  void defer(F&& f, const A& a) const {
    log_->add("defer");
    inner_.defer(std::forward<F>(f), a);
  }
  friend bool operator==(const recording_executor& a, const recording_executor& b) noexcept {
    return a.inner_ == b.inner_ && a.log_ == b.log_;
  }
  friend bool operator!=(const recording_executor& a, const recording_executor& b) noexcept { return !(a == b); }

  executor_log& log() const { return *log_; }

 private:
  refnet::io_context::executor_type inner_;
  std::shared_ptr<executor_log> log_;
};

struct allocation_counters {
  std::atomic<long> allocations{0};
  std::atomic<long> deallocations{0};
  std::atomic<long> live_bytes{0};
};

// Proto-allocator counting through shared counters.
template <class T = void>
class counting_allocator {
 public:
  using value_type = T;
  explicit counting_allocator(std::shared_ptr<allocation_counters> c) : counters_(std::move(c)) {}
  template <class U>
  counting_allocator(const counting_allocator<U>& other) noexcept : counters_(other.counters()) {}

  T* allocate(std::size_t n) {
    ++counters_->allocations;
    counters_->live_bytes += static_cast<long>(n * sizeof(T));
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    ++counters_->deallocations;
    counters_->live_bytes -= static_cast<long>(n * sizeof(T));
    std::allocator<T>().deallocate(p, n);
  }
  const std::shared_ptr<allocation_counters>& counters() const noexcept { return counters_; }

  template <class U>
  friend bool operator==(const counting_allocator& a, const counting_allocator<U>& b) noexcept {
    return a.counters_ == b.counters();
  }

 private:
  std::shared_ptr<allocation_counters> counters_;
};

// Set while an initiating function runs, so handlers can check they are not called inside it.
inline thread_local bool inside_initiation = false;

struct initiation_guard {
  initiation_guard() { inside_initiation = true; }
  ~initiation_guard() { inside_initiation = false; }
  initiation_guard(const initiation_guard&) = delete;
  initiation_guard& operator=(const initiation_guard&) = delete;
};

struct probe_state {
  std::atomic<int> invocations{0};
  std::atomic<int> invoked_inside_initiation{0};
  std::atomic<int> alive{0};
  std::atomic<long> live_bytes_at_invocation{-1};
  refnet::error_code last_error;
  std::size_t last_bytes = 0;
  std::thread::id thread;
};

// Move-only handler that records its invocation and lifetime.
class probe_handler {
 public:
  explicit probe_handler(std::shared_ptr<probe_state> s) : state_(std::move(s)) { ++state_->alive; }
  probe_handler(probe_handler&& other) noexcept : state_(other.state_) { ++state_->alive; }
  probe_handler(const probe_handler&) = delete;
  probe_handler& operator=(const probe_handler&) = delete;
  ~probe_handler() { --state_->alive; }

  void operator()() && { record(); }
  void operator()(refnet::error_code ec) && {
    state_->last_error = ec;
    record();
  }
  void operator()(refnet::error_code ec, std::size_t n) && {
    state_->last_error = ec;
    state_->last_bytes = n;
    record();
  }

 private:
  void record() {
    ++state_->invocations;
    if (inside_initiation) ++state_->invoked_inside_initiation;
    state_->thread = std::this_thread::get_id();
  }
  std::shared_ptr<probe_state> state_;
};

// A probe for the binders, which call their target as an lvalue whatever their own value
// category ([async.exec.binder.invocation]); the probe itself takes only rvalue calls.
class bindable_probe {
 public:
  explicit bindable_probe(std::shared_ptr<probe_state> s) : inner_(std::move(s)) {}

  template <class... Args>
  void operator()(Args&&... args) {
    std::move(inner_)(std::forward<Args>(args)...);
  }

 private:
  probe_handler inner_;
};

// A probe handler that also exposes an associated executor and allocator.
template <class Executor, class Allocator>
class associated_probe {
 public:
  using executor_type = Executor;
  using allocator_type = Allocator;

  associated_probe(std::shared_ptr<probe_state> s, Executor ex, Allocator a)
      : inner_(std::move(s)), ex_(std::move(ex)), alloc_(std::move(a)) {}

  executor_type get_executor() const noexcept { return ex_; }
  allocator_type get_allocator() const noexcept { return alloc_; }

  template <class... Args>
  void operator()(Args&&... args) && {
    std::move(inner_)(std::forward<Args>(args)...);
  }

 private:
  probe_handler inner_;
  Executor ex_;
  Allocator alloc_;
};

// A connected loopback TCP pair; ports are ephemeral.
struct socket_pair {
  explicit socket_pair(refnet::io_context& ctx) : client(ctx), server(ctx) {
    refnet::ip::tcp::acceptor acceptor(ctx, refnet::ip::tcp::endpoint(refnet::ip::address_v4::loopback(), 0));
    client.connect(acceptor.local_endpoint());
    acceptor.accept(server);
  }
  refnet::ip::tcp::socket client;
  refnet::ip::tcp::socket server;
};

}  // namespace refnet_test
