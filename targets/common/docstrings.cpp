#include "targets/common/docstrings.hpp"

#include "targets/common/in_out.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::py {

std::string go_signature(const ir::Func& f) {
  // A method as the binding targets' docstrings show it: "func Point.Dist(q Point) float64".
  return go_signature((f.recv ? f.recv->type_name + "." : "") + f.name, f.sig);
}

namespace {

// `text` in lines of at most 88 characters, broken at spaces.
std::string wrapped(const std::string& text) {
  constexpr size_t kWidth = 88;
  std::string out, line;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(at, end - at);
    if (!line.empty() && line.size() + 1 + word.size() > kWidth) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    at = end + 1;
  }
  return out + line;
}

}  // namespace

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
  // What Python sees of Go's writes through in-out pointers (in_out.hpp), said where the
  // caller reads the signature.
  std::string in_out;
  for (size_t i = 0; i < sig.params.size(); ++i)
    if (!(sig.variadic && i + 1 == sig.params.size()) && abi::is_in_out(*sig.params[i].type))
      in_out += (in_out.empty() ? "" : ", ") + param_name(sig.params[i].name, i);
  if (!in_out.empty())
    s += "\n\n" + wrapped("Go may change what " + in_out + " point" + (in_out.find(',') == std::string::npos ? "s" : "") +
                          " to: pass a GoRef (or a list, dict, bytearray, array.array or numpy array) to receive "
                          "the change; a plain int, str or other immutable value is copied in, and Go's change to "
                          "it is dropped.");
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
