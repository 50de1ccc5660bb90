// executor_work_guard and make_work_guard written against the base library, with one planted
// fault each: sound_work_guard is the correct behaviour (every planted_ switch off), and each
// fault below turns one switch on. A mutant declared with kit_fault = "work_guard:<fault>" (mutants.bzl) puts
// them in place of the library's (work_guard_fault_binding.hpp).
#pragma once

#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_work_guard {
  static constexpr bool planted_constructor_starts_no_work = false;
  static constexpr bool planted_constructor_owns_nothing = false;
  static constexpr bool planted_copy_starts_unowned_work = false;
  static constexpr bool planted_copy_owns_nothing = false;
  static constexpr bool planted_move_leaves_source_owning = false;
  static constexpr bool planted_destructor_finishes_unowned_work = false;
  static constexpr bool planted_reset_finishes_every_time = false;
  static constexpr bool planted_reset_keeps_ownership = false;
  static constexpr bool planted_reset_drops_executor = false;
  static constexpr bool planted_copy_assignable = false;
  static constexpr bool planted_guard_for_executor_owns_nothing = false;
  static constexpr bool planted_executor_taken_as_object = false;
  static constexpr bool planted_guard_for_context_owns_nothing = false;
  static constexpr bool planted_context_guard_polymorphic = false;
  static constexpr bool planted_guard_for_object_owns_nothing = false;
  static constexpr bool planted_object_guard_polymorphic = false;
  static constexpr bool planted_default_preferred_to_association = false;
};

// [async.exec.work.guard.members]
struct constructor_starts_no_work : sound_work_guard {
  static constexpr bool planted_constructor_starts_no_work = true;
};
struct constructor_owns_nothing : sound_work_guard {
  static constexpr bool planted_constructor_owns_nothing = true;
};
struct copy_starts_unowned_work : sound_work_guard {
  static constexpr bool planted_copy_starts_unowned_work = true;
};
struct copy_owns_nothing : sound_work_guard {
  static constexpr bool planted_copy_owns_nothing = true;
};
struct move_leaves_source_owning : sound_work_guard {
  static constexpr bool planted_move_leaves_source_owning = true;
};
struct destructor_finishes_unowned_work : sound_work_guard {
  static constexpr bool planted_destructor_finishes_unowned_work = true;
};
struct reset_finishes_every_time : sound_work_guard {
  static constexpr bool planted_reset_finishes_every_time = true;
};
struct reset_keeps_ownership : sound_work_guard {
  static constexpr bool planted_reset_keeps_ownership = true;
};
struct reset_drops_executor : sound_work_guard {
  static constexpr bool planted_reset_drops_executor = true;
};
// [async.exec.work.guard] p0
struct copy_assignable : sound_work_guard {
  static constexpr bool planted_copy_assignable = true;
};
// [async.make.work.guard]
struct guard_for_executor_owns_nothing : sound_work_guard {
  static constexpr bool planted_guard_for_executor_owns_nothing = true;
};
struct executor_taken_as_object : sound_work_guard {
  static constexpr bool planted_executor_taken_as_object = true;
};
struct guard_for_context_owns_nothing : sound_work_guard {
  static constexpr bool planted_guard_for_context_owns_nothing = true;
};
struct context_guard_polymorphic : sound_work_guard {
  static constexpr bool planted_context_guard_polymorphic = true;
};
struct guard_for_object_owns_nothing : sound_work_guard {
  static constexpr bool planted_guard_for_object_owns_nothing = true;
};
struct object_guard_polymorphic : sound_work_guard {
  static constexpr bool planted_object_guard_polymorphic = true;
};
struct default_preferred_to_association : sound_work_guard {
  static constexpr bool planted_default_preferred_to_association = true;
};

template <class Executor, class Fault>
class faulty_work_guard {
 public:
  using executor_type = Executor;

  explicit faulty_work_guard(const executor_type& ex) noexcept
      : executor_(ex), owns_(!Fault::planted_constructor_owns_nothing) {
    if (!Fault::planted_constructor_starts_no_work) executor_.on_work_started();
  }
  faulty_work_guard(const faulty_work_guard& other) noexcept
      : executor_(other.executor_), owns_(other.owns_ && !Fault::planted_copy_owns_nothing) {
    if (other.owns_ || Fault::planted_copy_starts_unowned_work) executor_.on_work_started();
  }
  // The executor is copied, so that a source left owning work still has one to finish it on.
  faulty_work_guard(faulty_work_guard&& other) noexcept : executor_(other.executor_), owns_(other.owns_) {
    if (!Fault::planted_move_leaves_source_owning) other.owns_ = false;
  }
  faulty_work_guard& operator=(const faulty_work_guard& other) requires(Fault::planted_copy_assignable) {
    executor_ = other.executor_;
    owns_ = other.owns_;
    return *this;
  }
  faulty_work_guard& operator=(const faulty_work_guard&) requires(!Fault::planted_copy_assignable) = delete;

  ~faulty_work_guard() {
    if (owns_ || Fault::planted_destructor_finishes_unowned_work) executor_.on_work_finished();
  }

  executor_type get_executor() const noexcept { return executor_; }
  bool owns_work() const noexcept { return owns_; }
  void reset() noexcept {
    if (owns_ || Fault::planted_reset_finishes_every_time) executor_.on_work_finished();
    if (!Fault::planted_reset_keeps_ownership) owns_ = false;
    if (Fault::planted_reset_drops_executor) executor_type dropped(std::move(executor_));
  }

 private:
  executor_type executor_;
  bool owns_;
};

// make_work_guard, as a function object: the mutant's namespace declares it under that name.
template <class Fault>
struct faulty_make_work_guard {
  template <class Executor>
  requires lib::is_executor_v<Executor>
  auto operator()(const Executor& ex) const {
    if constexpr (Fault::planted_executor_taken_as_object) {
      return owning_maybe<Fault::planted_guard_for_executor_owns_nothing>(lib::get_associated_executor(ex));
    } else {
      return owning_maybe<Fault::planted_guard_for_executor_owns_nothing>(ex);
    }
  }

  template <class Context>
  requires std::is_convertible_v<Context&, lib::execution_context&>
  auto operator()(Context& ctx) const {
    if constexpr (Fault::planted_context_guard_polymorphic) {
      return owning_maybe<Fault::planted_guard_for_context_owns_nothing>(lib::executor(ctx.get_executor()));
    } else {
      return owning_maybe<Fault::planted_guard_for_context_owns_nothing>(ctx.get_executor());
    }
  }

  template <class T>
  requires(!lib::is_executor_v<T> && !std::is_convertible_v<T&, lib::execution_context&>) auto operator()(
      const T& t) const {
    if constexpr (Fault::planted_object_guard_polymorphic) {
      return owning_maybe<Fault::planted_guard_for_object_owns_nothing>(lib::executor(lib::get_associated_executor(t)));
    } else {
      return owning_maybe<Fault::planted_guard_for_object_owns_nothing>(lib::get_associated_executor(t));
    }
  }

  template <class T, class U>
  auto operator()(const T& t, U&& u) const {
    if constexpr (Fault::planted_default_preferred_to_association) {
      return owning_maybe<false>(std::decay_t<U>(std::forward<U>(u)));
    } else {
      return owning_maybe<false>(lib::get_associated_executor(t, std::forward<U>(u)));
    }
  }

 private:
  template <bool Release, class Executor>
  static faulty_work_guard<Executor, Fault> owning_maybe(const Executor& ex) {
    faulty_work_guard<Executor, Fault> guard(ex);
    if constexpr (Release) guard.reset();
    return guard;
  }
};

}  // namespace conformance::kit
