// rule:   async.use.future.members/call-operator-returns-token
// rule:   async.use.future.members/wrapped-token-destructible-and-movable
// rule:   async.use.future.members/wrapped-handler-stores-invoke-result
// rule:   async.use.future.members/wrapped-async-result-types
// rule:   async.use.future.members/wrapped-handler-executor-stores-exceptions
// clause: [async.use.future.members] p4-p8
// use_future(f) is a completion token of its own: its handler h is an asynchronous provider whose
// call stores f's result (or what f throws) in the shared state, its async_result gives a future
// of f's result type sharing h's state, and h's associated executor stores what functions run
// through it throw.
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

// The function object the rules wrap: its result depends on its argument.
struct describe {
  std::string operator()(int n) const {
    if (n < 0) throw std::invalid_argument("negative");
    return std::to_string(n);
  }
};

template <class Token>
using wrapped_result = net::async_result<Token, void(int)>;

// The facility's use_future_t<>, U: whether a U wraps a function object, and the token it makes.
template <class F>
using use_future_type = typename F::template token<std::allocator<void>>;
template <class U>
constexpr bool wraps_functions = requires(const U& u) {
  u(describe{});
};
template <class U>
using wrapped_token = decltype(std::declval<const U&>()(describe{}));

// Calls use(h, r) with the handler made from use_future(describe{}) and the async_result
// constructed from it, or fails naming what is missing.
template <class U, class Use>
void with_wrapped_handler(Use use) {
  if constexpr (wraps_functions<U>) {
    using token = wrapped_token<U>;
    using R = wrapped_result<token>;
    if constexpr (requires {
                    typename R::completion_handler_type;
                    typename R::return_type;
                  }) {
      using H = typename R::completion_handler_type;
      if constexpr (std::is_constructible_v<H, token&&> && std::is_constructible_v<R, H&>) {
        H h(U()(describe{}));
        R r(h);
        use(h, r);
      } else {
        ADD_FAILURE() << "the handler of use_future(f) cannot be made from the token, or the async_result from it";
      }
    } else {
      ADD_FAILURE() << "async_result for use_future(f)'s token has no completion_handler_type or return_type";
    }
  } else {
    ADD_FAILURE() << "use_future(f) is not valid";
  }
}

CONFORMANCE_RULE("async.use.future.members/call-operator-returns-token", facilities::use_future, [](auto facility) {
  using U = use_future_type<decltype(facility)>;
  if constexpr (wraps_functions<U>) {
    net::io_context ctx;
    auto future = net::post(ctx, U()([] { return 42; }));
    EXPECT_TRUE((std::is_same_v<decltype(future), std::future<int>>))
        << "post(ctx, use_future(f)) with f returning int does not return future<int>";
    run_bounded(ctx, "post(ctx, use_future(f))");
    ASSERT_EQ(future.wait_for(std::chrono::seconds(0)), std::future_status::ready)
        << "the operation completed but its future is not ready";
    EXPECT_EQ(future.get(), 42) << "the future does not hold f's result";
  } else {
    ADD_FAILURE() << "use_future(f) is not valid";
  }
});

CONFORMANCE_RULE("async.use.future.members/wrapped-token-destructible-and-movable", facilities::use_future,
                 [](auto facility) {
                   using U = use_future_type<decltype(facility)>;
                   if constexpr (wraps_functions<U>) {
                     using token = wrapped_token<U>;
                     EXPECT_TRUE(std::is_destructible_v<token>)
                         << "the token use_future(f) returns is not Destructible";
                     EXPECT_TRUE(std::is_move_constructible_v<token>)
                         << "the token use_future(f) returns is not MoveConstructible";
                   } else {
                     ADD_FAILURE() << "use_future(f) is not valid";
                   }
                 });

CONFORMANCE_RULE(
    "async.use.future.members/wrapped-handler-stores-invoke-result", facilities::use_future, [](auto facility) {
      using U = use_future_type<decltype(facility)>;
      with_wrapped_handler<U>([](auto& h, auto& r) {
        auto future = r.get();
        h(20);
        ASSERT_EQ(future.wait_for(std::chrono::seconds(0)), std::future_status::ready)
            << "calling the handler did not make the shared state ready";
        EXPECT_EQ(future.get(), "20") << "the future does not hold f's result for the handler's argument";
      });
      with_wrapped_handler<U>([](auto& h, auto& r) {
        auto future = r.get();
        try {
          h(-1);
        } catch (const std::invalid_argument&) {
          ADD_FAILURE() << "what f threw left the handler's call instead of being stored in the shared state";
          return;
        }
        ASSERT_EQ(future.wait_for(std::chrono::seconds(0)), std::future_status::ready)
            << "calling the handler did not make the shared state ready";
        EXPECT_THROW(future.get(), std::invalid_argument) << "the future does not hold what f threw";
      });
    });

CONFORMANCE_RULE("async.use.future.members/wrapped-async-result-types", facilities::use_future, [](auto facility) {
  using U = use_future_type<decltype(facility)>;
  with_wrapped_handler<U>([](auto& h, auto& r) {
    using R = std::remove_reference_t<decltype(r)>;
    EXPECT_TRUE((std::is_same_v<typename R::return_type, std::future<std::string>>))
        << "return_type is not future<result_of_t<FD(decay_t<Args>...)>> (future<std::string>)";
    if constexpr (std::is_same_v<typename R::return_type, std::future<std::string>>) {
      auto future = r.get();
      h(3);
      EXPECT_EQ(future.wait_for(std::chrono::seconds(0)), std::future_status::ready)
          << "the future r.get() returns does not share the handler's state";
    }
  });
});

struct thrown_marker {};

CONFORMANCE_RULE("async.use.future.members/wrapped-handler-executor-stores-exceptions", facilities::use_future,
                 [](auto facility) {
                   using U = use_future_type<decltype(facility)>;
                   with_wrapped_handler<U>([](auto& h, auto& r) {
                     auto future = r.get();
                     net::io_context ctx;
                     const auto ex = net::get_associated_executor(h, ctx.get_executor());
                     net::post(ex, [] { throw thrown_marker(); });
                     try {
                       run_bounded(ctx, "a function posted through the handler's associated executor");
                     } catch (const thrown_marker&) {
                       ADD_FAILURE() << "what a function posted through the handler's associated executor threw "
                                        "left run() instead of being stored in the shared state";
                       return;
                     }
                     ASSERT_EQ(future.wait_for(run_time_limit), std::future_status::ready)
                         << "what the posted function threw was not stored in the shared state";
                     EXPECT_THROW(future.get(), thrown_marker) << "the future does not hold what the function threw";
                   });
                 });

}  // namespace
}  // namespace conformance
