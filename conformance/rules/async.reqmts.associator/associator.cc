// rule:   async.reqmts.associator/candidate-defaults-to-default-candidate
// rule:   async.reqmts.associator/table-expressions-for-const-and-non-const
// rule:   async.reqmts.associator/type-without-candidate-is-type-with-default
// rule:   async.reqmts.associator/type-is-associated-type
// rule:   async.reqmts.associator/get-without-candidate-is-get-with-default
// rule:   async.reqmts.associator/get-returns-associated-object
// rule:   async.reqmts.associator/program-may-specialise
// rule:   async.reqmts.associator/alias-and-get-function
// clause: [async.reqmts.associator] p2-p5 and its table
// What every associator of the library (associated_executor, associated_allocator) must meet:
// a class template over (S, C = D), the four expressions of the table for a source s and a
// candidate c, const or not, a primary template a program can specialise for its own source
// type, and X_t and get_X beside it.
#include <concepts>
#include <string>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/associator_subjects.hpp"

namespace conformance {
namespace {

using binder_targets::plain;

// Whether a get's return type is the associated type: exactly, as the TS and Asio 1.22 declare
// it; decayed under Asio 1.26 and later, whose associators document get() (and get_X(s, c)) as
// returning decltype(auto), a reference to the candidate when that is what they return.
template <class Returned, class Associated>
bool returns_associated_type() {
  const std::string& edition = judged_edition();
  if (edition == "ts-n4771" || edition == "asio-1.22") {
    return std::is_same_v<Returned, Associated>;
  }
  return std::is_same_v<std::decay_t<Returned>, Associated>;
}

// Whether two associated objects are the same one (equal, once of one type).
template <class A, class B>
bool same_object(const A& a, const B& b) {
  if constexpr (std::is_same_v<A, B> && std::equality_comparable<A>) {
    return a == b;
  } else {
    return false;
  }
}

CONFORMANCE_RULE("async.reqmts.associator/candidate-defaults-to-default-candidate", associators::all,
                 [](auto subject) {
                   using X = decltype(subject);
                   EXPECT_TRUE((std::is_same_v<typename X::template with_default<plain>,
                                               typename X::template with_candidate<plain, typename X::default_candidate>>))
                       << "X<S> is not X<S, D>: the candidate argument does not default to the default candidate type";
                 });

CONFORMANCE_RULE("async.reqmts.associator/table-expressions-for-const-and-non-const", associators::all,
                 [](auto subject) {
                   using X = decltype(subject);
                   using S = typename X::own_source;
                   using C = typename X::candidate;
                   EXPECT_TRUE((requires(S& s, const S& cs) {
                     typename X::template with_default<S>::type;
                     X::template with_default<S>::get(s);
                     X::template with_default<S>::get(cs);
                   })) << "X<S>::type or X<S>::get(s) is not valid for a source s, const or not";
                   EXPECT_TRUE((requires(S& s, const S& cs, C& c, const C& cc) {
                     typename X::template with_candidate<S, C>::type;
                     X::template with_candidate<S, C>::get(s, c);
                     X::template with_candidate<S, C>::get(cs, c);
                     X::template with_candidate<S, C>::get(s, cc);
                     X::template with_candidate<S, C>::get(cs, cc);
                   })) << "X<S, C>::type or X<S, C>::get(s, c) is not valid for a source s and a candidate c, const "
                          "or not";
                 });

CONFORMANCE_RULE("async.reqmts.associator/type-without-candidate-is-type-with-default", associators::all,
                 [](auto subject) {
                   using X = decltype(subject);
                   using D = typename X::default_candidate;
                   EXPECT_TRUE((std::is_same_v<typename X::template with_default<plain>::type,
                                               typename X::template with_candidate<plain, D>::type>))
                       << "X<S>::type is not X<S, D>::type for a source without an association of its own";
                   using own = typename X::own_source;
                   EXPECT_TRUE((std::is_same_v<typename X::template with_default<own>::type,
                                               typename X::template with_candidate<own, D>::type>))
                       << "X<S>::type is not X<S, D>::type for a source with an association of its own";
                 });

CONFORMANCE_RULE("async.reqmts.associator/type-is-associated-type", associators::all, [](auto subject) {
  using X = decltype(subject);
  using C = typename X::candidate;
  EXPECT_TRUE((std::is_same_v<typename X::template with_candidate<plain, C>::type, C>))
      << "X<S, C>::type is not C for a source without an association of its own";
  using own = typename X::own_source;
  using own_type = decltype(X::own_object(std::declval<typename X::world&>()));
  EXPECT_TRUE((std::is_same_v<typename X::template with_candidate<own, C>::type, own_type>))
      << "X<S, C>::type is not the source's own associated type";
});

CONFORMANCE_RULE("async.reqmts.associator/get-without-candidate-is-get-with-default", associators::all,
                 [](auto subject) {
                   using X = decltype(subject);
                   typename X::world w;
                   const plain fallback_source{};
                   const auto own_source = X::own_source_object(w);
                   using fallback = typename X::template with_default<plain>;
                   using own = typename X::template with_default<typename X::own_source>;
                   EXPECT_TRUE((returns_associated_type<decltype(fallback::get(fallback_source)), typename fallback::type>()))
                       << "X<S>::get(s) is not of type X<S>::type";
                   if constexpr (requires { fallback::get(fallback_source, X::default_object()); }) {
                     EXPECT_TRUE(same_object(fallback::get(fallback_source),
                                             fallback::get(fallback_source, X::default_object())))
                         << "X<S>::get(s) is not X<S>::get(s, d) for a source without an association of its own";
                     EXPECT_TRUE(same_object(own::get(own_source), own::get(own_source, X::default_object())))
                         << "X<S>::get(s) is not X<S>::get(s, d) for a source with an association of its own";
                   } else {
                     ADD_FAILURE() << "X<S>::get(s, d) is not valid for the default candidate d: X<S> is not X<S, D>";
                   }
                 });

CONFORMANCE_RULE("async.reqmts.associator/get-returns-associated-object", associators::all, [](auto subject) {
  using X = decltype(subject);
  using C = typename X::candidate;
  typename X::world w;
  const C c = X::candidate_object(w);
  using fallback = typename X::template with_candidate<plain, C>;
  using own = typename X::template with_candidate<typename X::own_source, C>;
  EXPECT_TRUE((returns_associated_type<decltype(fallback::get(plain{}, c)), typename fallback::type>()))
      << "X<S, C>::get(s, c) is not of type X<S, C>::type";
  EXPECT_TRUE(same_object(fallback::get(plain{}, c), c))
      << "X<S, C>::get(s, c) is not the candidate c for a source without an association of its own";
  EXPECT_TRUE(same_object(own::get(X::own_source_object(w), c), X::own_object(w)))
      << "X<S, C>::get(s, c) is not the source's own associated object";
});

// A source type of the program's, for which it specialises each associator: the associated
// object is the one the source carries.
template <class Associated>
struct specialised_source {
  Associated associated;
};

}  // namespace
}  // namespace conformance

