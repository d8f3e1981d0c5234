#include "compiler/python_stdlib.hpp"

#include <sstream>

#include "compiler/process.hpp"

namespace gpic {

std::vector<std::string> python_stdlib_modules() {
  // Asked once per gpic process: a joint build checks every module's name against it.
  static const std::vector<std::string> modules = [] {
    ProcessResult r = run_process({"python3", "-c", "import sys; print('\\n'.join(sorted(sys.stdlib_module_names)))"});
    std::istringstream lines(r.out);
    std::vector<std::string> out;
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) out.push_back(line);
    return out;
  }();
  return modules;
}

bool is_python_stdlib_module(const std::string& name) {
  for (const std::string& m : python_stdlib_modules())
    if (m == name) return true;
  return false;
}

}  // namespace gpic
