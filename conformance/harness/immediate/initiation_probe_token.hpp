// A completion token whose async_result::initiate looks at the initiation object before it
// starts the operation: whether it exposes an I/O executor (a nested executor_type and
// get_executor()) and whether that executor is the operation's ex1
// ([asio.async.io.exec.initiation]). It then calls the initiation at once with a probe handler.
#pragma once

#include <memory>
#include <utility>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::immediate {

struct initiation_report {
  int initiations = 0;
  bool exposes_executor = false;
  bool exposed_executor_is_ex1 = false;
};

class initiation_probe_token {
 public:
  initiation_probe_token(std::shared_ptr<probe_record> record, std::shared_ptr<initiation_report> report,
                         net::any_io_executor ex1)
      : record_(std::move(record)), report_(std::move(report)), ex1_(std::move(ex1)) {}

  template <class Initiation>
  void note(const Initiation& initiation) const {
    ++report_->initiations;
    if constexpr (requires {
                    typename Initiation::executor_type;
                    initiation.get_executor();
                  }) {
      report_->exposes_executor = true;
      report_->exposed_executor_is_ex1 = net::any_io_executor(initiation.get_executor()) == ex1_;
    }
  }

  probe_handler make_handler() const { return probe_handler(record_); }

 private:
  std::shared_ptr<probe_record> record_;
  std::shared_ptr<initiation_report> report_;
  net::any_io_executor ex1_;
};

}  // namespace conformance::immediate

template <class... Args>
class conformance::net::async_result<conformance::immediate::initiation_probe_token, void(Args...)> {
 public:
  template <class Initiation, class RawToken, class... InitArgs>
  static void initiate(Initiation&& initiation, RawToken&& token, InitArgs&&... args) {
    token.note(static_cast<const std::decay_t<Initiation>&>(initiation));
    std::forward<Initiation>(initiation)(token.make_handler(), std::forward<InitArgs>(args)...);
  }
};
