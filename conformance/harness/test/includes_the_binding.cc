// Includes a binding the way every rule translation unit does.
#include "conformance/harness/target_description.hpp"
