// Import aliases (`import tmpl "text_template.gpi"`), resolved once: every `tmpl.Template` the
// file writes becomes `<the package's name>.Template`, so the rest of the checker, the IR and
// every target name an imported package one way, by its module name, as before aliases.
#include <unordered_map>

#include "compiler/check_context.hpp"
#include "compiler/limits.hpp"

namespace gpic::check {
namespace {

class AliasRewriter {
 public:
  AliasRewriter(Context& cx, std::unordered_map<std::string, std::string> local_to_module,
                std::unordered_map<std::string, std::string> hidden)
      : cx_(cx), local_(std::move(local_to_module)), hidden_(std::move(hidden)) {}

  void run() {
    ir::Module& m = cx_.module;
    for (ir::TypeDecl& d : m.types) {
      for (ir::Field& f : d.fields) type(f.type.get(), 0);
      for (ir::InterfaceMethod& me : d.methods) sig(me.sig, 0);
      for (ir::TypeRef& e : d.embeds) type(e.get(), 0);
      type(d.underlying.get(), 0);
    }
    for (ir::Func& f : m.funcs) sig(f.sig, 0);
    for (ir::Const& c : m.consts) {
      type(c.type.get(), 0);
      for (ir::ConstExpr::Token& t : c.value.tokens) token(t);
    }
    for (ir::Var& v : m.vars) type(v.type.get(), 0);
  }

 private:
  // Returns the module name for a qualifier written in this file; reports a package's own name
  // used where the file renamed it (Go says `undefined: template` there too).
  std::string rename(const std::string& qualifier, const ir::Loc& loc) {
    if (auto it = local_.find(qualifier); it != local_.end()) return it->second;
    if (auto it = hidden_.find(qualifier); it != hidden_.end())
      cx_.error(loc, "package " + quote(qualifier) + " is imported as " + quote(it->second) +
                         " in this file: write " + it->second + ".<name>");
    return qualifier;
  }

  void sig(ir::FuncSig& s, int depth) {
    for (ir::Param& p : s.params) type(p.type.get(), depth);
    for (ir::Param& r : s.results) type(r.type.get(), depth);
  }

  void type(ir::Type* t, int depth) {
    if (!t || depth > limits::kMaxNesting) return;  // too deep: check_nesting reports it
    if (t->kind == ir::Type::Kind::Named && !t->qualifier.empty()) t->qualifier = rename(t->qualifier, t->loc);
    for (ir::TypeRef& a : t->args) type(a.get(), depth + 1);
    type(t->elem.get(), depth + 1);
    type(t->key.get(), depth + 1);
    if (t->sig) sig(*t->sig, depth + 1);
  }

  void token(ir::ConstExpr::Token& t) {
    if (t.kind != ir::ConstExpr::Token::Kind::Ident) return;
    size_t dot = t.text.find('.');
    if (dot == std::string::npos) return;
    auto it = local_.find(t.text.substr(0, dot));
    if (it != local_.end()) t.text = it->second + t.text.substr(dot);
  }

  Context& cx_;
  std::unordered_map<std::string, std::string> local_;   // alias -> module name
  std::unordered_map<std::string, std::string> hidden_;  // renamed module's name -> its alias
};

}  // namespace

void resolve_import_aliases(Context& cx) {
  std::unordered_map<std::string, std::string> local, hidden;
  bool any = false;
  for (const ir::Import& import : cx.module.imports) {
    if (!import.module) continue;
    if (import.alias.empty()) {
      local[import.module->name] = import.module->name;
      continue;
    }
    any = true;
    local[import.alias] = import.module->name;
    hidden.emplace(import.module->name, import.alias);
  }
  if (!any) return;
  // A name one import gives itself and another's alias takes is that import's, not hidden.
  for (const auto& [name, module] : local) hidden.erase(name);
  AliasRewriter(cx, std::move(local), std::move(hidden)).run();
}

}  // namespace gpic::check
