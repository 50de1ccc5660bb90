// The library's own executor facilities, as the cases of the rules of the clauses that specify
// one class of the library rather than a requirement on any executor ([async.system.exec],
// [async.system.context], [async.bad.exec], [async.is.exec], [async.exec.ctx], [async.executor],
// [async.strand]): registry "subjects": "library". Each rule has one case, named after the
// facility ("<rule> @ system_executor").
//
// A rule reaches the facility's names through its case's type, so that a member the library
// lacks makes that case alone a COMPILE_FAIL:
//
//   CONFORMANCE_RULE("async.system.context/...", facilities::system_executor, [](auto facility) {
//     using context = typename decltype(facility)::context; ...
//   });
//
// A library that does not declare TS-style executors has none of them: its rules are
// UNSUPPORTED (registry "requires": ["ts_executors"]). conformance_executor() targets, which
// judge a third party's executor and not a library, leave these rules out.
#pragma once

#include <string_view>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::facilities {

#if CONFORMANCE_HAS_TS_EXECUTORS
struct system_executor_facility {
  static constexpr std::string_view name = "system_executor";
  using executor = net::system_executor;
  using context = net::system_context;
};

struct bad_executor_facility {
  static constexpr std::string_view name = "bad_executor";
  using exception = net::bad_executor;
  using polymorphic_executor = net::executor;
};

struct execution_context_facility {
  static constexpr std::string_view name = "execution_context";
  using context = net::execution_context;
  using service_already_exists = net::service_already_exists;
};

struct polymorphic_executor_facility {
  static constexpr std::string_view name = "executor";
  using executor = net::executor;
};

// strand<Executor> over the executor of an io_context run from the calling thread.
struct strand_facility {
  static constexpr std::string_view name = "strand";
  template <class Executor>
  using strand = net::strand<Executor>;
  using context = net::io_context;
};

struct is_executor_facility {
  static constexpr std::string_view name = "is_executor";
  template <class T>
  using trait = net::is_executor<T>;
};
#endif

// Each facility as the one-case list a rule is registered for (empty without
// the capability).
#if CONFORMANCE_HAS_TS_EXECUTORS
using system_executor = operation_list<system_executor_facility>;
using bad_executor = operation_list<bad_executor_facility>;
using is_executor = operation_list<is_executor_facility>;
using execution_context = operation_list<execution_context_facility>;
using polymorphic_executor = operation_list<polymorphic_executor_facility>;
using strand = operation_list<strand_facility>;
#else
using system_executor = operation_list<>;
using bad_executor = operation_list<>;
using is_executor = operation_list<>;
using execution_context = operation_list<>;
using polymorphic_executor = operation_list<>;
using strand = operation_list<>;
#endif

}  // namespace conformance::facilities