template <class Associated, class Candidate>
struct conformance::net::associated_executor<conformance::specialised_source<Associated>, Candidate> {
  using type = Associated;
  static type get(const conformance::specialised_source<Associated>& s, const Candidate& = Candidate()) noexcept {
    return s.associated;
  }
};

template <class Associated, class Candidate>
struct conformance::net::associated_allocator<conformance::specialised_source<Associated>, Candidate> {
  using type = Associated;
  static type get(const conformance::specialised_source<Associated>& s, const Candidate& = Candidate()) noexcept {
    return s.associated;
  }
};

namespace conformance {
namespace {

CONFORMANCE_RULE("async.reqmts.associator/program-may-specialise", associators::all, [](auto subject) {
  using X = decltype(subject);
  typename X::world w;
  using own_type = decltype(X::own_object(w));
  const specialised_source<own_type> source{X::own_object(w)};
  EXPECT_TRUE((std::is_same_v<typename X::template alias_with_default<specialised_source<own_type>>, own_type>))
      << "X_t<S> does not use the program's specialisation of X for its own source type";
  EXPECT_TRUE(same_object(X::get_x(source), X::own_object(w)))
      << "get_X(s) does not use the program's specialisation of X for its own source type";
  EXPECT_TRUE(same_object(X::get_x(source, X::candidate_object(w)), X::own_object(w)))
      << "get_X(s, c) does not use the program's specialisation of X<S, C> for its own source type";
});

CONFORMANCE_RULE("async.reqmts.associator/alias-and-get-function", associators::all, [](auto subject) {
  using X = decltype(subject);
  using C = typename X::candidate;
  using own = typename X::own_source;
  typename X::world w;
  EXPECT_TRUE((std::is_same_v<typename X::template alias_with_default<plain>,
                              typename X::template with_default<plain>::type>))
      << "X_t<S> is not X<S>::type";
  EXPECT_TRUE((std::is_same_v<typename X::template alias_with_candidate<own, C>,
                              typename X::template with_candidate<own, C>::type>))
      << "X_t<S, C> is not X<S, C>::type";
  const C c = X::candidate_object(w);
  EXPECT_TRUE(
      (returns_associated_type<decltype(X::get_x(plain{}, c)), typename X::template with_candidate<plain, C>::type>()))
      << "get_X(s, c) is not of type X<S, C>::type";
  EXPECT_TRUE(same_object(X::get_x(plain{}, c), c)) << "get_X(s, c) is not X<S, C>::get(s, c)";
  EXPECT_TRUE(same_object(X::get_x(X::own_source_object(w)), X::own_object(w)))
      << "get_X(s) is not X<S>::get(s) for a source with an association of its own";
  EXPECT_TRUE(same_object(X::get_x(plain{}), X::default_object())) << "get_X(s) is not X<S>::get(s, d)";
});

}  // namespace
}  // namespace conformance
