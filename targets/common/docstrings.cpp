#include "targets/common/docstrings.hpp"

namespace gpic::py {

std::string go_signature(const ir::Func& f) {
  // A method as the binding targets' docstrings show it: "func Point.Dist(q Point) float64".
  return go_signature((f.recv ? f.recv->type_name + "." : "") + f.name, f.sig);
}

std::string go_signature(const std::string& name, const ir::FuncSig& sig) {
  std::string s = "func " + name + "(";
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const auto& p = sig.params[i];
    bool variadic = sig.variadic && i + 1 == sig.params.size();
    s += (i ? ", " : "") + (p.name.empty() ? "" : p.name + " ") +
         (variadic ? "..." + p.type->elem->go_spelling() : p.type->go_spelling());
  }
  s += ")";
  if (sig.results.size() == 1) s += " " + sig.results[0].type->go_spelling();
  if (sig.results.size() > 1) {
    s += " (";
    for (size_t i = 0; i < sig.results.size(); ++i) s += (i ? ", " : "") + sig.results[i].type->go_spelling();
    s += ")";
  }
  return s;
}

std::string go_type_decl(const ir::TypeDecl& t) {
  if (t.instance_of) return "type " + t.name + " = " + t.instance_of->go_spelling();  // as the .gpi writes it
  switch (t.kind) {
    case ir::TypeDecl::Kind::Struct: return "type " + t.name + " struct";
    case ir::TypeDecl::Kind::Interface: return "type " + t.name + " interface";
    case ir::TypeDecl::Kind::Defined: break;
  }
  return "type " + t.name + (t.alias ? " = " : " ") + (t.underlying ? t.underlying->go_spelling() : "");
}

std::string doc_text(const ir::Doc& doc, const std::string& go_signature) {
  std::string s = doc.en;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    s += (s.empty() ? "" : "\n\n") + part;
  };
  add(doc.ko);
  if (!go_signature.empty()) add("Go: " + go_signature);
  return s;
}

std::string module_doc(const ir::Module& m) {
  std::string doc = doc_text(m.doc, "");
  return doc.empty() ? "Python binding of the Go package " + m.go_path + "." : doc;
}

}  // namespace gpic::py
