// The cffi target's view of one call across the ABI: a function, a constant's getter, or a
// variable's getter or setter, flattened to the C wrapper that Python calls.
//
// The C wrapper (compiled into the cffi extension) keeps the gpic_status on its own stack,
// resets the arena, and signals failure through errno, which cffi saves after every call:
// the success path costs Python one call and one `ffi.errno` read, with no allocation.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "targets/common/c_abi.hpp"

namespace gpic::cffi {

struct Arg {
  std::string python_name;   // escaped parameter name
  std::string go_name;       // as the .gpi wrote it (may be empty)
  const ir::Type* type;
};

struct Call {
  std::string python_name;   // "GetPI"
  std::string go_name;       // "GetPI" (for messages)
  std::string abi_symbol;    // "gpic_calculatePi_GetPI"
  std::string wrapper;       // "gpicw_GetPI"
  std::vector<Arg> args;
  std::vector<const ir::Type*> results;   // value results (errors go through the status)
  bool direct = false;                    // the ABI returns results[0] by value
  const ir::Doc* doc = nullptr;
  const ir::FuncSig* sig = nullptr;       // null for const/var accessors
};

/// Every call of the module, in .gpi order: functions, then constants, then variables.
struct Calls {
  std::vector<Call> funcs;
  std::vector<Call> const_getters;
  std::vector<Call> var_getters;
  std::vector<Call> var_setters;
};

Calls collect_calls(const ir::Module& m, const abi::Plan& plan);

/// The cdef (declarations cffi parses) and the C source compiled into the extension.
std::string emit_cdef(const Calls& calls);
std::string emit_c_source(const ir::Module& m, const Calls& calls);

/// Whether a type crosses the wrapper as two C values (complex) or a pointer + length (string).
bool is_string(const ir::Type& t);
bool is_complex(const ir::Type& t);

}  // namespace gpic::cffi
