// The Python side of every symbol, as the generated module exposes it. Names and types come
// from targets/common (python_names, python_api), the same tables cffi, cpython and pyi use, so
// the docs cannot drift from the bindings.
#pragma once

#include <string>
#include <unordered_set>

#include "compiler/ir.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::docs {

/// The Python spelling of a module-level Go name (function, const, var).
std::string py_module_name(std::string_view go_name, py::Case c);

/// "def Add(a: int, b: int) -> int" (methods take `self`).
std::string py_func(const ir::Func& f, py::Case c);
std::string py_interface_method(const ir::InterfaceMethod& m, py::Case c);
/// How the generated module exposes a type (targets/common/ABI.md, "What Python sees"):
/// a struct is a class constructed from its fields (missing ones take Go's zero value);
/// an interface a protocol any object with its methods satisfies; a named integer type with
/// constants an `enum.IntEnum`; a named type with methods a class; any other an alias.
/// `const_types` holds every type some constant of the module is declared with.
std::string py_type(const ir::TypeDecl& t, const std::unordered_set<const ir::TypeDecl*>& const_types, py::Case c);
/// "X: float": a property of the struct's class.
std::string py_field(const ir::Field& f, py::Case c);
/// "MaxPoints: Final[int]".
std::string py_const(const ir::Const& c, py::Case cs);
/// "Verbose: bool".
std::string py_var(const ir::Var& v, py::Case c);

}  // namespace gpic::docs
