#include "targets/common/named_values.hpp"

#include "compiler/limits.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/python_api.hpp"
#include "targets/common/python_codecs.hpp"

namespace gpic::py {

using K = ir::Type::Kind;

bool is_container_decl(const ir::TypeDecl& d) { return abi::is_container_value_decl(d); }

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

const std::vector<const char*>& inherited_attributes(const ir::TypeDecl& d) {
  // dir() of each base in Python 3.11, without the underscore names.
  static const std::vector<const char*> bytes_attrs = {
      "capitalize", "center", "count", "decode", "endswith", "expandtabs", "find", "fromhex", "hex", "index",
      "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust",
      "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex",
      "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title",
      "translate", "upper", "zfill"};
  static const std::vector<const char*> array_attrs = {
      "append", "buffer_info", "byteswap", "count", "extend", "frombytes", "fromfile", "fromlist", "fromunicode",
      "index", "insert", "itemsize", "pop", "remove", "reverse", "tobytes", "tofile", "tolist", "tounicode",
      "typecode"};
  static const std::vector<const char*> list_attrs = {"append", "clear", "copy", "count", "extend", "index",
                                                      "insert", "pop", "remove", "reverse", "sort"};
  static const std::vector<const char*> dict_attrs = {"clear", "copy", "fromkeys", "get", "items", "keys",
                                                      "pop", "popitem", "setdefault", "update", "values"};
  std::string base = container_class(d).runtime_base;
  if (base == "NamedBytes") return bytes_attrs;
  if (base == "NamedArray") return array_attrs;
  if (base == "NamedDict") return dict_attrs;
  return list_attrs;
}

}  // namespace gpic::py
