// Whether a Python module name would shadow one of Python's own (`uuid`, `math`, `stat`): a
// bound package named so hides the standard module, or is hidden by it, depending on sys.path.
#pragma once

#include <string>
#include <vector>

namespace gpic {

/// Asks python3 for sys.stdlib_module_names (PyPy shares the list). False when it cannot say.
bool is_python_stdlib_module(const std::string& name);

/// sys.stdlib_module_names, sorted; empty when python3 cannot say.
std::vector<std::string> python_stdlib_modules();

}  // namespace gpic
