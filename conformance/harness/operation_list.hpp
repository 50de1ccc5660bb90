// operation_list<Ops...>: a list of operation descriptors (or of handler-executor fixtures)
// that a rule is registered for, one case per element.
#pragma once

namespace conformance {

template <class... Operations>
struct operation_list {};

}  // namespace conformance
