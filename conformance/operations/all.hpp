// The operation lists rules select from. Each list is derived from the descriptors' own
// `completes` values (and from may_invoke_handler_inline), so a descriptor is listed correctly
// by construction; the static_asserts at the end pin the lists down.
#pragma once

#include <type_traits>

#include "conformance/operations/async_compose.hpp"
#include "conformance/operations/async_read.hpp"
#include "conformance/operations/async_read_until.hpp"
#include "conformance/operations/async_write.hpp"
#include "conformance/operations/channel.hpp"
#include "conformance/operations/co_spawn.hpp"
#include "conformance/operations/local_stream_socket.hpp"
#include "conformance/operations/operation.hpp"
#include "conformance/operations/posix_stream_descriptor.hpp"
#include "conformance/operations/post_dispatch_defer.hpp"
#include "conformance/operations/signal_set_async_wait.hpp"
#include "conformance/operations/steady_timer_async_wait.hpp"
#include "conformance/operations/tcp_async_accept.hpp"
#include "conformance/operations/tcp_async_connect.hpp"
#include "conformance/operations/tcp_async_read_some.hpp"
#include "conformance/operations/tcp_async_wait.hpp"
#include "conformance/operations/tcp_async_write_some.hpp"
#include "conformance/operations/tcp_resolver.hpp"
#include "conformance/operations/udp.hpp"

// A target's own descriptors (docs/adapters.md): conformance_target(operations = "x.hpp")
// defines this to the header, which declares conformance::target_operations::all.
#ifdef CONFORMANCE_TARGET_OPERATIONS
#include CONFORMANCE_TARGET_OPERATIONS
#endif

