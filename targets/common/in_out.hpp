// In-out pointer parameters: a `*T` parameter whose T Python holds as a value (`*int`,
// `*string`, `*[]T`, `*IntVector`, `*map[K]V`), not as a Go object. Go may write through the
// pointer; the shim sends the pointee's value back after the call (an extra out-result of the
// C signature, abi::CParam::writes_back), and the binding writes it into the argument Python
// passed: a list, dict, bytearray, array.array or numpy array in place, a `Ref` box by its
// `value` (runtime/python/gpic_wire.py, Optional.write_back). Every target reads this one rule.
//
// A pointer to a struct or to a named type with methods is a handle: Python holds the Go
// object itself, and sees Go's changes without any of this. Well-known pointer types
// (`*big.Int`, `*big.Float`) cross by their own codecs and are values both ways, not in-out.
#pragma once

#include "compiler/ir.hpp"

namespace gpic::abi {

/// True when a parameter of type `t` is an in-out pointer (see above). A variadic parameter's
/// type is its slice (`[]*int`), never one.
bool is_in_out(const ir::Type& t);

}  // namespace gpic::abi
