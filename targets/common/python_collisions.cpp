#include "targets/common/python_collisions.hpp"

#include <map>

#include "targets/common/c_abi.hpp"
#include "targets/common/named_values.hpp"

namespace gpic::py {

namespace {

// One Python namespace: the Python names declared in it so far, and by what.
class Scope {
 public:
  Scope(Diagnostics& diags, std::string where) : diags_(diags), where_(std::move(where)) {}

  /// `what` ("function 'None_'") takes `python` in this scope.
  void declare(const std::string& python, const std::string& what, const ir::Loc& loc) {
    auto [it, fresh] = seen_.try_emplace(python, Entry{what, loc});
    if (fresh) return;
    ok_ = false;
    std::string message = what + " is named '" + python + "' in Python" + where_ + ", as " + it->second.what +
                          " is: rename one of them in the .gpi";
    // Each Python target checks the module; the first one to find a clash reports it.
    for (const Diagnostic& d : diags_.all())
      if (d.message == message && d.loc.file == loc.file && d.loc.line == loc.line && d.loc.col == loc.col) return;
    diags_.error(loc, message);
    if (it->second.loc.line > 0) diags_.note(it->second.loc, it->second.what + " is declared here");
  }

  bool ok() const { return ok_; }

 private:
  struct Entry {
    std::string what;
    ir::Loc loc;
  };
  Diagnostics& diags_;
  std::string where_;
  std::map<std::string, Entry> seen_;
  bool ok_ = true;
};

std::string named(const char* kind, const std::string& name) { return std::string(kind) + " '" + name + "'"; }

bool check_params(const ir::FuncSig& sig, const std::string& owner, Diagnostics& diags) {
  Scope params(diags, " (parameters of " + owner + ")");
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const ir::Param& p = sig.params[i];
    params.declare(param_name(p.name, i), named("parameter", p.name.empty() ? "_" : p.name), p.loc);
  }
  return params.ok();
}

}  // namespace

bool check_collisions(const ir::Module& m, Case c, Diagnostics& diags) {
  bool ok = true;
  // Names must match what the targets use: types keep Go's spelling (module_name without a
  // case), as do constants; functions and variables follow --py-names.
  Scope top(diags, "");
  for (const ir::DeclRef& ref : m.order) {
    switch (ref.kind) {
      case ir::DeclRef::Kind::Type: {
        const ir::TypeDecl& t = m.types[ref.index];
        top.declare(module_name(t.name), named("type", t.name), t.loc);
        break;
      }
      case ir::DeclRef::Kind::Func: {
        const ir::Func& f = m.funcs[ref.index];
        if (!f.recv) top.declare(module_name(f.name, c), named("function", f.name), f.loc);
        ok = check_params(f.sig, f.recv ? f.recv->type_name + "." + f.name : f.name, diags) && ok;
        break;
      }
      case ir::DeclRef::Kind::Const: {
        const ir::Const& k = m.consts[ref.index];
        top.declare(module_name(k.name), named("constant", k.name), k.loc);
        break;
      }
      case ir::DeclRef::Kind::Var: {
        const ir::Var& v = m.vars[ref.index];
        // A sentinel error is an exception class, named as Go names it (python_codecs).
        if (abi::is_sentinel(v)) top.declare(module_name(v.name), named("sentinel error", v.name), v.loc);
        else top.declare(module_name(v.name, c), named("variable", v.name), v.loc);
        break;
      }
    }
  }
  ok = top.ok() && ok;

  for (const ir::TypeDecl& t : m.types) {
    Scope members(diags, " (attributes of " + t.name + ")");
    if (abi::is_handle_decl(t) && t.kind == ir::TypeDecl::Kind::Defined)
      members.declare("value", "the property 'value' that holds its Go value", {});
    // A named number with methods is an int or float subclass (an IntEnum with constants):
    // its methods must not hide what those classes already have.
    if (abi::is_value_decl(t))
      for (const char* a : {"name", "value", "real", "imag", "numerator", "denominator", "conjugate", "bit_length",
                            "bit_count", "to_bytes", "from_bytes", "as_integer_ratio", "is_integer", "hex", "fromhex"})
        members.declare(a, std::string("the attribute '") + a + "' of Python's int, float and IntEnum", {});
    // A named slice, array or map type is a subclass of bytes, array.array, list or dict.
    if (is_container_decl(t))
      for (const char* a : inherited_attributes(t))
        members.declare(a, std::string("the attribute '") + a + "' of its base class " + container_class(t).python_base, {});
    Scope keywords(diags, " (keywords of the constructor " + t.name + "())");
    for (size_t i = 0; i < t.fields.size(); ++i) {
      const ir::Field& f = t.fields[i];
      members.declare(member_name(f.name, c), named("field", t.name + "." + f.name), f.loc);
      keywords.declare(field_param_name(f.name, i, c), named("field", t.name + "." + f.name), f.loc);
    }
    for (const ir::InterfaceMethod& me : t.methods) {
      members.declare(member_name(me.name, c), named("method", t.name + "." + me.name), me.loc);
      ok = check_params(me.sig, t.name + "." + me.name, diags) && ok;
    }
    for (const ir::Func* f : t.bound_methods)
      members.declare(member_name(f->name, c), named("method", t.name + "." + f->name), f->loc);
    ok = members.ok() && keywords.ok() && ok;
  }
  return ok;
}

}  // namespace gpic::py
