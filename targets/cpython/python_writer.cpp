#include "targets/cpython/python_writer.hpp"

#include "targets/common/chan_classes.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/common/python_imports.hpp"
#include "targets/common/python_names.hpp"
#include "targets/common/docstrings.hpp"

namespace gpic::cpython {
namespace {

using K = ir::Type::Kind;

class PythonWriter {
 public:
  PythonWriter(const ir::Module& m, const abi::Plan& plan, const py::Calls& calls, Codecs& codecs,
               const aio::Awaitables& awaitables)
      : m_(m), plan_(plan), calls_(calls), codecs_(codecs), awaitables_(awaitables) {}

  PythonParts emit() {
    PythonParts out;
    definitions();
    out.definitions = w_.take();
    setup();
    out.setup = w_.take();
    return out;
  }

 private:
  void definitions() {
    w_.print("import sys as _gsys\n\n");
    // The other bound modules whose classes this one's signatures use (a joint build).
    if (std::string imports = py::imported_module_statements(m_); !imports.empty()) w_.print("$i$\n", {{"i", imports}});
    all_names();
    py::emit_go_ref(w_, calls_);
    channels::emit_public_classes(w_, plan_);
    py::emit_sentinel_classes(w_, plan_, py::doc_text);
    if (!plan_.sentinels.empty()) w_.print("\n");
    w_.print("\n_gbridge = _gpic_cpython.Bridge(_glib, Error$sentinels$)\n\n\n"
             "class _GoObject(_gpic_rt.GoObject):\n"
             "    \"\"\"Base of this package's Go objects.\"\"\"\n\n"
             "    __slots__ = ()\n"
             "    _gbridge = _gbridge\n",
             {{"sentinels", py::sentinel_tuple(plan_)}});
    enums_and_aliases();
    for (const auto& c : plan_.classes) class_head(*c.decl);
    for (const auto& i : plan_.interfaces) class_head(*i.decl);
    for (const auto& k : calls_.classes) fields(k);
    std::string proxies = proxy_tables();  // registers the proxies' codecs before they are written
    w_.blank_lines(2);
    std::string classes;
    for (const auto& c : plan_.classes) classes += "    " + std::to_string(c.type_id) + ": " + Codecs::class_name(*c.decl) + ",\n";
    w_.print("# Go types in the wire format (targets/common/ABI.md), and the classes of bound types by id.\n"
             "_gclasses = {\n$classes$}\n_gc = _gpic_wire.scalar_codecs()\n",
             {{"classes", classes}});
    for (const auto& d : codecs_.definitions()) w_.print("$d$\n", {{"d", d}});
    std::string items;
    for (const auto& c : codecs_.by_index()) items += "    " + c + ",\n";
    w_.print("# The codecs by the index the C++ functions use.\n_gcodecs = (\n$items$)\n", {{"items", items}});
    if (!proxies.empty()) w_.print("\n$p$", {{"p", proxies}});
  }

  void all_names() {
    std::vector<std::string> names = calls_.module_names();
    for (auto& n : channels::public_class_names(plan_)) names.push_back(n);
    py::emit_all(w_, m_, names);
  }

  void enums_and_aliases() {
    py::emit_enums_and_aliases(w_, m_, codecs_, py::doc_text, [](const ir::Const& c) { return "_gconst_" + c.name + "()"; });
  }

  void class_head(const ir::TypeDecl& t) {
    std::string kind = t.instance_of                             ? "= " + t.instance_of->go_spelling()  // as the .gpi writes it
                       : t.kind == ir::TypeDecl::Kind::Struct    ? "struct"
                       : t.kind == ir::TypeDecl::Kind::Interface ? "interface"
                                                                 : t.underlying->go_spelling();
    w_.blank_lines(2);
    w_.print("class $name$(_GoObject):\n", {{"name", Codecs::class_name(t)}});
    auto in = w_.indent();
    w_.print("$doc$\n\n__slots__ = ()\n", {{"doc", py::docstring(py::doc_text(t.doc, "type " + t.name + " " + kind), "")}});
  }

