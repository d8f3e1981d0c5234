// The C ABI between the cgo shim and the binding targets (DESIGN §5, targets/common/ABI.md),
// in one place: the cgo target exports exactly what this describes and writes a header for
// it; the cffi and cpython targets call exactly this.
//
//   - one export per function gpic_<module>_<Func>, per method gpic_<module>_<Type>_<Method>,
//     per struct field _<Type>_get_<Field> / _set_<Field>, per constructor _<Type>_new, per
//     interface method _<Iface>_<Method>; consts _const_<Name>; vars _get_<Name> / _set_<Name>;
//     every part spelled by mangle() (an underscore inside a name is `_1`), so that `_` only
//     ever separates parts and no two declarations share a symbol (`Point_Dist` and
//     `Point.Dist` are gpic_m_Point_1Dist and gpic_m_Point_Dist);
//   - parameters in .gpi order (a receiver's handle first), each lowered to one C parameter;
//   - a signature whose only value result is a C scalar (or a handle) returns it directly;
//     otherwise every value result is an out-pointer parameter after the parameters;
//   - an `error` result never crosses as a value: it fills the status;
//   - the last parameter is always `gpic_status*`.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic::abi {

/// How a value crosses the boundary (see the table in ABI.md).
enum class Kind {
  Scalar,     // bool, integers, floats (also named types over them): the C scalar
  Complex,    // gpic_complex64 / gpic_complex128
  String,     // gpic_string
  NumSlice,   // numeric []T parameter: gpic_slice into the caller's buffer, no copy
  NumArray,   // numeric [N]T parameter: gpic_slice, length-checked, copied into the array
  Handle,     // struct T / *T, named type with methods: uint64_t handle into Go's table
  Callback,   // func parameter: uint64_t reference into the binding's table of Python objects
  Wire,       // everything else: gpic_bytes in the wire format
};

/// How one Go value crosses.
struct Lowering {
  Kind kind = Kind::Scalar;
  std::string c_type;      // "int64_t", "gpic_string", "gpic_slice", "uint64_t", "gpic_bytes"
  std::string go_ctype;    // as cgo spells it: "C.int64_t", "C.gpic_bytes"
  bool scalar = false;     // may be returned directly (Scalar, Handle)

  ir::Prim prim = ir::Prim::Int;               // Scalar, NumSlice/NumArray element: canonical prim
  uint64_t length = 0;                         // NumArray
  const ir::TypeDecl* decl = nullptr;          // Handle: the struct or named type
  bool nullable = false;                       // Handle through a pointer: 0 is nil
  const ir::Type* type = nullptr;              // the .gpi type being lowered
};

/// Lowers a value type as a parameter (`param`) or a result. Returns nullopt for a type the ABI
/// cannot carry; `why` then names the construct for the diagnostic ("func type func() as a result").
std::optional<Lowering> lower(const ir::Type& t, bool param, std::string* why = nullptr);

/// Follows named types that are plain aliases of their underlying type (defined types without
/// methods, and `type A = B`) to the type that decides the lowering. Struct, interface and
/// method-bearing named types stay as they are.
const ir::Type& underlying(const ir::Type& t);
/// The declaration a named type resolves to, or null.
const ir::TypeDecl* decl_of(const ir::Type& t);
/// True for a named type that Python sees as a class holding a handle.
bool is_handle_decl(const ir::TypeDecl& d);
/// True for a named func type (`type Func func()`, zstd's `type EOption func(*encoderOptions)
/// error`) or a class the plan made for an unnamed func type: a Go func value Python holds by
/// handle. When its signature can cross both ways (callable_func_decl), Python calls it, makes
/// one from any callable, and passes any callable where Go takes one; otherwise (zstd's
/// EOption) it is opaque: Python only passes it back.
bool is_opaque_func_decl(const ir::TypeDecl& d);
/// A func class whose signature crosses both ways: callable from Python, made from callables.
bool callable_func_decl(const ir::TypeDecl& d);
/// True when every parameter and result of `sig` crosses both ways (Go calls a Python callable
/// with it, and Python calls a Go func with it).
bool func_sig_crosses(const ir::FuncSig& sig, std::string* why);
/// True for a named integer or float type with methods (norm.Form, a Level with String()):
/// it stays a value in Python (an IntEnum when it has typed constants, else a subclass of int
/// or float), and its methods are called in Go on that value, converted.
bool is_value_decl(const ir::TypeDecl& d);
/// True for a named slice, array or map type without methods, or a named array type whose
/// methods all have value receivers (`type UUID [16]byte` with String()): a value in Python,
/// a class over its values' Python type (targets/common/named_values.hpp), never a handle; its
/// methods, like a named scalar type's, are called in Go on that value, converted. A slice or
/// map type with methods (which may change it in place) stays a handle class.
bool is_container_value_decl(const ir::TypeDecl& d);
/// True for `var ErrX error`: a sentinel error the package exports for errors.Is. It is not a
/// variable Python reads but an exception class (ABI.md, "Sentinel errors").
bool is_sentinel(const ir::Var& v);
/// True when the wire format can carry `t` (everything but error, func results and
/// unresolved names).
bool wire_supported(const ir::Type& t, std::string* why);

