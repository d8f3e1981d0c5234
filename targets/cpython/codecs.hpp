// The package's codecs (runtime/python/gpic_wire.py), one per Go type that crosses: defined in
// the module's Python definitions by the table both Python targets share, and numbered so the
// C++ functions reach them by index (gpic_py::codec(i)) for wire values, buffers and messages.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "targets/common/python_codecs.hpp"

namespace gpic::cpython {

class Codecs : public py::CodecTable {
 public:
  using CodecTable::CodecTable;

  /// The index of `t`'s codec in `_gcodecs` (defining it, and what it is built from, first).
  int index(const ir::Type& t);
  /// The `_gcodecs` tuple's items, by index.
  const std::vector<std::string>& by_index() const { return by_index_; }

  /// For a numeric slice or array type: the C++ expression making the Python result (array.array,
  /// bytes for []byte) from the gpic_bytes `r` directly, without the codec; else "".
  static std::string numeric_result(const ir::Type& t, const std::string& r);

 private:
  std::map<std::string, int> indexes_;         // Python expression -> index
  std::vector<std::string> by_index_;
};

}  // namespace gpic::cpython
