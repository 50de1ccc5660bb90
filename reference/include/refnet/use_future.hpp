// [async.use.future] use_future_t, use_future, and [async.use.future.result] its async_result.
#pragma once

#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

#include "refnet/async_result.hpp"
#include "refnet/error.hpp"
#include "refnet/system_executor.hpp"

namespace refnet {

template <class ProtoAllocator = std::allocator<void>>
class use_future_t;

namespace detail {

// How a completion signature's arguments become the future's value
// ([async.use.future.result], table "async_result<use_future_t<>...> semantics").
template <class... Args>
struct future_mapping {
  using value_type = std::tuple<Args...>;
  template <class T, class... A>
  static void set(std::promise<T>& p, A&&... a) {
    p.set_value(value_type(std::forward<A>(a)...));
  }
};

template <>
struct future_mapping<> {
  using value_type = void;
  static void set(std::promise<void>& p) { p.set_value(); }
};

template <class T>
struct future_mapping<T> {
  using value_type = T;
  template <class A>
  static void set(std::promise<T>& p, A&& a) {
    p.set_value(std::forward<A>(a));
  }
};

template <>
struct future_mapping<error_code> {
  using value_type = void;
  static void set(std::promise<void>& p, const error_code& ec) {
    if (ec) p.set_exception(std::make_exception_ptr(system_error(ec))); else p.set_value();
  }
};

template <>
struct future_mapping<std::exception_ptr> {
  using value_type = void;
  static void set(std::promise<void>& p, const std::exception_ptr& e) {
    if (e) p.set_exception(e); else p.set_value();
  }
};

template <class T>
struct future_mapping<error_code, T> {
  using value_type = T;
  template <class A>
  static void set(std::promise<T>& p, const error_code& ec, A&& a) {
    if (ec) p.set_exception(std::make_exception_ptr(system_error(ec))); else p.set_value(std::forward<A>(a));
  }
};

template <class T>
struct future_mapping<std::exception_ptr, T> {
  using value_type = T;
  template <class A>
  static void set(std::promise<T>& p, const std::exception_ptr& e, A&& a) {
    if (e) p.set_exception(e); else p.set_value(std::forward<A>(a));
  }
};

template <class A1, class A2, class... Rest>
struct future_mapping<error_code, A1, A2, Rest...> {
  using value_type = std::tuple<A1, A2, Rest...>;
  template <class... A>
  static void set(std::promise<value_type>& p, const error_code& ec, A&&... a) {
    if (ec) p.set_exception(std::make_exception_ptr(system_error(ec))); else p.set_value(value_type(std::forward<A>(a)...));
  }
};

template <class A1, class A2, class... Rest>
struct future_mapping<std::exception_ptr, A1, A2, Rest...> {
  using value_type = std::tuple<A1, A2, Rest...>;
  template <class... A>
  static void set(std::promise<value_type>& p, const std::exception_ptr& e, A&&... a) {
    if (e) p.set_exception(e); else p.set_value(value_type(std::forward<A>(a)...));
  }
};

template <class T>
void set_exception_once(std::promise<T>& p, std::exception_ptr e) noexcept {
  try {
    p.set_exception(std::move(e));
  } catch (const std::future_error&) {
    // The state already holds a result; the later exception has nowhere to go.
  }
}

// The associated executor of use_future's handlers: runs functions like
// system_executor, but an exception thrown by one is stored in the promise.
template <class T>
class promise_executor {
 public:
  explicit promise_executor(std::shared_ptr<std::promise<T>> p) noexcept : promise_(std::move(p)) {}

  system_context& context() const noexcept { return system_executor().context(); }
  void on_work_started() const noexcept {}
  void on_work_finished() const noexcept {}

