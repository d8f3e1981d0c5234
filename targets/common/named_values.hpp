// Named slice, array and map types (`type SliceInt16 []int16`, `type Counts map[string]int`)
// without methods: decided here once for every target. In Python each is a class that is a
// subclass of its values' Python type (bytes, array.array, list or dict): constructing one
// checks the value as Go would check the underlying type (element type and range, array
// length), and the values Go returns are instances of it. The cgo shim and the C ABI see the
// underlying type unchanged.
#pragma once

#include <string>

#include "compiler/ir.hpp"

namespace gpic::py {

/// True for a named slice, array or map type declared in a .gpi (not an alias) that Python
/// sees as a value class over its underlying type.
bool is_container_decl(const ir::TypeDecl& d);

/// True when values of `t` are instances of a container class of this module: `t` names one,
/// directly or through aliases. Their results go through the class's codec, never a fast path
/// that would make a plain bytes, array.array, list or dict.
bool is_container_type(const ir::Type& t);

/// How a container type's class is written.
struct ContainerClass {
  /// Its base class in gpic_wire.py: "NamedBytes", "NamedArray", "NamedList" or "NamedDict".
  std::string runtime_base;
  /// Its base as stubs and docs write it: "bytes", "array.array[int]", "list[str]",
  /// "dict[str, int]".
  std::string python_base;
};
ContainerClass container_class(const ir::TypeDecl& d);

}  // namespace gpic::py
