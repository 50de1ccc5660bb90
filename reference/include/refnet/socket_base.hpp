// [socket.base] socket_base: constants shared by sockets and acceptors.
#pragma once

#include <sys/socket.h>

namespace refnet {

class socket_base {
 public:
  enum shutdown_type { shutdown_receive = SHUT_RD, shutdown_send = SHUT_WR, shutdown_both = SHUT_RDWR };
  enum wait_type { wait_read, wait_write, wait_error };
  using message_flags = int;
  static constexpr int max_listen_connections = SOMAXCONN;

 protected:
  ~socket_base() = default;
};

}  // namespace refnet