struct CParam {
  std::string c_type;      // for out-params, the pointee type
  std::string name;        // C identifier (escaped)
  const ir::Type* type = nullptr;
  Lowering lowering;
  /// An out-param that is no value result but the new value of an in-out pointer parameter
  /// (targets/common/in_out.hpp) after the call: that parameter's index; -1 for the rest.
  int writes_back = -1;
};

/// A function's C signature.
struct Signature {
  std::string symbol;
  std::optional<CParam> receiver;        // methods: the receiver's handle, first
  std::vector<CParam> params;
  std::optional<CParam> direct_result;   // returned by value
  /// Pointer parameters after `params`: the value results, then one per in-out pointer
  /// parameter (CParam::writes_back), which Go fills only when the call returns normally.
  std::vector<CParam> out_results;
  bool returns_error = false;

  /// "int64_t gpic_m_F(int64_t a, gpic_string s, double* r0, gpic_status* st)"
  std::string c_declaration() const;
};

std::string symbol(const ir::Module& m, const ir::Func& f);
std::string const_symbol(const ir::Module& m, const ir::Const& c);
std::string var_getter_symbol(const ir::Module& m, const ir::Var& v);
std::string var_setter_symbol(const ir::Module& m, const ir::Var& v);

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
struct FieldExport {
  const ir::Field* field;
  std::string getter, setter;
  Lowering type;       // as a result (the getter)
  Lowering param;      // as a parameter (the setter and the constructor)
  /// A field of an embedded struct (promotion.hpp): read and written through the embedding
  /// struct as Go does, but not a constructor argument (Go's composite literals name only a
  /// struct's own fields).
  bool promoted = false;
};
/// A struct, or a named type with methods: a class over a handle.
struct ClassExport {
  const ir::TypeDecl* decl;
  std::string constructor;              // gpic_<m>_<T>_new(fields... | the underlying value);
                                        // empty for an opaque func type (Go makes them)
  std::vector<FieldExport> fields;      // struct fields
  std::optional<Lowering> value;        // named non-struct type: its underlying value
  std::string value_getter;             // ..._<T>_value: the underlying value of a named type
  std::vector<FuncExport> methods;
  /// A callable func class: `..._<T>_call(self, params...)` calls the Go func (Python's
  /// `__call__`); its receiver is the handle, its ir::Func owned here.
  std::optional<FuncExport> call;
  std::shared_ptr<const ir::Func> call_func;
  int type_id = 0;                      // 1-based, stable in .gpi order; 0 is "no bound type"
};
/// A named scalar type with methods (is_value_decl), or a named slice, array or map type with
/// methods (is_container_value_decl): methods whose receiver is the value (a C scalar, or a
/// wire value for a container).
struct ValueTypeExport {
  const ir::TypeDecl* decl;
  std::vector<FuncExport> methods;      // receiver: the scalar itself, not a handle
};
/// An interface: methods callable on a Go value held by handle, and the method table a
/// Python implementation answers through the dispatcher.
struct InterfaceExport {
  const ir::TypeDecl* decl;
  std::vector<FuncExport> methods;      // receiver is the interface value's handle
  /// The interface's methods as ir::Funcs with the interface as receiver (FuncExport::func
  /// points here; shared so that moving the export keeps them valid).
  std::vector<std::shared_ptr<const ir::Func>> method_funcs;
  int proxy_id = 0;                     // id of the method table for Python implementations
  /// Another bound package's interface (foreign_interfaces): its import name ("geo"), else empty.
  std::string qualifier;
  /// Another package's interface: its methods as this module spells them (foreign_interfaces.hpp).
  std::shared_ptr<const std::vector<ir::InterfaceMethod>> spelled;
  /// The methods a Python implementation answers, with their types as this module names them.
  const std::vector<ir::InterfaceMethod>& proxy_methods() const { return spelled ? *spelled : decl->methods; }
};
/// A func type used as a parameter: Python callables answer it through the dispatcher.
struct CallbackType {
  const ir::FuncSig* sig;
  std::string key;                      // Go spelling, the identity of the callback type
  int proxy_id = 0;
};

