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
    if (t->kind == K::Named && t->decl && t->decl_module && t->decl_module != &m_) {
      const ir::Type* first = through_ ? through_ : t;
      bool seen = std::any_of(uses.begin(), uses.end(), [&](const ForeignUse& u) { return u.module == t->decl_module; });
      if (!seen) uses.push_back({t->decl_module, first});
      bool known = std::any_of(types.begin(), types.end(), [&](const ir::Type* k) { return k->decl == t->decl; });
      if (!known && !through_) types.push_back(t);
      if (t->decl->kind == ir::TypeDecl::Kind::Interface) interface_methods(*t);
    }
    for (const auto& a : t->args) type(a.get(), depth + 1);
    type(t->elem.get(), depth + 1);
    type(t->key.get(), depth + 1);
    if (t->sig) sig(*t->sig, depth + 1);
  }

  // Another package's interface: m's shim answers its methods for Python objects
  // (targets/common/foreign_interfaces.hpp), so the packages of the types they use are used
  // too, first at the interface's own use (`through_`). They are not among the types m's
  // declarations name.
  void interface_methods(const ir::Type& iface) {
    if (std::find(walked_.begin(), walked_.end(), iface.decl) != walked_.end()) return;
    walked_.push_back(iface.decl);
    const ir::Type* outer = through_;
    through_ = outer ? outer : &iface;
    for (const auto& me : iface.decl->methods) sig(me.sig);
    through_ = outer;
  }

  const ir::Module& m_;
  const ir::Type* through_ = nullptr;
  std::vector<const ir::TypeDecl*> walked_;
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
