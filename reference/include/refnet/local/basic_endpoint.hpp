// [local] local::basic_endpoint: a UNIX domain socket address (a path, or unnamed).
#pragma once

#include <sys/socket.h>
#include <sys/un.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>

namespace refnet::local {

template <class Protocol>
class basic_endpoint {
 public:
  using protocol_type = Protocol;

  basic_endpoint() noexcept { clear(); }
  explicit basic_endpoint(std::string_view path) {
    clear();
    const std::size_t n = std::min(path.size(), sizeof data_.sun_path - 1);
    std::memcpy(data_.sun_path, path.data(), n);
    size_ = offsetof(sockaddr_un, sun_path) + n + 1;
  }

  protocol_type protocol() const noexcept { return protocol_type(); }

  std::string path() const {
    if (size_ <= offsetof(sockaddr_un, sun_path)) return {};
    return std::string(data_.sun_path, ::strnlen(data_.sun_path, size_ - offsetof(sockaddr_un, sun_path)));
  }

  sockaddr* data() noexcept { return reinterpret_cast<sockaddr*>(&data_); }
  const sockaddr* data() const noexcept { return reinterpret_cast<const sockaddr*>(&data_); }
  std::size_t size() const noexcept { return size_; }
  std::size_t capacity() const noexcept { return sizeof data_; }
  void resize(std::size_t n) noexcept { size_ = n; }

  friend bool operator==(const basic_endpoint& a, const basic_endpoint& b) { return a.path() == b.path(); }
  friend bool operator!=(const basic_endpoint& a, const basic_endpoint& b) { return !(a == b); }
  friend std::ostream& operator<<(std::ostream& os, const basic_endpoint& e) { return os << e.path(); }

 private:
  void clear() noexcept {
    std::memset(&data_, 0, sizeof data_);
    data_.sun_family = AF_UNIX;
    size_ = offsetof(sockaddr_un, sun_path);
  }

  sockaddr_un data_;
  std::size_t size_;
};

}  // namespace refnet::local
