// Methods: a receiver names a type declared in this file that Go lets methods be declared
// on, a type's methods have distinct names that no field of it already uses, and each type
// learns its methods (TypeDecl::bound_methods).
#include <unordered_map>

#include "compiler/check_context.hpp"

namespace gpic::check {

namespace {

constexpr const char* kAllowedReceivers =
    "methods can be declared on structs and on named slice, array, map and scalar types";

// Why methods cannot be declared on `t` (a type of this file, not an alias), or empty.
std::string receiver_problem(Context& cx, const ir::TypeDecl& t) {
  if (t.kind == ir::TypeDecl::Kind::Interface) return "an interface type";
  if (t.kind == ir::TypeDecl::Kind::Struct || !t.underlying) return {};
  Underlying u = cx.underlying_of(*t.underlying, cx.module);
  if (u.decl) return u.decl->kind == ir::TypeDecl::Kind::Interface ? "an interface type" : "";
  if (!u.type) return {};  // did not resolve: reported already
  switch (u.type->kind) {
    case ir::Type::Kind::Pointer: return "a pointer type";
    case ir::Type::Kind::Func: return "a function type";
    case ir::Type::Kind::Prim:
      return u.type->prim == ir::Prim::Error || u.type->prim == ir::Prim::Any ? "an interface type" : "";
    default: return {};
  }
}

class ReceiverChecker {
 public:
  explicit ReceiverChecker(Context& cx) : cx_(cx) {}

  void check(ir::Func& f) {
    const ir::Receiver& recv = *f.recv;
    ir::TypeDecl* target = receiver_type(recv);
    if (!target) return;
    // Two methods of one name, or a method and a field: `p.X` could not mean both.
    auto [it, first] = methods_[target].emplace(f.name, f.loc);
    if (!first) {
      cx_.error(f.loc, "duplicate method " + quote(f.name) + " for type " + quote(target->name));
      cx_.note(it->second, "previous declaration is here");
      return;
    }
    for (const ir::Field& field : target->fields) {
      if (field.name != f.name) continue;
      cx_.error(f.loc, "type " + quote(target->name) + " has both a field and a method named " + quote(f.name));
      cx_.note(field.loc, "field declared here");
      return;
    }
    target->bound_methods.push_back(&f);
  }

 private:
  // The declaration the receiver's methods belong to (aliases followed), or null after
  // reporting why there is none.
  ir::TypeDecl* receiver_type(const ir::Receiver& recv) {
    const std::string& name = recv.type_name;
    if (name.find('.') != std::string::npos) {
      cx_.error(recv.loc, "cannot define methods on imported type " + quote(name) + "; " + kAllowedReceivers +
                              " declared in this file");
      return nullptr;
    }
    if (ir::prim_from_name(name)) {
      cx_.error(recv.loc, "cannot define methods on built-in type " + quote(name) + "; declare a named type (type " +
                              "MyType " + name + ") and use it as the receiver");
      return nullptr;
    }
    ir::TypeDecl* t = cx_.find_local_type(name);
    if (!t) {
      cx_.error(recv.loc, "receiver type " + quote(name) + " is not declared in this file");
      return nullptr;
    }
    for (int hops = 0; t->alias && t->underlying && hops < 64; ++hops) {
      const ir::Type& target = *t->underlying;
      ir::TypeDecl* next = target.kind == ir::Type::Kind::Named && target.qualifier.empty()
                               ? cx_.find_local_type(target.name)
                               : nullptr;
      if (!next) {
        cx_.error(recv.loc, "invalid receiver type " + quote(name) + " (an alias of " +
                                quote(target.go_spelling()) + ", which is not declared in this file)");
        return nullptr;
      }
      t = next;
    }
    std::string problem = receiver_problem(cx_, *t);
    if (!problem.empty()) {
      cx_.error(recv.loc, "invalid receiver type " + quote(name) + " (" + problem + "); " + kAllowedReceivers);
      return nullptr;
    }
    return t;
  }

  Context& cx_;
  std::unordered_map<const ir::TypeDecl*, std::unordered_map<std::string, ir::Loc>> methods_;
};

}  // namespace

void check_receivers(Context& cx) {
  for (ir::TypeDecl& t : cx.module.types) t.bound_methods.clear();
  ReceiverChecker checker(cx);
  for (ir::Func& f : cx.module.funcs)
    if (f.recv) checker.check(f);
}

}  // namespace gpic::check
