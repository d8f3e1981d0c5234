// How Python sees each declared type (targets/common/ABI.md, "What Python sees"):
//   struct                                     -> a class over a Go handle, fields as attributes
//   named type with methods                    -> a class over a Go handle, built from a value
//   named integer type with typed constants    -> an enum.IntEnum (members also at module level)
//   named slice, array or map type             -> a subclass of bytes, array.array, list or dict
//   interface                                  -> a Protocol (any object with the methods)
//   any other named type                       -> an alias of its Python type
#pragma once

#include <unordered_map>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::pyi {

/// ScalarClass: a named integer or float type with methods and no constants (a subclass of
/// int or float, abi::is_value_decl); ValueClass: another named type with methods (a handle).
/// OpaqueClass: a named func type, a Go value held by handle that Python cannot make.
/// ContainerClass: a named slice, array or map type, with or without methods (py::is_container_decl).
enum class TypeView { StructClass, ValueClass, ScalarClass, OpaqueClass, ContainerClass, IntEnum, Protocol, Alias };

/// The constants typed with each named integer type, in .gpi order: the members of its
/// IntEnum. Found in one pass over the module's constants, so that asking for every type's
/// members does not scan all constants once per type.
class EnumIndex {
 public:
  explicit EnumIndex(const ir::Module& m);
  /// The members of `t`'s IntEnum; empty unless `t` is a named integer type with constants.
  const std::vector<const ir::Const*>& members(const ir::TypeDecl& t) const;

 private:
  std::unordered_map<const ir::TypeDecl*, std::vector<const ir::Const*>> members_;
};

TypeView view_of(const EnumIndex& enums, const ir::TypeDecl& t);

/// One-off forms of the above, each a pass over `m`'s constants: for a single type (tests);
/// a writer that visits every type keeps one EnumIndex.
TypeView view_of(const ir::Module& m, const ir::TypeDecl& t);
std::vector<const ir::Const*> enum_members(const ir::Module& m, const ir::TypeDecl& t);

}  // namespace gpic::pyi
