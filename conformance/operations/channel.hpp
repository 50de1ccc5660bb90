// Operation descriptor for experimental::channel::async_receive (Asio's, beyond the TS) of a
// message that try_send puts into the channel right after initiation. Offered by bindings
// declaring CONFORMANCE_HAS_CHANNELS.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"  // the binding, then capabilities.hpp

#if CONFORMANCE_HAS_CHANNELS

namespace conformance::operations {

namespace detail {

class received_message {
 public:
  static constexpr int message = 7;
  using channel_type = net::experimental::channel<void(target::error_code, int)>;

  explicit received_message(net::io_context& ctx) : channel_(ctx, 1) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    // Only a refusal is recorded: an accepted send may run the handler (on another thread) before
    // try_send has returned, and a refused one completes nothing.
    const after_return send([this] {
      if (!channel_.try_send(target::error_code(), message)) refused_ = true;
    });
    return channel_.async_receive(std::forward<Token>(token));
  }

  expectation expected() const {
    return expect_values<target::error_code, int>(
        "success and the message sent (7)", [](const target::error_code& e, int value) { return !e && value == message; });
  }

  std::string missing_side_effects(const outcome&) const {
    return refused_ ? "(the descriptor's own try_send was refused: the receive cannot have had the message)"
                    : std::string();
  }

 private:
  channel_type channel_;
  std::atomic<bool> refused_{false};
};

}  // namespace detail

struct channel_async_receive {
  static constexpr std::string_view name = "channel.async_receive.sent";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code, int);
  using instance = detail::received_message;
};

}  // namespace conformance::operations

#endif  // CONFORMANCE_HAS_CHANNELS
