// [async.executor] executor (polymorphic wrapper), [async.bad.exec] bad_executor.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <memory>
#include <type_traits>
#include <typeinfo>
#include <utility>

#include "refnet/detail/executor_op.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/is_executor.hpp"

namespace refnet {

class bad_executor : public std::exception {
 public:
  bad_executor() noexcept = default;
  const char* what() const noexcept override { return "refnet::bad_executor: executor has no target"; }
};

namespace detail {

// A move-only nullary function whose storage came from the caller's allocator.
class executor_function {
 public:
  template <class F, class ProtoAlloc>
  executor_function(F&& f, const ProtoAlloc& a) : op_(make_executor_op(std::forward<F>(f), a)) {}
  executor_function(executor_function&& other) noexcept : op_(std::exchange(other.op_, nullptr)) {}
  executor_function& operator=(executor_function&&) = delete;
  ~executor_function() {
    if (op_) op_->destroy();
  }

  void operator()() {
    if (operation* op = std::exchange(op_, nullptr)) op->complete();
  }

 private:
  operation* op_;
};

// Shared, reference-counted target of an executor; copies of an executor share it
// so that copying never allocates and never throws.
class executor_impl_base {
 public:
  void add_ref() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  void release() noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy_self();
  }

  virtual execution_context& context() const noexcept = 0;
  virtual void on_work_started() const noexcept = 0;
  virtual void on_work_finished() const noexcept = 0;
  virtual void dispatch(executor_function&& f) const = 0;
  virtual void post(executor_function&& f) const = 0;
  virtual void defer(executor_function&& f) const = 0;
  virtual const std::type_info& target_type() const noexcept = 0;
  virtual const void* target() const noexcept = 0;
  virtual bool equals(const executor_impl_base& other) const noexcept = 0;

 protected:
  executor_impl_base() = default;
  ~executor_impl_base() = default;

 private:
  virtual void destroy_self() noexcept = 0;
  std::atomic<long> refs_{1};
};

template <class Executor, class ProtoAlloc>
class executor_impl final : public executor_impl_base {
 public:
  executor_impl(Executor ex, const ProtoAlloc& a) : executor_(std::move(ex)), alloc_(a) {}

  static executor_impl* create(Executor ex, const ProtoAlloc& a) {
    op_ptr<executor_impl, ProtoAlloc> p(a, std::move(ex), a);
    return p.release();
  }

  execution_context& context() const noexcept override { return executor_.context(); }
  void on_work_started() const noexcept override { executor_.on_work_started(); }
  void on_work_finished() const noexcept override { executor_.on_work_finished(); }
  void dispatch(executor_function&& f) const override { executor_.dispatch(std::move(f), alloc_); }
  void post(executor_function&& f) const override { executor_.post(std::move(f), alloc_); }
  void defer(executor_function&& f) const override { executor_.defer(std::move(f), alloc_); }
  const std::type_info& target_type() const noexcept override { return typeid(Executor); }
  const void* target() const noexcept override { return &executor_; }
  bool equals(const executor_impl_base& other) const noexcept override {
    if (this == &other) return true;
    if (other.target_type() != typeid(Executor)) return false;
    return executor_ == *static_cast<const Executor*>(other.target());
  }

 private:
  void destroy_self() noexcept override { free_op(this, ProtoAlloc(alloc_)); }

  Executor executor_;
  [[no_unique_address]] ProtoAlloc alloc_;
};

}  // namespace detail

// Type-erased Executor. The wrapped target is shared between copies.
class executor {
 public:
  executor() noexcept = default;
  executor(std::nullptr_t) noexcept {}
  executor(const executor& e) noexcept : impl_(e.impl_) {
    if (impl_) impl_->add_ref();
  }
  executor(executor&& e) noexcept : impl_(std::exchange(e.impl_, nullptr)) {}

  // Constrained on the members only, with the whole Executor requirements checked inside:
  // is_executor_v in the constraint would recurse for an executor that wraps this one (its
  // copy constructor's overloads include its constructor from `executor`, whose viability would
  // need is_executor_v of the wrapper while that is being decided).
  template <class Executor>
    requires(!std::is_base_of_v<executor, std::decay_t<Executor>> && detail::has_executor_members<Executor>)
  executor(Executor e) : executor(std::allocator_arg, std::allocator<void>(), std::move(e)) {}

