// The polymorphic executor ([async.executor]) written for the kit, with at most one planted
// fault: sound_polymorphic_executor is the correct behaviour (every planted_ switch off), and
// each fault below turns one switch on. A mutant declared with
// kit_fault = "polymorphic_executor:<fault>" (mutants.bzl) puts it in place of the library's
// executor (polymorphic_executor_fault_binding.hpp).
#pragma once

#include <cstddef>
#include <memory>
#include <type_traits>
#include <typeinfo>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_polymorphic_executor {
  static constexpr bool planted_implicit_bool = false;
  static constexpr bool planted_copy_assignment_deleted = false;
  static constexpr bool planted_default_has_target = false;
  static constexpr bool planted_nullptr_has_target = false;
  static constexpr bool planted_copy_empties = false;
  static constexpr bool planted_move_copies_target = false;
  static constexpr bool planted_copies_given_executor = false;
  static constexpr bool planted_allocator_ignored = false;
  static constexpr bool planted_copy_assignment_ignored = false;
  static constexpr bool planted_move_assignment_ignored = false;
  static constexpr bool planted_nullptr_assignment_ignored = false;
  static constexpr bool planted_assignment_returns_other = false;
  static constexpr bool planted_target_leaked = false;
  static constexpr bool planted_swap_ignored = false;
  static constexpr bool planted_context_of_other = false;
  static constexpr bool planted_work_started_dropped = false;
  static constexpr bool planted_work_finished_dropped = false;
  static constexpr bool planted_dispatch_posts = false;
  static constexpr bool planted_post_dispatches = false;
  static constexpr bool planted_defer_posts = false;
  static constexpr bool planted_submission_memory_from_elsewhere = false;
  static constexpr bool planted_target_type_of_wrapper = false;
  static constexpr bool planted_target_for_any_type = false;
  static constexpr bool planted_equal_by_type_only = false;
  static constexpr bool planted_equal_to_nullptr_inverted = false;
  static constexpr bool planted_inequality_not_negation = false;
  static constexpr bool planted_free_swap_ignored = false;
};

#define CONFORMANCE_KIT_FAULT(fault)              \
  struct fault : sound_polymorphic_executor {     \
    static constexpr bool planted_##fault = true; \
  }
// [async.executor]
CONFORMANCE_KIT_FAULT(implicit_bool);
CONFORMANCE_KIT_FAULT(copy_assignment_deleted);
// [async.executor.cons]
CONFORMANCE_KIT_FAULT(default_has_target);
CONFORMANCE_KIT_FAULT(nullptr_has_target);
CONFORMANCE_KIT_FAULT(copy_empties);
CONFORMANCE_KIT_FAULT(move_copies_target);
CONFORMANCE_KIT_FAULT(copies_given_executor);
CONFORMANCE_KIT_FAULT(allocator_ignored);
// [async.executor.assign], [async.executor.dtor], [async.executor.modifiers]
CONFORMANCE_KIT_FAULT(copy_assignment_ignored);
CONFORMANCE_KIT_FAULT(move_assignment_ignored);
CONFORMANCE_KIT_FAULT(nullptr_assignment_ignored);
CONFORMANCE_KIT_FAULT(assignment_returns_other);
CONFORMANCE_KIT_FAULT(target_leaked);
CONFORMANCE_KIT_FAULT(swap_ignored);
// [async.executor.ops]
CONFORMANCE_KIT_FAULT(context_of_other);
CONFORMANCE_KIT_FAULT(work_started_dropped);
CONFORMANCE_KIT_FAULT(work_finished_dropped);
CONFORMANCE_KIT_FAULT(dispatch_posts);
CONFORMANCE_KIT_FAULT(post_dispatches);
CONFORMANCE_KIT_FAULT(defer_posts);
CONFORMANCE_KIT_FAULT(submission_memory_from_elsewhere);
// [async.executor.target], [async.executor.comparisons], [async.executor.algo]
CONFORMANCE_KIT_FAULT(target_type_of_wrapper);
CONFORMANCE_KIT_FAULT(target_for_any_type);
CONFORMANCE_KIT_FAULT(equal_by_type_only);
CONFORMANCE_KIT_FAULT(equal_to_nullptr_inverted);
CONFORMANCE_KIT_FAULT(inequality_not_negation);
CONFORMANCE_KIT_FAULT(free_swap_ignored);
#undef CONFORMANCE_KIT_FAULT

