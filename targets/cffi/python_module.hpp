// Emits the Python package of the cffi target: <module>/__init__.py.
#pragma once

#include <string>

#include "compiler/ir.hpp"
#include "targets/cffi/calls.hpp"
#include "targets/target.hpp"

namespace gpic::cffi {

/// The module's Python source: one function per Go function (docstring'd, with argument
/// errors that name the parameter), constants, variables and the package's Error class.
std::string emit_python_module(const ir::Module& m, const abi::Plan& plan, const Calls& calls, const Options& options);

}  // namespace gpic::cffi
