// rule:   asio.async.token.initiate/initiate-makes-a-handler
// rule:   asio.async.token.initiate/initiation-gets-moved-handler-and-forwarded-arguments
// rule:   asio.async.token.initiate/async-initiate-calls-initiate
// clause: [asio.async.token.initiate] p2, p3, p5
// What async_initiate does with a token: the library's own token use_future becomes a handler that
// is destructible, move-constructible and callable with the signature, given to the initiation as
// an rvalue ahead of the arguments as they were passed; and for a token of the program's own,
// async_initiate calls its async_result's initiate with the initiation, the token and the
// arguments, and returns what initiate returns.
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

// What an initiation saw of the handler and arguments it was called with.
struct initiation_record {
  int calls = 0;
  bool handler_destructible = false;
  bool handler_move_constructible = false;
  bool handler_callable = false;
  bool handler_rvalue = false;
  bool first_lvalue = false;
  bool second_rvalue = false;
};

// Calls async_initiate for use_future with void(target::error_code, int), an lvalue int and an
// rvalue unique_ptr, recording what the initiation receives.
initiation_record initiate_use_future() {
  initiation_record record;
  int lvalue = 1;
  auto future = net::async_initiate<const std::decay_t<decltype(net::use_future)>&, void(target::error_code, int)>(
      [&record](auto&& handler, auto&& first, auto&& second) {
        using H = std::decay_t<decltype(handler)>;
        ++record.calls;
        record.handler_destructible = std::is_destructible_v<H>;
        record.handler_move_constructible = std::is_move_constructible_v<H>;
        record.handler_callable = std::is_invocable_v<H&&, target::error_code, int>;
        record.handler_rvalue = std::is_rvalue_reference_v<decltype(handler)>;
        record.first_lvalue = std::is_lvalue_reference_v<decltype(first)>;
        record.second_rvalue = std::is_rvalue_reference_v<decltype(second)>;
        if constexpr (std::is_move_constructible_v<H>) {
          H(std::forward<decltype(handler)>(handler))(target::error_code(), 0);
        } else {
          handler(target::error_code(), 0);
        }
      },
      net::use_future, lvalue, std::make_unique<int>(2));
  static_cast<void>(future);
  return record;
}

CONFORMANCE_RULE("asio.async.token.initiate/initiate-makes-a-handler", facilities::use_future, [](auto) {
  const initiation_record record = initiate_use_future();
  ASSERT_EQ(record.calls, 1) << "the initiation was called " << record.calls << " times for use_future; expected once";
  EXPECT_TRUE(record.handler_destructible) << "the handler made from use_future is not Destructible";
  EXPECT_TRUE(record.handler_move_constructible) << "the handler made from use_future is not MoveConstructible";
  EXPECT_TRUE(record.handler_callable)
      << "the handler made from use_future cannot be called with the signature's arguments (error_code, int)";
});

CONFORMANCE_RULE("asio.async.token.initiate/initiation-gets-moved-handler-and-forwarded-arguments",
                 facilities::use_future, [](auto) {
                   const initiation_record record = initiate_use_future();
                   ASSERT_EQ(record.calls, 1) << "the initiation was not called once for use_future";
                   EXPECT_TRUE(record.handler_rvalue) << "the initiation received the handler as an lvalue, not moved";
                   EXPECT_TRUE(record.first_lvalue)
                       << "an argument passed to async_initiate as an lvalue reached the initiation as an rvalue";
                   EXPECT_TRUE(record.second_rvalue)
                       << "an argument passed to async_initiate as an rvalue reached the initiation as an lvalue";
                 });

// A token of the program's own whose async_result::initiate notes what it received.
struct noting_token {
  std::shared_ptr<int> initiates = std::make_shared<int>(0);
  std::shared_ptr<int> argument = std::make_shared<int>(0);
};
inline constexpr int initiate_result = 606;

}  // namespace
}  // namespace conformance

template <class... Signatures>
class conformance::net::async_result<conformance::noting_token, Signatures...> {
 public:
  template <class Initiation, class RawToken, class... Args>
  static int initiate(Initiation&& initiation, RawToken&& token, Args&&... args) {
    ++*token.initiates;
    std::forward<Initiation>(initiation)([](int) {}, std::forward<Args>(args)...);
    return conformance::initiate_result;
  }
};

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.async.token.initiate/async-initiate-calls-initiate", facilities::async_result, [](auto) {
  noting_token token;
  int seen = 0;
  const int returned =
      net::async_initiate<noting_token&, void(int)>([&seen](auto&&, int value) { seen = value; }, token, 42);
  EXPECT_EQ(*token.initiates, 1) << "async_initiate did not call async_result<Token, Signatures...>::initiate once";
  EXPECT_EQ(seen, 42) << "initiate did not receive the initiation and the arguments";
  EXPECT_EQ(returned, initiate_result) << "async_initiate does not return what initiate returns";
});

}  // namespace
}  // namespace conformance
