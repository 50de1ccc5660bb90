// Minimal JSON text output for the rule binaries' machine-readable lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conformance {

std::string json_quote(std::string_view text);
std::string json_array(const std::vector<std::string>& items);

}  // namespace conformance
