// Another bound package's interface in this module's signatures (`func Area(s geo.Shape)` after
// `import "geo.gpi"`, in a joint build). A Go value of it is held by handle in the one handle
// table and reaches Python as the declaring module's class; a Python object implementing it
// reaches Go through a proxy this module's shim defines, answered by this module's bridge.
// The proxy's methods are spelled in this shim, where the declaring package's own named types
// have no name: such an interface is bound when its methods use only predeclared, well-known
// and unnamed types.
#pragma once

#include <string>

#include "compiler/ir.hpp"

namespace gpic::abi {

/// True when interface `d` of another package (named `t` here) can be bound in this module;
/// else false with the reason in `why`.
bool foreign_interface_ok(const ir::TypeDecl& d, const ir::Type& t, std::string* why);

}  // namespace gpic::abi
