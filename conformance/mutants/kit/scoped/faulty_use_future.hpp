// use_future_t and its async_result ([async.use.future] and its sub-clauses) written on the base
// library's names, with one planted fault: sound_use_future is the correct behaviour (every
// planted_ switch off), and each fault below turns one on. A mutant declared with
// kit_fault = "use_future:<fault>" (mutants.bzl) puts them in place of the library's
// (use_future_fault_binding.hpp).
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_use_future {
  static constexpr bool planted_default_allocator_not_default = false;
  static constexpr bool planted_allocator_ignored = false;
  static constexpr bool planted_rebind_keeps_allocator = false;
  static constexpr bool planted_error_code_as_value = false;
  static constexpr bool planted_exception_ptr_as_value = false;
  static constexpr bool planted_single_value_in_tuple = false;
  static constexpr bool planted_second_value_dropped = false;
  static constexpr bool planted_last_value_dropped = false;
  static constexpr bool planted_never_ready = false;
  static constexpr bool planted_result_copyable = false;
  static constexpr bool planted_arguments_by_lvalue_reference = false;
  static constexpr bool planted_get_fresh_future = false;
  static constexpr bool planted_executor_lets_exceptions_out = false;
  static constexpr bool planted_call_operator_missing = false;
  static constexpr bool planted_wrapped_token_not_movable = false;
  static constexpr bool planted_wrapped_result_dropped = false;
  static constexpr bool planted_wrapped_exception_escapes = false;
  static constexpr bool planted_wrapped_get_fresh_future = false;
};

// The default constructor holds an allocator other than a default-constructed one (where the
// allocator can be made from an int).
struct use_future_default_allocator_not_default : sound_use_future {
  static constexpr bool planted_default_allocator_not_default = true;
};
// The allocator given to the constructor is ignored.
struct use_future_allocator_ignored : sound_use_future {
  static constexpr bool planted_allocator_ignored = true;
};
// rebind(a) keeps the token's own allocator.
struct use_future_rebind_keeps_allocator : sound_use_future {
  static constexpr bool planted_rebind_keeps_allocator = true;
};
// A leading error_code is stored as a value, never as an exception.
struct use_future_error_code_as_value : sound_use_future {
  static constexpr bool planted_error_code_as_value = true;
};
// A leading exception_ptr is stored as a value, never as the exception.
struct use_future_exception_ptr_as_value : sound_use_future {
  static constexpr bool planted_exception_ptr_as_value = true;
};
// A single value is stored in a one-element tuple.
struct use_future_single_value_in_tuple : sound_use_future {
  static constexpr bool planted_single_value_in_tuple = true;
};
// Of two values, only the first is stored.
struct use_future_second_value_dropped : sound_use_future {
  static constexpr bool planted_second_value_dropped = true;
};
// Of more than two values, the last is dropped.
struct use_future_last_value_dropped : sound_use_future {
  static constexpr bool planted_last_value_dropped = true;
};
// The handler's call stores nothing and never makes the shared state ready.
struct use_future_never_ready : sound_use_future {
  static constexpr bool planted_never_ready = true;
};
// The async_result specialisation can be copied.
struct use_future_result_copyable : sound_use_future {
  static constexpr bool planted_result_copyable = true;
};
// The handler takes its arguments by lvalue reference, so rvalues cannot be passed.
struct use_future_arguments_by_lvalue_reference : sound_use_future {
  static constexpr bool planted_arguments_by_lvalue_reference = true;
};
// get() returns a future of a shared state of its own, not the handler's.
struct use_future_get_fresh_future : sound_use_future {
  static constexpr bool planted_get_fresh_future = true;
};

// The handler's associated executor is the candidate itself: what a function run through it
// throws is not stored in the shared state.
struct use_future_executor_lets_exceptions_out : sound_use_future {
  static constexpr bool planted_executor_lets_exceptions_out = true;
};

