// A TCP socket whose async_read_some has one planted fault in what its initiation object and
// the handler it hands to the base's async_read_some carry, over the base's socket (every other
// member is the base's). `sound_read` is the correct behaviour: the initiation exposes the
// socket's executor and passes on the buffers it is given; the handler wrapper has the
// handler's executor, allocator and cancellation slot, and its immediate executor when it has
// one. Each fault in immediate_socket_faults turns one `planted_` switch on.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/immediate/base.hpp"

namespace conformance::kit {

struct sound_read {
  static constexpr bool planted_immediate_executor_hidden = false;
  static constexpr bool planted_immediate_completion_posted = false;
  static constexpr bool planted_immediate_completion_to_handler_executor = false;
  static constexpr bool planted_handler_executor_hidden = false;
  static constexpr bool planted_handler_allocator_hidden = false;
  static constexpr bool planted_initiation_exposes_other_executor = false;
  static constexpr bool planted_initiation_needs_immediate_call = false;
};

namespace immediate_socket_faults {
#define CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT(fault) \
  struct fault : sound_read {                         \
    static constexpr bool planted_##fault = true;     \
  };
CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT(immediate_executor_hidden)
CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT(immediate_completion_posted)
CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT(immediate_completion_to_handler_executor)
CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT(handler_executor_hidden)
CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT(handler_allocator_hidden)
CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT(initiation_exposes_other_executor)
CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT(initiation_needs_immediate_call)
#undef CONFORMANCE_KIT_IMMEDIATE_SOCKET_FAULT
}  // namespace immediate_socket_faults

// A standard executor that submits everything it is given as a post on `Inner`, whatever it is
// asked for: an immediate executor that turns "as if by dispatch" into a post.
template <class Inner>
class posting_executor {
 public:
  explicit posting_executor(Inner inner) : inner_(std::move(inner)) {}

  template <class Function>
  void execute(Function&& f) const {
    lib::require(inner_, lib::execution::blocking.never).execute(std::forward<Function>(f));
  }
  lib::execution::blocking_t query(lib::execution::blocking_t) const noexcept { return lib::execution::blocking.never; }
  template <class Property>
  requires(!std::is_same_v<Property, lib::execution::blocking_t>) auto query(const Property& p) const
      -> decltype(lib::query(std::declval<const Inner&>(), p)) {
    return lib::query(inner_, p);
  }
  friend bool operator==(const posting_executor& a, const posting_executor& b) noexcept { return a.inner_ == b.inner_; }
  friend bool operator!=(const posting_executor& a, const posting_executor& b) noexcept { return !(a == b); }

