// rule:   async.reqmts.signature/call-signatures-accepted
// clause: [async.reqmts.signature] p1
// Every call signature R(Args...) meets the signature requirements, so the library's templates
// that take a Signature (async_result, async_completion) accept any of them: no arguments, a
// result other than void, reference and move-only parameters.
#include <memory>
#include <string>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/async_result_specialisations.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using specialisations::plain_token;

template <class F, class Signature>
bool accepted() {
  using R = net::async_result<plain_token, Signature>;
  using C = net::async_completion<plain_token, Signature>;
  return requires { typename R::completion_handler_type; } && requires { typename C::completion_handler_type; };
}

CONFORMANCE_RULE("async.reqmts.signature/call-signatures-accepted", facilities::async_result, [](auto facility) {
  using F = decltype(facility);
  EXPECT_TRUE((accepted<F, void()>())) << "void() is not accepted as a Signature";
  EXPECT_TRUE((accepted<F, void(int, std::string)>())) << "void(int, std::string) is not accepted as a Signature";
  EXPECT_TRUE((accepted<F, int(std::string)>())) << "int(std::string) (a result other than void) is not accepted";
  EXPECT_TRUE((accepted<F, void(const int&, int&&)>())) << "void(const int&, int&&) is not accepted as a Signature";
  EXPECT_TRUE((accepted<F, std::unique_ptr<int>(std::unique_ptr<int>)>()))
      << "std::unique_ptr<int>(std::unique_ptr<int>) (move-only result and parameter) is not accepted";
});

}  // namespace
}  // namespace conformance