  template <class Executor, class ProtoAllocator>
    requires detail::has_executor_members<Executor>
  executor(std::allocator_arg_t, const ProtoAllocator& a, Executor e)
      : impl_(detail::executor_impl<Executor, ProtoAllocator>::create(std::move(e), a)) {
    static_assert(is_executor_v<Executor>, "executor(e): e does not meet the Executor requirements");
  }

  executor& operator=(const executor& e) noexcept {
    executor(e).swap(*this);
    return *this;
  }
  executor& operator=(executor&& e) noexcept {
    executor(std::move(e)).swap(*this);
    return *this;
  }
  executor& operator=(std::nullptr_t) noexcept {
    executor().swap(*this);
    return *this;
  }
  template <class Executor>
    requires(!std::is_base_of_v<executor, std::decay_t<Executor>> && detail::has_executor_members<Executor>)
  executor& operator=(Executor e) {
    executor(std::move(e)).swap(*this);
    return *this;
  }

  ~executor() {
    if (impl_) impl_->release();
  }

  void swap(executor& other) noexcept { std::swap(impl_, other.impl_); }

  template <class Executor, class ProtoAllocator>
  void assign(Executor e, const ProtoAllocator& a) {
    executor(std::allocator_arg, a, std::move(e)).swap(*this);
  }

  execution_context& context() const noexcept { return impl_->context(); }
  void on_work_started() const noexcept { impl_->on_work_started(); }
  void on_work_finished() const noexcept { impl_->on_work_finished(); }

  template <class Func, class ProtoAllocator>
  void dispatch(Func&& f, const ProtoAllocator& a) const {
    checked_impl().dispatch(detail::executor_function(std::forward<Func>(f), a));
  }
  template <class Func, class ProtoAllocator>
  void post(Func&& f, const ProtoAllocator& a) const {
    checked_impl().post(detail::executor_function(std::forward<Func>(f), a));
  }
  template <class Func, class ProtoAllocator>
  void defer(Func&& f, const ProtoAllocator& a) const {
    checked_impl().defer(detail::executor_function(std::forward<Func>(f), a));
  }

  explicit operator bool() const noexcept { return impl_ != nullptr; }

  const std::type_info& target_type() const noexcept { return impl_ ? impl_->target_type() : typeid(void); }

  template <class Executor>
  Executor* target() noexcept {
    return const_cast<Executor*>(std::as_const(*this).target<Executor>());
  }
  template <class Executor>
  const Executor* target() const noexcept {
    if (!impl_ || impl_->target_type() != typeid(Executor)) return nullptr;
    return static_cast<const Executor*>(impl_->target());
  }

  friend bool operator==(const executor& a, const executor& b) noexcept {
    if (a.impl_ == b.impl_) return true;
    if (!a.impl_ || !b.impl_) return false;
    return a.impl_->equals(*b.impl_);
  }
  friend bool operator==(const executor& e, std::nullptr_t) noexcept { return !e; }
  friend bool operator==(std::nullptr_t, const executor& e) noexcept { return !e; }
  friend bool operator!=(const executor& a, const executor& b) noexcept { return !(a == b); }
  friend bool operator!=(const executor& e, std::nullptr_t) noexcept { return !!e; }
  friend bool operator!=(std::nullptr_t, const executor& e) noexcept { return !!e; }

 private:
  const detail::executor_impl_base& checked_impl() const {
    if (!impl_) throw bad_executor();
    return *impl_;
  }

  detail::executor_impl_base* impl_ = nullptr;
};

inline void swap(executor& a, executor& b) noexcept { a.swap(b); }

// The I/O executor type used by I/O objects unless told otherwise. Asio's
// any_io_executor is a standard-executor wrapper; refnet's is the TS one.
using any_io_executor = executor;

}  // namespace refnet

template <class Allocator>
struct std::uses_allocator<refnet::executor, Allocator> : std::true_type {};
