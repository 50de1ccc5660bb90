// Mechanics: one asynchronous operation waiting in the reactor. The Performer does
// the system call and shapes the completion arguments; this class owns the handler
// and the outstanding work, and applies the completion rules of [async.reqmts.async].
#pragma once

#include <utility>

#include "refnet/associated_allocator.hpp"
#include "refnet/associated_cancellation_slot.hpp"
#include "refnet/detail/bind_handler.hpp"
#include "refnet/detail/handler_work.hpp"
#include "refnet/detail/reactor_op.hpp"
#include "refnet/detail/recycling_allocator.hpp"

namespace refnet::detail {

template <class Performer, class Handler, class IoExecutor>
class reactive_op final : public reactor_op {
 public:
  template <class H>
  reactive_op(Performer performer, H&& handler, const IoExecutor& io_ex)
      : reactor_op(&do_perform, &do_complete),
        performer_(std::move(performer)),
        handler_(std::forward<H>(handler)),
        work_(handler_, io_ex) {}

  Handler& handler() noexcept { return handler_; }

 private:
  static bool do_perform(reactor_op* base) {
    auto* self = static_cast<reactive_op*>(base);
    return self->performer_.perform(self->ec_, self->bytes_transferred_);
  }

  static void do_complete(operation* base, completion_mode mode) {
    auto* self = static_cast<reactive_op*>(base);
    const auto alloc2 = get_associated_allocator(self->handler_);
    Handler handler(std::move(self->handler_));
    handler_work<Handler, IoExecutor> work(std::move(self->work_));
    Performer performer(std::move(self->performer_));
    error_code ec = self->ec_;
    const std::size_t bytes = self->bytes_transferred_;
    free_op(self, alloc2);  // [async.reqmts.async.alloc]: memory back before the handler runs
    if (mode == completion_mode::destroy) return;

    performer.finish(ec);
    auto f = performer.bind(std::move(handler), ec, bytes);
    if (mode == completion_mode::post)
      work.post(std::move(f), alloc2);
    else
      work.dispatch(std::move(f), alloc2);
  }

  Performer performer_;
  Handler handler_;
  handler_work<Handler, IoExecutor> work_;
};

// Base for performers whose handler takes (error_code).
struct error_only_completion {
  void finish(error_code&) noexcept {}
  template <class Handler>
  static auto bind(Handler&& handler, const error_code& ec, std::size_t) {
    return bind_handler(std::forward<Handler>(handler), ec);
  }
};

// Base for performers whose handler takes (error_code, bytes_transferred).
struct transfer_completion {
  void finish(error_code&) noexcept {}
  template <class Handler>
  static auto bind(Handler&& handler, const error_code& ec, std::size_t bytes) {
    return bind_handler(std::forward<Handler>(handler), ec, bytes);
  }
};

// Allocates a reactive_op through the handler's associated allocator.
template <class Performer, class Handler, class IoExecutor>
auto make_reactive_op(Performer performer, Handler&& handler, const IoExecutor& io_ex) {
  using handler_type = std::decay_t<Handler>;
  using op_type = reactive_op<Performer, handler_type, IoExecutor>;
  using alloc_type = associated_allocator_t<handler_type>;
  return op_ptr<op_type, alloc_type>(get_associated_allocator(handler), std::move(performer),
                                     std::forward<Handler>(handler), io_ex);
}

}  // namespace refnet::detail
