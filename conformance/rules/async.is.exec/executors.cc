// rule:   async.is.exec/true-for-executors
// clause: [async.is.exec] p1, p3
// is_executor<E> is true, and based on true_type, for the executor type of
// every executor subject with the TS members (conformance/executors/).
#include <type_traits>

#include "conformance/executors/all.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.is.exec/true-for-executors", executors::ts_style, [](auto subject_type) {
  using executor = typename decltype(subject_type)::instance::executor_type;
  EXPECT_TRUE(net::is_executor<executor>::value) << "is_executor<E>::value is false for the subject's executor";
  EXPECT_TRUE((std::is_base_of_v<std::true_type, net::is_executor<executor>>))
      << "is_executor<E> for the subject's executor is not based on true_type";
});

}  // namespace
}  // namespace conformance