namespace conformance::operations {

using conformance::concatenated_t;
using conformance::selected_t;

namespace detail {

template <completion Value>
struct completes_as {
  template <class Op>
  using test = std::bool_constant<Op::completes == Value>;
};

template <class Op>
using never_inline = std::bool_constant<!handler_may_run_inline<Op>()>;

template <class Op>
using completing_by_itself = std::bool_constant<Op::completes != completion::never>;

template <class Op>
using outstanding_until_cancelled = std::bool_constant<Op::completes == completion::never>;

template <class Op>
using is_composed = std::bool_constant<is_composed_operation<Op>()>;

template <class Op>
using on_chosen_executor = std::bool_constant<runs_on_chosen_executor<Op>()>;

template <class Op>
using on_rules_context = std::bool_constant<!drives_own_context<Op>()>;

}  // namespace detail


// The descriptors of List that can be built on a chosen I/O executor (instance_on).
template <class List>
using runs_on_chosen_executor_t = selected_t<detail::on_chosen_executor, List>;

// post, dispatch and defer in all three forms; each completes with void().
using submissions = concatenated_t<post_forms, dispatch_forms, defer_forms>;

// The suite's own descriptors of operations on I/O objects that complete by themselves, and of
// operations that stay outstanding until cancelled (cancel() on the instance) or stopped.
using bundled_io_operations = operation_list<steady_timer_async_wait, tcp_async_read_some_closed_socket,
                                             tcp_async_connect_listener, tcp_async_connect_refused,
                                             tcp_async_connect_range, tcp_async_connect_iterators,
                                             tcp_async_read_some_connected, tcp_async_write_some_connected,
                                             async_write_connected, async_read_composed, async_write_composed,
                                             tcp_async_accept_connecting, tcp_async_accept_already_open,
                                             tcp_async_wait_readable, tcp_async_wait_writable, async_read_until_delimiter,
                                             udp_async_receive_from, udp_async_send_to, local_async_read_some,
                                             local_async_write_some, posix_stream_descriptor_async_read_some,
                                             signal_set_async_wait_raised, tcp_resolver_async_resolve_numeric>;
// Operations of facilities only some libraries have (capabilities.hpp).
#if CONFORMANCE_HAS_ASYNC_COMPOSE
using composition_operations = operation_list<async_compose_two_timer_steps>;
#else
using composition_operations = operation_list<>;
#endif
#if CONFORMANCE_HAS_CO_SPAWN
using coroutine_operations = operation_list<co_spawn_timer_wait>;
#else
using coroutine_operations = operation_list<>;
#endif
#if CONFORMANCE_HAS_CHANNELS
using channel_operations = operation_list<channel_async_receive>;
#else
using channel_operations = operation_list<>;
#endif
#if CONFORMANCE_HAS_THREAD_POOL
using own_pool_operations = operation_list<steady_timer_async_wait_own_pool, steady_timer_async_wait_own_pool_strand>;
#else
using own_pool_operations = operation_list<>;
#endif
using optional_operations =
    concatenated_t<composition_operations, coroutine_operations, channel_operations, own_pool_operations>;

using bundled_pending = operation_list<steady_timer_async_wait_pending, tcp_async_read_some_pending,
                                       tcp_async_accept_pending, tcp_async_wait_pending, udp_async_receive_from_pending,
                                       posix_stream_descriptor_async_read_some_pending, signal_set_async_wait_pending>;

// The target's own descriptors, if its binding brings any.
#ifdef CONFORMANCE_TARGET_OPERATIONS
using target_own = ::conformance::target_operations::all;
#else
using target_own = operation_list<>;
#endif

// Asynchronous operations on I/O objects that complete by themselves.
using io_operations = concatenated_t<bundled_io_operations, optional_operations,
                                    selected_t<detail::completing_by_itself, target_own>>;

// Operations that stay outstanding until cancelled or stopped: for the non-blocking rule, work
// tracking while outstanding, and cancellation.
using pending = concatenated_t<bundled_pending, selected_t<detail::outstanding_until_cancelled, target_own>>;

// Every descriptor that completes on its own once started and the context runs.
using all_completing = concatenated_t<submissions, io_operations>;

// The completing ones whose I/O objects the rules' io_context runs (none of their own:
// operation.hpp's join()), so that their handlers with no executor of their own run on it.
using completing_on_rules_context = selected_t<detail::on_rules_context, all_completing>;

// Everything, pending ones included.
using all = concatenated_t<all_completing, pending>;

using completing_later = selected_t<detail::completes_as<completion::later>::test, all_completing>;
using completing_immediately = selected_t<detail::completes_as<completion::immediately>::test, all_completing>;
// Includes the dispatch forms; use never_invoked_inline to leave them out.
using may_complete_immediately = selected_t<detail::completes_as<completion::may_be_immediate>::test, all_completing>;

// Completing operations whose handler must never run inside the initiating function
// ([async.reqmts.async.completion]): all but dispatch.
using never_invoked_inline = selected_t<detail::never_inline, all_completing>;

// Composed operations, whose intermediate handlers carry the final handler's associations.
using composed = selected_t<detail::is_composed, io_operations>;

#if CONFORMANCE_HAS_CANCELLATION
// Pending operations that support per-operation cancellation through the handler's associated
// cancellation slot (terminal, partial and total, as Asio documents for timers and sockets).
// A target's own pending operations are not assumed to be cancellable.
using cancellable = bundled_pending;
#endif

namespace detail {

template <class List>
struct all_descriptors;

template <class... Ops>
struct all_descriptors<operation_list<Ops...>> : std::bool_constant<(descriptor<Ops> && ...)> {};

}  // namespace detail

static_assert(detail::all_descriptors<all>::value, "every listed operation meets the descriptor contract");
static_assert(std::is_same_v<selected_t<detail::completes_as<completion::immediately>::test, bundled_io_operations>,
                             operation_list<tcp_async_read_some_closed_socket, tcp_async_accept_already_open>>);
static_assert(std::is_same_v<selected_t<detail::completes_as<completion::may_be_immediate>::test,
                                        concatenated_t<submissions, bundled_io_operations>>,
                             concatenated_t<dispatch_forms, operation_list<tcp_async_write_some_connected,
                                                                           async_write_connected, udp_async_send_to,
                                                                           local_async_write_some,
                                                                           tcp_resolver_async_resolve_numeric>>>);
static_assert(std::is_same_v<selected_t<detail::completes_as<completion::never>::test, all>, pending>);

}  // namespace conformance::operations
