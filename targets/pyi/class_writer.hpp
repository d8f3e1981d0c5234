// Emits the stub of one declared type (see type_view.hpp for which Python shape it takes).
#pragma once

#include "compiler/ir.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::pyi {

void emit_type(CodeWriter& w, const ir::Module& m, const ir::TypeDecl& t, py::Case names);

/// A def with its docstring: "def Add(a: int, b: int) -> int:\n    \"\"\"...\"\"\"\n".
void emit_def(CodeWriter& w, const std::string& python_name, const ir::Func& f, bool method);

}  // namespace gpic::pyi
