// [buffer.dynamic.string] dynamic_string_buffer and dynamic_buffer(): a DynamicBuffer over a
// std::string the caller owns (the TS's prepare/commit/consume interface).
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>

#include "refnet/buffer.hpp"

namespace refnet {

template <class CharT, class Traits, class Allocator>
class dynamic_string_buffer {
 public:
  using const_buffers_type = const_buffer;
  using mutable_buffers_type = mutable_buffer;

  explicit dynamic_string_buffer(std::basic_string<CharT, Traits, Allocator>& str,
                                 std::size_t maximum_size = std::numeric_limits<std::size_t>::max()) noexcept
      : string_(&str), size_(str.size()), max_size_(maximum_size) {}

  std::size_t size() const noexcept { return size_; }
  std::size_t max_size() const noexcept { return max_size_; }
  std::size_t capacity() const noexcept { return string_->capacity(); }

  const_buffers_type data() const noexcept { return const_buffer(string_->data(), size_ * sizeof(CharT)); }

  // The writable area of n bytes after the readable ones; throws length_error beyond max_size().
  mutable_buffers_type prepare(std::size_t n) {
    if (n > max_size_ - size_) throw std::length_error("dynamic_string_buffer too large");
    string_->resize(size_ + n);
    return mutable_buffer(string_->data() + size_, n * sizeof(CharT));
  }

  // Moves n bytes (at most those prepared) from the writable area to the readable one.
  void commit(std::size_t n) {
    size_ += std::min(n, string_->size() - size_);
    string_->resize(size_);
  }

  void consume(std::size_t n) {
    const std::size_t count = std::min(n, size_);
    string_->erase(0, count);
    size_ -= count;
  }

 private:
  std::basic_string<CharT, Traits, Allocator>* string_;
  std::size_t size_;
  std::size_t max_size_;
};

template <class CharT, class Traits, class Allocator>
dynamic_string_buffer<CharT, Traits, Allocator> dynamic_buffer(std::basic_string<CharT, Traits, Allocator>& str) noexcept {
  return dynamic_string_buffer<CharT, Traits, Allocator>(str);
}

template <class CharT, class Traits, class Allocator>
dynamic_string_buffer<CharT, Traits, Allocator> dynamic_buffer(std::basic_string<CharT, Traits, Allocator>& str,
                                                               std::size_t maximum_size) noexcept {
  return dynamic_string_buffer<CharT, Traits, Allocator>(str, maximum_size);
}

}  // namespace refnet
