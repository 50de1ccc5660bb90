// [async.system.exec] system_executor.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

namespace refnet {

class system_context;

// Submitted functions may run on any thread: dispatch runs them in the caller,
// post and defer hand them to the threads of the system_context.
class system_executor {
 public:
  system_executor() noexcept = default;

  system_context& context() const noexcept;

  void on_work_started() const noexcept {}
  void on_work_finished() const noexcept {}

  template <class Func, class ProtoAllocator>
  void dispatch(Func&& f, const ProtoAllocator&) const {
    std::decay_t<Func> local(std::forward<Func>(f));
    std::move(local)();
  }

  template <class Func, class ProtoAllocator>
  void post(Func&& f, const ProtoAllocator& a) const;

  template <class Func, class ProtoAllocator>
  void defer(Func&& f, const ProtoAllocator& a) const {
    post(std::forward<Func>(f), a);
  }

  friend bool operator==(const system_executor&, const system_executor&) noexcept { return true; }
  friend bool operator!=(const system_executor&, const system_executor&) noexcept { return false; }
};

}  // namespace refnet

#include "refnet/system_context.hpp"
