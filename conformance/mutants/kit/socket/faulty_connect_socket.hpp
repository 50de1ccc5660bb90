// A TCP socket whose async_connect has one planted fault, over the base
// library's socket (every other member is the base's). `sound_connect` is the
// correct behaviour; each fault in connect_faults turns one `planted_` switch
// on. The handler keeps its cancellation slot (a handler on it forwards each
// emission to the connect of the base) unless the fault is cancellation_ignored.
// The sound socket honours total cancellation in full, whatever its base does:
// the kernel's connect, still in progress underneath the cancelled operation, is
// dissolved (connect() with AF_UNSPEC), so the socket is as it was before. The
// fault total_cancellation_leaves_connect_in_flight starts the kernel's connect
// again instead, as every bundled Asio leaves it.
#pragma once

#include <sys/socket.h>

#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_connect {
  static constexpr bool planted_does_not_open = false;
  static constexpr bool planted_failure_closes_socket = false;
  static constexpr bool planted_immediate_failure_invoked_inline = false;
  static constexpr bool planted_extra_argument = false;
  static constexpr bool planted_cancellation_ignored = false;
  static constexpr bool planted_total_cancellation_leaves_connect_in_flight = false;
};

namespace connect_faults {
#define CONFORMANCE_KIT_CONNECT_FAULT(fault)      \
  struct fault : sound_connect {                  \
    static constexpr bool planted_##fault = true; \
  };
CONFORMANCE_KIT_CONNECT_FAULT(does_not_open)
CONFORMANCE_KIT_CONNECT_FAULT(failure_closes_socket)
CONFORMANCE_KIT_CONNECT_FAULT(immediate_failure_invoked_inline)
CONFORMANCE_KIT_CONNECT_FAULT(extra_argument)
CONFORMANCE_KIT_CONNECT_FAULT(cancellation_ignored)
CONFORMANCE_KIT_CONNECT_FAULT(total_cancellation_leaves_connect_in_flight)
#undef CONFORMANCE_KIT_CONNECT_FAULT
}  // namespace connect_faults

template <class Fault>
class faulty_connect_socket : public lib::ip::tcp::socket {
  using base = lib::ip::tcp::socket;

 public:
  using base::base;
  using signature =
      std::conditional_t<Fault::planted_extra_argument, void(lib::error_code, int), void(lib::error_code)>;

  template <class Token>
  decltype(auto) async_connect(const endpoint_type& peer, Token&& token) {
    return lib::async_initiate<Token, signature>(
        [this](auto handler, const endpoint_type& to) { start(std::move(handler), to); }, token, peer);
  }

 private:
  template <class Handler>
  static void deliver(Handler& handler, const lib::error_code& ec) {
    if constexpr (Fault::planted_extra_argument) {
      std::move(handler)(ec, 0);
    } else {
      std::move(handler)(ec);
    }
  }

  template <class Handler>
  void start(Handler handler, const endpoint_type& peer) {
    const bool was_open = is_open();
    if (Fault::planted_does_not_open && !was_open) {
      lib::post(get_executor(), [h = std::move(handler)]() mutable { deliver(h, lib::error::bad_descriptor); });
      return;
    }
    if (Fault::planted_immediate_failure_invoked_inline && was_open &&
        local_endpoint().protocol().family() != peer.protocol().family()) {
      deliver(handler, lib::error::address_family_not_supported);
      return;
    }
    auto slot = lib::get_associated_cancellation_slot(handler);
    const auto cancellation = std::make_shared<forwarded_cancellation>();
    if (slot.is_connected()) slot.template emplace<forward_cancellation>(cancellation);
    auto completion = [this, was_open, slot, cancellation, peer,
                       h = std::move(handler)](const lib::error_code& ec) mutable {
      if (slot.is_connected()) slot.clear();
      if (Fault::planted_failure_closes_socket && ec && !was_open) {
        lib::error_code ignored;
        close(ignored);
      }
      if (ec == lib::error::operation_aborted &&
          (cancellation->emitted & lib::cancellation_type::total) != lib::cancellation_type::none) {
        dissolve_connect();
        if (Fault::planted_total_cancellation_leaves_connect_in_flight) restart_connect(peer);
      }
      deliver(h, ec);
    };
    if constexpr (Fault::planted_cancellation_ignored) {
      base::async_connect(peer, std::move(completion));
    } else {
      base::async_connect(peer, lib::bind_cancellation_slot(cancellation->inner.slot(), std::move(completion)));
    }
  }

  // What the handler's slot emitted, passed on to the base's connect.
  struct forwarded_cancellation {
    lib::cancellation_signal inner;
    lib::cancellation_type_t emitted = lib::cancellation_type::none;
  };
  struct forward_cancellation {
    std::shared_ptr<forwarded_cancellation> state;
    void operator()(lib::cancellation_type_t type) {
      state->emitted = state->emitted | type;
      state->inner.emit(type);
    }
  };

  void dissolve_connect() {
    sockaddr unspecified{};
    unspecified.sa_family = AF_UNSPEC;
    ::connect(native_handle(), &unspecified, sizeof unspecified);
  }

  // The descriptor is non-blocking, so this leaves a connect in progress in the
  // kernel (EINPROGRESS), with no operation waiting for it.
  void restart_connect(const endpoint_type& peer) {
    ::connect(native_handle(), static_cast<const sockaddr*>(static_cast<const void*>(peer.data())),
              static_cast<socklen_t>(peer.size()));
  }
};

}  // namespace conformance::kit
