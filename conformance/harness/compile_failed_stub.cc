// Linked instead of a rule translation unit that failed to compile against a target, so the
// rule binary still links, still describes its target, and reports COMPILE_FAIL for that
// unit's rules alone.
#include "conformance/harness/case_registry.hpp"
#include "conformance/harness/target_description.hpp"

namespace {

const bool marked = [] {
  conformance::mark_translation_unit_failed_to_compile();
  return true;
}();

}  // namespace
