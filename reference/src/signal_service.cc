#include "refnet/detail/signal_service.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <thread>
#include <vector>

namespace refnet::detail {

namespace {

// Process-wide: created on first use and never destroyed, because the delivery thread (detached)
// may still read it while the process exits.
struct signal_registry {
  std::mutex mutex;
  int read_end = -1;
  int write_end = -1;
  int registrations[NSIG] = {};
  std::vector<signal_service*> services;
};

signal_registry& registry();

extern "C" void on_signal(int signal_number) {
  const int saved = errno;
  const unsigned char byte = static_cast<unsigned char>(signal_number);
  [[maybe_unused]] const auto written = ::write(registry().write_end, &byte, 1);
  errno = saved;
}

void deliver_forever(signal_registry& r) {
  for (;;) {
    unsigned char byte = 0;
    const auto n = ::read(r.read_end, &byte, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n != 1) return;
    const std::lock_guard lock(r.mutex);
    for (signal_service* service : r.services) service->deliver(byte);
  }
}

signal_registry& registry() {
  static signal_registry* const r = [] {
    auto* created = new signal_registry;  // NOLINT: deliberately immortal (see above)
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) == 0) {
      created->read_end = ends[0];
      created->write_end = ends[1];
      ::fcntl(ends[1], F_SETFL, ::fcntl(ends[1], F_GETFL, 0) | O_NONBLOCK);
      std::thread(deliver_forever, std::ref(*created)).detach();
    }
    return created;
  }();
  return *r;
}

bool valid(int signal_number) noexcept { return signal_number > 0 && signal_number < NSIG; }

error_code install(int signal_number, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigfillset(&action.sa_mask);
  action.sa_flags = handler == SIG_DFL ? 0 : SA_RESTART;
  if (::sigaction(signal_number, &action, nullptr) != 0) return error_code(errno, system_category());
  return {};
}

}  // namespace

signal_service::signal_service(execution_context& ctx)
    : execution_context::service(ctx), scheduler_(use_service<scheduler>(ctx)) {
  signal_registry& r = registry();
  const std::lock_guard lock(r.mutex);
  r.services.push_back(this);
}

signal_service::~signal_service() {
  signal_registry& r = registry();
  const std::lock_guard lock(r.mutex);
  std::erase(r.services, this);
}

void signal_service::construct(implementation& impl) {
  const std::lock_guard lock(registry().mutex);
  impl.next_ = sets_;
  if (sets_) sets_->prev_ = &impl;
  sets_ = &impl;
}

void signal_service::destroy(implementation& impl) {
  clear(impl);
  cancel(impl);
  const std::lock_guard lock(registry().mutex);
  if (impl.prev_) impl.prev_->next_ = impl.next_; else sets_ = impl.next_;
  if (impl.next_) impl.next_->prev_ = impl.prev_;
  impl.next_ = impl.prev_ = nullptr;
}

error_code signal_service::add(implementation& impl, int signal_number) {
  if (!valid(signal_number)) return make_error_code(error::invalid_argument);
  signal_registry& r = registry();
  const std::lock_guard lock(r.mutex);
  if (impl.registered_[signal_number]) return {};
  if (r.registrations[signal_number] == 0) {
    if (error_code ec = install(signal_number, on_signal)) return ec;
  }
  ++r.registrations[signal_number];
  impl.registered_[signal_number] = true;
  return {};
}

error_code signal_service::remove(implementation& impl, int signal_number) {
  if (!valid(signal_number)) return make_error_code(error::invalid_argument);
  signal_registry& r = registry();
  const std::lock_guard lock(r.mutex);
  if (!impl.registered_[signal_number]) return {};
  impl.registered_[signal_number] = false;
  std::erase(impl.pending_, signal_number);
  if (--r.registrations[signal_number] == 0) return install(signal_number, SIG_DFL);
  return {};
}

error_code signal_service::clear(implementation& impl) {
  error_code first;
  for (int signal_number = 1; signal_number < NSIG; ++signal_number) {
    if (!impl.registered_[signal_number]) continue;
    if (error_code ec = remove(impl, signal_number); ec && !first) first = ec;
  }
  return first;
}

void signal_service::cancel(implementation& impl) {
  const std::lock_guard lock(registry().mutex);
  op_queue<operation> aborted;
  while (reactor_op* op = impl.waiting_.pop()) {
    op->ec_ = make_error_code(error::operation_aborted);
    aborted.push(op);
  }
  scheduler_.post_deferred_completions(aborted);
}

void signal_service::cancel_by_key(implementation& impl, const void* key) {
  const std::lock_guard lock(registry().mutex);
  reactor_op* op = impl.waiting_.remove_first_if([key](const reactor_op& o) { return o.cancellation_key_ == key; });
  if (!op) return;
  op->ec_ = make_error_code(error::operation_aborted);
  scheduler_.post_deferred_completion(op);
}

bool signal_service::start_wait(implementation& impl, reactor_op* op) {
  const std::lock_guard lock(registry().mutex);
  if (shutdown_) {
    op->destroy();
    return false;
  }
  if (!impl.pending_.empty()) {
    op->bytes_transferred_ = static_cast<std::size_t>(impl.pending_.front());
    impl.pending_.pop_front();
    return true;
  }
  impl.waiting_.push(op);
  scheduler_.work_started();
  return false;
}

void signal_service::deliver(int signal_number) {
  if (shutdown_) return;
  for (implementation* impl = sets_; impl; impl = impl->next_) {
    if (!valid(signal_number) || !impl->registered_[signal_number]) continue;
    if (reactor_op* op = impl->waiting_.pop()) {
      op->ec_.clear();
      op->bytes_transferred_ = static_cast<std::size_t>(signal_number);
      scheduler_.post_deferred_completion(op);
    } else if (std::find(impl->pending_.begin(), impl->pending_.end(), signal_number) == impl->pending_.end()) {
      impl->pending_.push_back(signal_number);
    }
  }
}

void signal_service::shutdown() {
  op_queue<operation> abandoned;
  {
    const std::lock_guard lock(registry().mutex);
    shutdown_ = true;
    for (implementation* impl = sets_; impl; impl = impl->next_) abandoned.push(impl->waiting_);
  }
  // `abandoned` destroys every waiting operation here, outside the lock.
}

}  // namespace refnet::detail
