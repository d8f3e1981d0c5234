// The front end: .gpi text -> ir::Module (parser + AST builder), and the checker.
#pragma once

#include <memory>
#include <string>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic {

/// Parses `text` (the contents of `path`) and builds the module. Syntax errors are reported
/// into `diags` at their position; the returned module holds whatever could be built (it is
/// never null) and must not be passed to targets when diags has errors.
std::unique_ptr<ir::Module> parse_gpi(const std::string& path, const std::string& text, Diagnostics& diags);

/// Enforces every rule of the .gpi language (DESIGN §2) and resolves named types
/// (Type::decl), infers untyped constants' types and fills TypeDecl::bound_methods.
/// Imports must already be loaded (Import::module set) for qualified names to resolve.
void check_module(ir::Module& module, Diagnostics& diags);

}  // namespace gpic
