// bad_executor written for the kit, with one planted fault each
// (sound_bad_executor is the correct class). A mutant declared with kit_fault =
// "bad_executor:<fault>" (mutants.bzl) puts it in place of the library's
// (bad_executor_fault_binding.hpp), and the polymorphic executor with it, which
// throws the kit's bad_executor when it has no target.
#pragma once

#include <exception>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_bad_executor {
  static constexpr bool planted_not_an_exception = false;
  static constexpr bool planted_throwing_constructor = false;
  static constexpr bool planted_what_null = false;
  static constexpr bool planted_empty_submission_ignored = false;
};
struct not_an_exception : sound_bad_executor {
  static constexpr bool planted_not_an_exception = true;
};
struct throwing_constructor : sound_bad_executor {
  static constexpr bool planted_throwing_constructor = true;
};
struct what_null : sound_bad_executor {
  static constexpr bool planted_what_null = true;
};
// The polymorphic executor without a target does nothing instead of throwing.
struct empty_submission_ignored : sound_bad_executor {
  static constexpr bool planted_empty_submission_ignored = true;
};

// What the class derives from: std::exception, or (the fault) nothing.
struct not_an_exception_base {
  virtual ~not_an_exception_base() = default;
};
template <class Fault>
using bad_executor_base = std::conditional_t<Fault::planted_not_an_exception, not_an_exception_base, std::exception>;

template <class Fault>
class faulty_bad_executor : public bad_executor_base<Fault> {
 public:
  faulty_bad_executor() noexcept(!Fault::planted_throwing_constructor) = default;
  const char* what() const noexcept {
    return Fault::planted_what_null ? nullptr : "kit::faulty_bad_executor: executor has no target";
  }
};

// The base library's polymorphic executor, throwing faulty_bad_executor<Fault>
// in place of its own bad_executor.
template <class Fault>
class executor_throwing_faulty_bad_executor : public lib::executor {
 public:
  using lib::executor::executor;
  executor_throwing_faulty_bad_executor() noexcept = default;

  template <class F, class A>
  void dispatch(F&& f, const A& a) const {
    submit([&] { lib::executor::dispatch(std::forward<F>(f), a); });
  }
  template <class F, class A>
  void post(F&& f, const A& a) const {
    submit([&] { lib::executor::post(std::forward<F>(f), a); });
  }
  template <class F, class A>
  void defer(F&& f, const A& a) const {
    submit([&] { lib::executor::defer(std::forward<F>(f), a); });
  }

 private:
  template <class Submission>
  void submit(Submission submission) const {
    if (!*this) {
      if constexpr (!Fault::planted_empty_submission_ignored) throw faulty_bad_executor<Fault>();
      return;
    }
    submission();
  }
};

}  // namespace conformance::kit
