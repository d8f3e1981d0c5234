// The package's codecs (runtime/python/gpic_wire.py): one per Go type that crosses as a Python
// value, defined in the generated module's Python. Both Python targets (cffi, cpython) define
// them from this one table, so that a value converts the same way whichever target is built.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/target.hpp"

namespace gpic::py {

class CodecTable {
 public:
  CodecTable(const abi::Plan& plan, const Options& options);

  /// The Python expression of `t`'s codec: `_gc["int"]` for a predeclared type, else `_gkN`,
  /// defining it (and the codecs it is built from) first.
  std::string name(const ir::Type& t);
  /// Python statements defining the codecs, each after the ones it uses.
  const std::vector<std::string>& definitions() const { return defs_; }

  /// A named integer type with constants: an IntEnum, with those constants as members.
  bool is_enum(const ir::TypeDecl* d) const { return enums_.count(d) != 0; }
  const std::map<const ir::TypeDecl*, std::vector<const ir::Const*>>& enums() const { return enums_; }

  /// The Python name of a declared type, and of an interface's methods.
  static std::string class_name(const ir::TypeDecl& d);
  std::string method_name(const std::string& go) const;

 private:
  std::string definition(const ir::Type& t);

  const abi::Plan& plan_;
  const Options& options_;
  std::map<const ir::TypeDecl*, std::vector<const ir::Const*>> enums_;
  std::map<std::string, std::string> names_;   // Go spelling -> Python expression
  std::vector<std::string> defs_;
};

/// The array.array typecode of a numeric element type ("q" for int64, "d" for float64, ...).
const char* array_typecode(ir::Prim p);
/// "i", "u" or "f": how the codec checks a numeric element.
const char* num_kind(ir::Prim p);
/// True for []byte and []uint8 (and arrays of them): bytes in Python.
bool is_byte_elem(const ir::Type& elem);

/// The module's `__all__`: the runtime's names, the package's types, then `names`.
void emit_all(CodeWriter& w, const ir::Module& m, const std::vector<std::string>& names);

/// Named integer types with constants as IntEnums, whose member values are `member_value(c)`
/// (a Python expression); named slice, array and map types as classes over their values' type
/// (targets/common/named_values.hpp), defining their codecs; other named types without methods
/// as aliases of their values' type.
void emit_enums_and_aliases(CodeWriter& w, const ir::Module& m, CodecTable& codecs,
                            const std::function<std::string(const ir::Doc&, const std::string&)>& doc_text,
                            const std::function<std::string(const ir::Const&)>& member_value);

/// The exception class of each sentinel error (`var ErrX error`), a subclass of the package's
/// Error named as the Go variable, then `_gsentinels`: the classes in the order of the status's
/// sentinel index (abi::Plan::sentinels). Nothing when the package declares none.
void emit_sentinel_classes(CodeWriter& w, const abi::Plan& plan,
                           const std::function<std::string(const ir::Doc&, const std::string&)>& doc_text);
/// `, _gsentinels` when the package has sentinel errors, else nothing: the Bridge's last argument.
std::string sentinel_tuple(const abi::Plan& plan);

/// A Go constant or variable as the module shows it: its Python name and the module-private
/// functions reading (and, for variables, writing) it.
struct ModuleAttr {
  std::string name, getter, setter;
};
/// Go constants read once into module globals, then, when there are constants or variables,
/// the module type that reads and writes them as attributes. Returns whether it wrote that.
bool emit_module_attributes(CodeWriter& w, const std::vector<ModuleAttr>& consts, const std::vector<ModuleAttr>& vars);

/// The module's last lines: handle_count() and collect() for lifetime tests, then the bridge
/// connected to Go.
void emit_module_end(CodeWriter& w);

}  // namespace gpic::py
