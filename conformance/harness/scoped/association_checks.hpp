// What the rules on associated_executor and associated_allocator ([async.assoc.exec],
// [async.assoc.alloc]) ask of an association's get(). A scoped header
// (conformance/harness/scoped/BUILD.bazel).
#pragma once

#include <concepts>
#include <type_traits>

namespace conformance {

// Whether Association::get(t) and get(t, candidate) give one object (of one type once copied,
// comparing equal).
template <class Association, class Source, class Candidate>
bool same_with_and_without_candidate(const Source& source, const Candidate& candidate) {
  if constexpr (requires { Association::get(source, candidate); }) {
    using without = std::decay_t<decltype(Association::get(source))>;
    using with = std::decay_t<decltype(Association::get(source, candidate))>;
    if constexpr (std::is_same_v<without, with> && std::equality_comparable<without>) {
      return Association::get(source) == Association::get(source, candidate);
    }
  }
  return false;
}

}  // namespace conformance
