// Named slice, array and map types without methods (`type SliceInt16 []int16`, `type Counts
// map[string]int`), and named arrays whose methods all have value receivers (`type UUID
// [16]byte` with String()): decided here once for every target (abi::is_container_value_decl
// says which). In Python each is a class that is a subclass of its values' Python type (bytes,
// array.array, list or dict): constructing one checks the value as Go would check the
// underlying type (element type and range, array length), and the values Go returns are
// instances of it, so they compare and hash as values. Methods are called in Go on the value
// (the receiver crosses as a wire value). A named slice or map type with methods stays a class
// over a Go handle, since its methods may change it in place.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::py {

/// True for a named slice, array or map type declared in a .gpi (not an alias) that Python
/// sees as a value class over its underlying type (abi::is_container_value_decl).
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

/// The public attributes the class inherits from its base (list's append, count, ...): a
/// method must not hide one of them (python_collisions).
const std::vector<const char*>& inherited_attributes(const ir::TypeDecl& d);

}  // namespace gpic::py
