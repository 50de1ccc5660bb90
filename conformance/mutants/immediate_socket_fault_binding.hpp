// Binding of every mutant whose fault is in what async_read_some's initiation object and the
// handler it hands on carry (mutant()'s kit_fault "immediate_socket:<fault>", base asio-1.30):
// the base library with ip::tcp::socket replaced by the socket of
// kit/immediate/faulty_immediate_socket.hpp with the behaviour CONFORMANCE_IMMEDIATE_SOCKET_FAULT;
// the rest of ip::tcp (endpoint, acceptor, v4()) and of ip is the base's.
#pragma once

#include "conformance/mutants/kit/immediate/base.hpp"
#include "conformance/mutants/kit/immediate/faulty_immediate_socket.hpp"

#define CONFORMANCE_IMMEDIATE_SOCKET_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_IMMEDIATE_SOCKET_FAULT_NAME(fault) CONFORMANCE_IMMEDIATE_SOCKET_FAULT_NAME_OF(fault)

namespace conformance::mutants::immediate_socket_fault::ip {
using namespace ::asio::ip;
struct tcp : ::asio::ip::tcp {
  using socket = kit::faulty_immediate_socket<kit::immediate_socket_faults::CONFORMANCE_IMMEDIATE_SOCKET_FAULT>;
};
}  // namespace conformance::mutants::immediate_socket_fault::ip

CONFORMANCE_IMMEDIATE_MUTANT_BINDING(
    immediate_socket_fault,
    "whose ip::tcp::socket::async_read_some has the fault "
    "kit::immediate_socket_faults::" CONFORMANCE_IMMEDIATE_SOCKET_FAULT_NAME(CONFORMANCE_IMMEDIATE_SOCKET_FAULT))
