// Types: every name in a type resolves (setting Type::decl), and the rules that concern one
// type expression or one signature: comparable map keys, `error` only as the last result,
// positive array lengths, distinct parameter names.
#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "compiler/check_context.hpp"
#include "compiler/limits.hpp"
#include "targets/common/wellknown.hpp"

namespace gpic::check {

namespace {

// Why `t` cannot be a map key, or nullopt when it can. Types that did not resolve count as
// comparable: they were reported already.
std::optional<std::string> not_comparable(Context& cx, const ir::Type& t, const ir::Module& in,
                                          std::unordered_set<const ir::TypeDecl*>& visiting, int depth = 0) {
  // Structs nested by value deeper than this are reported by check_nesting, which runs later.
  if (depth > limits::kMaxNesting) return std::nullopt;
  switch (t.kind) {
    case ir::Type::Kind::Slice: return "slices are not comparable";
    case ir::Type::Kind::Map: return "maps are not comparable";
    case ir::Type::Kind::Func: return "functions are not comparable";
    case ir::Type::Kind::Seq: return "iterators are functions, which are not comparable";
    case ir::Type::Kind::Array:
      return t.elem ? not_comparable(cx, *t.elem, in, visiting, depth + 1) : std::nullopt;
    case ir::Type::Kind::Named: {
      Underlying u = cx.underlying_of(t, in);
      if (u.type) return not_comparable(cx, *u.type, *u.module, visiting, depth + 1);
      if (!u.decl || u.decl->kind != ir::TypeDecl::Kind::Struct) return std::nullopt;
      if (!visiting.insert(u.decl).second) return std::nullopt;  // a recursive struct, reported elsewhere
      for (const ir::Field& f : u.decl->fields) {
        if (f.type && not_comparable(cx, *f.type, *u.module, visiting, depth + 1))
          return "field " + quote(f.name) + " has type " + quote(f.type->go_spelling()) + ", which is not comparable";
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

class TypeWalker {
 public:
  explicit TypeWalker(Context& cx) : cx_(cx) {}

  void type(const ir::TypeRef& t) {
    // Specs like `a, b Foo` share one Type: check it, and report about it, once.
    if (!t || !seen_.insert(t.get()).second) return;
    switch (t->kind) {
      case ir::Type::Kind::Prim:
        break;
      case ir::Type::Kind::Named:
        resolve(*t);
        break;
      case ir::Type::Kind::Array:
        if (t->length == 0) cx_.error(t->loc, "array length must be greater than zero");
        type(t->elem);
        break;
      case ir::Type::Kind::Slice:
        type(t->elem);
        break;
      case ir::Type::Kind::Pointer:
        // `*big.Int` is the well-known type; the pointer is part of its name.
        if (t->elem && wellknown::find(*t) && seen_.insert(t->elem.get()).second) break;
        type(t->elem);
        break;
      case ir::Type::Kind::Map:
        type(t->key);
        type(t->elem);
        if (t->key) map_key(*t->key);
        break;
      case ir::Type::Kind::Func:
        if (t->sig) signature(*t->sig, nullptr);
        break;
      case ir::Type::Kind::Chan:
      case ir::Type::Kind::Seq:
        type(t->key);
        type(t->elem);
        break;
    }
  }

  void signature(const ir::FuncSig& sig, const ir::Receiver* recv) {
    std::unordered_map<std::string, ir::Loc> names;
    auto declare = [&](const std::string& name, const ir::Loc& loc) {
      if (name.empty() || name == "_") return;
      auto [it, first] = names.emplace(name, loc);
      if (first) return;
      cx_.error(loc, "duplicate parameter " + quote(name));
      cx_.note(it->second, "previous declaration is here");
    };
    if (recv) declare(recv->name, recv->loc);
    for (const ir::Param& p : sig.params) {
      declare(p.name, p.loc);
      type(p.type);
    }
    for (size_t i = 0; i < sig.results.size(); ++i) {
      const ir::Param& r = sig.results[i];
      declare(r.name, r.loc);
      type(r.type);
      bool is_error = r.type && r.type->kind == ir::Type::Kind::Prim && r.type->prim == ir::Prim::Error;
      if (is_error && i + 1 < sig.results.size())
        cx_.error(r.type->loc, "'error' is only allowed as the last result");
    }
  }

 private:
  void resolve(ir::Type& t) {
    if (t.qualifier.empty()) {
      if (const ir::TypeDecl* decl = cx_.find_type(cx_.module, t.name)) {
        t.decl = decl;
        t.decl_module = &cx_.module;
      } else if (std::any_of(cx_.module.generic_types.begin(), cx_.module.generic_types.end(),
                             [&](const ir::TypeDecl& g) { return g.name == t.name; })) {
        // A generic used without a named instantiation: reported by expand_generics.
      } else if (cx_.is_value_name(t.name)) {
        cx_.error(t.loc, quote(t.name) + " is not a type");
      } else {
        cx_.error(t.loc, "unknown type " + quote(t.name));
      }
      return;
    }
    const ir::Module* home = imported_module(cx_.module, t.qualifier);
    if (!home && wellknown::is_builtin_name(t.qualifier, t.name)) {
      // A standard-library type gpic builds in (targets/common/wellknown.hpp): no import.
      if (!wellknown::find(t)) {
        const auto* e = wellknown::find_name(t.qualifier, t.name);
        cx_.error(t.loc, quote(t.go_spelling()) + " is only bound as " + quote(std::string(e->spelling)) +
                             " (the standard library passes it by pointer)");
      }
      return;
    }
    if (!home) {
      if (!cx_.import_missing)
        cx_.error(t.loc, "unknown package " + quote(t.qualifier) + " in " + quote(t.go_spelling()) +
                             " (no import provides it)");
      return;
    }
    if (const ir::TypeDecl* decl = cx_.find_type(*home, t.name)) {
      t.decl = decl;
      t.decl_module = home;
    } else {
      cx_.error(t.loc, "unknown type " + quote(t.go_spelling()) + " (package " + quote(t.qualifier) +
                           " declares no type " + quote(t.name) + ")");
    }
  }

  void map_key(const ir::Type& key) {
    std::unordered_set<const ir::TypeDecl*> visiting;
    if (auto why = not_comparable(cx_, key, cx_.module, visiting))
      cx_.error(key.loc, "invalid map key type " + quote(key.go_spelling()) + " (" + *why + ")");
  }

  Context& cx_;
  std::unordered_set<const ir::Type*> seen_;
};

}  // namespace

void check_types(Context& cx) {
  TypeWalker walk(cx);
  ir::Module& m = cx.module;
  for (const ir::TypeDecl& t : m.types) {
    for (const ir::Field& f : t.fields) walk.type(f.type);
    for (const ir::InterfaceMethod& method : t.methods) walk.signature(method.sig, nullptr);
    for (const ir::TypeRef& embed : t.embeds) walk.type(embed);
    walk.type(t.underlying);
    // An instantiation's type arguments resolve too: the cgo target spells them in Go.
    if (t.instance_of)
      for (const ir::TypeRef& arg : t.instance_of->args) walk.type(arg);
  }
  for (const ir::Func& f : m.funcs) {
    walk.signature(f.sig, f.recv ? &*f.recv : nullptr);
    if (f.instance_of)
      for (const ir::TypeRef& arg : f.instance_of->args) walk.type(arg);
  }
  for (const ir::Const& c : m.consts) walk.type(c.type);
  for (const ir::Var& v : m.vars) walk.type(v.type);
}

}  // namespace gpic::check