/// Everything a module exports over the ABI, in .gpi order.
struct Plan {
  std::vector<FuncExport> funcs;
  std::vector<ConstExport> consts;
  std::vector<VarExport> vars;
  /// Error variables, in .gpi order: a failed call's status.sentinel is 1 + the index here of
  /// the first one its error errors.Is.
  std::vector<const ir::Var*> sentinels;
  std::vector<ClassExport> classes;
  std::vector<ValueTypeExport> value_types;
  std::vector<InterfaceExport> interfaces;
  /// Interfaces of other bound packages (a joint build) that this module's signatures use:
  /// only their proxies, so that a Python object can stand in for one in Go. Their methods on
  /// Go values and their Python class are the declaring module's (no `methods` here).
  std::vector<InterfaceExport> foreign_interfaces;
  std::vector<CallbackType> callbacks;
  /// Every type that crosses in the wire format, deduplicated by Go spelling, in an order
  /// where a type's element types come first (so codecs can be defined before use).
  std::vector<const ir::Type*> wire_types;
  /// Types the plan made up (a receiver's named type), kept alive with it.
  std::vector<std::shared_ptr<ir::Type>> owned_types;
  /// Classes the plan made up for unnamed func types Go hands Python (ir::TypeDecl::synthetic).
  std::vector<std::shared_ptr<ir::TypeDecl>> owned_decls;
  /// Fields and methods promoted from embedded structs (promotion.hpp), kept alive with it.
  std::vector<std::shared_ptr<const ir::Field>> owned_fields;
  std::vector<std::shared_ptr<const ir::Func>> owned_funcs;

  const ClassExport* find_class(const ir::TypeDecl* d) const;
  const InterfaceExport* find_interface(const ir::TypeDecl* d) const;
  const CallbackType* find_callback(const ir::Type& func_type) const;
  /// The class of Go func values of `func_type` (a named func type's, or the one the plan made
  /// for an unnamed func type), or null.
  const ClassExport* find_func_class(const ir::Type& func_type) const;
};

/// Lowers a whole module. A construct the ABI cannot carry is an error at its .gpi position
/// naming the construct and `target` (the target asking); then the result is nullopt.
std::optional<Plan> plan(const ir::Module& m, std::string_view target, Diagnostics& diags);

/// One part of a C name, with each `_` written `_1` (as JNI mangles names): since no part starts
/// with a digit, a `_` followed by anything but `1` separates two parts, and c_name() of
/// different part lists never coincide.
std::string mangle(std::string_view part);
/// The parts, mangled, joined by `_`: c_name({"gpic", "m", "Point", "Dist"}). The targets
/// name every C and C++ function of a declaration this way (symbols, cffi wrappers, the
/// cpython target's functions), so a name is unique by construction.
std::string c_name(std::initializer_list<std::string_view> parts);

/// A parameter's name in C and C++ (the header is compiled as both): a C or C++ keyword, a
/// macro GCC or the C headers predefine in lower case (`linux`, `unix`, `errno`...), a type
/// name the declarations use (`int64_t`, `gpic_string`) or a name the generated code uses
/// (`st`, `self`) gets a `_` appended, and so does any name already
/// ending in `_` (so `int` and `int_` stay two names: `int_` and `int__`).
std::string c_ident(std::string_view name);
/// True for a name c_ident() escapes for its own sake (not merely for ending in `_`).
bool is_c_reserved(std::string_view name);

/// Stable key of a type for codec tables: its Go spelling.
std::string type_key(const ir::Type& t);
/// The Go type `t` is, whatever its func parameters are named: `func(a, b int) int` and
/// `func(int, int) int` are one type (and so one class of Go funcs).
std::string type_identity(const ir::Type& t);

}  // namespace gpic::abi
