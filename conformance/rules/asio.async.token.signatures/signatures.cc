// rule:   asio.async.token.signatures/initiation-sees-every-signature
// clause: [asio.async.token.signatures] p1
// An initiating function's completion signatures are a pack: async_initiate with several
// signatures reaches the token's async_result with all of them, in order, and a handler used as
// its own token can then be called with the arguments of any of them.
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

// A token whose async_result notes the signatures it was instantiated with.
struct signature_noting_token {
  std::shared_ptr<int> count = std::make_shared<int>(-1);
  std::shared_ptr<bool> in_order = std::make_shared<bool>(false);
};

// A handler that can be called with the arguments of either signature, noting which.
struct either_handler {
  std::shared_ptr<int> calls = std::make_shared<int>(0);
  void operator()(int) { *calls += 1; }
  void operator()(std::string) { *calls += 10; }
};

}  // namespace
}  // namespace conformance

template <class... Signatures>
class conformance::net::async_result<conformance::signature_noting_token, Signatures...> {
 public:
  template <class Initiation, class RawToken, class... Args>
  static void initiate(Initiation&&, RawToken&& token, Args&&...) {
    *token.count = sizeof...(Signatures);
    *token.in_order = std::is_same_v<std::tuple<Signatures...>, std::tuple<void(int), void(std::string)>>;
  }
};

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.async.token.signatures/initiation-sees-every-signature", facilities::async_result, [](auto) {
  signature_noting_token token;
  net::async_initiate<signature_noting_token, void(int), void(std::string)>([](auto&&...) {}, token);
  EXPECT_EQ(*token.count, 2) << "async_initiate<Token, void(int), void(std::string)> did not reach "
                                "async_result<Token, Signatures...> with both signatures";
  EXPECT_TRUE(*token.in_order) << "the signatures reached async_result in another order or form";

  either_handler handler;
  net::async_initiate<either_handler, void(int), void(std::string)>(
      [](auto&& h) {
        h(1);
        h(std::string("two"));
      },
      handler);
  EXPECT_EQ(*handler.calls, 11) << "a handler given with two signatures was not called with the arguments of each";
});

}  // namespace
}  // namespace conformance
