// [err] error_code, system_error and the Asio spellings of the error values used by refnet.
#pragma once

#include <cerrno>
#include <system_error>

namespace refnet {

using error_code = std::error_code;
using error_category = std::error_category;
using system_error = std::system_error;

inline const error_category& system_category() noexcept { return std::system_category(); }

namespace error {

// Values reported by the operating system (system_category()).
enum basic_errors {
  access_denied = EACCES,
  address_family_not_supported = EAFNOSUPPORT,
  address_in_use = EADDRINUSE,
  already_connected = EISCONN,
  already_started = EALREADY,
  broken_pipe = EPIPE,
  connection_aborted = ECONNABORTED,
  connection_refused = ECONNREFUSED,
  connection_reset = ECONNRESET,
  bad_descriptor = EBADF,
  fault = EFAULT,
  host_unreachable = EHOSTUNREACH,
  in_progress = EINPROGRESS,
  interrupted = EINTR,
  invalid_argument = EINVAL,
  message_size = EMSGSIZE,
  name_too_long = ENAMETOOLONG,
  network_down = ENETDOWN,
  network_reset = ENETRESET,
  network_unreachable = ENETUNREACH,
  no_descriptors = EMFILE,
  no_buffer_space = ENOBUFS,
  no_memory = ENOMEM,
  no_permission = EPERM,
  no_protocol_option = ENOPROTOOPT,
  no_such_device = ENODEV,
  not_connected = ENOTCONN,
  not_socket = ENOTSOCK,
  operation_aborted = ECANCELED,
  operation_not_supported = EOPNOTSUPP,
  shut_down = ESHUTDOWN,
  timed_out = ETIMEDOUT,
  try_again = EAGAIN,
  would_block = EWOULDBLOCK
};

// Conditions that have no errno value; they live in their own category, as in Asio.
enum misc_errors { already_open = 1, eof, not_found, fd_set_failure };

const error_category& get_misc_category() noexcept;

// Name resolution failures, in their own categories, as in Asio.
enum netdb_errors { host_not_found = 1, host_not_found_try_again, no_data, no_recovery };
enum addrinfo_errors { service_not_found = -8 /* EAI_SERVICE */, socket_type_not_supported = -7 /* EAI_SOCKTYPE */ };

const error_category& get_netdb_category() noexcept;
const error_category& get_addrinfo_category() noexcept;

inline error_code make_error_code(netdb_errors e) noexcept {
  return error_code(static_cast<int>(e), get_netdb_category());
}

inline error_code make_error_code(addrinfo_errors e) noexcept {
  return error_code(static_cast<int>(e), get_addrinfo_category());
}

inline error_code make_error_code(basic_errors e) noexcept {
  return error_code(static_cast<int>(e), system_category());
}

inline error_code make_error_code(misc_errors e) noexcept {
  return error_code(static_cast<int>(e), get_misc_category());
}

}  // namespace error
}  // namespace refnet

template <>
struct std::is_error_code_enum<refnet::error::basic_errors> : std::true_type {};
template <>
struct std::is_error_code_enum<refnet::error::misc_errors> : std::true_type {};
template <>
struct std::is_error_code_enum<refnet::error::netdb_errors> : std::true_type {};
template <>
struct std::is_error_code_enum<refnet::error::addrinfo_errors> : std::true_type {};
