// Execution contexts with one planted fault each in what the ExecutionContext
// requirements ask of their type ([async.reqmts.executioncontext]), and the
// executor subject that offers one to the executor rules: its executor is the
// io_context executor the context derives from. A mutant declared with
// kit_fault = "context:<fault>" judges its rules on that subject alone
// (context_fault_subjects.hpp); the base library is unchanged.
#pragma once

#include <string_view>

#include "conformance/executors/subject.hpp"
#include "conformance/mutants/kit/faulty_executor.hpp"
#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

// get_executor() returns an executor of another context.
class foreign_executor_context : public lib::io_context {
 public:
  executor_type get_executor() noexcept { return unrelated_context().get_executor(); }
};

// executor_type names a type that is not an executor.
class non_executor_type_context : public lib::io_context {
 public:
  using executor_type = lib::io_context*;
};

// execution_context is a base twice over, so not an unambiguous one.
struct second_context_base : lib::execution_context {};
class ambiguous_base_context : public lib::io_context, public second_context_base {};

template <class Context>
struct faulty_context_subject {
  static constexpr std::string_view name = "faulty-context";
  static constexpr executors::executor_traits traits{};

  class instance {
   public:
    using executor_type = lib::io_context::executor_type;
    executor_type executor() { return as_io_context().get_executor(); }
    Context& context() { return context_; }
    template <class Done>
    bool run_until(Done done) {
      return executors::run_context_until(as_io_context(), done);
    }

   private:
    lib::io_context& as_io_context() { return context_; }
    Context context_;
  };
};

}  // namespace conformance::kit
