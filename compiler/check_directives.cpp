// `//gpic:` directives name parameters Go reads in place: numeric slices (`[]float64`,
// `[]byte`, a named type over one that has no methods). Any other parameter is converted or
// copied on its way to Go, so keeping, borrowing or only reading it would mean nothing.
#include "compiler/check_context.hpp"

namespace gpic::check {

namespace {

// Follows named types the way the C ABI does: a defined type without methods, or an alias,
// crosses as its underlying type; anything with methods crosses as a handle.
const ir::Type* lent_form(Context& cx, const ir::Type& type, const ir::Module& in, int depth = 0) {
  if (depth > 64) return nullptr;  // a cycle, reported by check_recursive_types
  if (type.kind != ir::Type::Kind::Named) return &type;
  Resolved r = type.decl ? Resolved{type.decl, type.decl_module} : cx.lookup(in, type);
  if (!r.decl || r.decl->kind != ir::TypeDecl::Kind::Defined || !r.decl->underlying) return nullptr;
  if (!r.decl->alias && !r.decl->bound_methods.empty()) return nullptr;
  return lent_form(cx, *r.decl->underlying, *r.module, depth + 1);
}

bool is_lent_buffer(Context& cx, const ir::Type& type) {
  const ir::Type* t = lent_form(cx, type, cx.module);
  if (!t || t->kind != ir::Type::Kind::Slice || !t->elem) return false;
  const ir::Type* elem = lent_form(cx, *t->elem, cx.module);
  return elem && elem->kind == ir::Type::Kind::Prim && (ir::is_integer(elem->prim) || ir::is_float(elem->prim));
}

// A name that did not resolve has been reported by check_types.
bool unresolved(const ir::Type& t) {
  if (t.kind == ir::Type::Kind::Named) return t.decl == nullptr;
  return t.elem && unresolved(*t.elem);
}

void check_signature(Context& cx, const ir::FuncSig& sig) {
  for (const ir::Param& p : sig.params) {
    if (!p.marks.any() || !p.type || unresolved(*p.type)) continue;
    if (!is_lent_buffer(cx, *p.type))
      cx.error(p.marks.loc, "a //gpic: directive can only mark a numeric slice parameter (which Go reads in "
                            "place); '" + p.name + "' is " + p.type->go_spelling());
  }
}

}  // namespace

void check_directives(Context& cx) {
  for (const ir::Func& f : cx.module.funcs) check_signature(cx, f.sig);
  for (const ir::TypeDecl& t : cx.module.types)
    for (const ir::InterfaceMethod& m : t.methods) check_signature(cx, m.sig);
}

}  // namespace gpic::check
