// I/O objects and initiating functions of the base library whose initiation goes through a
// fault. A fault is a function object called in place of the real initiating function:
//   fault(start, token) -> what the initiating function returns
// where `start` is an initiation: start(other_token) calls the real initiating function with
// any token, start.object() is the I/O object (or stream) it belongs to, and
// Initiation::signature is the operation's completion signature. A fault thus decides what
// reaches the real operation: the token unchanged, a wrapped handler, or nothing at all.
#pragma once

#include <cstddef>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

template <class Object, class Signature, class Start>
class initiation {
 public:
  using signature = Signature;

  initiation(Object& object, Start start) : object_(object), start_(std::move(start)) {}

  Object& object() const noexcept { return object_; }

  template <class Token>
  decltype(auto) operator()(Token&& token) const {
    return start_(std::forward<Token>(token));
  }

 private:
  Object& object_;
  Start start_;
};

template <class Signature, class Object, class Start>
initiation<Object, Signature, Start> make_initiation(Object& object, Start start) {
  return {object, std::move(start)};
}

// A steady_timer whose async_wait goes through Fault, a member: a fault may keep state per timer.
template <class Fault>
class faulty_steady_timer : public lib::steady_timer {
 public:
  using lib::steady_timer::steady_timer;

  template <class Token>
  decltype(auto) async_wait(Token&& token) {
    lib::steady_timer& timer = *this;
    auto start = [&timer](auto&& any_token) -> decltype(auto) {
      return timer.async_wait(std::forward<decltype(any_token)>(any_token));
    };
    return fault_(make_initiation<void(lib::error_code)>(timer, start), std::forward<Token>(token));
  }

 private:
  Fault fault_;
};

// The free function async_read, whose (stream, buffers, token) form goes through Fault; the
// forms with a completion condition are left alone. A mutant declares it as its async_read:
//   inline constexpr kit::faulty_async_read<kit::...> async_read{};
template <class Fault>
struct faulty_async_read {
  template <class Stream, class Buffers, class Token>
  decltype(auto) operator()(Stream& stream, Buffers&& buffers, Token&& token) const {
    auto start = [&stream, &buffers](auto&& any_token) -> decltype(auto) {
      return lib::async_read(stream, std::forward<Buffers>(buffers), std::forward<decltype(any_token)>(any_token));
    };
    return Fault{}(make_initiation<void(lib::error_code, std::size_t)>(stream, start), std::forward<Token>(token));
  }

  template <class Stream, class... Arguments>
  decltype(auto) operator()(Stream& stream, Arguments&&... arguments) const {
    return lib::async_read(stream, std::forward<Arguments>(arguments)...);
  }
};

}  // namespace conformance::kit
