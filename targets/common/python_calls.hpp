// One call across the ABI as the Python targets bind it: a function, a method, a field
// accessor, a constructor, a constant or a variable accessor, with its Python name, the C
// symbol it calls, its arguments' and results' lowerings and its docs. cffi wraps each in a C
// function that Python calls through cffi; cpython turns each into a METH_FASTCALL function.
// Both read the same list, so the two targets bind exactly the same calls under the same names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/target.hpp"

namespace gpic::py {

struct Arg {
  std::string python_name;   // escaped parameter name
  std::string go_name;       // as the .gpi wrote it (may be empty)
  abi::Lowering lowering;
  bool variadic = false;     // the last parameter of a variadic function: Python's *args
  bool readonly = false;     // //gpic:readonly: Go only reads this slice, so read-only buffers are lent
};

struct Call {
  std::string python_name;   // "GetPI", "Dist", "X"
  std::string go_name;       // "GetPI" or "Point.Dist" (for messages)
  std::string abi_symbol;    // "gpic_calculatePi_GetPI"
  std::string wrapper;       // "gpicw_GetPI": the cffi target's C wrapper
  bool has_self = false;     // methods and field accessors: the receiver's handle first
  /// A named scalar type's method (abi::is_value_decl): the receiver is `self` itself, this C
  /// scalar, not a handle; a named slice, array or map type's (abi::is_container_value_decl):
  /// `self` encoded as a wire value.
  std::optional<abi::Lowering> self_value;
  /// An assignment (a field's or variable's setter): its errors say "cannot set X", not
  /// "X() argument 'value'".
  bool setter = false;
  std::vector<Arg> args;
  /// Every result the C call gives (errors go through the status): the value results Python
  /// returns, then one per entry of `write_backs`.
  std::vector<abi::Lowering> results;
  /// Per in-out pointer parameter (targets/common/in_out.hpp), the index of its argument: the
  /// last write_backs.size() results are Go's new values for them, which the binding writes
  /// into the arguments Python passed instead of returning them.
  std::vector<size_t> write_backs;
  bool direct = false;                    // the ABI returns results[0] by value

  /// How many results Python returns.
  size_t value_count() const { return results.size() - write_backs.size(); }
  const ir::Doc* doc = nullptr;
  const ir::FuncSig* sig = nullptr;       // null for accessors
};

/// Every call of the module.
struct Calls {
  std::vector<Call> funcs;
  std::vector<Call> const_getters;
  std::vector<Call> var_getters;
  std::vector<Call> var_setters;
  /// Per class (in plan order): constructor, field getters and setters, value getter, methods.
  struct ClassCalls {
    const abi::ClassExport* cls;
    Call constructor;                      // unused when !has_constructor (an opaque func type)
    bool has_constructor = true;
    std::vector<Call> getters, setters;
    std::vector<Call> methods;
    std::vector<Call> value;               // 0 or 1: the underlying value of a named type
  };
  std::vector<ClassCalls> classes;
  struct InterfaceCalls {
    const abi::InterfaceExport* iface;
    std::vector<Call> methods;
  };
  std::vector<InterfaceCalls> interfaces;
  /// Per named scalar type with methods: its methods (on the IntEnum or int/float subclass).
  struct ValueTypeCalls {
    const abi::ValueTypeExport* type;
    std::vector<Call> methods;
  };
  std::vector<ValueTypeCalls> value_types;

  /// Every call, in one list (for cffi's C wrappers and cdef).
  std::vector<const Call*> all() const;
  /// The Python names the module itself defines for functions, constants and variables, and
  /// `GoRef` when some call writes back (emit_go_ref).
  std::vector<std::string> module_names() const;
  /// True when some call takes an in-out pointer (targets/common/in_out.hpp).
  bool has_write_backs() const;
};

/// `GoRef = _gpic_wire.GoRef`, the box for in-out pointer arguments, when some call of the
/// module writes back; nothing otherwise.
void emit_go_ref(CodeWriter& w, const Calls& calls);

/// The Go declaration a call binds, as docstrings quote it: "func Point.Dist(q Point) float64";
/// empty for accessors.
std::string go_signature(const Call& c);

Calls collect_calls(const ir::Module& m, const abi::Plan& plan, const Options& options);

}  // namespace gpic::py
