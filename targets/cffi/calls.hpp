// The cffi target's C wrappers: each call of the module (targets/common/python_calls.hpp)
// flattened to the C function Python calls through cffi.
//
// The C wrapper (compiled into the cffi extension) keeps the gpic_status on its own stack,
// brackets the call (arena, depth) and signals failure through errno, which cffi saves after
// every call: the success path costs Python one call and one `ffi.errno` read, no allocation.
#pragma once

#include <optional>
#include <string>

#include "compiler/ir.hpp"
#include "targets/common/python_calls.hpp"

namespace gpic::cffi {

// The calls themselves are shared with the cpython target (targets/common/python_calls.hpp).
using py::Arg;
using py::Call;
using py::Calls;
using py::collect_calls;
using py::go_signature;

/// How Python learns that a call failed without reading `ffi.errno` (a C-level attribute
/// lookup, a fifth of the wrapper's cost on CPython) after every successful call: a wrapper
/// with no results returns the status code; one with a direct scalar result returns `sentinel`
/// instead of the result when the call failed, and only when Python sees that value does it
/// read errno (a successful result equal to the sentinel costs that one read, nothing more).
/// Other wrappers (results in a struct) signal through errno alone.
struct Sentinel {
  std::string c;       // C expression of the wrapper's return type
  std::string python;  // the same value as a Python literal; a small int so that `==` is cheap
};
std::optional<Sentinel> failure_sentinel(const Call& c);

/// The cdef (declarations cffi parses) and the C source compiled into the extension.
std::string emit_cdef(const Calls& calls);
std::string emit_c_source(const ir::Module& m, const Calls& calls);

}  // namespace gpic::cffi
