// Emits the stub of one declared type (see type_view.hpp for which Python shape it takes), and
// of a def.
#pragma once

#include <set>
#include <string>

#include "compiler/ir.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/common/python_names.hpp"
#include "targets/pyi/type_view.hpp"

namespace gpic::pyi {

/// What the stub's writers share.
struct StubContext {
  const ir::Module& m;
  py::Case names;
  std::set<std::string> type_names;    // the module's declared types, as Python names them
  /// Types an annotation inside a class must reach through a module-level alias, because a
  /// member of that class has the type's name (`class Bag: Shape: Shape`): "_gpyi_Shape".
  std::set<std::string> aliased;
  EnumIndex enums;                     // each integer type's IntEnum members
};

/// The module-level alias of a type a class member's name hides.
std::string hidden_type_alias(const std::string& type_name);

void emit_type(CodeWriter& w, StubContext& ctx, const ir::TypeDecl& t);

/// A def with its docstring: "def Add(a: int, b: int) -> int:\n    \"\"\"...\"\"\"\n";
/// `awaitable`: its awaitable form, an `async def` (a @staticmethod when not a method).
void emit_def(CodeWriter& w, StubContext& ctx, const std::string& python_name, const ir::Func& f, bool method,
              const std::set<std::string>& hidden = {}, bool awaitable = false);

/// The class of a type's `aio` view (the awaitable forms of its methods): "_Point_aio".
std::string aio_view_name(const ir::TypeDecl& t);
/// Writes that class, when the type has one (a Go object's class with methods): true if written.
bool emit_aio_view(CodeWriter& w, StubContext& ctx, const ir::TypeDecl& t);

/// The class of Go values of an interface with methods: "_Shape_go", the protocol Shape plus
/// the `aio` view the run time gives them. A bound function's or method's result of that
/// interface is typed so (Python implementations, which have no `aio`, still satisfy the
/// protocol wherever Go takes one).
std::string go_value_class_name(const ir::TypeDecl& t);
/// Writes that class and its view for an interface with methods: true if written.
bool emit_interface_go_values(CodeWriter& w, StubContext& ctx, const ir::TypeDecl& t);

}  // namespace gpic::pyi
