// How Python sees each declared type (targets/common/ABI.md, "What Python sees"):
//   struct                                     -> a class over a Go handle, fields as attributes
//   named type with methods                    -> a class over a Go handle, built from a value
//   named integer type with typed constants    -> an enum.IntEnum (members also at module level)
//   interface                                  -> a Protocol (any object with the methods)
//   any other named type                       -> an alias of its Python type
#pragma once

#include <vector>

#include "compiler/ir.hpp"

namespace gpic::pyi {

enum class TypeView { StructClass, ValueClass, IntEnum, Protocol, Alias };

TypeView view_of(const ir::Module& m, const ir::TypeDecl& t);

/// The constants typed with `t`, in .gpi order: the members of its IntEnum.
std::vector<const ir::Const*> enum_members(const ir::Module& m, const ir::TypeDecl& t);

/// The enum a constant belongs to, or null.
const ir::TypeDecl* enum_of(const ir::Module& m, const ir::Const& c);

}  // namespace gpic::pyi
