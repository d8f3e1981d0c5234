// Another bound package's classes in this one's Python code (a joint build: `import "geo.gpi"`
// and `func Echo(v *geo.Vec) *geo.Vec`). Its objects are made and checked by that module's own
// classes, imported under an alias no declared name can take, so one Go object is one Python
// class whichever module hands it over.
#pragma once

#include <string>
#include <string_view>

#include "compiler/ir.hpp"
#include "targets/common/c_abi.hpp"

namespace gpic::py {

/// The name under which generated code imports another bound module: "_gpkg_geo".
std::string imported_module_alias(std::string_view module);

/// The Python expression of the class of handle type `t` (a struct, a pointer to one, a named
/// type with methods) whose declaration is `d`: "_gpkg_geo.Vec" when `t` is another package's,
/// else the class's own name in this module.
std::string class_ref(const ir::TypeDecl& d, const ir::Type* t);

/// An interface as Go names it from this module: "Shape", or "geo.Shape" for another bound
/// package's (abi::Plan::foreign_interfaces).
std::string interface_go_name(const abi::InterfaceExport& i);

/// True when `t` (or what it points to) names a type of another bound package.
bool is_imported_class(const ir::Type* t);

/// The Python expression of another bound package's value class for named type `t`
/// ("_gpkg_geo.Dir"): its IntEnum (an integer type with typed constants in its own .gpi) or its
/// int or float subclass (a named scalar with methods). Empty when `t` is this module's, or
/// crosses as its underlying value (a method-less type without constants).
std::string imported_value_class(const ir::Type& t);
/// True when `d`, declared in `home`, is such a value class there.
bool is_value_class_in(const ir::TypeDecl& d, const ir::Module& home);

/// The modules whose classes `m` uses, one per line: "import geo as _gpkg_geo\n"; empty when
/// it uses none.
std::string imported_module_statements(const ir::Module& m);

}  // namespace gpic::py
