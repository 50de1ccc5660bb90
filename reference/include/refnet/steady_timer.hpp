// [timer.waitable] steady_timer, system_timer, high_resolution_timer.
#pragma once

#include <chrono>

#include "refnet/basic_waitable_timer.hpp"

namespace refnet {

using steady_timer = basic_waitable_timer<std::chrono::steady_clock>;
using system_timer = basic_waitable_timer<std::chrono::system_clock>;
using high_resolution_timer = basic_waitable_timer<std::chrono::high_resolution_clock>;

}  // namespace refnet
