// Emits the C++ function for one call across the ABI (a py::Call: the same calls, names and
// messages as the cffi target): bind the arguments, convert them, call the Go export with the
// GIL released, turn a failed status into the exception, convert the results.
#pragma once

#include <string>

#include "targets/common/python_calls.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/cpython/codecs.hpp"

namespace gpic::cpython {

/// How Python reaches the function.
enum class Shape {
  Function,     // a module function (METH_FASTCALL | METH_KEYWORDS)
  Method,       // a method descriptor on a class: `self` holds the receiver's handle
  Constructor,  // the class's __init__: every field optional, Go's zero value when left out
  Getter,       // a field (getset descriptor), read
  Setter,       // a field, written
  AsyncStart,        // an awaitable call's start (targets/common/awaitables.hpp), a module function
  AsyncStartMethod,  // the same for a method: a method descriptor
};

/// The C++ variable that holds a declared type's Python class at run time ("cls_Point").
std::string class_var(const ir::TypeDecl& d);
/// The C++ variable holding class `d` of the other bound module `module` (a joint build).
std::string imported_class_var(const std::string& module, const ir::TypeDecl& d);
/// The C++ variable holding the class of a Handle result: this module's, or another's.
std::string class_var_of(const abi::Lowering& l);

/// The docstring of a function or method as CPython stores it: the signature inspect reads,
/// then the doc text (the cffi target's docstring).
std::string function_doc(const py::Call& c, Shape shape);

/// The Python literal of a constructor argument's default (Go's zero value, as cffi has it).
std::string zero_literal(const abi::Lowering& l);

void emit_function(CodeWriter& w, const py::Call& c, Shape shape, const std::string& c_name, Codecs& codecs);

}  // namespace gpic::cpython
