#include "compiler/foreign_types.hpp"

#include <algorithm>

#include "compiler/limits.hpp"

namespace gpic {
namespace {

class Walker {
 public:
  explicit Walker(const ir::Module& m) : m_(m) {}

  Walker& run() {
    for (const auto& t : m_.types) decl(t);
    for (const auto& f : m_.funcs) sig(f.sig);
    for (const auto& k : m_.consts) type(k.type.get(), 0);
    for (const auto& v : m_.vars) type(v.type.get(), 0);
    return *this;
  }

  std::vector<ForeignUse> uses;
  std::vector<const ir::Type*> types;

 private:
  void decl(const ir::TypeDecl& d) {
    for (const auto& f : d.fields) type(f.type.get(), 0);
    for (const auto& me : d.methods) sig(me.sig);
    type(d.underlying.get(), 0);
  }

  void sig(const ir::FuncSig& s, int depth = 0) {
    for (const auto& p : s.params) type(p.type.get(), depth);
    for (const auto& r : s.results) type(r.type.get(), depth);
  }

  void type(const ir::Type* t, int depth) {
    if (!t || depth > limits::kMaxNesting) return;
    using K = ir::Type::Kind;
    if (t->kind == K::Named && !t->qualifier.empty() && t->decl && t->decl_module && t->decl_module != &m_) {
      bool seen = std::any_of(uses.begin(), uses.end(), [&](const ForeignUse& u) { return u.module == t->decl_module; });
      if (!seen) uses.push_back({t->decl_module, t});
      bool known = std::any_of(types.begin(), types.end(), [&](const ir::Type* k) { return k->decl == t->decl; });
      if (!known) types.push_back(t);
    }
    for (const auto& a : t->args) type(a.get(), depth + 1);
    type(t->elem.get(), depth + 1);
    type(t->key.get(), depth + 1);
    if (t->sig) sig(*t->sig, depth + 1);
  }

  const ir::Module& m_;
};

}  // namespace

std::vector<ForeignUse> foreign_uses(const ir::Module& m) { return std::move(Walker(m).run().uses); }

std::vector<const ir::Type*> foreign_types(const ir::Module& m) { return std::move(Walker(m).run().types); }

bool check_foreign_uses_built(const ir::Module& m, const std::vector<const ir::Module*>& built, Diagnostics& diags) {
  bool ok = true;
  for (const ForeignUse& use : foreign_uses(m)) {
    if (std::find(built.begin(), built.end(), use.module) != built.end()) continue;
    const std::string& other = use.module->name;
    diags.error(use.first->loc, "type " + use.first->go_spelling() + " is of package " + other + " (" +
                                    use.module->file + "), which is not built with " + m.name +
                                    ": a Go object crosses between two modules only over one Go runtime; "
                                    "build them together: gpic build " + m.file + " " + use.module->file);
    ok = false;
  }
  return ok;
}

}  // namespace gpic
