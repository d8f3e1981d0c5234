// Another bound package's interface in this module's signatures (`func Area(s geo.Shape)` after
// `import "geo.gpi"`, in a joint build). A Go value of it is held by handle in the one handle
// table and reaches Python as the declaring module's class; a Python object implementing it
// reaches Go through a proxy this module's shim defines, answered by this module's bridge.
// The proxy's methods are spelled in this shim, where the declaring package's own types have
// no bare name: its methods are used as a copy whose named types carry their package's
// qualifier (geo's `Facing() Dir` is `Facing() geo.Dir` here), so that they cross as they do
// in this module's own signatures.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::abi {

/// The methods of interface `d` of another package as a module using it spells them: a copy
/// whose named types are qualified by their package. The copy owns its types.
std::vector<ir::InterfaceMethod> methods_spelled_outside(const ir::TypeDecl& d);

/// True when interface `d` of another package (named `t` here) can be bound in this module: a
/// proxy's parameters go from Go to Python and its results back. Else false, with the reason
/// in `why`.
bool foreign_interface_ok(const ir::TypeDecl& d, const ir::Type& t, std::string* why);

}  // namespace gpic::abi
