#include "refnet/error.hpp"

#include <string>

namespace refnet::error {
namespace {

class misc_category final : public error_category {
 public:
  const char* name() const noexcept override { return "refnet.misc"; }

  std::string message(int value) const override {
    switch (static_cast<misc_errors>(value)) {
      case already_open: return "Already open";
      case eof: return "End of file";
      case not_found: return "Element not found";
      case fd_set_failure: return "The descriptor does not fit into the select call's fd_set";
    }
    return "refnet.misc error";
  }
};

}  // namespace

const error_category& get_misc_category() noexcept {
  static const misc_category instance;
  return instance;
}

}  // namespace refnet::error
