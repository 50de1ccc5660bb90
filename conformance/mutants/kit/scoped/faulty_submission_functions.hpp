// The free functions post, dispatch and defer ([async.post], [async.dispatch], [async.defer])
// written against the base library's TS members, with one planted fault in one of them: each
// fault below names the function it is planted in and turns one planted_ switch on, and
// sound_submission is the correct behaviour. The two functions without the fault are the base
// library's own. A mutant declared with kit_fault = "submission:<fault>" (mutants.bzl) puts all
// three in place of the library's (submission_fault_binding.hpp). Needs a base with TS executors.
#pragma once

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

enum class submission_function { post, dispatch, defer };

struct sound_submission {
  static constexpr bool planted_names_error_code_signature = false;
  static constexpr bool planted_submits_through_another_member = false;
  static constexpr bool planted_holds_no_handler_work = false;
  static constexpr bool planted_drops_handler_allocator = false;
  static constexpr bool planted_returns_nothing = false;
  static constexpr bool planted_unconstrained = false;
  static constexpr bool planted_context_form_ignores_context = false;
};

// Each fault, planted in the function F.
template <submission_function F>
struct names_error_code_signature : sound_submission {
  static constexpr submission_function function = F;
  static constexpr bool planted_names_error_code_signature = true;
};
template <submission_function F>
struct submits_through_another_member : sound_submission {
  static constexpr submission_function function = F;
  static constexpr bool planted_submits_through_another_member = true;
};
template <submission_function F>
struct holds_no_handler_work : sound_submission {
  static constexpr submission_function function = F;
  static constexpr bool planted_holds_no_handler_work = true;
};
template <submission_function F>
struct drops_handler_allocator : sound_submission {
  static constexpr submission_function function = F;
  static constexpr bool planted_drops_handler_allocator = true;
};
template <submission_function F>
struct returns_nothing : sound_submission {
  static constexpr submission_function function = F;
  static constexpr bool planted_returns_nothing = true;
};
template <submission_function F>
struct unconstrained : sound_submission {
  static constexpr submission_function function = F;
  static constexpr bool planted_unconstrained = true;
};
template <submission_function F>
struct context_form_ignores_context : sound_submission {
  static constexpr submission_function function = F;
  static constexpr bool planted_context_form_ignores_context = true;
};

// The names mutants.bzl passes as CONFORMANCE_SUBMISSION_FAULT.
using post_names_error_code_signature = names_error_code_signature<submission_function::post>;
using dispatch_names_error_code_signature = names_error_code_signature<submission_function::dispatch>;
using defer_names_error_code_signature = names_error_code_signature<submission_function::defer>;
using post_submits_through_another_member = submits_through_another_member<submission_function::post>;
using dispatch_submits_through_another_member = submits_through_another_member<submission_function::dispatch>;
using defer_submits_through_another_member = submits_through_another_member<submission_function::defer>;
using post_holds_no_handler_work = holds_no_handler_work<submission_function::post>;
using post_drops_handler_allocator = drops_handler_allocator<submission_function::post>;
using post_returns_nothing = returns_nothing<submission_function::post>;
using dispatch_returns_nothing = returns_nothing<submission_function::dispatch>;
using defer_returns_nothing = returns_nothing<submission_function::defer>;
using post_unconstrained = unconstrained<submission_function::post>;
using dispatch_unconstrained = unconstrained<submission_function::dispatch>;
using defer_unconstrained = unconstrained<submission_function::defer>;
using post_context_form_ignores_context = context_form_ignores_context<submission_function::post>;

namespace detail {

// Calls the member of `executor` that F (or, with the fault, another one) submits through.
template <submission_function F, class Fault, class Executor, class Function, class Allocator>
void submit_through_member(const Executor& executor, Function&& function, const Allocator& allocator) {
  constexpr submission_function used = !Fault::planted_submits_through_another_member ? F
                                        : F == submission_function::post              ? submission_function::dispatch
                                                                                      : submission_function::post;
  if constexpr (used == submission_function::post) {
    executor.post(std::forward<Function>(function), allocator);
  } else if constexpr (used == submission_function::dispatch) {
    executor.dispatch(std::forward<Function>(function), allocator);
  } else {
    executor.defer(std::forward<Function>(function), allocator);
  }
}

// The function object f(ex, token) gives ex: dispatches the handler to its executor with its
// allocator, holding work on that executor until then (unless the fault says otherwise).
template <class Handler, class Executor, bool HoldsWork>
class handler_dispatcher {
 public:
  handler_dispatcher(Handler handler, const Executor& executor)
      : handler_(std::move(handler)), executor_(executor) {
    if constexpr (HoldsWork) work_.emplace(executor);
  }
  handler_dispatcher(handler_dispatcher&&) = default;

