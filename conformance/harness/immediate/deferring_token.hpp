// A lazy completion token ([asio.async.token.initiate] p4): its async_result::initiate keeps
// decay-copies of the initiation object and of the arguments it was given, and returns without
// starting anything; launch() starts the operation later, after the initiating function (and
// every temporary of its call) is gone.
#pragma once

#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::immediate {

class deferred_initiation {
 public:
  template <class Launch>
  void keep(Launch launch) {
    ++kept_;
    launch_ = std::make_unique<holder<Launch>>(std::move(launch));
  }

  int times_kept() const noexcept { return kept_; }

  void launch(probe_handler handler) { launch_->launch(std::move(handler)); }

 private:
  struct launcher {
    virtual ~launcher() = default;
    virtual void launch(probe_handler handler) = 0;
  };
  template <class Launch>
  struct holder final : launcher {
    explicit holder(Launch l) : launch_(std::move(l)) {}
    void launch(probe_handler handler) override { launch_(std::move(handler)); }
    Launch launch_;
  };

  int kept_ = 0;
  std::unique_ptr<launcher> launch_;
};

class deferring_token {
 public:
  explicit deferring_token(std::shared_ptr<deferred_initiation> deferred) : deferred_(std::move(deferred)) {}

  deferred_initiation& deferred() const noexcept { return *deferred_; }

 private:
  std::shared_ptr<deferred_initiation> deferred_;
};

}  // namespace conformance::immediate

template <class... Args>
class conformance::net::async_result<conformance::immediate::deferring_token, void(Args...)> {
 public:
  template <class Initiation, class RawToken, class... InitArgs>
  static void initiate(Initiation&& initiation, RawToken&& token, InitArgs&&... args) {
    token.deferred().keep([initiation = std::decay_t<Initiation>(std::forward<Initiation>(initiation)),
                           arguments = std::tuple<std::decay_t<InitArgs>...>(std::forward<InitArgs>(args)...)](
                              conformance::probe_handler handler) mutable {
      std::apply([&](auto&... kept) { std::move(initiation)(std::move(handler), std::move(kept)...); }, arguments);
    });
  }
};
