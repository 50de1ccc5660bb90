// A small thread pool and its executor, written against Boost.Asio's documented executor
// contract only: the pool is an execution_context, its executor has the members of the
// Executor requirements (context, on_work_started/finished, dispatch/post/defer with a
// proto-allocator, == and !=). The example a third party checks with conformance_executor()
// (README.md here).
#pragma once

#include <boost/asio/execution_context.hpp>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace small_pool_example {

// One submitted function, in storage taken from the submission's allocator.
class task {
 public:
  // Releases the storage, then calls the function: the memory is back before the call.
  virtual void run_and_release() = 0;
  // Releases the storage without calling the function (the pool ends with it unrun).
  virtual void release() noexcept = 0;

 protected:
  ~task() = default;
};

template <class Function, class ProtoAllocator>
class task_with final : public task {
  using own_allocator = typename std::allocator_traits<ProtoAllocator>::template rebind_alloc<task_with>;
  using traits = std::allocator_traits<own_allocator>;

 public:
  template <class F>
  static task* make(F&& f, const ProtoAllocator& a) {
    own_allocator allocator(a);
    task_with* const storage = traits::allocate(allocator, 1);
    try {
      traits::construct(allocator, storage, std::forward<F>(f), a);
    } catch (...) {
      traits::deallocate(allocator, storage, 1);
      throw;
    }
    return storage;
  }

  template <class F>
  task_with(F&& f, const ProtoAllocator& a) : function_(std::forward<F>(f)), allocator_(a) {}

  void run_and_release() override {
    Function function(std::move(function_));
    release();
    function();
  }

  void release() noexcept override {
    own_allocator allocator(allocator_);
    traits::destroy(allocator, this);
    traits::deallocate(allocator, this, 1);
  }

 private:
  Function function_;
  own_allocator allocator_;
};

class small_pool : public boost::asio::execution_context {
 public:
  class executor_type;

  explicit small_pool(std::size_t threads = 2) {
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { run_tasks(); });
  }
  small_pool(const small_pool&) = delete;
  small_pool& operator=(const small_pool&) = delete;

  // Functions not run by then are destroyed unrun; then execution_context shuts down and
  // destroys the services.
  ~small_pool() {
    stop();
    join_threads();
    for (task* t : queue_) t->release();
  }

  executor_type get_executor() noexcept;

  // Waits until the pool has no outstanding work (queued functions, counted work), then its
  // threads end.
  void join() {
    {
      std::unique_lock lock(mutex_);
      idle_.wait(lock, [this] { return outstanding_ == 0; });
      stopped_ = true;
    }
    ready_.notify_all();
    join_threads();
  }

  void stop() {
    {
      const std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    ready_.notify_all();
  }

 private:
  friend class executor_type;

  bool running_in_this_thread() const noexcept { return current() == this; }

  static const small_pool*& current() noexcept {
    thread_local const small_pool* running = nullptr;
    return running;
  }

  void work_started() noexcept {
    const std::lock_guard lock(mutex_);
    ++outstanding_;
  }

  void work_finished() noexcept {
    bool idle = false;
    {
      const std::lock_guard lock(mutex_);
      idle = --outstanding_ == 0;
    }
    if (idle) idle_.notify_all();
  }

  void enqueue(task* t) {
    {
      const std::lock_guard lock(mutex_);
      queue_.push_back(t);
      ++outstanding_;
    }
    ready_.notify_one();
  }

  void run_tasks() {
    current() = this;
    for (;;) {
      task* next = nullptr;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopped_ || !queue_.empty(); });
        if (stopped_) return;
        next = queue_.front();
        queue_.pop_front();
      }
      next->run_and_release();
      work_finished();
    }
  }

  void join_threads() {
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable idle_;
  std::deque<task*> queue_;
  std::size_t outstanding_ = 0;
  bool stopped_ = false;
  std::vector<std::thread> threads_;
};

class small_pool::executor_type {
 public:
  small_pool& context() const noexcept { return *pool_; }
  void on_work_started() const noexcept { pool_->work_started(); }
  void on_work_finished() const noexcept { pool_->work_finished(); }

  // Inside one of the pool's functions, dispatch runs f at once; elsewhere it posts.
  template <class Function, class ProtoAllocator>
  void dispatch(Function&& f, const ProtoAllocator& a) const {
    if (pool_->running_in_this_thread()) {
      std::decay_t<Function> copy(std::forward<Function>(f));
      copy();
    } else {
      post(std::forward<Function>(f), a);
    }
  }
  template <class Function, class ProtoAllocator>
  void post(Function&& f, const ProtoAllocator& a) const {
    pool_->enqueue(task_with<std::decay_t<Function>, ProtoAllocator>::make(std::forward<Function>(f), a));
  }
  template <class Function, class ProtoAllocator>
  void defer(Function&& f, const ProtoAllocator& a) const {
    post(std::forward<Function>(f), a);
  }

  bool running_in_this_thread() const noexcept { return pool_->running_in_this_thread(); }

  friend bool operator==(const executor_type& a, const executor_type& b) noexcept { return a.pool_ == b.pool_; }
  friend bool operator!=(const executor_type& a, const executor_type& b) noexcept { return !(a == b); }

 private:
  friend class small_pool;
  explicit executor_type(small_pool& pool) noexcept : pool_(&pool) {}
  small_pool* pool_;
};

inline small_pool::executor_type small_pool::get_executor() noexcept { return executor_type(*this); }

}  // namespace small_pool_example
