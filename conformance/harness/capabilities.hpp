// Capabilities a binding may declare (docs/adapters.md). A binding defines the macro to 1
// when its library has the facility; rules that need a facility compile their body only
// under the macro and otherwise report UNSUPPORTED, which the registry's "requires" field
// makes legitimate for that rule alone. Some only add operations to the bundled catalog
// (async_compose, co_spawn, channels): without them those operations are not judged.
#pragma once

#include <string>
#include <vector>

#ifndef CONFORMANCE_HAS_TS_EXECUTORS
#define CONFORMANCE_HAS_TS_EXECUTORS 0
#endif
#ifndef CONFORMANCE_HAS_STANDARD_EXECUTORS
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 0
#endif
#ifndef CONFORMANCE_HAS_CANCELLATION
#define CONFORMANCE_HAS_CANCELLATION 0
#endif
#ifndef CONFORMANCE_HAS_BIND_ALLOCATOR
#define CONFORMANCE_HAS_BIND_ALLOCATOR 0
#endif
#ifndef CONFORMANCE_HAS_IMMEDIATE_EXECUTOR
#define CONFORMANCE_HAS_IMMEDIATE_EXECUTOR 0
#endif
#ifndef CONFORMANCE_HAS_THREAD_POOL
#define CONFORMANCE_HAS_THREAD_POOL 0
#endif
#ifndef CONFORMANCE_HAS_ASYNC_COMPOSE
#define CONFORMANCE_HAS_ASYNC_COMPOSE 0
#endif
#ifndef CONFORMANCE_HAS_CO_SPAWN
#define CONFORMANCE_HAS_CO_SPAWN 0
#endif
#ifndef CONFORMANCE_HAS_CHANNELS
#define CONFORMANCE_HAS_CHANNELS 0
#endif

namespace conformance {

inline std::vector<std::string> declared_capabilities() {
  std::vector<std::string> caps;
  if (CONFORMANCE_HAS_TS_EXECUTORS) caps.push_back("ts_executors");
  if (CONFORMANCE_HAS_STANDARD_EXECUTORS) caps.push_back("standard_executors");
  if (CONFORMANCE_HAS_CANCELLATION) caps.push_back("cancellation");
  if (CONFORMANCE_HAS_BIND_ALLOCATOR) caps.push_back("bind_allocator");
  if (CONFORMANCE_HAS_IMMEDIATE_EXECUTOR) caps.push_back("immediate_executor");
  if (CONFORMANCE_HAS_THREAD_POOL) caps.push_back("thread_pool");
  if (CONFORMANCE_HAS_ASYNC_COMPOSE) caps.push_back("async_compose");
  if (CONFORMANCE_HAS_CO_SPAWN) caps.push_back("co_spawn");
  if (CONFORMANCE_HAS_CHANNELS) caps.push_back("channels");
  return caps;
}

}  // namespace conformance
