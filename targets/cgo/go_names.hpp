// The naming table for Go: identifiers the shim's own code uses, and Go's predeclared names,
// which a .gpi parameter name must not shadow inside a generated function body.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::cgo {

/// A parameter or local name that cannot hide a predeclared identifier (`int`, `len`,
/// `string`...), the shim's own names (`st`, `err`, `gopkg`, `C`, `gpic...`) or a name C
/// reserves (abi::c_ident: cgo writes these names into its C header): such a name, or one
/// already ending in `_`, gets a `_` appended, so two parameters never share a name.
std::string local_name(std::string_view gpi_name, size_t index);

/// The package alias under which the shim imports the bound Go package.
inline constexpr std::string_view kPackageAlias = "gopkg";

/// The alias under which the shim imports the Go package of an imported .gpi (`geo` in
/// `geo.Vec`): "gopkg_geo", never one of the user's names.
std::string imported_alias(std::string_view qualifier);

/// An import of the shim: (alias, Go import path).
using GoImport = std::pair<std::string, std::string>;

/// The imported .gpi packages whose alias `body` (generated Go) uses: only those, since Go
/// refuses an unused import.
std::vector<GoImport> imported_packages_used(const ir::Module& m, const std::string& body);

/// One import group as gofmt writes it: a "\talias \"path\"\n" line each, sorted by path.
std::string import_lines(std::vector<GoImport> imports);

/// Go spelling of a .gpi type inside the shim: named types qualified with the package alias.
std::string go_type(const ir::Type& t);

/// Go spelling of an instantiation, `gopkg.Set[int]`: the generic's name in its package
/// (the imported package `qualifier`, or the bound package when empty) with each type argument spelled by go_type.
std::string go_instance(const ir::Instantiation& inst, const std::string& qualifier);

/// The Go type a declaration of the .gpi binds: `gopkg.Point`, or for an instantiation
/// (`type IntSet = Set[int]`) `gopkg.Set[int]`.
std::string go_decl_type(const ir::TypeDecl& t);

/// The Go function a free function of the .gpi calls: `gopkg.Max`, or `gopkg.Max[int]`.
std::string go_func_value(const ir::Func& f);

/// Go spelling of a function type with the given signature ("func(int, string) (float64, error)"),
/// used to check a binding against the real package at compile time.
std::string go_func_type(const ir::FuncSig& sig);

}  // namespace gpic::cgo