 private:
  Inner inner_;
};

// The immediate executor the wrapper below names: the handler's own, or the planted one.
template <class Fault, class Handler, class IoExecutor>
auto planted_immediate_executor(const Handler& handler, const IoExecutor& io_executor) {
  if constexpr (Fault::planted_immediate_completion_to_handler_executor) {
    return lib::get_associated_executor(handler, io_executor);
  } else if constexpr (Fault::planted_immediate_completion_posted) {
    return posting_executor(lib::get_associated_immediate_executor(handler, io_executor));
  } else {
    return lib::get_associated_immediate_executor(handler, io_executor);
  }
}

namespace detail {

template <class Handler>
constexpr bool has_own_immediate_executor = requires {
  typename Handler::immediate_executor_type;
};

// The associations of the handler wrapper below, each present or not (nested types that
// Asio's associators read).
template <class Wrapper, class Handler, class IoExecutor, bool Present>
struct executor_part {};
template <class Wrapper, class Handler, class IoExecutor>
struct executor_part<Wrapper, Handler, IoExecutor, true> {
  using executor_type = lib::associated_executor_t<Handler, IoExecutor>;
  executor_type get_executor() const noexcept {
    const Wrapper& w = static_cast<const Wrapper&>(*this);
    return lib::get_associated_executor(w.handler(), w.io_executor());
  }
};

template <class Wrapper, class Handler, bool Present>
struct allocator_part {};
template <class Wrapper, class Handler>
struct allocator_part<Wrapper, Handler, true> {
  using allocator_type = lib::associated_allocator_t<Handler>;
  allocator_type get_allocator() const noexcept {
    return lib::get_associated_allocator(static_cast<const Wrapper&>(*this).handler());
  }
};

template <class Wrapper, class Fault, class Handler, class IoExecutor, bool Present>
struct immediate_part {};
template <class Wrapper, class Fault, class Handler, class IoExecutor>
struct immediate_part<Wrapper, Fault, Handler, IoExecutor, true> {
  using immediate_executor_type =
      decltype(planted_immediate_executor<Fault>(std::declval<const Handler&>(), std::declval<const IoExecutor&>()));
  immediate_executor_type get_immediate_executor() const noexcept {
    const Wrapper& w = static_cast<const Wrapper&>(*this);
    return planted_immediate_executor<Fault>(w.handler(), w.io_executor());
  }
};

}  // namespace detail

// The handler the socket hands to the base's async_read_some: the handler's associations, but
// for the planted fault.
template <class Fault, class Handler, class IoExecutor>
class read_handler : public detail::executor_part<read_handler<Fault, Handler, IoExecutor>, Handler, IoExecutor,
                                                  !Fault::planted_handler_executor_hidden>,
                     public detail::allocator_part<read_handler<Fault, Handler, IoExecutor>, Handler,
                                                   !Fault::planted_handler_allocator_hidden>,
                     public detail::immediate_part<read_handler<Fault, Handler, IoExecutor>, Fault, Handler, IoExecutor,
                                                   Fault::planted_immediate_completion_to_handler_executor ||
                                                       (!Fault::planted_immediate_executor_hidden &&
                                                        detail::has_own_immediate_executor<Handler>)> {
 public:
  read_handler(Handler handler, IoExecutor io_executor)
      : handler_(std::move(handler)), io_executor_(std::move(io_executor)) {}

  using cancellation_slot_type = lib::associated_cancellation_slot_t<Handler>;
  cancellation_slot_type get_cancellation_slot() const noexcept {
    return lib::get_associated_cancellation_slot(handler_);
  }

  void operator()(lib::error_code ec, std::size_t bytes) { std::move(handler_)(ec, bytes); }

  const Handler& handler() const noexcept { return handler_; }
  const IoExecutor& io_executor() const noexcept { return io_executor_; }

 private:
  Handler handler_;
  IoExecutor io_executor_;
};

// The socket: async_read_some through an initiation of its own, which exposes the socket's
// executor and hands the base a read_handler.
template <class Fault>
class faulty_immediate_socket : public lib::ip::tcp::socket {
  using base = lib::ip::tcp::socket;

 public:
  using base::base;

  template <class Buffers, class Token>
  decltype(auto) async_read_some(const Buffers& buffers, Token&& token) {
    if constexpr (Fault::planted_initiation_needs_immediate_call) {
      // The buffer reaches the initiation through the socket, and only while the initiating
      // function runs: an initiation called later reads into nothing.
      pending_ = *lib::buffer_sequence_begin(buffers);
      const struct forget {
        lib::mutable_buffer& pending;
        ~forget() { pending = lib::mutable_buffer(); }
      } forget_after_return{pending_};
      return lib::async_initiate<Token, void(lib::error_code, std::size_t)>(read_initiation{this}, token, buffers);
    } else {
      return lib::async_initiate<Token, void(lib::error_code, std::size_t)>(read_initiation{this}, token, buffers);
    }
  }

 private:
  struct read_initiation {
    faulty_immediate_socket* self;

    using executor_type = base::executor_type;
    executor_type get_executor() const noexcept {
      if constexpr (Fault::planted_initiation_exposes_other_executor) {
        static lib::io_context elsewhere;
        return elsewhere.get_executor();
      } else {
        return self->get_executor();
      }
    }

    template <class Handler, class Buffers>
    void operator()(Handler&& handler, const Buffers& buffers) const {
      using wrapped = read_handler<Fault, std::decay_t<Handler>, executor_type>;
      if constexpr (Fault::planted_initiation_needs_immediate_call) {
        self->base::async_read_some(self->pending_, wrapped(std::forward<Handler>(handler), self->get_executor()));
      } else {
        self->base::async_read_some(buffers, wrapped(std::forward<Handler>(handler), self->get_executor()));
      }
    }
  };

  lib::mutable_buffer pending_;
};

}  // namespace conformance::kit