// A nullary function whose storage comes from an allocator: what the wrapper hands its target.
class allocated_function {
 public:
  template <class F, class A>
  allocated_function(F&& f, const A& a) : call_(make(std::forward<F>(f), a)) {}
  allocated_function(allocated_function&& other) noexcept : call_(std::exchange(other.call_, nullptr)) {}
  allocated_function& operator=(allocated_function&&) = delete;
  ~allocated_function() {
    if (call_) call_->destroy();
  }
  void operator()() { std::exchange(call_, nullptr)->run(); }

 private:
  struct callable {
    virtual void run() = 0;      // frees itself, then calls the function
    virtual void destroy() = 0;  // frees itself
   protected:
    ~callable() = default;
  };
  template <class F, class A>
  struct stored final : callable {
    using allocator = typename std::allocator_traits<A>::template rebind_alloc<stored>;
    stored(F f, allocator a) : function(std::move(f)), alloc(std::move(a)) {}
    void run() override {
      F local(std::move(function));
      destroy();
      local();
    }
    void destroy() override {
      allocator a(alloc);
      std::allocator_traits<allocator>::destroy(a, this);
      std::allocator_traits<allocator>::deallocate(a, this, 1);
    }
    F function;
    allocator alloc;
  };
  template <class F, class A>
  static callable* make(F&& f, const A& a) {
    using node = stored<std::decay_t<F>, A>;
    typename node::allocator alloc(a);
    node* p = std::allocator_traits<typename node::allocator>::allocate(alloc, 1);
    std::allocator_traits<typename node::allocator>::construct(alloc, p, std::forward<F>(f), alloc);
    return p;
  }
  callable* call_;
};

// The shared target: the executor, and the allocator recorded when it was set.
struct polymorphic_target {
  virtual ~polymorphic_target() = default;
  virtual const std::type_info& type() const noexcept = 0;
  virtual void* get() noexcept = 0;
  virtual bool equals(const polymorphic_target& other) const noexcept = 0;
  virtual lib::execution_context& context() const noexcept = 0;
  virtual void on_work_started() const noexcept = 0;
  virtual void on_work_finished() const noexcept = 0;
  virtual void dispatch(allocated_function f) const = 0;
  virtual void post(allocated_function f) const = 0;
  virtual void defer(allocated_function f) const = 0;
};

template <class Executor, class Allocator>
struct typed_target final : polymorphic_target {
  typed_target(Executor e, const Allocator& a) : executor(std::move(e)), allocator(a) {}
  const std::type_info& type() const noexcept override { return typeid(Executor); }
  void* get() noexcept override { return &executor; }
  bool equals(const polymorphic_target& other) const noexcept override {
    return other.type() == typeid(Executor) && executor == static_cast<const typed_target&>(other).executor;
  }
  lib::execution_context& context() const noexcept override { return executor.context(); }
  void on_work_started() const noexcept override { executor.on_work_started(); }
  void on_work_finished() const noexcept override { executor.on_work_finished(); }
  void dispatch(allocated_function f) const override { executor.dispatch(std::move(f), allocator); }
  void post(allocated_function f) const override { executor.post(std::move(f), allocator); }
  void defer(allocated_function f) const override { executor.defer(std::move(f), allocator); }

  Executor executor;
  Allocator allocator;
};

