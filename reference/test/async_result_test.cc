// [async.async.result], [async.async.completion], async_initiate, default_completion_token.
#include <gtest/gtest.h>

#include <type_traits>

#include "test_support.hpp"

namespace {

namespace net = refnet;

// A user token using only the legacy TS members (no initiate).
struct legacy_token {
  int* handler_constructions;
};

struct legacy_handler {
  explicit legacy_handler(legacy_token&& t) : constructions(t.handler_constructions) { ++*constructions; }
  void operator()(int value) { last = value; }
  int* constructions;
  int last = 0;
};

}  // namespace

template <>
class refnet::async_result<legacy_token, void(int)> {
 public:
  using completion_handler_type = legacy_handler;
  using return_type = int;
  explicit async_result(completion_handler_type& h) : handler_(&h) {}
  return_type get() { return 42; }

 private:
  completion_handler_type* handler_;
};

namespace {

// A token using Asio's initiate() customisation.
struct counting_token {
  int* initiations;
};

}  // namespace

template <>
class refnet::async_result<counting_token, void(int)> {
 public:
  using return_type = double;
  template <class Initiation, class Token, class... Args>
  static return_type initiate(Initiation&& init, Token&& token, Args&&... args) {
    ++*token.initiations;
    std::forward<Initiation>(init)([](int) {}, std::forward<Args>(args)...);
    return 1.5;
  }
};

namespace {

template <class Token>
decltype(auto) async_give(int value, Token&& token) {
  return net::async_initiate<Token, void(int)>([](auto&& handler, int v) { std::move(handler)(v); }, token, value);
}

TEST(AsyncResult, PrimaryTemplateTreatsTheTokenAsTheHandler) {
  auto lambda = [](int) {};
  using result = net::async_result<decltype(lambda), void(int)>;
  static_assert(std::is_same_v<result::completion_handler_type, decltype(lambda)>);
  static_assert(std::is_same_v<result::return_type, void>);
  static_assert(!std::is_copy_constructible_v<result>);
  int seen = 0;
  async_give(5, [&](int v) { seen = v; });
  EXPECT_EQ(seen, 5);
}

TEST(AsyncInitiate, UsesTheLegacyPathWhenTheSpecialisationHasNoInitiate) {
  int constructions = 0;
  static_assert(std::is_same_v<decltype(async_give(1, legacy_token{&constructions})), int>);
  EXPECT_EQ(async_give(1, legacy_token{&constructions}), 42);
  EXPECT_EQ(constructions, 1);
}

TEST(AsyncInitiate, UsesInitiateWhenPresent) {
  int initiations = 0;
  static_assert(std::is_same_v<decltype(async_give(1, counting_token{&initiations})), double>);
  EXPECT_EQ(async_give(1, counting_token{&initiations}), 1.5);
  EXPECT_EQ(initiations, 1);
}

TEST(AsyncCompletion, BindsAReferenceWhenTheTokenIsTheHandler) {
  struct handler {
    void operator()() {}
  };
  using same = net::async_completion<handler, void()>;
  static_assert(std::is_same_v<decltype(std::declval<same&>().completion_handler), handler&>);
  handler h;
  same completion(h);
  EXPECT_EQ(&completion.completion_handler, &h);

  using converted = net::async_completion<handler&, void()>;
  static_assert(std::is_same_v<decltype(std::declval<converted&>().completion_handler), handler>);
}

TEST(DefaultCompletionToken, IsVoidUnlessTheExecutorNamesOne) {
  static_assert(std::is_same_v<net::default_completion_token_t<net::io_context::executor_type>, void>);
  struct with_default {
    using default_completion_token_type = int;
  };
  static_assert(std::is_same_v<net::default_completion_token_t<with_default>, int>);
}

TEST(AsDefaultOn, MakesUseFutureTheDefaultTokenOfAnIoObject) {
  net::io_context ctx;
  auto timer = net::use_future_t<>::as_default_on(net::steady_timer(ctx));
  static_assert(std::is_same_v<decltype(timer), net::use_future_t<>::as_default_on_t<net::steady_timer>>);
  timer.expires_after(std::chrono::milliseconds(1));
  std::future<void> done = timer.async_wait();
  ctx.run();
  EXPECT_NO_THROW(done.get());
}

}  // namespace
