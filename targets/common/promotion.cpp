#include "targets/common/promotion.hpp"

#include <map>
#include <set>

#include "compiler/limits.hpp"

namespace gpic::abi {

namespace {

// An embedded type reached at the current depth, and the embedded fields leading to it.
struct Embedded {
  const ir::TypeDecl* decl;
  std::string via;
};

// The declaration an embedded field names (`Base` or `*Base`), when this .gpi declares it.
const ir::TypeDecl* embedded_decl(const ir::Field& f) {
  const ir::Type* t = f.type.get();
  if (t && t->kind == ir::Type::Kind::Pointer) t = t->elem.get();
  if (!t || t->kind != ir::Type::Kind::Named || !t->qualifier.empty()) return nullptr;
  return t->decl;
}

// A method of an embedded type, as a method of the embedding struct `outer`.
std::shared_ptr<const ir::Func> promoted_method(const ir::TypeDecl& outer, const std::string& name, const ir::FuncSig& sig,
                                                const ir::Doc& doc, const ir::Loc& loc) {
  auto f = std::make_shared<ir::Func>();
  f->name = name;
  f->recv = ir::Receiver{"", outer.name, true, loc};
  f->sig = sig;
  f->doc = doc;
  f->loc = loc;
  return f;
}

// One member an embedded type offers at some depth.
struct Candidate {
  const ir::Field* field = nullptr;
  std::shared_ptr<const ir::Func> method;
  std::string via;
};

}  // namespace

Promoted promoted_members(const ir::TypeDecl& t) {
  Promoted out;
  if (t.kind != ir::TypeDecl::Kind::Struct) return out;
  std::set<std::string> taken;   // names a shallower depth has (or made ambiguous)
  std::set<const ir::TypeDecl*> seen{&t};
  std::vector<Embedded> level;
  for (const auto& f : t.fields) {
    taken.insert(f.name);
    if (const ir::TypeDecl* d = f.embedded ? embedded_decl(f) : nullptr) level.push_back({d, f.name});
  }
  for (const ir::Func* m : t.bound_methods) taken.insert(m->name);

  for (int depth = 1; !level.empty() && depth <= limits::kMaxNesting; ++depth) {
    std::vector<std::pair<std::string, Candidate>> found;  // in declaration order
    std::map<std::string, int> count;
    std::vector<Embedded> next;
    for (const Embedded& e : level) {
      if (!seen.insert(e.decl).second) continue;  // a type embedded again deeper (or itself)
      const ir::TypeDecl& d = *e.decl;
      for (const auto& f : d.fields) {
        found.push_back({f.name, {&f, nullptr, e.via}});
        if (const ir::TypeDecl* inner = f.embedded ? embedded_decl(f) : nullptr) next.push_back({inner, e.via + "." + f.name});
      }
      for (const ir::Func* m : d.bound_methods)
        found.push_back({m->name, {nullptr, promoted_method(t, m->name, m->sig, m->doc, m->loc), e.via}});
      if (d.kind == ir::TypeDecl::Kind::Interface)
        for (const auto& m : d.methods)
          found.push_back({m.name, {nullptr, promoted_method(t, m.name, m.sig, m.doc, m.loc), e.via}});
    }
    for (const auto& [name, c] : found) ++count[name];
    for (auto& [name, c] : found) {
      if (taken.count(name) || count[name] != 1) continue;
      if (c.field) {
        auto copy = std::make_shared<ir::Field>(*c.field);
        out.fields.push_back({std::move(copy), c.via});
      } else {
        out.methods.push_back({std::move(c.method), c.via});
      }
    }
    for (const auto& [name, c] : found) taken.insert(name);
    level = std::move(next);
  }
  return out;
}

}  // namespace gpic::abi