template <class Fault>
class faulty_polymorphic_executor {
 public:
  faulty_polymorphic_executor() noexcept {
    if constexpr (Fault::planted_default_has_target)
      target_ = make_target(lib::system_executor(), std::allocator<void>());
  }
  faulty_polymorphic_executor(std::nullptr_t) noexcept {  // NOLINT: converting, as declared
    if constexpr (Fault::planted_nullptr_has_target)
      target_ = make_target(lib::system_executor(), std::allocator<void>());
  }
  faulty_polymorphic_executor(const faulty_polymorphic_executor& other) noexcept
      : target_(Fault::planted_copy_empties ? nullptr : other.target_) {}
  faulty_polymorphic_executor(faulty_polymorphic_executor&& other) noexcept : target_(std::move(other.target_)) {
    if constexpr (Fault::planted_move_copies_target) target_ = copied(target_);
  }
  template <class Executor>
  requires(!std::is_same_v<std::decay_t<Executor>, faulty_polymorphic_executor>)
      faulty_polymorphic_executor(Executor e)  // NOLINT: converting, as declared
      : target_(make_target(std::move(e), std::allocator<void>())) {}
  template <class ProtoAllocator, class Executor>
  faulty_polymorphic_executor(std::allocator_arg_t, const ProtoAllocator& a, Executor e)
      : target_(make_target(std::move(e), a)) {}
  ~faulty_polymorphic_executor() {
    if constexpr (Fault::planted_target_leaked) {
      if (target_) new std::shared_ptr<polymorphic_target>(target_);  // NOLINT: the leak is the fault
    }
  }

  faulty_polymorphic_executor& operator=(const faulty_polymorphic_executor& other) noexcept
      requires(!Fault::planted_copy_assignment_deleted) {
    if constexpr (!Fault::planted_copy_assignment_ignored) faulty_polymorphic_executor(other).swap_targets(*this);
    return returned();
  }
  faulty_polymorphic_executor& operator=(faulty_polymorphic_executor&& other) noexcept {
    if constexpr (!Fault::planted_move_assignment_ignored)
      faulty_polymorphic_executor(std::move(other)).swap_targets(*this);
    return returned();
  }
  faulty_polymorphic_executor& operator=(std::nullptr_t) noexcept {
    if constexpr (!Fault::planted_nullptr_assignment_ignored) target_.reset();
    return returned();
  }
  template <class Executor>
  requires(!std::is_same_v<std::decay_t<Executor>, faulty_polymorphic_executor>) faulty_polymorphic_executor& operator=(
      Executor e) {
    faulty_polymorphic_executor(std::move(e)).swap_targets(*this);
    return returned();
  }

  void swap(faulty_polymorphic_executor& other) noexcept {
    if constexpr (!Fault::planted_swap_ignored) swap_targets(other);
  }
  template <class Executor, class ProtoAllocator>
  void assign(Executor e, const ProtoAllocator& a) {
    faulty_polymorphic_executor(std::allocator_arg, a, std::move(e)).swap_targets(*this);
  }

  lib::execution_context& context() const noexcept {
    if constexpr (Fault::planted_context_of_other) return lib::system_executor().context();
    return target_->context();
  }
  void on_work_started() const noexcept {
    if constexpr (!Fault::planted_work_started_dropped) target_->on_work_started();
  }
  void on_work_finished() const noexcept {
    if constexpr (!Fault::planted_work_finished_dropped) target_->on_work_finished();
  }
  template <class F, class A>
  void dispatch(F&& f, const A& a) const {
    if constexpr (Fault::planted_dispatch_posts) {
      checked().post(wrapped(std::forward<F>(f), a));
    } else {
      checked().dispatch(wrapped(std::forward<F>(f), a));
    }
  }
  template <class F, class A>
  void post(F&& f, const A& a) const {
    if constexpr (Fault::planted_post_dispatches) {
      checked().dispatch(wrapped(std::forward<F>(f), a));
    } else {
      checked().post(wrapped(std::forward<F>(f), a));
    }
  }
  template <class F, class A>
  void defer(F&& f, const A& a) const {
    if constexpr (Fault::planted_defer_posts) {
      checked().post(wrapped(std::forward<F>(f), a));
    } else {
      checked().defer(wrapped(std::forward<F>(f), a));
    }
  }

  explicit(!Fault::planted_implicit_bool) operator bool() const noexcept { return target_ != nullptr; }

