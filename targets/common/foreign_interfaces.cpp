#include "targets/common/foreign_interfaces.hpp"

#include <algorithm>

#include "compiler/limits.hpp"
#include "targets/common/c_abi.hpp"

namespace gpic::abi {
namespace {

// A copy of `t` whose named types say their package: each resolved name is qualified by the
// module that declares it (the checker already spells imports by the module's name).
ir::TypeRef qualified(const ir::TypeRef& t, int depth = 0) {
  if (!t || depth > limits::kMaxNesting) return t;
  auto copy = std::make_shared<ir::Type>(*t);
  if (t->kind == ir::Type::Kind::Named && t->decl && t->decl_module) copy->qualifier = t->decl_module->name;
  copy->elem = qualified(t->elem, depth + 1);
  copy->key = qualified(t->key, depth + 1);
  if (t->sig) {
    auto sig = std::make_shared<ir::FuncSig>(*t->sig);
    for (ir::Param& p : sig->params) p.type = qualified(p.type, depth + 1);
    for (ir::Param& p : sig->results) p.type = qualified(p.type, depth + 1);
    copy->sig = std::move(sig);
  }
  return copy;
}

// The interfaces being checked on this thread: an interface whose methods use itself (or one
// that uses it back) is checked once, not forever.
thread_local std::vector<const ir::TypeDecl*> checking;

}  // namespace

std::vector<ir::InterfaceMethod> methods_spelled_outside(const ir::TypeDecl& d) {
  std::vector<ir::InterfaceMethod> out = d.methods;
  for (ir::InterfaceMethod& me : out) {
    for (ir::Param& p : me.sig.params) p.type = qualified(p.type);
    for (ir::Param& p : me.sig.results) p.type = qualified(p.type);
  }
  return out;
}

bool foreign_interface_ok(const ir::TypeDecl& d, const ir::Type& t, std::string* why) {
  if (std::find(checking.begin(), checking.end(), &d) != checking.end()) return true;
  checking.push_back(&d);
  bool ok = true;
  for (const ir::InterfaceMethod& me : methods_spelled_outside(d)) {
    std::string inner;
    if (!func_sig_crosses(me.sig, &inner)) {
      if (why) *why = "interface " + t.go_spelling() + " of another package: its method " + me.name + " uses " + inner;
      ok = false;
      break;
    }
  }
  checking.pop_back();
  return ok;
}

}  // namespace gpic::abi
