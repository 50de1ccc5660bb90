// What conformance_target() would generate for these test bindings.
#pragma once

#define CONFORMANCE_TARGET_NAME "contract-version-test"