// use_future_t has no call operator wrapping a function object.
struct use_future_call_operator_missing : sound_use_future {
  static constexpr bool planted_call_operator_missing = true;
};
// The token use_future(f) returns cannot be moved.
struct use_future_wrapped_token_not_movable : sound_use_future {
  static constexpr bool planted_wrapped_token_not_movable = true;
};
// use_future(f)'s handler stores a value-initialised result instead of f's.
struct use_future_wrapped_result_dropped : sound_use_future {
  static constexpr bool planted_wrapped_result_dropped = true;
};
// What f throws leaves use_future(f)'s handler instead of being stored.
struct use_future_wrapped_exception_escapes : sound_use_future {
  static constexpr bool planted_wrapped_exception_escapes = true;
};
// The async_result for use_future(f) gives a future of a shared state of its own.
struct use_future_wrapped_get_fresh_future : sound_use_future {
  static constexpr bool planted_wrapped_get_fresh_future = true;
};

// The token use_future(f) returns: the function object, kept for the handler.
template <class Function, class Fault>
struct faulty_packaged_token {
  explicit faulty_packaged_token(Function f) : function(std::move(f)) {}
  faulty_packaged_token(faulty_packaged_token&&)
    requires(!Fault::planted_wrapped_token_not_movable)
  = default;
  Function function;
};

// Its handler: an asynchronous provider storing INVOKE(f, args...) or what f throws.
template <class Function, class Fault, class... Args>
class faulty_packaged_handler {
 public:
  using value_type = std::invoke_result_t<Function&, std::decay_t<Args>...>;
  explicit faulty_packaged_handler(faulty_packaged_token<Function, Fault>&& token)
      : function_(std::move(token.function)), promise_(std::make_shared<std::promise<value_type>>()) {}

  std::future<value_type> get_future() { return promise_->get_future(); }
  const std::shared_ptr<std::promise<value_type>>& promise() const noexcept { return promise_; }

  void operator()(Args... args) {
    if constexpr (Fault::planted_wrapped_exception_escapes) {
      store(std::move(args)...);
    } else {
      try {
        store(std::move(args)...);
      } catch (...) {
        promise_->set_exception(std::current_exception());
      }
    }
  }

 private:
  void store(Args... args) {
    if constexpr (std::is_void_v<value_type>) {
      std::invoke(function_, std::move(args)...);
      promise_->set_value();
    } else if constexpr (Fault::planted_wrapped_result_dropped) {
      std::invoke(function_, std::move(args)...);
      promise_->set_value(value_type());
    } else {
      promise_->set_value(std::invoke(function_, std::move(args)...));
    }
  }

  Function function_;
  std::shared_ptr<std::promise<value_type>> promise_;
};

template <class ProtoAllocator, class Fault>
class faulty_use_future_t {
 public:
  using allocator_type = ProtoAllocator;
  constexpr faulty_use_future_t() noexcept(noexcept(ProtoAllocator())) : allocator_(default_allocator()) {}
  explicit faulty_use_future_t(const allocator_type& a) noexcept
      : allocator_(Fault::planted_allocator_ignored ? allocator_type() : a) {}
  template <class Other>
  faulty_use_future_t<Other, Fault> rebind(const Other& a) const noexcept {
    if constexpr (Fault::planted_rebind_keeps_allocator && std::is_constructible_v<Other, const ProtoAllocator&>) {
      return faulty_use_future_t<Other, Fault>(Other(allocator_));
    } else {
      return faulty_use_future_t<Other, Fault>(a);
    }
  }
  allocator_type get_allocator() const noexcept { return allocator_; }
  template <class F>
    requires(!Fault::planted_call_operator_missing)
  faulty_packaged_token<std::decay_t<F>, Fault> operator()(F&& f) const {
    return faulty_packaged_token<std::decay_t<F>, Fault>(std::forward<F>(f));
  }

 private:
  static constexpr ProtoAllocator default_allocator() {
    if constexpr (Fault::planted_default_allocator_not_default && std::is_constructible_v<ProtoAllocator, int>) {
      return ProtoAllocator(1);
    } else {
      return ProtoAllocator();
    }
  }

  ProtoAllocator allocator_;
};

