// The standard library's well-known types (DESIGN §2, issue 11 §2): `time.Time`,
// `time.Duration`, `*big.Int`, `io.Reader`, `io.Writer` and `context.Context` are built in, as
// protobuf has Timestamp and Duration: a .gpi names them without any .gpi of the standard
// library. Each is one entry of one table (wellknown.cpp) that says everything the compiler
// and every target need to know about it:
//
//   - how a .gpi spells it (the checker accepts these qualified names with no import);
//   - how it crosses the C ABI: always in the wire format (abi::Kind::Wire), so that it works
//     as a parameter, a result, a field, a variable and inside slices and maps, with the codec
//     functions of runtime/go/gpic_wellknown.go on the Go side and the codec classes of
//     runtime/python/gpic_wire.py on the Python side (the same for the cffi and the cpython
//     target, which share those codecs);
//   - where it may appear (a context only as a direct parameter);
//   - how the stub and the docs spell it in Python.
//
// Adding a well-known type is adding one entry here and its two codecs in the runtime.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::wellknown {

/// Where a value of the type may appear.
enum class Use {
  Anywhere,   // parameters, results, fields, variables, inside containers
  Param,      // only as a function's or method's own parameter, Python -> Go
};

struct Entry {
  std::string_view spelling;    // as a .gpi writes it: "time.Time", "*big.Int"
  std::string_view qualifier;   // "time", "big"
  std::string_view name;        // "Time", "Int"
  bool pointer;                 // the type is *qualifier.Name (a bare qualifier.Name is refused)
  std::string_view go_import;   // the Go package the qualifier names: "math/big"
  Use use;

  // Go (runtime/go/gpic_wellknown.go). go_enc(w *gpicWriter, v T) writes a value for Python
  // (empty: the value never goes to Python); go_dec is the Go expression reading one from
  // `r` (a *gpicReader), where $cb$ is the function making the Go func of `callback`.
  std::string_view go_enc;
  std::string_view go_dec;
  /// Deferred as release(arg, st) once the call returns; it may set the call's status (empty:
  /// nothing to release).
  std::string_view go_release;
  /// The Go func type whose Python callable carries a value to Go (io.Reader: a function
  /// calling the stream's read method); empty when the value is plain data.
  std::string_view callback;

  // Python (runtime/python/gpic_wire.py): the codec expression, where $cb$ is the codec of
  // `callback`; and the type as stubs and docs spell it, taken and given.
  std::string_view py_codec;
  std::string_view py_param;
  std::string_view py_result;
};

/// Every well-known type, in a stable order.
const std::vector<Entry>& table();

/// The entry a .gpi type names (`time.Time`, or `*big.Int` for the pointer), or null. A name
/// an imported .gpi declares is that module's type, never a well-known one.
const Entry* find(const ir::Type& t);
/// True when `qualifier.name` is a well-known type's name (for the checker, which resolves the
/// name before any pointer around it is looked at).
bool is_builtin_name(std::string_view qualifier, std::string_view name);
/// The entry named `qualifier.name`, whether or not it is a pointer type, or null.
const Entry* find_name(std::string_view qualifier, std::string_view name);
/// The Go func type of an entry's `callback`, as IR (one shared instance per entry), or null.
const ir::Type* callback_type(const Entry& e);

/// The Go import lines ("\t\"time\"\n", "\t\"math/big\"\n") a Go source needs for the
/// well-known types it spells (a qualifier followed by a dot, outside an identifier).
std::string go_imports(std::string_view go_source);

}  // namespace gpic::wellknown
