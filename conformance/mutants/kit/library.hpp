// The library the kit's faulty building blocks are written against, as conformance::kit::lib:
// the base that mutant() in mutants.bzl chooses through the kit library it depends on.
#pragma once

#if defined(CONFORMANCE_MUTANT_ON_REFNET)
#include "conformance/mutants/kit/base/refnet.hpp"
#elif defined(CONFORMANCE_MUTANT_ON_ASIO_1_22)
#include "conformance/mutants/kit/base/asio_1_22.hpp"
#else
#error "the fault-injection kit needs a base library: declare the mutant with mutant() (conformance/mutants/mutants.bzl)"
#endif

// The mutants follow the plug-in contract of the suite they ship with.
#define CONFORMANCE_CONTRACT_VERSION 2
