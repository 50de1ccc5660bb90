// Mechanics: a per-thread stack recording which schedulers and strands are running
// code in the current thread (running_in_this_thread, lock-free private queues).
#pragma once

namespace refnet::detail {

template <class Key, class Value = unsigned char>
class call_stack {
 public:
  // Marks `key` as running in this thread for the lifetime of the object.
  class context {
   public:
    context(const Key* key, Value& value) noexcept : key_(key), value_(&value), next_(top_) { top_ = this; }
    explicit context(const Key* key) noexcept : context(key, dummy_) {}
    context(const context&) = delete;
    context& operator=(const context&) = delete;
    ~context() { top_ = next_; }

   private:
    friend class call_stack;
    const Key* key_;
    Value* value_;
    context* next_;
    inline static Value dummy_{};
  };

  // The value registered for `key` by the innermost matching context, or nullptr.
  static Value* contains(const Key* key) noexcept {
    for (context* c = top_; c; c = c->next_)
      if (c->key_ == key) return c->value_;
    return nullptr;
  }

 private:
  inline static thread_local context* top_ = nullptr;
};

}  // namespace refnet::detail