  template <class Func, class ProtoAllocator>
  void dispatch(Func&& f, const ProtoAllocator&) const {
    capturing<std::decay_t<Func>>{promise_, std::forward<Func>(f)}();
  }
  template <class Func, class ProtoAllocator>
  void post(Func&& f, const ProtoAllocator& a) const {
    system_executor().post(capturing<std::decay_t<Func>>{promise_, std::forward<Func>(f)}, a);
  }
  template <class Func, class ProtoAllocator>
  void defer(Func&& f, const ProtoAllocator& a) const {
    system_executor().defer(capturing<std::decay_t<Func>>{promise_, std::forward<Func>(f)}, a);
  }

  friend bool operator==(const promise_executor& a, const promise_executor& b) noexcept {
    return a.promise_ == b.promise_;
  }
  friend bool operator!=(const promise_executor& a, const promise_executor& b) noexcept { return !(a == b); }

 private:
  template <class F>
  struct capturing {
    std::shared_ptr<std::promise<T>> promise;
    F function;
    void operator()() {
      try {
        std::move(function)();
      } catch (...) {
        set_exception_once(*promise, std::current_exception());
      }
    }
  };

  std::shared_ptr<std::promise<T>> promise_;
};

// Owns the promise shared with the returned future.
template <class T, class ProtoAllocator>
class promise_owner {
 public:
  using executor_type = promise_executor<T>;
  using allocator_type = ProtoAllocator;

  explicit promise_owner(const ProtoAllocator& a)
      : promise_(std::allocate_shared<std::promise<T>>(
            typename std::allocator_traits<ProtoAllocator>::template rebind_alloc<std::promise<T>>(a),
            std::allocator_arg, a)),
        allocator_(a) {}

  executor_type get_executor() const noexcept { return executor_type(promise_); }
  allocator_type get_allocator() const noexcept { return allocator_; }
  std::future<T> get_future() { return promise_->get_future(); }

 protected:
  std::shared_ptr<std::promise<T>> promise_;
  ProtoAllocator allocator_;
};

template <class Signature, class ProtoAllocator>
class promise_handler;

template <class... Args, class ProtoAllocator>
class promise_handler<void(Args...), ProtoAllocator>
    : public promise_owner<typename future_mapping<std::decay_t<Args>...>::value_type, ProtoAllocator> {
  using mapping = future_mapping<std::decay_t<Args>...>;
  using base = promise_owner<typename mapping::value_type, ProtoAllocator>;

 public:
  explicit promise_handler(const use_future_t<ProtoAllocator>& token) : base(token.get_allocator()) {}

  template <class... A>
  void operator()(A&&... args) {
    mapping::set(*this->promise_, std::forward<A>(args)...);
  }
};

template <class Function, class ProtoAllocator>
class packaged_token {
 public:
  packaged_token(Function f, const ProtoAllocator& a) : function_(std::move(f)), allocator_(a) {}
  ProtoAllocator get_allocator() const noexcept { return allocator_; }
  Function& function() noexcept { return function_; }
  const Function& function() const noexcept { return function_; }

 private:
  Function function_;
  ProtoAllocator allocator_;
};

template <class Function, class ProtoAllocator, class Result>
class packaged_handler : public promise_owner<Result, ProtoAllocator> {
  using base = promise_owner<Result, ProtoAllocator>;

 public:
  explicit packaged_handler(packaged_token<Function, ProtoAllocator>&& token)
      : base(token.get_allocator()), function_(std::move(token.function())) {}
  explicit packaged_handler(const packaged_token<Function, ProtoAllocator>& token)
      : base(token.get_allocator()), function_(token.function()) {}

  template <class... A>
  void operator()(A&&... args) {
    try {
      if constexpr (std::is_void_v<Result>) {
        std::invoke(function_, std::forward<A>(args)...);
        this->promise_->set_value();
      } else {
        this->promise_->set_value(std::invoke(function_, std::forward<A>(args)...));
      }
    } catch (...) {
      set_exception_once(*this->promise_, std::current_exception());
    }
  }

