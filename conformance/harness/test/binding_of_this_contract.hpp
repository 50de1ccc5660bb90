// The same binding, written for the version of the contract this suite implements.
#pragma once

#include "binding_of_contract_1.hpp"

#define CONFORMANCE_CONTRACT_VERSION 2