// Which arguments the future holds, and as what ([async.use.future.result]'s table, with the
// faults).
template <class Fault, class... Args>
struct faulty_future_mapping {
  static constexpr std::size_t n = sizeof...(Args);
  using first = std::tuple_element_t<0, std::tuple<Args..., void>>;
  static constexpr bool leads_with_code =
      n > 0 && std::is_same_v<std::decay_t<first>, lib::error_code> && !Fault::planted_error_code_as_value;
  static constexpr bool leads_with_pointer =
      n > 0 && std::is_same_v<std::decay_t<first>, std::exception_ptr> && !Fault::planted_exception_ptr_as_value;
  static constexpr std::size_t skipped = (leads_with_code || leads_with_pointer) ? 1 : 0;
  static constexpr std::size_t dropped =
      (skipped == 0 && n == 2 && Fault::planted_second_value_dropped) || (skipped == 0 && n > 2 && Fault::planted_last_value_dropped) ? 1 : 0;
  static constexpr std::size_t stored = n - skipped - dropped;
  static constexpr bool as_tuple = stored > 1 || (stored == 1 && Fault::planted_single_value_in_tuple);

  template <std::size_t... I>
  static auto value_type_of(std::index_sequence<I...>)
      -> std::conditional_t<as_tuple, std::tuple<std::decay_t<std::tuple_element_t<I + skipped, std::tuple<Args...>>>...>,
                            std::conditional_t<stored == 0, void,
                                               std::decay_t<std::tuple_element_t<skipped, std::tuple<Args..., void>>>>>;
  using value_type = decltype(value_type_of(std::make_index_sequence<stored>()));

  template <class Promise, class Tuple, std::size_t... I>
  static void set_values(Promise& p, Tuple&& args, std::index_sequence<I...>) {
    if constexpr (std::is_void_v<value_type>) {
      p.set_value();
    } else if constexpr (as_tuple) {
      p.set_value(value_type(std::get<I + skipped>(std::move(args))...));
    } else {
      p.set_value(std::get<I + skipped>(std::move(args))...);
    }
  }
  template <class Promise, class Tuple>
  static void set(Promise& p, Tuple&& args) {
    if constexpr (leads_with_code) {
      if (const auto& code = std::get<0>(args)) {
        p.set_exception(std::make_exception_ptr(lib::system_error(code)));
        return;
      }
    } else if constexpr (leads_with_pointer) {
      if (const auto& pointer = std::get<0>(args)) {
        p.set_exception(pointer);
        return;
      }
    }
    set_values(p, std::move(args), std::make_index_sequence<stored>());
  }
};

template <class Fault, class... Args>
class faulty_promise_handler {
  using mapping = faulty_future_mapping<Fault, Args...>;

 public:
  using value_type = typename mapping::value_type;
  template <class ProtoAllocator>
  explicit faulty_promise_handler(const faulty_use_future_t<ProtoAllocator, Fault>&)
      : promise_(std::make_shared<std::promise<value_type>>()) {}

  std::future<value_type> get_future() { return promise_->get_future(); }
  const std::shared_ptr<std::promise<value_type>>& promise() const noexcept { return promise_; }

  void operator()(std::conditional_t<Fault::planted_arguments_by_lvalue_reference, Args&, Args>... args) {
    if constexpr (!Fault::planted_never_ready) {
      mapping::set(*promise_, std::forward_as_tuple(std::move(args)...));
    }
  }

 private:
  std::shared_ptr<std::promise<value_type>> promise_;
};

// The handler's associated executor ([async.use.future.result] p3-p4): the candidate, with what a
// function run through it throws caught and stored in the handler's shared state.
template <class Executor, class Value>
class exception_storing_executor {
 public:
  exception_storing_executor(Executor executor, std::shared_ptr<std::promise<Value>> promise)
      : executor_(std::move(executor)), promise_(std::move(promise)) {}