 private:
  Function function_;
};

}  // namespace detail

// Completion token making an initiating function return a std::future.
template <class ProtoAllocator>
class use_future_t {
 public:
  using allocator_type = ProtoAllocator;

  constexpr use_future_t() noexcept(noexcept(ProtoAllocator())) : allocator_() {}
  explicit use_future_t(const allocator_type& a) noexcept : allocator_(a) {}

  template <class OtherProtoAllocator>
  use_future_t<OtherProtoAllocator> rebind(const OtherProtoAllocator& a) const noexcept {
    return use_future_t<OtherProtoAllocator>(a);
  }

  allocator_type get_allocator() const noexcept { return allocator_; }

  // use_future(f): the handler stores INVOKE(f, args...) (or what it throws).
  template <class Function>
  detail::packaged_token<std::decay_t<Function>, ProtoAllocator> operator()(Function&& f) const {
    return detail::packaged_token<std::decay_t<Function>, ProtoAllocator>(std::forward<Function>(f), allocator_);
  }

  // An executor adapter making use_future_t the default token of an I/O object.
  template <class InnerExecutor>
  struct executor_with_default : InnerExecutor {
    using default_completion_token_type = use_future_t;

    executor_with_default(const InnerExecutor& ex) noexcept : InnerExecutor(ex) {}

    template <class OtherExecutor>
      requires(!std::is_same_v<OtherExecutor, InnerExecutor> && std::is_convertible_v<OtherExecutor, InnerExecutor>)
    executor_with_default(const OtherExecutor& ex) noexcept : InnerExecutor(ex) {}
  };

  template <class T>
  using as_default_on_t = typename T::template rebind_executor<executor_with_default<typename T::executor_type>>::other;

  template <class T>
  static typename std::decay_t<T>::template rebind_executor<
      executor_with_default<typename std::decay_t<T>::executor_type>>::other
  as_default_on(T&& object) {
    return typename std::decay_t<T>::template rebind_executor<
        executor_with_default<typename std::decay_t<T>::executor_type>>::other(std::forward<T>(object));
  }

 private:
  ProtoAllocator allocator_;
};

inline constexpr use_future_t<> use_future;

template <class ProtoAllocator, class Result, class... Args>
class async_result<use_future_t<ProtoAllocator>, Result(Args...)> {
 public:
  using completion_handler_type = detail::promise_handler<void(Args...), ProtoAllocator>;
  using return_type = std::future<typename detail::future_mapping<std::decay_t<Args>...>::value_type>;

  explicit async_result(completion_handler_type& h) : future_(h.get_future()) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() { return std::move(future_); }

  template <class Initiation, class RawCompletionToken, class... InitArgs>
  static return_type initiate(Initiation&& initiation, RawCompletionToken&& token, InitArgs&&... args) {
    completion_handler_type handler(token);
    return_type future = handler.get_future();
    std::forward<Initiation>(initiation)(std::move(handler), std::forward<InitArgs>(args)...);
    return future;
  }

 private:
  return_type future_;
};

template <class Function, class ProtoAllocator, class Result, class... Args>
class async_result<detail::packaged_token<Function, ProtoAllocator>, Result(Args...)> {
  using value_type = std::invoke_result_t<Function&, Args...>;

 public:
  using completion_handler_type = detail::packaged_handler<Function, ProtoAllocator, value_type>;
  using return_type = std::future<value_type>;

  explicit async_result(completion_handler_type& h) : future_(h.get_future()) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() { return std::move(future_); }

  template <class Initiation, class RawCompletionToken, class... InitArgs>
  static return_type initiate(Initiation&& initiation, RawCompletionToken&& token, InitArgs&&... args) {
    completion_handler_type handler(detail::packaged_token<Function, ProtoAllocator>(std::forward<RawCompletionToken>(token)));
    return_type future = handler.get_future();
    std::forward<Initiation>(initiation)(std::move(handler), std::forward<InitArgs>(args)...);
    return future;
  }

 private:
  return_type future_;
};

}  // namespace refnet
