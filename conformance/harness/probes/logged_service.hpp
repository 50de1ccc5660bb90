// Probe: services of our own that log what an execution context does with them, for the rules
// of [async.exec.ctx] and its sub-clauses and of [async.reqmts.service]: which were made, with
// which constructor arguments, and in which order they were shut down, notified of a fork and
// destroyed.
//
//   using first = logged_service<net::execution_context, 1>;
//   logged_context<net::execution_context> ctx;   // exposes shutdown() and destroy()
//   net::use_service<first>(ctx);
//   ctx.shutdown();
//   service_log::events() == {"make 1", "shutdown 1"}
//
// The log is one per process (a service made by use_service gets nothing but its context), and
// every case is a process of its own; log_scope clears it for a case run in-process.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace conformance {

class service_log {
 public:
  static void note(std::string event) {
    const std::lock_guard lock(mutex());
    entries().push_back(std::move(event));
  }
  static std::vector<std::string> events() {
    const std::lock_guard lock(mutex());
    return entries();
  }
  static long count(const std::string& event) {
    const std::lock_guard lock(mutex());
    long n = 0;
    for (const std::string& e : entries()) n += e == event;
    return n;
  }
  static void clear() {
    const std::lock_guard lock(mutex());
    entries().clear();
  }

 private:
  static std::mutex& mutex() {
    static std::mutex m;
    return m;
  }
  static std::vector<std::string>& entries() {
    static std::vector<std::string> e;
    return e;
  }
};

// Clears the log for the case it is made in.
struct log_scope {
  log_scope() { service_log::clear(); }
};

// The type of the events notify_fork takes, however the library spells it: the TS's
// enumeration fork_event (prepare, parent, child), or Asio's, nested in execution_context
// (fork_prepare, fork_parent, fork_child). Found through the context type, so that a rule
// names neither spelling.
template <class Context, class Event>
Event first_parameter(void (Context::*)(Event));

template <class Context>
constexpr auto fork_event_value(int which) {
  if constexpr (requires { Context::fork_prepare; }) {
    return which == 0 ? Context::fork_prepare : which == 1 ? Context::fork_parent : Context::fork_child;
  } else {
    using event = decltype(first_parameter<Context>(&Context::notify_fork));
    return which == 0 ? event::prepare : which == 1 ? event::parent : event::child;
  }
}

template <class Context>
struct fork_events {
  using type = decltype(fork_event_value<Context>(0));
  static constexpr type prepare = fork_event_value<Context>(0);
  static constexpr type parent = fork_event_value<Context>(1);
  static constexpr type child = fork_event_value<Context>(2);
};

// A service numbered Id: logs "make <Id>" (with the context it got, and any extra argument),
// "shutdown <Id>", "fork <Id> <event>" and "destroy <Id>".
template <class Context, int Id>
class logged_service : public Context::service {
 public:
  using key_type = logged_service;

  explicit logged_service(Context& owner) : Context::service(owner), owner_(&owner) { note("make"); }
  logged_service(Context& owner, std::unique_ptr<int> argument)
      : Context::service(owner), owner_(&owner), argument_(argument ? *argument : -1) {
    note("make");
  }
  ~logged_service() override { note("destroy"); }

  Context* owner() const noexcept { return owner_; }
  int argument() const noexcept { return argument_; }
  int id() const noexcept { return Id; }

 private:
  void note(const std::string& what) const { service_log::note(what + " " + std::to_string(Id)); }
  void shutdown() noexcept override { note("shutdown"); }
  void notify_fork(typename fork_events<Context>::type event) override {
    note("fork " + std::to_string(static_cast<int>(event)));
  }

  Context* owner_;
  int argument_ = -1;
};

// A service whose key is the service it derives from: use_service and make_service treat it
// as that service ([async.reqmts.service] p1).
template <class Context, int Id>
class derived_logged_service : public logged_service<Context, Id> {
 public:
  using key_type = logged_service<Context, Id>;
  explicit derived_logged_service(Context& owner) : logged_service<Context, Id>(owner) {}
};

// A context whose protected shutdown() and destroy() a rule may call.
template <class Context>
class logged_context : public Context {
 public:
  using Context::destroy;
  using Context::shutdown;
};

}  // namespace conformance
