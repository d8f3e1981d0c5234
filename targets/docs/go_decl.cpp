#include "targets/docs/go_decl.hpp"

#include <algorithm>

namespace gpic::docs {

namespace {

constexpr const char* kIndent = "    ";

// Past this many characters a declaration puts each parameter group on its own line (valid
// Go, and what gofmt keeps when a person writes it so), because the docs show Go and Python
// side by side in half a page each.
constexpr size_t kWrapWidth = 56;

// "a, b int" and "c string": consecutive named parameters of one type share it, as gofmt keeps
// them.
std::vector<std::string> param_groups(const std::vector<ir::Param>& ps, bool variadic) {
  bool named = std::all_of(ps.begin(), ps.end(), [](const ir::Param& p) { return !p.name.empty(); });
  std::vector<std::string> groups;
  std::string cur;
  for (size_t i = 0; i < ps.size(); ++i) {
    bool last_variadic = variadic && i + 1 == ps.size();
    std::string type = last_variadic ? "..." + ps[i].type->elem->go_spelling() : ps[i].type->go_spelling();
    if (!named) {
      groups.push_back(type);
      continue;
    }
    cur += (cur.empty() ? "" : ", ") + ps[i].name;
    bool shares_next = i + 1 < ps.size() && !(variadic && i + 2 == ps.size()) &&
                       ps[i + 1].type->go_spelling() == ps[i].type->go_spelling();
    if (!shares_next) {
      groups.push_back(cur + " " + type);
      cur.clear();
    }
  }
  return groups;
}

std::string join(const std::vector<std::string>& parts, bool wrap) {
  std::string out;
  for (const auto& p : parts) out += wrap ? "\n" + std::string(kIndent) + p + "," : (out.empty() ? "" : ", ") + p;
  return wrap && !parts.empty() ? out + "\n" : out;
}

std::string signature(const ir::FuncSig& sig, bool wrap) {
  std::string out = "(" + join(param_groups(sig.params, sig.variadic), wrap) + ")";
  if (sig.results.empty()) return out;
  if (sig.results.size() == 1 && sig.results[0].name.empty()) return out + " " + sig.results[0].type->go_spelling();
  return out + " (" + join(param_groups(sig.results, false), false) + ")";
}

// `head` followed by the signature, wrapped when one line would be too long.
std::string with_signature(const std::string& head, const ir::FuncSig& sig) {
  std::string line = head + signature(sig, false);
  return line.size() <= kWrapWidth || sig.params.empty() ? line : head + signature(sig, true);
}

}  // namespace

std::string go_signature(const ir::FuncSig& sig) { return signature(sig, false); }

std::string go_param_type(const ir::FuncSig& sig, size_t index) {
  const ir::Param& p = sig.params[index];
  if (sig.variadic && index + 1 == sig.params.size()) return "..." + p.type->elem->go_spelling();
  return p.type->go_spelling();
}

std::string go_func(const ir::Func& f) {
  std::string out = "func ";
  if (f.recv) {
    out += "(";
    if (!f.recv->name.empty()) out += f.recv->name + " ";
    out += (f.recv->pointer ? "*" : "") + f.recv->type_name + ") ";
  }
  // An instantiation shows its signature with the type arguments in, and what it instantiates.
  if (f.instance_of) return with_signature(out + f.name, f.sig) + "  // " + f.instance_of->go_spelling();
  return with_signature(out + f.name, f.sig);
}

std::string go_interface_method(const ir::InterfaceMethod& m) { return with_signature(m.name, m.sig); }

std::string go_field(const ir::Field& f) {
  if (f.embedded) return f.type->go_spelling();
  return f.name + " " + f.type->go_spelling();
}

std::string go_type(const ir::TypeDecl& t) {
  std::string out = "type " + t.name;
  // An instantiation is declared as the .gpi (and Go code using it) writes it: its fields and
  // methods are listed with it, types substituted.
  if (t.instance_of) return out + " = " + t.instance_of->go_spelling();
  switch (t.kind) {
    case ir::TypeDecl::Kind::Defined:
      return out + (t.alias ? " = " : " ") + t.underlying->go_spelling();
    case ir::TypeDecl::Kind::Interface: {
      if (t.methods.empty()) return out + " interface{}";
      out += " interface {\n";
      for (const auto& m : t.methods) out += std::string(kIndent) + m.name + go_signature(m.sig) + "\n";
      return out + "}";
    }
    case ir::TypeDecl::Kind::Struct: {
      if (t.fields.empty()) return out + " struct{}";
      out += " struct {\n";
      // Align field types like gofmt does; consecutive fields of one type share a line.
      struct Row {
        std::string names, type;
      };
      std::vector<Row> rows;
      for (size_t i = 0; i < t.fields.size(); ++i) {
        const auto& f = t.fields[i];
        if (f.embedded) {
          rows.push_back({f.type->go_spelling(), ""});
          continue;
        }
        std::string type = f.type->go_spelling();
        if (!rows.empty() && !rows.back().type.empty() && rows.back().type == type && i > 0 &&
            !t.fields[i - 1].embedded && t.fields[i - 1].loc.line == f.loc.line && f.loc.line != 0)
          rows.back().names += ", " + f.name;
        else
          rows.push_back({f.name, type});
      }
      size_t width = 0;
      for (const auto& r : rows)
        if (!r.type.empty()) width = std::max(width, r.names.size());
      for (const auto& r : rows) {
        out += kIndent + r.names;
        if (!r.type.empty()) out += std::string(width - r.names.size() + 1, ' ') + r.type;
        out += "\n";
      }
      return out + "}";
    }
  }
  return out;
}

std::string go_const(const ir::Const& c) {
  std::string out = "const " + c.name;
  // Only a type the author wrote (the checker's inferred type has no position): an untyped
  // constant stays untyped in the docs as in Go.
  if (c.type && c.type->loc.line > 0) out += " " + c.type->go_spelling();
  if (c.value.empty()) return out;
  out += " = " + c.value.text();
  bool uses_iota = std::any_of(c.value.tokens.begin(), c.value.tokens.end(),
                               [](const auto& t) { return t.kind == ir::ConstExpr::Token::Kind::Iota; });
  if (uses_iota) out += "  // iota = " + std::to_string(c.iota);
  return out;
}

std::string go_var(const ir::Var& v) { return "var " + v.name + " " + v.type->go_spelling(); }

}  // namespace gpic::docs
