#include "targets/common/named_values.hpp"

#include "compiler/limits.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/python_api.hpp"
#include "targets/common/python_codecs.hpp"

namespace gpic::py {

using K = ir::Type::Kind;

bool is_container_decl(const ir::TypeDecl& d) {
  if (d.kind != ir::TypeDecl::Kind::Defined || d.alias || !d.underlying || abi::is_handle_decl(d)) return false;
  K k = abi::underlying(*d.underlying).kind;
  return k == K::Slice || k == K::Array || k == K::Map;
}

bool is_container_type(const ir::Type& t) {
  const ir::Type* cur = &t;
  for (int hops = 0; hops <= limits::kMaxNesting && cur->kind == K::Named && cur->qualifier.empty() && cur->decl; ++hops) {
    if (is_container_decl(*cur->decl)) return true;
    if (!cur->decl->alias || !cur->decl->underlying) return false;
    cur = cur->decl->underlying.get();
  }
  return false;
}

ContainerClass container_class(const ir::TypeDecl& d) {
  const ir::Type& u = abi::underlying(*d.underlying);
  // The base is the type the values of the underlying type have as results, so that a class
  // instance and a plain result of the underlying type behave alike.
  std::string base = type_annotation(u, Role::Result);
  if (u.kind == K::Map) return {"NamedDict", base};
  if (is_byte_elem(abi::underlying(*u.elem))) return {"NamedBytes", base};
  if (is_numeric_sequence(u)) return {"NamedArray", base};
  return {"NamedList", base};
}

}  // namespace gpic::py
