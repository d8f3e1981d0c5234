// Emits the C++ source of the extension module: a function per call across the ABI (module
// functions, methods, fields, constructors, accessors), their tables and docstrings, and the
// module's initialisation (PYBIND11_MODULE), which runs the Python definitions
// (python_writer.hpp) and attaches the C++ members to the classes they define.
#pragma once

#include <string>

#include "compiler/ir.hpp"
#include "targets/common/python_calls.hpp"
#include "targets/cpython/codecs.hpp"
#include "targets/target.hpp"

namespace gpic::cpython {

struct ModuleSources {
  std::string cpp;        // <module>.cpp
  std::string python;     // <module>_python.hpp: the Python definitions, as C++ raw strings
};

ModuleSources emit_module(const ir::Module& m, const abi::Plan& plan, const py::Calls& calls, const Options& options);

/// A C++ raw string literal holding `text`, with a delimiter that does not occur in it.
std::string raw_string(const std::string& text, const std::string& delimiter);

}  // namespace gpic::cpython
