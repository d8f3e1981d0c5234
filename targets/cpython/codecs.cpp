#include "targets/cpython/codecs.hpp"

#include "targets/common/named_values.hpp"

namespace gpic::cpython {

using K = ir::Type::Kind;

std::string Codecs::numeric_result(const ir::Type& t, const std::string& r) {
  if (const ir::TypeDecl* d = abi::decl_of(t); d && (abi::is_handle_decl(*d) || d->kind == ir::TypeDecl::Kind::Interface))
    return "";
  if (py::is_container_type(t)) return "";  // its class's codec makes the instance
  const ir::Type& u = abi::underlying(t);
  if (u.kind != K::Slice && u.kind != K::Array) return "";
  const ir::Type& e = abi::underlying(*u.elem);
  if (e.kind != K::Prim || !(ir::is_integer(e.prim) || ir::is_float(e.prim))) return "";
  if (py::is_byte_elem(e)) return "gpic_py::bytes_result(" + r + ")";
  return std::string("gpic_py::nums_result<'") + py::array_typecode(e.prim) + "'>(" + r + ")";
}

int Codecs::index(const ir::Type& t) {
  std::string n = name(t);
  auto [it, fresh] = indexes_.emplace(n, static_cast<int>(by_index_.size()));
  if (fresh) by_index_.push_back(n);
  return it->second;
}

}  // namespace gpic::cpython
