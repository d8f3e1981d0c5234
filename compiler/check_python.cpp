// A `python:` package describes a Python module that Go calls: every call into it can raise,
// so every function, method and interface method it declares must end in an `error` result
// that the go target turns the Python exception into (docs/en/go-calls-python.md).
#include "compiler/check_context.hpp"

namespace gpic::check {

namespace {

void require_error(Context& cx, const ir::FuncSig& sig, const ir::Loc& at, const std::string& what) {
  if (sig.returns_error()) return;
  cx.error(at, what + " is backed by Python, whose calls can raise: its last result must be 'error'");
}

}  // namespace

void check_python_calls(Context& cx) {
  const ir::Module& m = cx.module;
  if (!m.python_backed()) return;
  for (const ir::Func& f : m.funcs) {
    std::string what = f.recv ? "method " + quote(f.recv->type_name + "." + f.name) : "function " + quote(f.name);
    require_error(cx, f.sig, f.loc, what);
  }
  for (const ir::TypeDecl& t : m.types)
    if (t.kind == ir::TypeDecl::Kind::Interface)
      for (const ir::InterfaceMethod& im : t.methods)
        require_error(cx, im.sig, im.loc, "interface method " + quote(t.name + "." + im.name));
}

}  // namespace gpic::check