  const std::type_info& target_type() const noexcept {
    if constexpr (Fault::planted_target_type_of_wrapper) return typeid(faulty_polymorphic_executor);
    return target_ ? target_->type() : typeid(void);
  }
  template <class Executor>
  Executor* target() noexcept {
    if (!target_ || (!Fault::planted_target_for_any_type && target_->type() != typeid(Executor))) return nullptr;
    return static_cast<Executor*>(target_->get());
  }
  template <class Executor>
  const Executor* target() const noexcept {
    return const_cast<faulty_polymorphic_executor&>(*this).template target<Executor>();
  }

  friend bool operator==(const faulty_polymorphic_executor& a, const faulty_polymorphic_executor& b) noexcept {
    if (a.target_ == b.target_) return true;
    if (!a.target_ || !b.target_) return false;
    if constexpr (Fault::planted_equal_by_type_only) return a.target_->type() == b.target_->type();
    return a.target_->equals(*b.target_);
  }
  friend bool operator==(const faulty_polymorphic_executor& e, std::nullptr_t) noexcept {
    return Fault::planted_equal_to_nullptr_inverted ? static_cast<bool>(e) : !e;
  }
  friend bool operator==(std::nullptr_t, const faulty_polymorphic_executor& e) noexcept { return e == nullptr; }
  friend bool operator!=(const faulty_polymorphic_executor& a, const faulty_polymorphic_executor& b) noexcept {
    return Fault::planted_inequality_not_negation ? a == b : !(a == b);
  }
  friend bool operator!=(const faulty_polymorphic_executor& e, std::nullptr_t) noexcept {
    return Fault::planted_inequality_not_negation ? e == nullptr : !(e == nullptr);
  }
  friend bool operator!=(std::nullptr_t, const faulty_polymorphic_executor& e) noexcept { return e != nullptr; }
  friend void swap(faulty_polymorphic_executor& a, faulty_polymorphic_executor& b) noexcept {
    if constexpr (!Fault::planted_free_swap_ignored) a.swap(b);
  }

 private:
  template <class Executor, class ProtoAllocator>
  static std::shared_ptr<polymorphic_target> make_target(Executor e, const ProtoAllocator& a) {
    using target = typed_target<Executor, ProtoAllocator>;
    using allocator = typename std::allocator_traits<ProtoAllocator>::template rebind_alloc<target>;
    const auto storage = [&] {
      if constexpr (Fault::planted_allocator_ignored) {
        return std::allocator<target>();
      } else {
        return allocator(a);
      }
    }();
    if constexpr (Fault::planted_copies_given_executor) return std::allocate_shared<target>(storage, e, a);
    return std::allocate_shared<target>(storage, std::move(e), a);
  }

  // A new target equal to `t`, as a wrapper that copies on move would make. Only for the
  // targets the rules use, whose type is known to them: the wrapper copies the object as the
  // type it reports.
  static std::shared_ptr<polymorphic_target> copied(const std::shared_ptr<polymorphic_target>& t) {
    if (!t) return t;
    return std::make_shared<typed_target<faulty_polymorphic_executor, std::allocator<void>>>(
        faulty_polymorphic_executor(t), std::allocator<void>());
  }
  explicit faulty_polymorphic_executor(std::shared_ptr<polymorphic_target> t) noexcept : target_(std::move(t)) {}

  template <class F, class A>
  static allocated_function wrapped(F&& f, const A& a) {
    if constexpr (Fault::planted_submission_memory_from_elsewhere) {
      return allocated_function(std::forward<F>(f), std::allocator<void>());
    } else {
      return allocated_function(std::forward<F>(f), a);
    }
  }

  const polymorphic_target& checked() const {
    if (!target_) throw lib::bad_executor();
    return *target_;
  }

  faulty_polymorphic_executor& returned() noexcept {
    if constexpr (Fault::planted_assignment_returns_other) {
      static faulty_polymorphic_executor other;
      return other;
    }
    return *this;
  }

  void swap_targets(faulty_polymorphic_executor& other) noexcept { target_.swap(other.target_); }

  std::shared_ptr<polymorphic_target> target_;
};

}  // namespace conformance::kit

template <class Fault, class Allocator>
struct std::uses_allocator<conformance::kit::faulty_polymorphic_executor<Fault>, Allocator> : std::true_type {};
