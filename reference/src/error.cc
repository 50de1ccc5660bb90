#include "refnet/error.hpp"

#include <netdb.h>

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

class netdb_category final : public error_category {
 public:
  const char* name() const noexcept override { return "refnet.netdb"; }

  std::string message(int value) const override {
    switch (static_cast<netdb_errors>(value)) {
      case host_not_found: return "Host not found (authoritative)";
      case host_not_found_try_again: return "Host not found (non-authoritative), try again later";
      case no_data: return "The query is valid, but it does not have associated data";
      case no_recovery: return "A non-recoverable error occurred during database lookup";
    }
    return "refnet.netdb error";
  }
};

class addrinfo_category final : public error_category {
 public:
  const char* name() const noexcept override { return "refnet.addrinfo"; }

  std::string message(int value) const override { return ::gai_strerror(value); }
};

}  // namespace

const error_category& get_netdb_category() noexcept {
  static const netdb_category instance;
  return instance;
}

const error_category& get_addrinfo_category() noexcept {
  static const addrinfo_category instance;
  return instance;
}

const error_category& get_misc_category() noexcept {
  static const misc_category instance;
  return instance;
}

}  // namespace refnet::error
