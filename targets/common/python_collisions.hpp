// The check that Python names stay apart after escaping. Escaping (python_names.hpp) turns a
// Go name Python cannot use into another (`None` -> `None_`, `GetPI` -> `get_pi` under
// --py-names=snake), and the result may be a name the .gpi declares too: then one declaration
// would silently replace the other in the generated module. Every Python target runs this
// before writing anything, so such a pair is a diagnostic at both declarations instead.
#pragma once

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::py {

/// Reports every two declarations of one Python scope (the module; a class's attributes; a
/// struct constructor's keywords; a function's parameters) whose Python names coincide under
/// `c`. Returns false when it reported something.
bool check_collisions(const ir::Module& m, Case c, Diagnostics& diags);

}  // namespace gpic::py
