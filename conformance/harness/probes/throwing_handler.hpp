// Probe: a completion handler that throws when invoked, for [async.reqmts.async.exceptions]
// p1 (what happens to a handler's exception is up to the executor that runs it: with
// io_context it leaves run(), which can then be called again).
//
//   auto record = std::make_shared<probe_record>();
//   net::post(ctx, throwing_handler(record));
//   EXPECT_THROW(ctx.run(), handler_exception);   // record->throws() == 1
//
// It is a move-only probe_handler (so all of probe_record applies) that, after recording the
// invocation, throws handler_exception: a type no library throws, so catching it proves the
// exception is the handler's own.
#pragma once

#include <exception>
#include <memory>
#include <utility>

#include "conformance/harness/probes/probe_handler.hpp"

namespace conformance {

class handler_exception : public std::exception {
 public:
  const char* what() const noexcept override { return "conformance::handler_exception thrown by a throwing_handler"; }
};

class throwing_handler {
 public:
  explicit throwing_handler(std::shared_ptr<probe_record> record) noexcept : inner_(std::move(record)) {}

  template <class... Results>
  void operator()(Results&&... results) {
    std::move(inner_)(std::forward<Results>(results)...);
    inner_.record().note_throw();
    throw handler_exception();
  }

 private:
  probe_handler inner_;
};

}  // namespace conformance
