#include "targets/pyi/stub_writer.hpp"

#include <filesystem>

#include "targets/common/c_abi.hpp"
#include "targets/common/channels.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/common/python_api.hpp"
#include "targets/common/python_names.hpp"
#include "targets/common/quoting.hpp"
#include "targets/pyi/class_writer.hpp"
#include "targets/common/docstrings.hpp"
#include "targets/pyi/type_view.hpp"

namespace gpic::pyi {
namespace {

// The runtime's exception classes (runtime/python/gpic_rt.py), as every Python target defines them.
constexpr const char* kExceptions = R"(class GoError(Exception):
    """A Go function returned a non-nil ``error``.

    ``str(e)`` is the error's ``Error()`` text; ``e.go_type`` its Go type (``*errors.errorString``).
    Each generated package raises its own subclass, ``<package>.Error``.
    """

    @property
    def go_type(self) -> str: ...
    def __init__(self, message: str, go_type: str = ...) -> None: ...

class GoPanic(Exception):
    """A Go panic, recovered by the binding before it could end the process.

    ``str(e)`` is the panic value as text, ``e.go_type`` its Go type and ``e.go_stack`` the
    stack of the goroutine that panicked.
    """

    go_type: str
    go_stack: str
    def __init__(self, message: str, go_type: str = ..., go_stack: str = ...) -> None: ...

class GoHandleError(ReferenceError):
    """A Go object was used after its handle was released."""

class _GoObject:
    """A Go value held by Python through one handle, released when the object is collected
    (or at once by ``release(obj)`` / leaving a ``with`` block). Equality is Go identity."""

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def release(obj: _GoObject) -> None:
    """Releases the Go value behind ``obj`` now; using ``obj`` afterwards raises GoHandleError."""

def handle_count() -> int:
    """Go objects held by Python plus Python objects held by Go (for lifetime tests)."""

def collect() -> None:
    """Runs Python's and Go's garbage collectors, so released objects are counted as such."""
)";

// The box for in-out pointer arguments (runtime/python/gpic_wire.py), declared when a
// signature of the module spells it.
constexpr const char* kGoRef = R"(
_T = TypeVar("_T")

class GoRef(Generic[_T]):
    """A box for a value that Go changes through a pointer parameter: pass ``GoRef(value)``
    where Go takes the pointer, and after the call ``ref.value`` is what Go left behind it.
    ``GoRef(None)`` passes nil."""

    value: _T
    def __init__(self, value: _T) -> None: ...
)";

// The imports the body needs, found by what it spells.
std::string imports(const std::string& body) {
  auto uses = [&](const char* s) { return body.find(s) != std::string::npos; };
  std::string out;
  if (uses("array.array[")) out += "import array\n";
  if (uses("datetime.")) out += "import datetime\n";
  if (uses("decimal.")) out += "import decimal\n";
  if (uses("(enum.IntEnum)")) out += "import enum\n";
  std::string abc;
  for (const char* name : {"AsyncIterable", "AsyncIterator", "Callable", "Iterable", "Iterator", "Mapping", "Sequence"})
    if (uses((std::string(name) + "[").c_str())) abc += (abc.empty() ? "" : ", ") + std::string(name);
  if (!abc.empty()) out += "from collections.abc import " + abc + "\n";
  std::string typing;
  // Each name, when the body spells what it is found by (kGoRef's two by their own use).
  for (auto [name, spelled] : {std::pair{"BinaryIO", "BinaryIO"}, {"Final", "Final"}, {"Generic", "(Generic[_T])"},
                               {"Protocol", "Protocol"}, {"TypeAlias", "TypeAlias"}, {"TypeVar", "= TypeVar("}})
    if (uses(spelled)) typing += (typing.empty() ? "" : ", ") + std::string(name);
  // Go's any (python_api.cpp): `Any` as a whole annotation or inside one.
  for (const char* spelled : {": Any", "-> Any", "[Any", " Any]", "Any,", "Any |"})
    if (uses(spelled)) {
      typing = "Any" + std::string(typing.empty() ? "" : ", ") + typing;
      break;
    }
  if (!typing.empty()) out += "from typing import " + typing + "\n";
  // typing_extensions: stubs are never run, and these names are there for every Python version.
  std::string ext;
  if (uses("| Buffer")) ext += "Buffer";
  if (uses("-> Self")) ext += std::string(ext.empty() ? "" : ", ") + "Self";
  if (!ext.empty()) out += "from typing_extensions import " + ext + "\n";
  return out;
}

class StubWriter {
 public:
  StubWriter(const ir::Module& m, const Options& o) : m_(m), o_(o), ctx_{m, o.snake_names ? py::Case::Snake : py::Case::Keep, {}, {}, EnumIndex(m)} {
    for (const auto& t : m.types) ctx_.type_names.insert(py::module_name(t.name));
  }