  decltype(auto) context() const noexcept { return executor_.context(); }
  void on_work_started() const noexcept { executor_.on_work_started(); }
  void on_work_finished() const noexcept { executor_.on_work_finished(); }
  template <class F, class A>
  void dispatch(F&& f, const A& a) const {
    executor_.dispatch(storing(std::forward<F>(f)), a);
  }
  template <class F, class A>
  void post(F&& f, const A& a) const {
    executor_.post(storing(std::forward<F>(f)), a);
  }
  template <class F, class A>
  void defer(F&& f, const A& a) const {
    executor_.defer(storing(std::forward<F>(f)), a);
  }
  friend bool operator==(const exception_storing_executor& a, const exception_storing_executor& b) noexcept {
    return a.executor_ == b.executor_ && a.promise_ == b.promise_;
  }
  friend bool operator!=(const exception_storing_executor& a, const exception_storing_executor& b) noexcept {
    return !(a == b);
  }

 private:
  template <class F>
  auto storing(F&& f) const {
    return [promise = promise_, f = std::decay_t<F>(std::forward<F>(f))]() mutable {
      try {
        f();
      } catch (...) {
        try {
          promise->set_exception(std::current_exception());
        } catch (const std::future_error&) {  // the state was already satisfied
        }
      }
    };
  }

  Executor executor_;
  std::shared_ptr<std::promise<Value>> promise_;
};

// The associated executor of both handlers (the promise handler and the packaged one): the
// candidate, storing what runs through it in the handler's shared state unless the fault lets it
// out.
template <class Handler, class Candidate, class Fault>
struct provider_executor_association {
  using type = std::conditional_t<Fault::planted_executor_lets_exceptions_out, Candidate,
                                  exception_storing_executor<Candidate, typename Handler::value_type>>;
  static type get(const Handler& h, const Candidate& candidate = Candidate()) noexcept {
    if constexpr (Fault::planted_executor_lets_exceptions_out) {
      return candidate;
    } else {
      return type(candidate, h.promise());
    }
  }
};

}  // namespace conformance::kit

template <class Fault, class... Args, class Candidate>
struct conformance::kit::lib::associated_executor<conformance::kit::faulty_promise_handler<Fault, Args...>, Candidate>
    : conformance::kit::provider_executor_association<conformance::kit::faulty_promise_handler<Fault, Args...>,
                                                      Candidate, Fault> {};

template <class ProtoAllocator, class Fault, class Result, class... Args>
class conformance::kit::lib::async_result<conformance::kit::faulty_use_future_t<ProtoAllocator, Fault>,
                                          Result(Args...)> {
 public:
  using completion_handler_type = conformance::kit::faulty_promise_handler<Fault, Args...>;
  using return_type = std::future<typename completion_handler_type::value_type>;

  explicit async_result(completion_handler_type& h)
      : future_(Fault::planted_get_fresh_future ? fresh_.get_future() : h.get_future()) {}
  async_result(const async_result&)
    requires(Fault::planted_result_copyable)
  {}
  async_result& operator=(const async_result&)
    requires(Fault::planted_result_copyable)
  {
    return *this;
  }

  return_type get() { return std::move(future_); }

 private:
  std::promise<typename completion_handler_type::value_type> fresh_;
  return_type future_;
};

template <class Function, class Fault, class... Args, class Candidate>
struct conformance::kit::lib::associated_executor<conformance::kit::faulty_packaged_handler<Function, Fault, Args...>,
                                                  Candidate>
    : conformance::kit::provider_executor_association<
          conformance::kit::faulty_packaged_handler<Function, Fault, Args...>, Candidate, Fault> {};

template <class Function, class Fault, class Result, class... Args>
class conformance::kit::lib::async_result<conformance::kit::faulty_packaged_token<Function, Fault>, Result(Args...)> {
 public:
  using completion_handler_type = conformance::kit::faulty_packaged_handler<Function, Fault, Args...>;
  using return_type = std::future<typename completion_handler_type::value_type>;

  explicit async_result(completion_handler_type& h)
      : future_(Fault::planted_wrapped_get_fresh_future ? fresh_.get_future() : h.get_future()) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() { return std::move(future_); }

 private:
  std::promise<typename completion_handler_type::value_type> fresh_;
  return_type future_;
};
