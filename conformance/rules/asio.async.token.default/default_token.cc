// rule:   asio.async.token.default/io-executors-name-a-default-token-type
// rule:   asio.async.token.default/unspecialised-yields-void
// clause: [asio.async.token.default] p1-p2
// default_completion_token<T>::type names the default completion token type of an I/O executor:
// T::default_completion_token_type where T has one, and void (no default) where nothing names
// one.
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

// A token type, and an executor-like type that names it as its default.
struct chosen_token {};
template <class Executor>
struct executor_with_default : Executor {
  using default_completion_token_type = chosen_token;
  using Executor::Executor;
};
struct no_default {};

template <class T>
constexpr bool names_a_default = requires {
  typename net::default_completion_token<T>::type;
};

CONFORMANCE_RULE(
    "asio.async.token.default/io-executors-name-a-default-token-type", facilities::default_completion_token, [](auto) {
      using io_executor = net::io_context::executor_type;
      EXPECT_TRUE(names_a_default<io_executor>)
          << "default_completion_token<io_context::executor_type>::type is not a type";
      EXPECT_TRUE(names_a_default<net::strand<io_executor>>)
          << "default_completion_token<strand<io_context::executor_type>>::type is not a type";
      if constexpr (names_a_default<executor_with_default<io_executor>>) {
        EXPECT_TRUE((std::is_same_v<typename net::default_completion_token<executor_with_default<io_executor>>::type,
                                    chosen_token>))
            << "default_completion_token<E>::type is not E::default_completion_token_type for an "
               "executor type that names one";
      } else {
        ADD_FAILURE() << "default_completion_token<E>::type is not a type for an executor type that "
                         "names a default_completion_token_type";
      }
    });

CONFORMANCE_RULE("asio.async.token.default/unspecialised-yields-void", facilities::default_completion_token, [](auto) {
  if constexpr (names_a_default<no_default>) {
    EXPECT_TRUE((std::is_void_v<typename net::default_completion_token<no_default>::type>))
        << "default_completion_token<T>::type is not void for a T that names no default token "
           "and for which no specialisation exists";
  } else {
    ADD_FAILURE() << "default_completion_token<T>::type is not a type for a T without a default";
  }
  EXPECT_TRUE((std::is_void_v<typename net::default_completion_token<net::io_context::executor_type>::type>))
      << "default_completion_token<io_context::executor_type>::type is not void, though nothing "
         "names a default token for that executor";
});

}  // namespace
}  // namespace conformance
