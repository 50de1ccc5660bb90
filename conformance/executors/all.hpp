// The executor subjects rules are applied to: a target's own (conformance_executor(),
// docs/adapters.md), or else every executor its library has that the binding declares.
#pragma once

#include <type_traits>

#include "conformance/executors/any_io_executor.hpp"
#include "conformance/executors/io_context_executor.hpp"
#include "conformance/executors/polymorphic_executor.hpp"
#include "conformance/executors/strand_executor.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/executors/system_executor.hpp"
#include "conformance/executors/thread_pool_executor.hpp"
#include "conformance/harness/operation_list.hpp"

// conformance_executor(subjects = "x.hpp") defines this to the header, which declares
// conformance::target_executors::all.
#ifdef CONFORMANCE_TARGET_EXECUTORS
#include CONFORMANCE_TARGET_EXECUTORS
#endif

namespace conformance::executors {

#if CONFORMANCE_HAS_TS_EXECUTORS
using polymorphic_if_declared = operation_list<polymorphic_executor>;
#else
using polymorphic_if_declared = operation_list<>;
#endif
#if CONFORMANCE_HAS_THREAD_POOL
using thread_pool_if_declared = operation_list<thread_pool_executor>;
#else
using thread_pool_if_declared = operation_list<>;
#endif
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
using any_io_executor_if_declared = operation_list<any_io_executor>;
#else
using any_io_executor_if_declared = operation_list<>;
#endif

// The library's own executors.
using bundled = concatenated_t<operation_list<io_context_executor, strand_executor, system_executor>,
                               polymorphic_if_declared, thread_pool_if_declared, any_io_executor_if_declared>;

#ifdef CONFORMANCE_TARGET_EXECUTORS
using all = conformance::target_executors::all;
#else
using all = bundled;
#endif

namespace detail {
template <class Subject>
using has_ts_members = std::bool_constant<Subject::traits.ts_members>;
template <class Subject>
using counting_work = std::bool_constant<Subject::traits.ts_members && counts_work<typename Subject::instance>>;
template <class Subject>
using owning_context = std::bool_constant<Subject::traits.ts_members && Subject::traits.instance_owns_context>;
template <class Subject>
using shutting_down = std::bool_constant<Subject::traits.ts_members && can_shut_down<typename Subject::instance>>;
}  // namespace detail

// Subjects with the TS Executor members, which the rules of [async.reqmts.executor] need.
using ts_style = selected_t<detail::has_ts_members, all>;
// Of those, the ones whose executors count work (their instance has run()): the rules about
// on_work_started and on_work_finished, and about work guards, mean something only for them.
using ts_counting_work = selected_t<detail::counting_work, all>;
// Of those, the ones whose instance owns (and so destroys) its context.
using ts_owning_context = selected_t<detail::owning_context, all>;
// Of those, the ones whose instance can shut its context down (shutdown_context()).
using ts_shutting_down = selected_t<detail::shutting_down, all>;

}  // namespace conformance::executors
