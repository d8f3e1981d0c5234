#include "targets/cgo/const_values.hpp"

#include <algorithm>

#include "targets/cgo/go_expr.hpp"
#include "targets/cgo/go_names.hpp"
#include "targets/common/quoting.hpp"

namespace gpic::cgo {

namespace {

using Token = ir::ConstExpr::Token;

// The module a qualifier (`geometry` in `geometry.Origin`) names among m's imports.
const ir::Module* imported(const ir::Module& m, std::string_view qualifier) {
  for (const ir::Import& i : m.imports)
    if (i.module && i.module->name == qualifier) return i.module;
  return nullptr;
}

}  // namespace

ConstValues::ConstValues(const ir::Module& m) : m_(m) {
  for (const ir::Const& c : m.consts) own_names_.insert(c.name);
  for (const ir::TypeDecl& t : m.types) own_names_.insert(t.name);
  // Only the imports some value names: an unused import does not compile.
  for (const ir::Const& c : m.consts)
    for (const Token& t : c.value.tokens) {
      if (t.kind != Token::Kind::Ident) continue;
      size_t dot = t.text.find('.');
      if (dot == std::string::npos) continue;
      const ir::Module* home = imported(m, std::string_view(t.text).substr(0, dot));
      if (!home || home->go_path == m.go_path) continue;
      std::pair<std::string, std::string> import{alias_of(*home), home->go_path};
      if (std::find(imports_.begin(), imports_.end(), import) == imports_.end()) imports_.push_back(std::move(import));
    }
  std::sort(imports_.begin(), imports_.end());
}

std::string ConstValues::alias_of(const ir::Module& imported) const {
  if (imported.go_path == m_.go_path) return std::string(kPackageAlias);
  return imported_alias(imported.name);
}

std::string ConstValues::qualify(const std::string& id) const {
  size_t dot = id.find('.');
  if (dot == std::string::npos)
    return own_names_.count(id) ? std::string(kPackageAlias) + "." + id : id;  // else predeclared
  const ir::Module* home = imported(m_, std::string_view(id).substr(0, dot));
  return home ? alias_of(*home) + id.substr(dot) : id;
}

std::string ConstValues::go_value(const ir::Const& k) const {
  ir::ConstExpr value = k.value;
  for (auto& token : value.tokens)
    if (token.kind == Token::Kind::String || token.kind == Token::Kind::Rune) token.text = quoting::go_literal(token.text);
  return format_go_expr(value, [this](const std::string& id) { return qualify(id); }, k.iota);
}

}  // namespace gpic::cgo
