// Mechanics: the type-erased unit of work queued by schedulers, strands and the reactor.
#pragma once

namespace refnet::detail {

// What the owner of a finished operation wants done with it.
enum class completion_mode {
  dispatch,  // normal completion: hand the handler to its executor with dispatch
  post,      // completed inside the initiating function: hand it over with post
  destroy    // never run: release the handler and the memory only
};

// An intrusive, allocation-free queue node. Each concrete operation supplies one
// function pointer instead of a vtable so that ops stay small and trivially linkable.
class operation {
 public:
  operation(const operation&) = delete;
  operation& operator=(const operation&) = delete;

  void complete() { func_(this, completion_mode::dispatch); }
  void complete_immediately() { func_(this, completion_mode::post); }
  void destroy() noexcept { func_(this, completion_mode::destroy); }

 protected:
  using func_type = void (*)(operation*, completion_mode);
  explicit operation(func_type func) noexcept : func_(func) {}
  ~operation() = default;

 private:
  template <class>
  friend class op_queue;
  operation* next_ = nullptr;
  func_type func_;
};

// FIFO of operations linked through operation::next_. Owns what it holds: any
// operation still queued when the queue dies is destroyed without being run.
template <class Op>
class op_queue {
 public:
  op_queue() = default;
  op_queue(const op_queue&) = delete;
  op_queue& operator=(const op_queue&) = delete;
  op_queue(op_queue&& other) noexcept : front_(other.front_), back_(other.back_) {
    other.front_ = other.back_ = nullptr;
  }
  ~op_queue() {
    while (Op* op = pop()) op->destroy();
  }

  bool empty() const noexcept { return front_ == nullptr; }
  bool holds_one() const noexcept { return front_ != nullptr && front_ == back_; }
  Op* front() const noexcept { return front_; }

  void push(Op* op) noexcept {
    op->next_ = nullptr;
    if (back_) back_->next_ = op; else front_ = op;
    back_ = op;
  }

  // Appends every operation of `other`, leaving it empty.
  template <class Other>
  void push(op_queue<Other>& other) noexcept {
    if (other.front_ == nullptr) return;
    if (back_) back_->next_ = other.front_; else front_ = other.front_;
    back_ = other.back_;
    other.front_ = other.back_ = nullptr;
  }

  Op* pop() noexcept {
    Op* op = front_;
    if (op) {
      front_ = static_cast<Op*>(op->next_);
      if (front_ == nullptr) back_ = nullptr;
      op->next_ = nullptr;
    }
    return op;
  }

  // Unlinks and returns the first operation satisfying `pred`, or nullptr.
  template <class Pred>
  Op* remove_first_if(Pred pred) noexcept {
    operation* prev = nullptr;
    for (operation* cur = front_; cur; prev = cur, cur = cur->next_) {
      Op* op = static_cast<Op*>(cur);
      if (!pred(*op)) continue;
      if (prev) prev->next_ = cur->next_; else front_ = static_cast<Op*>(cur->next_);
      if (back_ == op) back_ = static_cast<Op*>(prev);
      op->next_ = nullptr;
      return op;
    }
    return nullptr;
  }

 private:
  template <class>
  friend class op_queue;
  Op* front_ = nullptr;
  Op* back_ = nullptr;
};

}  // namespace refnet::detail
