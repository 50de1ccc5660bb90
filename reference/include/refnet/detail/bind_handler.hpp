// Mechanics: the nullary function `f` of [async.reqmts.async.completion]: a handler
// bundled with its result arguments, invoked as an rvalue, forwarding associators.
#pragma once

#include <tuple>
#include <utility>

#include "refnet/associator.hpp"
#include "refnet/detail/binder_support.hpp"

namespace refnet::detail {

template <class Handler, class... Args>
class bound_handler {
 public:
  template <class H, class... A>
  explicit bound_handler(H&& handler, A&&... args)
      : handler_(std::forward<H>(handler)), args_(std::forward<A>(args)...) {}

  void operator()() {
    std::apply([this](Args&... args) { std::move(handler_)(std::move(args)...); }, args_);
  }

  const Handler& get() const noexcept { return handler_; }

 private:
  Handler handler_;
  std::tuple<Args...> args_;
};

template <class Handler, class... Args>
bound_handler<std::decay_t<Handler>, std::decay_t<Args>...> bind_handler(Handler&& handler, Args&&... args) {
  return bound_handler<std::decay_t<Handler>, std::decay_t<Args>...>(std::forward<Handler>(handler),
                                                                     std::forward<Args>(args)...);
}

}  // namespace refnet::detail

template <template <class, class> class Associator, class Handler, class... Args, class DefaultCandidate>
struct refnet::associator<Associator, refnet::detail::bound_handler<Handler, Args...>, DefaultCandidate>
    : refnet::detail::forwarding_associator<Associator, refnet::detail::bound_handler<Handler, Args...>, Handler,
                                            DefaultCandidate> {};