  std::string emit() {
    body_.print(kExceptions);
    body_.blank_lines(1);
    body_.print("class Error(GoError):\n    $doc$\n",
                {{"doc", py::docstring("An error returned by a function of the Go package " + m_.go_path + ".", "    ")}});
    for (const auto& d : m_.order) {
      body_.blank_lines(1);
      switch (d.kind) {
        case ir::DeclRef::Kind::Type: emit_type(body_, ctx_, m_.types[d.index]); break;
        case ir::DeclRef::Kind::Func: func(m_.funcs[d.index]); break;
        case ir::DeclRef::Kind::Const: constant(m_.consts[d.index]); break;
        case ir::DeclRef::Kind::Var: variable(m_.vars[d.index]); break;
      }
    }
    awaitables();
    if (!ctx_.aliased.empty()) {
      body_.blank_lines(1);
      body_.print("# Types a class member's name hides inside that class.\n");
      for (const auto& t : ctx_.aliased) body_.print("$alias$: TypeAlias = $t$\n", {{"alias", hidden_type_alias(t)}, {"t", t}});
    }
    std::string body = body_.take();
    if (body.find("GoRef[") != std::string::npos) body.insert(std::string(kExceptions).size(), kGoRef);
    body = channels::stub_classes(body) + body;  // GoChan, GoIter: before their first use
    CodeWriter w;
    w.print("# Code generated by gpic $version$ from $file$. DO NOT EDIT.\n$doc$\n\n",
            {{"version", o_.gpic_version}, {"file", quoting::source_name(m_)},
             {"doc", py::docstring(py::module_doc(m_), "")}});
    std::string imp = imports(body);
    for (const auto& i : m_.imports)
      if (i.module) imp += "import " + i.module->name + "\n";
    if (!imp.empty()) w.print("$imports$\n", {{"imports", imp}});
    return w.take() + body;
  }

 private:
  void func(const ir::Func& f) {
    if (f.recv) return;  // in its class
    emit_def(body_, ctx_, py::module_name(f.name, ctx_.names), f, false);
  }

  // The awaitable forms (targets/common/awaitables.hpp): the module's `aio` namespace of
  // coroutine functions, and each class's `aio` view.
  void awaitables() {
    body_.blank_lines(1);
    body_.print("class aio:\n");
    {
      auto in = body_.indent();
      body_.print("$doc$\n", {{"doc", py::docstring("The awaitable forms of the functions of " + m_.name + " (asyncio): `await " +
                                                        m_.name + ".aio.F(...)` runs the Go call on a goroutine and returns "
                                                        "or raises what `" + m_.name + ".F(...)` would. Cancelling the task "
                                                        "cancels the call's context.Context.", "")}});
      for (const auto& d : m_.order)
        if (d.kind == ir::DeclRef::Kind::Func && !m_.funcs[d.index].recv)
          emit_def(body_, ctx_, py::module_name(m_.funcs[d.index].name, ctx_.names), m_.funcs[d.index], false, {}, true);
    }
    for (const auto& t : m_.types) {
      CodeWriter view;
      if (emit_aio_view(view, ctx_, t) || emit_interface_go_values(view, ctx_, t)) {
        body_.blank_lines(1);
        body_.print("$v$", {{"v", view.take()}});
      }
    }
  }

  void constant(const ir::Const& c) {
    std::string type = c.type ? py::type_annotation(*c.type, py::Role::Result) : "object";
    body_.print("$name$: Final[$type$]\n", {{"name", py::module_name(c.name)}, {"type", type}});
    std::string go = "const " + c.name + (c.type ? " " + c.type->go_spelling() : "") +
                     (c.value.empty() ? "" : " = " + c.value.text());
    body_.print("$doc$\n", {{"doc", py::docstring(py::doc_text(c.doc, go), "")}});
  }

  void variable(const ir::Var& v) {
    if (abi::is_sentinel(v)) {  // an exception class, raised when the error errors.Is the variable
      body_.print("class $name$(Error):\n", {{"name", py::module_name(v.name)}});
      auto in = body_.indent();
      body_.print("$doc$\n", {{"doc", py::docstring(py::doc_text(v.doc, "var " + v.name + " error (raised when errors.Is(err, " +
                                                                       v.name + "))"), "")}});
      return;
    }
    body_.print("$name$: $type$\n", {{"name", py::module_name(v.name, ctx_.names)}, {"type", py::type_annotation(*v.type, py::Role::Result)}});
    body_.print("$doc$\n", {{"doc", py::docstring(py::doc_text(v.doc, "var " + v.name + " " + v.type->go_spelling()), "")}});
  }

  const ir::Module& m_;
  const Options& o_;
  StubContext ctx_;
  CodeWriter body_;
};

}  // namespace

std::string emit_stub(const ir::Module& m, const Options& options) { return StubWriter(m, options).emit(); }

}  // namespace gpic::pyi
