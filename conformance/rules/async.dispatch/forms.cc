// rule:   async.dispatch/token-form-signature-is-void
// rule:   async.dispatch/token-form-submits-by-dispatch-to-handler-executor
// rule:   async.dispatch/token-form-returns-token-result
// rule:   async.dispatch/executor-form-signature-is-void
// rule:   async.dispatch/executor-form-dispatches-wrapper-holding-handler-work
// rule:   async.dispatch/executor-form-returns-token-result
// rule:   async.dispatch/executor-form-only-for-executors
// rule:   async.dispatch/context-form-signature-is-void
// rule:   async.dispatch/context-form-submits-through-context-executor
// rule:   async.dispatch/context-form-only-for-execution-contexts
// clause: [async.dispatch] p2-p4 (dispatch(token)), p5-p8 (dispatch(ex, token)), p9-p11 (dispatch(ctx, token))
// Each form of dispatch paragraph by paragraph (checks/submission_function_checks.hpp): the
// signature it names to the token's async_result, the executor it submits to, through which
// member and with which allocator, the work it holds on the handler's executor, what it returns,
// and the overloads it takes part in.
#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/submission_function_checks.hpp"
#include "conformance/operations/post_dispatch_defer.hpp"

namespace conformance {
namespace {

using namespace checks;
using function = operations::detail::dispatch_function;
using token_form = operation_list<operations::dispatch_to_associated_executor>;
using executor_form = operation_list<operations::dispatch_to_executor>;
using context_form = operation_list<operations::dispatch_to_context>;

CONFORMANCE_RULE("async.dispatch/token-form-signature-is-void", token_form,
                 [](auto form) { check_signature_is_void<decltype(form)>(); });
CONFORMANCE_RULE_MATRIX("async.dispatch/token-form-submits-by-dispatch-to-handler-executor", token_form,
                        handler_executors::library_recording, [](auto, auto ex2) {
                          check_token_form_submission<function, typename decltype(ex2)::type>();
                        });
CONFORMANCE_RULE("async.dispatch/token-form-returns-token-result", token_form,
                 [](auto form) { check_returns_token_result<decltype(form)>(); });

CONFORMANCE_RULE("async.dispatch/executor-form-signature-is-void", executor_form,
                 [](auto form) { check_signature_is_void<decltype(form)>(); });
CONFORMANCE_RULE_MATRIX("async.dispatch/executor-form-dispatches-wrapper-holding-handler-work", recording_submission_targets,
                        handler_executors::library_recording, [](auto ex, auto ex2) {
                          check_executor_form_submission<function, typename decltype(ex)::fixture,
                                                         typename decltype(ex2)::type>();
                        });
CONFORMANCE_RULE("async.dispatch/executor-form-returns-token-result", executor_form,
                 [](auto form) { check_returns_token_result<decltype(form)>(); });
CONFORMANCE_RULE("async.dispatch/executor-form-only-for-executors", executor_form,
                 [](auto) { check_executor_form_constrained<function>(); });

CONFORMANCE_RULE("async.dispatch/context-form-signature-is-void", context_form,
                 [](auto form) { check_signature_is_void<decltype(form)>(); });
CONFORMANCE_RULE_MATRIX("async.dispatch/context-form-submits-through-context-executor", context_form,
                        handler_executors::library_recording, [](auto, auto executor) {
                          check_context_form_uses_its_executor<function, typename decltype(executor)::type>();
                        });
CONFORMANCE_RULE("async.dispatch/context-form-only-for-execution-contexts", context_form,
                 [](auto) { check_context_form_constrained<function>(); });

}  // namespace
}  // namespace conformance
