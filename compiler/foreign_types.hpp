// Types of another bound package in a module's declarations (`func F(v *geo.Vec)` after
// `import "geo.gpi"`). Such a value crosses between two Python modules as the same Go object,
// which needs both packages in one Go runtime and one handle table: a joint build.
#pragma once

#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic {

/// An imported module whose types `m` uses, and the first place it does.
struct ForeignUse {
  const ir::Module* module = nullptr;
  const ir::Type* first = nullptr;
};

/// The imported modules whose declared types appear in m's bound declarations (parameters,
/// results, fields, variables, constants, named types' underlying types, interface methods,
/// and the methods of another package's interfaces they use, which m's shim answers for
/// Python objects), in order of first use. Imports used only in constant expressions are not
/// among them.
std::vector<ForeignUse> foreign_uses(const ir::Module& m);

/// Each distinct type of an imported module that m's bound declarations use (`geo.Vec`), in
/// order of first use: what the docs link to.
std::vector<const ir::Type*> foreign_types(const ir::Module& m);

/// Reports, at its first use, each imported package whose types `m` uses but which is not
/// among `built` (the modules of this `gpic build`): its objects could not be the same Go
/// objects in both modules. Returns false when it reported anything.
bool check_foreign_uses_built(const ir::Module& m, const std::vector<const ir::Module*>& built, Diagnostics& diags);

}  // namespace gpic
