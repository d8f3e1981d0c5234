#include "targets/docs/page_layout.hpp"

#include "compiler/foreign_types.hpp"

#include "targets/common/lending.hpp"
#include "targets/common/python_api.hpp"
#include "targets/docs/anchors.hpp"
#include "targets/docs/go_decl.hpp"
#include "targets/docs/xref.hpp"

namespace gpic::docs {

std::vector<Section> sections(const Page& p, const Words& w) {
  std::vector<Section> all = {
      {"constants", w.constants, &p.consts},   {"variables", w.variables, &p.vars},
      {"functions", w.functions, &p.funcs},    {"structs", w.structs, &p.structs},
      {"interfaces", w.interfaces, &p.interfaces}, {"types", w.types, &p.types},
  };
  std::vector<Section> out;
  for (auto& s : all)
    if (!s.symbols->empty()) out.push_back(s);
  return out;
}

std::string_view kind_label(SymbolKind kind, const Words& w) {
  switch (kind) {
    case SymbolKind::Package: return w.kind_package;
    case SymbolKind::Const: return w.kind_const;
    case SymbolKind::Var: return w.kind_var;
    case SymbolKind::Func: return w.kind_function;
    case SymbolKind::Struct: return w.kind_struct;
    case SymbolKind::Interface: return w.kind_interface;
    case SymbolKind::Type: return w.kind_type;
    case SymbolKind::Field: return w.kind_field;
    case SymbolKind::Method: return w.kind_method;
  }
  return w.kind_type;
}

std::vector<ParamRow> param_rows(const ir::FuncSig& sig) {
  std::vector<ParamRow> rows;
  std::vector<py::PyParam> ps = py::params(sig);
  for (size_t i = 0; i < ps.size(); ++i)
    rows.push_back({(ps[i].variadic ? "*" : "") + ps[i].name, ps[i].annotation, go_param_type(sig, i)});
  return rows;
}

std::vector<Spans> lending_notes(const ir::FuncSig& sig, bool method, const Words& w) {
  std::vector<abi::Lowering> results;
  for (const ir::Param* r : sig.value_results())
    if (auto l = abi::lower(*r->type, false)) results.push_back(*l);
  std::vector<py::PyParam> names = py::params(sig);
  std::vector<Spans> notes;
  for (size_t i = 0; i < sig.params.size() && i < names.size(); ++i) {
    CodeWriter::Vars v{{"name", names[i].name}};
    switch (abi::lend_rule(sig, i, method, results)) {
      case abi::Lend::Result: notes.push_back(sentence(w.kept_by_result, v)); break;
      case abi::Lend::Receiver: notes.push_back(sentence(w.kept_by_receiver, v)); break;
      case abi::Lend::GoCopy: notes.push_back(sentence(w.copied_into_go, v)); break;
      case abi::Lend::Call: break;
    }
    if (sig.params[i].marks.readonly) notes.push_back(sentence(w.read_only, v));
  }
  return notes;
}

std::vector<Spans> imported_type_notes(const ir::Module& module, const Site& site, const Words& w) {
  std::vector<const ir::Type*> types = foreign_types(module);
  if (types.empty()) return {};
  std::string refs;
  for (const ir::Type* t : types) refs += (refs.empty() ? "[" : ", [") + t->qualifier + "." + t->name + "]";
  Spans spans = sentence(w.imported_types, {{"types", refs}});
  XrefTable xref(module);
  for (Span& s : spans) {
    if (s.kind != Span::Kind::Ref) continue;
    auto target = xref.resolve(s.text);
    if (!target) continue;
    s.resolved = true;
    if (site.pages.count(page_stem(target->page))) {
      s.page = page_stem(target->page);
      s.anchor = target->anchor;
    }
  }
  return {spans};
}

std::vector<ResultRow> result_rows(const ir::FuncSig& sig) {
  std::vector<ResultRow> rows;
  auto values = sig.value_results();
  for (size_t i = 0; i < values.size(); ++i)
    rows.push_back({values.size() > 1 ? "[" + std::to_string(i) + "]" : "", values[i]->name,
                    py::result_value_annotation(*values[i]), values[i]->type->go_spelling()});
  return rows;
}

Spans sentence(std::string_view tmpl, const CodeWriter::Vars& vars) {
  CodeWriter w("");
  w.print(tmpl, vars);
  return parse_inline(w.str());
}

namespace {

// Turns the `Name` code spans of a fixed sentence that name an exception into links to it.
Spans link_exceptions(Spans spans, const std::string& module) {
  for (Span& s : spans) {
    if (s.kind != Span::Kind::Code) continue;
    std::string name = s.text;
    if (name == module + ".Error") name = "Error";
    if (name != "Error" && name != "GoError" && name != "GoPanic") continue;
    s.kind = Span::Kind::Ref;
    s.resolved = true;
    s.anchor = anchor_exception(name);
  }
  return spans;
}

}  // namespace

std::vector<Spans> raises_items(const ir::FuncSig& sig, const ir::Module& m, const Words& w) {
  std::vector<Spans> items;
  if (sig.returns_error()) items.push_back(link_exceptions(sentence(w.raises_error, {{"error", m.name + ".Error"}}), m.name));
  items.push_back(link_exceptions(sentence(w.raises_panic), m.name));
  return items;
}

std::vector<ExceptionInfo> exceptions(const ir::Module& m, const Words& w) {
  return {
      {"Error", anchor_exception("Error"), "class Error(GoError)", sentence(w.error_class_doc, {{"module", m.name}})},
      {"GoError", anchor_exception("GoError"), "class GoError(Exception)", sentence(w.go_error_doc)},
      {"GoPanic", anchor_exception("GoPanic"), "class GoPanic(Exception)", sentence(w.go_panic_doc)},
      {"GoHandleError", anchor_exception("GoHandleError"), "class GoHandleError(ReferenceError)",
       sentence(w.go_handle_error_doc)},
  };
}

std::string display_name(const Symbol& s) { return s.py_name; }

}  // namespace gpic::docs
