// [cancellation] cancellation_type: the bitmask naming how strong a cancellation request is.
#pragma once

namespace refnet {

enum class cancellation_type : unsigned int {
  none = 0,
  terminal = 1,  // afterwards only closing or destroying the I/O object is safe
  partial = 2,   // side effects may have happened, and are reported
  total = 4,     // no observable side effects
  all = 0xFFFFFFFF
};

using cancellation_type_t = cancellation_type;

constexpr bool operator!(cancellation_type x) noexcept { return static_cast<unsigned int>(x) == 0; }

constexpr cancellation_type operator&(cancellation_type x, cancellation_type y) noexcept {
  return static_cast<cancellation_type>(static_cast<unsigned int>(x) & static_cast<unsigned int>(y));
}

constexpr cancellation_type operator|(cancellation_type x, cancellation_type y) noexcept {
  return static_cast<cancellation_type>(static_cast<unsigned int>(x) | static_cast<unsigned int>(y));
}

constexpr cancellation_type operator^(cancellation_type x, cancellation_type y) noexcept {
  return static_cast<cancellation_type>(static_cast<unsigned int>(x) ^ static_cast<unsigned int>(y));
}

constexpr cancellation_type operator~(cancellation_type x) noexcept {
  return static_cast<cancellation_type>(~static_cast<unsigned int>(x));
}

constexpr cancellation_type& operator&=(cancellation_type& x, cancellation_type y) noexcept { return x = x & y; }
constexpr cancellation_type& operator|=(cancellation_type& x, cancellation_type y) noexcept { return x = x | y; }
constexpr cancellation_type& operator^=(cancellation_type& x, cancellation_type y) noexcept { return x = x ^ y; }

}  // namespace refnet
