// What most rule units include, precompiled once per target (tools/bazel/tolerant_cc_object.bzl)
// and forced into each of its units ahead of their own includes: the binding, GoogleTest, the
// registration macros, the operation descriptors and the executor subjects. Parsing these is
// about a third of an Asio unit's compile; a unit still includes what it uses, so it means the
// same without this header.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/executors/all.hpp"
#include "conformance/executors/facilities.hpp"
#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"
