// A binder target and a type that does not convert to it, for the compile-fail rules on
// executor_binder's converting constructors ([async.exec.binder.cons] p2, p4, p6, p8). Neither is
// an aggregate, so that a library that tries the conversion reports a missing constructor. A
// scoped header (conformance/harness/scoped/BUILD.bazel).
#pragma once

namespace conformance::non_convertible {

struct target {
  target() = default;
  void operator()() const {}
};

struct unrelated {
  unrelated() = default;
  void operator()() const {}
};

}  // namespace conformance::non_convertible
