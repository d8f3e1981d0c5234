// Emits the Python the extension runs at import, in its own namespace, to define the package
// the way the cffi target's __init__.py does (same classes, enums, aliases, codecs and proxy
// tables, from the same runtime); the Go calls themselves are the C++ functions.
//
//   definitions   before the C++ members are attached: __all__, the bridge, the classes,
//                 enums and aliases, the codecs (`_gcodecs`, by index) and the proxy tables
//   setup         after: constants, variables as module attributes, handle_count, collect,
//                 and connecting Go to the bridge
#pragma once

#include <string>

#include "compiler/ir.hpp"
#include "targets/common/awaitables.hpp"
#include "targets/common/python_calls.hpp"
#include "targets/cpython/codecs.hpp"

namespace gpic::cpython {

struct PythonParts {
  std::string definitions;
  std::string setup;
};

/// `codecs` must already hold every codec the C++ functions use; the proxies' are added here.
/// `awaitables`: the awaitable calls the module's `aio` layer reaches (targets/common/awaitables.hpp).
PythonParts emit_python(const ir::Module& m, const abi::Plan& plan, const py::Calls& calls, Codecs& codecs,
                        const aio::Awaitables& awaitables);

/// The Python name of a module-private accessor ("_gconst_Version", "_gget_Motto").
std::string private_name(const py::Call& c);

}  // namespace gpic::cpython
