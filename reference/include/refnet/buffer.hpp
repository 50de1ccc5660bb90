// [buffer] mutable_buffer, const_buffer, buffer(), buffer_size().
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace refnet {

class mutable_buffer {
 public:
  mutable_buffer() noexcept = default;
  mutable_buffer(void* data, std::size_t size) noexcept : data_(data), size_(size) {}

  void* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

  // Drops the first n bytes (all of them if n exceeds the size).
  mutable_buffer& operator+=(std::size_t n) noexcept {
    const std::size_t offset = n < size_ ? n : size_;
    data_ = static_cast<char*>(data_) + offset;
    size_ -= offset;
    return *this;
  }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

class const_buffer {
 public:
  const_buffer() noexcept = default;
  const_buffer(const void* data, std::size_t size) noexcept : data_(data), size_(size) {}
  const_buffer(const mutable_buffer& b) noexcept : data_(b.data()), size_(b.size()) {}

  const void* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

  const_buffer& operator+=(std::size_t n) noexcept {
    const std::size_t offset = n < size_ ? n : size_;
    data_ = static_cast<const char*>(data_) + offset;
    size_ -= offset;
    return *this;
  }

 private:
  const void* data_ = nullptr;
  std::size_t size_ = 0;
};

inline mutable_buffer operator+(const mutable_buffer& b, std::size_t n) noexcept {
  mutable_buffer r(b);
  return r += n;
}
inline mutable_buffer operator+(std::size_t n, const mutable_buffer& b) noexcept { return b + n; }
inline const_buffer operator+(const const_buffer& b, std::size_t n) noexcept {
  const_buffer r(b);
  return r += n;
}
inline const_buffer operator+(std::size_t n, const const_buffer& b) noexcept { return b + n; }

inline std::size_t buffer_size(const mutable_buffer& b) noexcept { return b.size(); }
inline std::size_t buffer_size(const const_buffer& b) noexcept { return b.size(); }

inline const mutable_buffer* buffer_sequence_begin(const mutable_buffer& b) noexcept { return &b; }
inline const mutable_buffer* buffer_sequence_end(const mutable_buffer& b) noexcept { return &b + 1; }
inline const const_buffer* buffer_sequence_begin(const const_buffer& b) noexcept { return &b; }
inline const const_buffer* buffer_sequence_end(const const_buffer& b) noexcept { return &b + 1; }

inline mutable_buffer buffer(const mutable_buffer& b) noexcept { return b; }
inline mutable_buffer buffer(const mutable_buffer& b, std::size_t n) noexcept {
  return mutable_buffer(b.data(), b.size() < n ? b.size() : n);
}
inline const_buffer buffer(const const_buffer& b) noexcept { return b; }
inline const_buffer buffer(const const_buffer& b, std::size_t n) noexcept {
  return const_buffer(b.data(), b.size() < n ? b.size() : n);
}

inline mutable_buffer buffer(void* data, std::size_t size) noexcept { return mutable_buffer(data, size); }
inline const_buffer buffer(const void* data, std::size_t size) noexcept { return const_buffer(data, size); }

template <class T, std::size_t N>
mutable_buffer buffer(T (&data)[N]) noexcept {
  return mutable_buffer(data, N * sizeof(T));
}
template <class T, std::size_t N>
const_buffer buffer(const T (&data)[N]) noexcept {
  return const_buffer(data, N * sizeof(T));
}
template <class T, std::size_t N>
mutable_buffer buffer(std::array<T, N>& data) noexcept {
  return mutable_buffer(data.data(), N * sizeof(T));
}
template <class T, std::size_t N>
const_buffer buffer(const std::array<T, N>& data) noexcept {
  return const_buffer(data.data(), N * sizeof(T));
}
template <class T, class Allocator>
mutable_buffer buffer(std::vector<T, Allocator>& data) noexcept {
  return mutable_buffer(data.data(), data.size() * sizeof(T));
}
template <class T, class Allocator>
const_buffer buffer(const std::vector<T, Allocator>& data) noexcept {
  return const_buffer(data.data(), data.size() * sizeof(T));
}
template <class CharT, class Traits, class Allocator>
mutable_buffer buffer(std::basic_string<CharT, Traits, Allocator>& data) noexcept {
  return mutable_buffer(data.data(), data.size() * sizeof(CharT));
}
template <class CharT, class Traits, class Allocator>
const_buffer buffer(const std::basic_string<CharT, Traits, Allocator>& data) noexcept {
  return const_buffer(data.data(), data.size() * sizeof(CharT));
}
template <class CharT, class Traits>
const_buffer buffer(std::basic_string_view<CharT, Traits> data) noexcept {
  return const_buffer(data.data(), data.size() * sizeof(CharT));
}

// Size-limited forms: at most n bytes of the container.
template <class T, std::size_t N>
mutable_buffer buffer(T (&data)[N], std::size_t n) noexcept {
  return buffer(buffer(data), n);
}
template <class T, std::size_t N>
const_buffer buffer(const T (&data)[N], std::size_t n) noexcept {
  return buffer(buffer(data), n);
}
template <class T, class Allocator>
mutable_buffer buffer(std::vector<T, Allocator>& data, std::size_t n) noexcept {
  return buffer(buffer(data), n);
}
template <class T, class Allocator>
const_buffer buffer(const std::vector<T, Allocator>& data, std::size_t n) noexcept {
  return buffer(buffer(data), n);
}
template <class CharT, class Traits, class Allocator>
mutable_buffer buffer(std::basic_string<CharT, Traits, Allocator>& data, std::size_t n) noexcept {
  return buffer(buffer(data), n);
}
template <class CharT, class Traits, class Allocator>
const_buffer buffer(const std::basic_string<CharT, Traits, Allocator>& data, std::size_t n) noexcept {
  return buffer(buffer(data), n);
}

}  // namespace refnet
