// Whether a Python module name would shadow one of Python's own (`uuid`, `math`, `stat`): a
// bound package named so hides the standard module, or is hidden by it, depending on sys.path.
#pragma once

#include <string>

namespace gpic {

/// Asks python3 for sys.stdlib_module_names (PyPy shares the list). False when it cannot say.
bool is_python_stdlib_module(const std::string& name);

}  // namespace gpic
