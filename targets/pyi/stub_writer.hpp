// Emits the .pyi stub of one module: the exception classes, a class, Protocol, IntEnum or
// alias per declared type, a def per function, Final constants and variables, each with the
// doc comments as docstrings. Types come from targets/common/python_api, the one rendering of
// the Python API that the binding targets implement.
#pragma once

#include <string>

#include "compiler/ir.hpp"
#include "targets/target.hpp"

namespace gpic::pyi {

std::string emit_stub(const ir::Module& m, const Options& options);

}  // namespace gpic::pyi
