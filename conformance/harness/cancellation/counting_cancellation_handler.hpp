// A cancellation handler ([asio.cancellation.handler]) that reports what
// happens to it: how it was constructed, copied, moved and destroyed, how often
// it was called and with which type. The rules about slots
// ([asio.cancellation.slot]) see through it what assign, emplace and clear do
// with the handler they are given.
#pragma once

#include <string>

namespace conformance {

struct cancellation_handler_log {
  int from_arguments = 0;  // constructed from (log, tag), in place or not
  int copies = 0;
  int moves = 0;
  int destroyed = 0;
  int calls = 0;
  unsigned int last_type = 0;  // the cancellation_type of the last call, as its bits
  int last_tag = 0;            // the tag of the handler object that was last called

  int live() const { return from_arguments + copies + moves - destroyed; }
};

class counting_cancellation_handler {
 public:
  counting_cancellation_handler(cancellation_handler_log& log, int tag) : log_(&log), tag(tag) {
    ++log_->from_arguments;
  }
  counting_cancellation_handler(const counting_cancellation_handler& other) : log_(other.log_), tag(other.tag) {
    ++log_->copies;
  }
  counting_cancellation_handler(counting_cancellation_handler&& other) noexcept : log_(other.log_), tag(other.tag) {
    ++log_->moves;
  }
  counting_cancellation_handler& operator=(const counting_cancellation_handler&) = delete;
  counting_cancellation_handler& operator=(counting_cancellation_handler&&) = delete;
  ~counting_cancellation_handler() { ++log_->destroyed; }

  template <class Type>
  void operator()(Type type) {
    ++log_->calls;
    log_->last_type = static_cast<unsigned int>(type);
    log_->last_tag = tag;
  }

 private:
  cancellation_handler_log* log_;

 public:
  int tag;  // changed through the reference assign() and emplace() return
};

}  // namespace conformance
