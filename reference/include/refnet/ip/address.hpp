// [internet.address] ip::address_v4, ip::address_v6, ip::address, ip::make_address.
#pragma once

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "refnet/error.hpp"

namespace refnet::ip {

class address_v4 {
 public:
  using uint_type = std::uint_least32_t;
  using bytes_type = std::array<unsigned char, 4>;

  constexpr address_v4() noexcept = default;
  constexpr explicit address_v4(const bytes_type& bytes) noexcept : bytes_(bytes) {}
  constexpr explicit address_v4(uint_type value) noexcept
      : bytes_{static_cast<unsigned char>(value >> 24), static_cast<unsigned char>(value >> 16),
               static_cast<unsigned char>(value >> 8), static_cast<unsigned char>(value)} {}

  constexpr bytes_type to_bytes() const noexcept { return bytes_; }
  constexpr uint_type to_uint() const noexcept {
    return (uint_type(bytes_[0]) << 24) | (uint_type(bytes_[1]) << 16) | (uint_type(bytes_[2]) << 8) | bytes_[3];
  }
  constexpr bool is_unspecified() const noexcept { return to_uint() == 0; }
  constexpr bool is_loopback() const noexcept { return bytes_[0] == 127; }
  std::string to_string() const;

  static constexpr address_v4 any() noexcept { return address_v4(); }
  static constexpr address_v4 loopback() noexcept { return address_v4(0x7F000001u); }
  static constexpr address_v4 broadcast() noexcept { return address_v4(0xFFFFFFFFu); }

  friend constexpr bool operator==(const address_v4& a, const address_v4& b) noexcept { return a.bytes_ == b.bytes_; }
  friend constexpr auto operator<=>(const address_v4& a, const address_v4& b) noexcept {
    return a.to_uint() <=> b.to_uint();
  }

 private:
  bytes_type bytes_{};
};

class address_v6 {
 public:
  using bytes_type = std::array<unsigned char, 16>;
  using scope_id_type = std::uint_least32_t;

  constexpr address_v6() noexcept = default;
  constexpr explicit address_v6(const bytes_type& bytes, scope_id_type scope = 0) noexcept
      : bytes_(bytes), scope_id_(scope) {}

  constexpr bytes_type to_bytes() const noexcept { return bytes_; }
  constexpr scope_id_type scope_id() const noexcept { return scope_id_; }
  constexpr void scope_id(scope_id_type id) noexcept { scope_id_ = id; }
  constexpr bool is_unspecified() const noexcept { return *this == any(); }
  constexpr bool is_loopback() const noexcept { return *this == loopback(); }
  std::string to_string() const;

  static constexpr address_v6 any() noexcept { return address_v6(); }
  static constexpr address_v6 loopback() noexcept {
    bytes_type b{};
    b[15] = 1;
    return address_v6(b);
  }

  friend constexpr bool operator==(const address_v6& a, const address_v6& b) noexcept {
    return a.bytes_ == b.bytes_ && a.scope_id_ == b.scope_id_;
  }
  friend constexpr auto operator<=>(const address_v6& a, const address_v6& b) noexcept {
    if (auto c = a.bytes_ <=> b.bytes_; c != 0) return c;
    return a.scope_id_ <=> b.scope_id_;
  }

 private:
  bytes_type bytes_{};
  scope_id_type scope_id_ = 0;
};

class address {
 public:
  constexpr address() noexcept = default;
  constexpr address(const address_v4& a) noexcept : v4_(a) {}
  constexpr address(const address_v6& a) noexcept : is_v6_(true), v6_(a) {}

  constexpr bool is_v4() const noexcept { return !is_v6_; }
  constexpr bool is_v6() const noexcept { return is_v6_; }
  address_v4 to_v4() const;
  address_v6 to_v6() const;
  constexpr bool is_unspecified() const noexcept { return is_v6_ ? v6_.is_unspecified() : v4_.is_unspecified(); }
  constexpr bool is_loopback() const noexcept { return is_v6_ ? v6_.is_loopback() : v4_.is_loopback(); }
  std::string to_string() const { return is_v6_ ? v6_.to_string() : v4_.to_string(); }

  friend constexpr bool operator==(const address& a, const address& b) noexcept {
    return a.is_v6_ == b.is_v6_ && (a.is_v6_ ? a.v6_ == b.v6_ : a.v4_ == b.v4_);
  }
  friend constexpr bool operator<(const address& a, const address& b) noexcept {
    if (a.is_v6_ != b.is_v6_) return !a.is_v6_;
    return a.is_v6_ ? a.v6_ < b.v6_ : a.v4_ < b.v4_;
  }

 private:
  bool is_v6_ = false;
  address_v4 v4_;
  address_v6 v6_;
};

address_v4 make_address_v4(const char* str, error_code& ec) noexcept;
address_v4 make_address_v4(const char* str);
address_v6 make_address_v6(const char* str, error_code& ec) noexcept;
address_v6 make_address_v6(const char* str);
address make_address(const char* str, error_code& ec) noexcept;
address make_address(const char* str);
inline address make_address(const std::string& str) { return make_address(str.c_str()); }
inline address make_address(const std::string& str, error_code& ec) noexcept { return make_address(str.c_str(), ec); }

std::ostream& operator<<(std::ostream& os, const address_v4& a);
std::ostream& operator<<(std::ostream& os, const address_v6& a);
std::ostream& operator<<(std::ostream& os, const address& a);

}  // namespace refnet::ip
