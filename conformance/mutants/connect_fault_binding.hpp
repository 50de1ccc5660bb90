// Binding of every mutant whose fault is in basic_socket::async_connect
// (mutant()'s kit_fault "connect:<fault>"): the base library with
// ip::tcp::socket replaced by the socket of
// kit/socket/faulty_connect_socket.hpp with the behaviour
// CONFORMANCE_CONNECT_FAULT; the rest of ip::tcp (endpoint, acceptor, v4()) and
// of ip is the base's.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/socket/faulty_connect_socket.hpp"

#define CONFORMANCE_CONNECT_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_CONNECT_FAULT_NAME(fault) CONFORMANCE_CONNECT_FAULT_NAME_OF(fault)

namespace conformance::mutants::connect_fault::ip {
using namespace ::conformance::kit::lib::ip;
struct tcp : ::conformance::kit::lib::ip::tcp {
  using socket = kit::faulty_connect_socket<kit::connect_faults::CONFORMANCE_CONNECT_FAULT>;
};
}  // namespace conformance::mutants::connect_fault::ip

CONFORMANCE_MUTANT_BINDING(
    connect_fault,
    "whose ip::tcp::socket::async_connect has the fault kit::connect_faults::" CONFORMANCE_CONNECT_FAULT_NAME(
        CONFORMANCE_CONNECT_FAULT))
