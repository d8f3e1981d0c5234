// The C ABI between the cgo shim and the binding targets (DESIGN §5), in one place.
//
// The cgo target exports exactly what this describes and writes a header for it; the cffi and
// cpython targets call exactly this. Rules:
//   - one export per function: gpic_<module>_<Func>; per method: gpic_<module>_<Type>_<Method>;
//     consts: gpic_<module>_const_<Name>; vars: gpic_<module>_get_<Name> / _set_<Name>;
//   - parameters in .gpi order, each lowered to one C parameter (string -> gpic_string);
//   - a signature with exactly one value result that is a C scalar returns it directly;
//     otherwise every value result is an out-pointer parameter after the parameters;
//   - an `error` result never crosses as a value: it fills the status;
//   - the last parameter is always `gpic_status*` (Go errors, recovered panics).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic::abi {

/// How one Go value crosses the boundary.
struct Lowering {
  std::string c_type;      // "int64_t", "double", "bool", "gpic_string", "gpic_complex128"
  std::string go_ctype;    // the same type as cgo spells it: "C.int64_t", "C.gpic_string"
  bool scalar = false;     // fits a C register: may be returned directly
};

/// Lowers a value type. Returns nullopt for a type the ABI cannot carry yet; `why` names the
/// construct for the diagnostic ("slice type []int").
std::optional<Lowering> lower(const ir::Type& t, std::string* why = nullptr);

struct CParam {
  std::string c_type;      // for out-params, the pointee type
  std::string name;        // C identifier (escaped)
  const ir::Type* type = nullptr;
};

/// A function's C signature.
struct Signature {
  std::string symbol;
  std::vector<CParam> params;
  std::optional<CParam> direct_result;   // returned by value
  std::vector<CParam> out_results;       // pointer parameters after `params`
  bool returns_error = false;

  /// "int64_t gpic_m_F(int64_t a, gpic_string s, double* r0, gpic_status* st)"
  std::string c_declaration() const;
};

std::string symbol(const ir::Module& m, const ir::Func& f);
std::string const_symbol(const ir::Module& m, const ir::Const& c);
std::string var_getter_symbol(const ir::Module& m, const ir::Var& v);
std::string var_setter_symbol(const ir::Module& m, const ir::Var& v);

/// Lowers a whole signature; on failure returns nullopt and sets `why` and `where` (the
/// .gpi position of the offending type).
std::optional<Signature> lower_func(const ir::Module& m, const ir::Func& f, std::string* why, ir::Loc* where);

struct FuncExport {
  const ir::Func* func;
  Signature sig;
};
struct ConstExport {
  const ir::Const* constant;
  std::string symbol;
  Lowering type;
};
struct VarExport {
  const ir::Var* var;
  std::string getter, setter;
  Lowering type;
};

/// Everything a module exports over the ABI, in .gpi order.
struct Plan {
  std::vector<FuncExport> funcs;
  std::vector<ConstExport> consts;
  std::vector<VarExport> vars;
};

/// Lowers a whole module. A construct the ABI cannot carry is an error at its .gpi position
/// naming the construct and `target` (the target asking); then the result is nullopt.
std::optional<Plan> plan(const ir::Module& m, std::string_view target, Diagnostics& diags);

/// A C identifier that cannot clash with C keywords or the status parameter.
std::string c_ident(std::string_view name);

}  // namespace gpic::abi
