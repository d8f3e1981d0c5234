#include "compiler/python_stdlib.hpp"

#include <sstream>

#include "compiler/process.hpp"

namespace gpic {

bool is_python_stdlib_module(const std::string& name) {
  ProcessResult r = run_process({"python3", "-c", "import sys; print('\\n'.join(sorted(sys.stdlib_module_names)))"});
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line == name) return true;
  return false;
}

}  // namespace gpic
