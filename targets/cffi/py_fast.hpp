// Go calling Python without the wire codecs: callbacks and interface methods whose arguments
// are plain numbers or bools and whose result is at most one number or bool. The cffi module's
// C dispatcher reads such arguments from the wire buffer itself and calls one extern "Python"
// function per method with C scalars; the generic dispatcher (Bridge.dispatch) answers the rest.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "targets/common/c_abi.hpp"

namespace gpic::cffi {

struct FastMethod {
  int proxy = 0;
  int method = 0;
  std::string go_method;              // the interface method's Go name; empty for a callback (the object is called)
  std::vector<ir::Prim> args;         // canonical prims
  std::vector<ir::Prim> results;      // 0 or 1
  std::string extern_name;            // "gpicp_<proxy>_<method>"
};

/// The methods of `plan` that take the C path.
std::vector<FastMethod> fast_methods(const abi::Plan& plan);

/// The cdef lines: one extern "Python" per method, and the status those functions report into.
std::string emit_fast_cdef(const std::vector<FastMethod>& methods);

/// The C source: the extern declarations and gpicw_py_dispatch, the dispatcher given to Go.
std::string emit_fast_c_source(const std::vector<FastMethod>& methods);

/// The Python functions behind the externs (in the module, after the proxy tables);
/// `method_name` spells an interface method's Python name.
std::string emit_fast_python(const std::vector<FastMethod>& methods,
                             const std::function<std::string(const std::string&)>& method_name);

}  // namespace gpic::cffi
