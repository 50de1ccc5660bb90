// One run of an operation whose handler has an immediate executor of the rule's choosing (ex3),
// for the rules on how a completion inside the initiating function is delivered
// ([asio.async.immediate.delivery], [asio.async.completion.immediate.optimisation]).
#pragma once

#include <memory>
#include <string>

#include "conformance/harness/immediate/immediate_executor_facility.hpp"
#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/queue.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance::immediate {

// The bundled operations that complete inside their initiating function and that Asio documents
// as delivering such a completion through the handler's immediate executor: operations on
// reactor-based sockets ([asio.async.immediate.delivery] p3). A target's own operations are not
// assumed to support it.
using immediately_delivering =
    operation_list<operations::tcp_async_read_some_closed_socket, operations::tcp_async_accept_already_open>;

// Where the operation is started: from outside the context's run(), or from a handler running on
// ex1, where a dispatch to ex1 may run the handler inline.
enum class started_from { outside_run, handler_on_ex1 };

template <class Operation>
struct delivery_run {
  net::io_context ctx;
  typename Operation::instance instance{ctx};
  std::shared_ptr<probe_record> record = std::make_shared<probe_record>();

  template <class ImmediateExecutor>
  void start(const ImmediateExecutor& ex3, started_from where) {
    record->expect_invocation();
    const auto initiate = [this, ex3] {
      const initiation_guard inside;
      instance.initiate(with_immediate_executor(probe_handler(record), ex3));
    };
    if (where == started_from::outside_run) {
      initiate();
    } else {
      queue_on(ctx, initiate);
    }
    run_bounded(ctx, std::string(Operation::name) + " with an immediate executor of its handler's own", instance);
  }
};

}  // namespace conformance::immediate
