// How each .gpi type crosses between Go and Python in the go target: the Go statements that
// write a value into a call's wire (gpicWriter) and the Go expression that reads one back
// (gpicReader). Composite types get one helper function each, emitted once per package.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic::gotarget {

/// Kinds of numeric slice that reach Python as a numpy array over Go's memory, by element:
/// the wire's kind letter ('d' float64, 'f' float32, 'q' int64, 'i' int32, 'B' uint8), or 0.
char lent_kind(const ir::Type& t);

/// The Go spelling of a .gpi type in the generated package.
std::string go_type(const ir::Type& t);

/// A Python class: a struct declared by the python: package (Go holds the object).
const ir::TypeDecl* class_decl(const ir::Type& t);
/// The class an embedded field names (`Base` or `*Base` of this package), or null.
const ir::TypeDecl* embedded_class(const ir::Field& f);
/// The Go composite literal of class `d` holding the object `obj` (an identifier): its
/// embedded classes hold the same object, so their methods and attributes are promoted as Go
/// promotes them, and reach the one Python object (whose class inherits them).
std::string class_literal(const ir::TypeDecl& d, const std::string& obj);
/// Whether class `d` embeds another class.
bool embeds_class(const ir::TypeDecl& d);

/// A declared interface a Python object satisfies (or a Go value implements for Python).
const ir::TypeDecl* interface_decl(const ir::Type& t);

class Codecs {
 public:
  explicit Codecs(Diagnostics& diags) : diags_(diags) {}

  /// Go statement(s) writing `expr` of type `t` to the writer `w` (a *gpicWriter).
  std::string put(const ir::Type& t, const std::string& w, const std::string& expr);
  /// Go expression reading a value of type `t` from the reader `r` (a *gpicReader).
  std::string get(const ir::Type& t, const std::string& r);
  /// Go expression: a gpicFunc that calls the Go func `expr` of func type `sig` for Python.
  std::string go_func(const ir::FuncSig& sig, const std::string& expr);

  /// The body of a Go func calling the Python callable `self` (a *gpicObject expression): how a
  /// Python callable returned to Go becomes a Go func. Set by the API writer.
  std::function<std::string(const ir::FuncSig&, const std::string&)> py_call;

  /// The helper functions put() and get() asked for, in a stable order.
  std::string helpers() const;

 private:
  std::string helper(const std::string& kind, const ir::Type& t);
  void unsupported(const ir::Type& t, const std::string& why);
  Diagnostics& diags_;
  std::map<std::string, std::string> names_;   // "put []Point" -> "gpicPut3"
  std::map<std::string, std::string> bodies_;  // helper name -> its Go source
  int next_ = 0;
};

}  // namespace gpic::gotarget
