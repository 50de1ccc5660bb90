// basic_signal_set (Asio's, beyond the TS): waits for POSIX signals. A signal delivered while no
// wait is outstanding stays pending in the set and completes its next wait.
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/associated_cancellation_slot.hpp"
#include "refnet/async_result.hpp"
#include "refnet/detail/bind_handler.hpp"
#include "refnet/detail/reactive_op.hpp"
#include "refnet/detail/signal_service.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"

namespace refnet {

namespace detail {

// A signal wait's result: the error and, in bytes_transferred_, the signal's number.
struct signal_completion {
  bool perform(error_code&, std::size_t&) noexcept { return false; }  // completed by the service only
  void finish(error_code&) noexcept {}
  template <class Handler>
  static auto bind(Handler&& handler, const error_code& ec, std::size_t signal_number) {
    return bind_handler(std::forward<Handler>(handler), ec, static_cast<int>(signal_number));
  }
};

}  // namespace detail

template <class Executor = any_io_executor>
class basic_signal_set {
 public:
  using executor_type = Executor;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_signal_set<Executor1>;
  };

  explicit basic_signal_set(const executor_type& ex)
      : executor_(ex), service_(&use_service<detail::signal_service>(executor_.context())) {
    service_->construct(impl_);
  }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  explicit basic_signal_set(ExecutionContext& ctx) : basic_signal_set(executor_type(ctx.get_executor())) {}

  template <class... Signals>
    requires(sizeof...(Signals) > 0 && (std::is_convertible_v<Signals, int> && ...))
  basic_signal_set(const executor_type& ex, Signals... signal_numbers) : basic_signal_set(ex) {
    (add(signal_numbers), ...);
  }

  template <class ExecutionContext, class... Signals>
    requires(std::is_convertible_v<ExecutionContext&, execution_context&> && sizeof...(Signals) > 0 &&
             (std::is_convertible_v<Signals, int> && ...))
  basic_signal_set(ExecutionContext& ctx, Signals... signal_numbers)
      : basic_signal_set(executor_type(ctx.get_executor()), signal_numbers...) {}

  basic_signal_set(const basic_signal_set&) = delete;
  basic_signal_set& operator=(const basic_signal_set&) = delete;

  // Waiting operations complete with operation_aborted.
  ~basic_signal_set() { service_->destroy(impl_); }

  executor_type get_executor() noexcept { return executor_; }

  void add(int signal_number) { throw_if(service_->add(impl_, signal_number), "add"); }
  void add(int signal_number, error_code& ec) { ec = service_->add(impl_, signal_number); }
  void remove(int signal_number) { throw_if(service_->remove(impl_, signal_number), "remove"); }
  void remove(int signal_number, error_code& ec) { ec = service_->remove(impl_, signal_number); }
  void clear() { throw_if(service_->clear(impl_), "clear"); }
  void clear(error_code& ec) { ec = service_->clear(impl_); }
  void cancel() { service_->cancel(impl_); }
  void cancel(error_code& ec) {
    service_->cancel(impl_);
    ec.clear();
  }

  template <class SignalToken = default_completion_token_t<executor_type>>
  decltype(auto) async_wait(SignalToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<SignalToken, void(error_code, int)>(initiate_async_wait(this), token);
  }

 private:
  static void throw_if(const error_code& ec, const char* what) {
    if (ec) throw system_error(ec, what);
  }

  class initiate_async_wait {
   public:
    using executor_type = Executor;
    explicit initiate_async_wait(basic_signal_set* self) noexcept : self_(self) {}
    executor_type get_executor() const noexcept { return self_->get_executor(); }

    template <class SignalHandler>
    void operator()(SignalHandler&& handler) const {
      self_->start_wait(std::forward<SignalHandler>(handler));
    }

   private:
    basic_signal_set* self_;
  };

  template <class SignalHandler>
  void start_wait(SignalHandler&& handler) {
    auto op = detail::make_reactive_op(detail::signal_completion(), std::forward<SignalHandler>(handler), executor_);
    auto slot = get_associated_cancellation_slot(op->handler());
    if (slot.is_connected())
      op->cancellation_key_ = &slot.template emplace<detail::signal_wait_cancellation>(*service_, impl_);
    if (service_->start_wait(impl_, op.get())) {
      op.release()->complete_immediately();
    } else {
      op.release();  // now owned by the service
    }
  }

  Executor executor_;
  detail::signal_service* service_;
  detail::signal_service::implementation impl_;
};

using signal_set = basic_signal_set<>;

}  // namespace refnet
