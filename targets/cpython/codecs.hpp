// The package's codecs (runtime/python/gpic_wire.py), one per Go type that crosses: defined in
// the module's Python definitions exactly as the cffi target defines them, and numbered so the
// C++ functions reach them by index (gpic_py::codec(i)) for wire values, buffers and messages.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/target.hpp"

namespace gpic::cpython {

class Codecs {
 public:
  Codecs(const ir::Module& m, const abi::Plan& plan, const Options& options);

  /// The index of `t`'s codec in `_gcodecs` (defining it, and what it is built from, first).
  int index(const ir::Type& t);
  /// Python statements defining the codecs, in an order where each follows what it uses.
  const std::vector<std::string>& definitions() const { return defs_; }
  /// The `_gcodecs` tuple's items, by index.
  const std::vector<std::string>& by_index() const { return by_index_; }

  /// A named integer type with constants: an IntEnum.
  bool is_enum(const ir::TypeDecl* d) const { return enum_members_.count(d) != 0; }
  const std::map<const ir::TypeDecl*, std::vector<const ir::Const*>>& enums() const { return enum_members_; }

  /// For a numeric slice or array type: the C++ expression making the Python result (array.array,
  /// bytes for []byte) from the gpic_bytes `r` directly, without the codec; else "".
  static std::string numeric_result(const ir::Type& t, const std::string& r);

  /// The Python name of a declared type, and of an interface's methods.
  static std::string class_name(const ir::TypeDecl& d);
  std::string method_name(const std::string& go) const;

 private:
  std::string name(const ir::Type& t);
  std::string definition(const ir::Type& t);

  const abi::Plan& plan_;
  const Options& options_;
  std::map<const ir::TypeDecl*, std::vector<const ir::Const*>> enum_members_;
  std::map<std::string, std::string> names_;   // Go spelling -> Python expression
  std::map<std::string, int> indexes_;         // Python expression -> index
  std::vector<std::string> defs_;
  std::vector<std::string> by_index_;
};

}  // namespace gpic::cpython