  // The fields repr shows.
  void fields(const py::Calls::ClassCalls& k) {
    std::string names;
    for (const auto& g : k.getters) names += py::string_literal(g.python_name) + ", ";
    if (!k.value.empty()) names += "\"value\", ";
    if (names.empty()) return;
    w_.blank_lines(1);
    w_.print("$cls$._gfields = ($names$)\n", {{"cls", Codecs::class_name(*k.cls->decl)}, {"names", names}});
  }

  // What Go may call on Python objects: per interface its methods, per callback type the call.
  std::string proxy_tables() {
    CodeWriter p;
    auto entry = [&](const std::string& name, const ir::FuncSig& sig) {
      std::string args, results;
      for (const auto& a : sig.params) args += codec(*a.type) + ", ";
      for (const auto* r : sig.value_results()) results += codec(*r->type) + ", ";
      return "(" + name + ", (" + args + "), (" + results + "), " + (sig.returns_error() ? "True" : "False") + ")";
    };
    if (plan_.interfaces.empty() && plan_.foreign_interfaces.empty() && plan_.callbacks.empty()) return "";
    p.print("# What Go may call on Python objects: per interface its methods, per callback type the call.\n");
    for (const auto* list : {&plan_.interfaces, &plan_.foreign_interfaces})
      for (const auto& i : *list) {
        std::string rows;
        for (const auto& me : i.proxy_methods())
          rows += "    " + entry(py::string_literal(codecs_.method_name(me.name)), me.sig) + ",\n";
        p.print("_gbridge.proxies[$id$] = (  # $name$\n$rows$)\n",
                {{"id", std::to_string(i.proxy_id)}, {"name", py::interface_go_name(i)}, {"rows", rows}});
      }
    for (const auto& cb : plan_.callbacks)
      p.print("_gbridge.proxies[$id$] = ($entry$,)  # $go$\n",
              {{"id", std::to_string(cb.proxy_id)}, {"entry", entry("None", *cb.sig)}, {"go", cb.key}});
    return p.take();
  }

  // A codec's Python name, as the definitions spell it (registering it).
  std::string codec(const ir::Type& t) { return codecs_.by_index()[static_cast<size_t>(codecs_.index(t))]; }

  void setup() {
    w_.print("import sys as _gsys\n\n");
    // The other bound modules whose classes this one's signatures use (a joint build).
    if (std::string imports = py::imported_module_statements(m_); !imports.empty()) w_.print("$i$\n", {{"i", imports}});
    std::vector<py::ModuleAttr> consts, vars;
    for (const auto& c : calls_.const_getters) consts.push_back({c.python_name, private_name(c), ""});
    for (size_t i = 0; i < calls_.var_getters.size(); ++i)
      vars.push_back({calls_.var_getters[i].python_name, private_name(calls_.var_getters[i]), private_name(calls_.var_setters[i])});
    if (py::emit_module_attributes(w_, consts, vars)) w_.print("\n\n");
    // Awaitable calls: the module's Awaiter over the runtime's completion ports, and the `aio`
    // layer over the start and collect functions (targets/common/awaitables.hpp).
    w_.print("_gaio = _gpic_aio.Awaiter(_glib.gpicw_aio_open, _glib.gpicw_aio_drain, _glib.gpicw_aio_close, _gbridge.async_raised)\n");
    aio::emit_python(w_, m_, awaitables_, "_gaio", awaitables_.funcs.empty() && awaitables_.classes.empty() ? "None" : "_gaio_cancel",
                     [&](const ir::Type& t) { return codec(t); });
    w_.blank_lines(2);
    py::emit_module_end(w_);
  }

  const ir::Module& m_;
  const abi::Plan& plan_;
  const py::Calls& calls_;
  Codecs& codecs_;
  const aio::Awaitables& awaitables_;
  CodeWriter w_;
};

}  // namespace

std::string private_name(const py::Call& c) { return "_g" + c.wrapper.substr(6); }

PythonParts emit_python(const ir::Module& m, const abi::Plan& plan, const py::Calls& calls, Codecs& codecs,
                        const aio::Awaitables& awaitables) {
  return PythonWriter(m, plan, calls, codecs, awaitables).emit();
}

}  // namespace gpic::cpython
