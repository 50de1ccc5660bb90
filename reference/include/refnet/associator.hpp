// [async.reqmts.associator] associator: a generic hook letting wrappers forward any associator.
#pragma once

namespace refnet {

// Primary template is empty; wrappers (binders, composed-operation handlers)
// specialise it to forward every associator to the object they wrap.
template <template <class, class> class Associator, class T, class DefaultCandidate>
struct associator {};

namespace detail {

template <template <class, class> class Associator, class T, class Candidate>
concept has_associator = requires { typename associator<Associator, T, Candidate>::type; };

}  // namespace detail
}  // namespace refnet