  void operator()() {
    const auto allocator = lib::get_associated_allocator(handler_);
    executor_.dispatch(std::move(handler_), allocator);
    work_.reset();
  }

 private:
  Handler handler_;
  Executor executor_;
  std::optional<lib::executor_work_guard<Executor>> work_;
};

}  // namespace detail

// An initiation for async_initiate that accepts any handler and does nothing: names the type
// async_initiate returns for a token.
struct any_initiation {
  template <class Handler>
  void operator()(Handler&&) const {}
};

// post, dispatch or defer (F) with the planted fault when Fault is planted in F, else the base
// library's own.
template <submission_function F, class Fault>
class faulty_submission {
  static constexpr bool faulted = Fault::function == F;
  using signature = std::conditional_t<Fault::planted_names_error_code_signature, void(lib::error_code), void()>;
  // Declared, never deduced from a body, so that the unconstrained fault stays a viable overload.
  template <class Token>
  using result_t = std::conditional_t<
      Fault::planted_returns_nothing, void,
      decltype(lib::async_initiate<Token, signature>(any_initiation(), std::declval<Token&>()))>;

  template <class... Arguments>
  static constexpr bool library_accepts =
      F == submission_function::post       ? requires(Arguments&&... arguments) { lib::post(arguments...); }
      : F == submission_function::dispatch ? requires(Arguments&&... arguments) { lib::dispatch(arguments...); }
                                           : requires(Arguments&&... arguments) { lib::defer(arguments...); };

  template <class... Arguments>
  static decltype(auto) library(Arguments&&... arguments) {
    if constexpr (F == submission_function::post) {
      return lib::post(std::forward<Arguments>(arguments)...);
    } else if constexpr (F == submission_function::dispatch) {
      return lib::dispatch(std::forward<Arguments>(arguments)...);
    } else {
      return lib::defer(std::forward<Arguments>(arguments)...);
    }
  }

 public:
  // The functions without the fault: the library's own.
  template <class... Arguments>
    requires(!faulted && library_accepts<Arguments...>)
  decltype(auto) operator()(Arguments&&... arguments) const {
    return library(std::forward<Arguments>(arguments)...);
  }

  // f(token): the handler's own executor receives it, with its allocator.
  template <class Token>
    requires faulted
  result_t<Token> operator()(Token&& token) const {
    return initiate<Token>(to_handler_executor(), token);
  }

  // f(ex, token) and f(ctx, token), one overload constrained by either condition (or not at all).
  template <class Target, class Token>
    requires(faulted && (Fault::planted_unconstrained || lib::is_executor_v<std::decay_t<Target>> ||
                         std::is_convertible_v<Target&, lib::execution_context&>))
  result_t<Token> operator()(Target&& target, Token&& token) const {
    if constexpr (lib::is_executor_v<std::decay_t<Target>>) {
      return initiate<Token>(with_executor<std::decay_t<Target>>{target}, token);
    } else if constexpr (Fault::planted_context_form_ignores_context) {
      return (*this)(std::forward<Token>(token));
    } else {
      return (*this)(target.get_executor(), std::forward<Token>(token));
    }
  }

 private:
  struct to_handler_executor {
    template <class Handler>
    void operator()(Handler&& handler) const {
      const auto executor = lib::get_associated_executor(handler);
      const auto allocator = allocator_of(handler);
      submit_to(executor, std::forward<Handler>(handler), allocator);
    }
  };

  template <class Executor>
  struct with_executor {
    Executor executor;
    template <class Handler>
    void operator()(Handler&& handler) const {
      const auto handler_executor = lib::get_associated_executor(handler, executor);
      const auto allocator = allocator_of(handler);
      using dispatcher = detail::handler_dispatcher<std::decay_t<Handler>, std::decay_t<decltype(handler_executor)>,
                                                    !Fault::planted_holds_no_handler_work>;
      submit_to(executor, dispatcher(std::forward<Handler>(handler), handler_executor), allocator);
    }
  };

  template <class Token, class Initiation>
  static result_t<Token> initiate(Initiation initiation, Token& token) {
    if constexpr (Fault::planted_returns_nothing) {
      lib::async_initiate<Token, signature>(std::move(initiation), token);
    } else {
      return lib::async_initiate<Token, signature>(std::move(initiation), token);
    }
  }

  template <class Handler>
  static auto allocator_of(const Handler& handler) {
    if constexpr (Fault::planted_drops_handler_allocator) {
      return std::allocator<void>();
    } else {
      return lib::get_associated_allocator(handler);
    }
  }

  template <class Executor, class Function, class Allocator>
  static void submit_to(const Executor& executor, Function&& function, const Allocator& allocator) {
    detail::submit_through_member<F, Fault>(executor, std::forward<Function>(function), allocator);
  }
};

}  // namespace conformance::kit
