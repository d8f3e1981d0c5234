// Generics: a generic type or function is bound only through the instantiations the file
// names (`type IntSet = Set[int]`, `func MaxInt = Max[int]`). This pass, the checker's first,
// expands each instantiation into an ordinary declaration (the generic's body with the type
// arguments substituted; an instance type gets a copy of every method of its generic), so
// that the later passes check it and every target binds it like any other declaration. Only
// Instantiation (TypeDecl/Func::instance_of) remembers the Go spelling, `Set[int]`, which the
// cgo target needs to name the Go type and the docs show.
//
// Then every `Set[int]` written in a signature (or produced by substitution, as in a method
// `Union(o *Set[T]) *Set[T]`) is replaced by the name the file gives that instantiation, and
// the generic declarations move to Module::generic_types / generic_funcs, out of the targets'
// sight.
//
// Type arguments are checked here for their number and, where a constraint is a union of
// predeclared types (`~int | float64`), against it; every other constraint (`comparable`,
// `cmp.Ordered`, an interface) is checked by Go, on the .gpi's own line, when it compiles the
// shim's checks file.
#include <cctype>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "compiler/check_context.hpp"
#include "compiler/limits.hpp"

namespace gpic::check {

namespace {

using Substitution = std::unordered_map<std::string, ir::TypeRef>;

// A deep copy of `t` with type parameters replaced: instances must not share Type nodes with
// their generic (the checker writes into them) nor with one another.
ir::TypeRef substitute(const ir::TypeRef& t, const Substitution& s);

ir::FuncSig substitute(const ir::FuncSig& sig, const Substitution& s) {
  ir::FuncSig out = sig;
  for (ir::Param& p : out.params) p.type = substitute(p.type, s);
  for (ir::Param& p : out.results) p.type = substitute(p.type, s);
  return out;
}

ir::TypeRef substitute(const ir::TypeRef& t, const Substitution& s) {
  if (!t) return nullptr;
  if (t->kind == ir::Type::Kind::Named && t->qualifier.empty() && t->args.empty()) {
    auto it = s.find(t->name);
    if (it != s.end()) return substitute(it->second, {});
  }
  auto out = std::make_shared<ir::Type>(*t);
  out->decl = nullptr;
  out->decl_module = nullptr;
  out->elem = substitute(t->elem, s);
  out->key = substitute(t->key, s);
  for (ir::TypeRef& a : out->args) a = substitute(a, s);
  if (t->sig) out->sig = std::make_shared<ir::FuncSig>(substitute(*t->sig, s));
  return out;
}

std::string params_spelling(const std::vector<ir::TypeParam>& params) {
  std::string out;
  for (const ir::TypeParam& p : params) out += (out.empty() ? "" : ", ") + p.name + " " + p.constraint;
  return "[" + out + "]";
}

std::string count(size_t n, const char* what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); }

class Expander {
 public:
  explicit Expander(Context& cx) : cx_(cx), m_(cx.module) {}

  void run() {
    for (size_t i = 0; i < m_.types.size(); ++i)
      if (!m_.types[i].type_params.empty()) generic_types_.emplace(m_.types[i].name, i);
    for (size_t i = 0; i < m_.funcs.size(); ++i)
      if (!m_.funcs[i].recv && !m_.funcs[i].type_params.empty()) generic_funcs_.emplace(m_.funcs[i].name, i);
    bool any_generic_syntax = !generic_types_.empty() || !generic_funcs_.empty();
    for (const ir::Func& f : m_.funcs) any_generic_syntax = any_generic_syntax || f.instance_of;
    if (!any_generic_syntax) {
      reject_stray_arguments();
      return;
    }
    find_generic_methods();
    find_type_instances();
    rebuild();
    name_instantiations();
  }

 private:
  // Methods whose receiver is a generic type, by that type's index.
  void find_generic_methods() {
    for (size_t i = 0; i < m_.funcs.size(); ++i) {
      ir::Func& f = m_.funcs[i];
      if (!f.recv) continue;
      if (!f.type_params.empty())
        cx_.error(f.type_params[0].loc, "a method cannot have type parameters of its own (Go has none)");
      auto it = generic_types_.find(f.recv->type_name);
      if (it == generic_types_.end()) {
        if (!f.recv->type_params.empty())
          cx_.error(f.recv->loc, quote(f.recv->type_name) + " is not a generic type: its receiver takes no [type parameters]");
        continue;
      }
      generic_method_.insert(i);
      const ir::TypeDecl& generic = m_.types[it->second];
      if (f.recv->type_params.size() != generic.type_params.size()) {
        cx_.error(f.recv->loc, "a method of generic type " + quote(generic.name) + " names its " +
                                   count(generic.type_params.size(), "type parameter") + ": (" +
                                   (f.recv->name.empty() ? "" : f.recv->name + " ") + (f.recv->pointer ? "*" : "") +
                                   generic.name + "[" + names(generic.type_params) + "])");
        continue;
      }
      methods_of_[it->second].push_back(i);
    }
  }

  static std::string names(const std::vector<ir::TypeParam>& params) {
    std::string out;
    for (const ir::TypeParam& p : params) out += (out.empty() ? "" : ", ") + p.name;
    return out;
  }

  // `type IntSet = Set[int]`, by index into m_.types.
  void find_type_instances() {
    for (size_t i = 0; i < m_.types.size(); ++i) {
      ir::TypeDecl& t = m_.types[i];
      if (t.kind != ir::TypeDecl::Kind::Defined || !t.underlying || t.underlying->kind != ir::Type::Kind::Named ||
          t.underlying->args.empty() || !t.type_params.empty())
        continue;
      const ir::Type& u = *t.underlying;
      if (!u.qualifier.empty()) continue;  // reported by name_instantiations
      auto it = generic_types_.find(u.name);
      if (it == generic_types_.end()) continue;  // likewise
      if (!t.alias) {
        cx_.error(t.loc, "an instantiation binds the generic's own Go type: write 'type " + t.name + " = " +
                             u.go_spelling() + "' (with '=')");
        t.underlying = nullptr;  // reported: not again as an unnamed instantiation
        continue;
      }
      if (!arguments_fit(m_.types[it->second].name, m_.types[it->second].type_params, u.args, u.loc)) {
        t.underlying = nullptr;
        continue;
      }
      type_instance_of_.emplace(i, it->second);
    }
  }

  // The number of arguments, and each against a constraint gpic can decide alone.
  bool arguments_fit(const std::string& generic, const std::vector<ir::TypeParam>& params,
                     const std::vector<ir::TypeRef>& args, const ir::Loc& loc) {
    if (args.size() != params.size()) {
      cx_.error(loc, quote(generic) + " has " + count(params.size(), "type parameter") + " " +
                         params_spelling(params) + ", not " + std::to_string(args.size()));
      return false;
    }
    bool ok = true;
    for (size_t i = 0; i < args.size(); ++i) {
      if (satisfies(*args[i], params[i])) continue;
      cx_.error(args[i]->loc, quote(args[i]->go_spelling()) + " does not satisfy " + params[i].constraint +
                                  " (the constraint of " + params[i].name + " in " + generic + ")");
      ok = false;
    }
    return ok;
  }

  // Decides only a constraint made of predeclared types (`int | ~float64`); anything else is
  // Go's to check, so it passes here.
  bool satisfies(const ir::Type& arg, const ir::TypeParam& param) {
    if (param.terms.empty()) return true;
    for (const ir::TypeParam::Term& term : param.terms)
      if (!term.type || term.type->kind != ir::Type::Kind::Prim || term.type->prim == ir::Prim::Any) return true;
    const ir::Type* core = &arg;
    bool named = false;
    if (arg.kind == ir::Type::Kind::Named) {
      if (!arg.args.empty()) return false;  // an instance of a generic is never a predeclared type
      Underlying u = cx_.underlying_of(arg, m_);
      if (u.decl) return false;
      if (!u.type) return true;  // unresolved: reported later
      core = u.type;
      named = true;
    }
    if (core->kind != ir::Type::Kind::Prim) return false;
    for (const ir::TypeParam::Term& term : param.terms)
      if (ir::canonical(term.type->prim) == ir::canonical(core->prim) && (term.tilde || !named)) return true;
    return false;
  }

  ir::TypeDecl expand_type(const ir::TypeDecl& alias, const ir::TypeDecl& generic) {
    ir::TypeDecl out = generic;
    Substitution s = bind(generic.type_params, alias.underlying->args);
    for (ir::Field& f : out.fields) f.type = substitute(f.type, s);
    for (ir::InterfaceMethod& me : out.methods) me.sig = substitute(me.sig, s);
    for (ir::TypeRef& e : out.embeds) e = substitute(e, s);
    out.underlying = substitute(generic.underlying, s);
    out.name = alias.name;
    out.loc = alias.loc;
    if (!alias.doc.empty()) out.doc = alias.doc;
    out.type_params.clear();
    out.instance_of = ir::Instantiation{generic.name, alias.underlying->args};
    return out;
  }

  ir::Func expand_method(const ir::Func& method, const ir::TypeDecl& instance) {
    ir::Func out = method;
    std::vector<ir::TypeParam> renamed;  // the receiver's own names for the parameters
    for (const std::string& name : method.recv->type_params) renamed.push_back({name, {}, {}, {}});
    out.sig = substitute(method.sig, bind(renamed, instance.instance_of->args));
    out.recv->type_name = instance.name;
    out.recv->type_params.clear();
    return out;
  }

  static Substitution bind(const std::vector<ir::TypeParam>& params, const std::vector<ir::TypeRef>& args) {
    Substitution s;
    for (size_t i = 0; i < params.size() && i < args.size(); ++i)
      if (params[i].name != "_") s.emplace(params[i].name, args[i]);
    return s;
  }

  // The module again, in file order: generic declarations set aside, each instantiation
  // replaced by its expansion (an instance type followed by its methods).
  void rebuild() {
    std::vector<ir::TypeDecl> types;
    std::vector<ir::Func> funcs;
    std::vector<ir::DeclRef> order;
    std::unordered_set<size_t> generic_type_index, generic_func_index;
    for (const auto& [name, i] : generic_types_) generic_type_index.insert(i);
    for (const auto& [name, i] : generic_funcs_) generic_func_index.insert(i);
    for (const ir::DeclRef& ref : m_.order) {
      if (ref.kind == ir::DeclRef::Kind::Type) {
        if (generic_type_index.count(ref.index)) continue;
        auto inst = type_instance_of_.find(ref.index);
        if (inst == type_instance_of_.end()) {
          order.push_back({ref.kind, types.size()});
          types.push_back(m_.types[ref.index]);
          continue;
        }
        order.push_back({ref.kind, types.size()});
        types.push_back(expand_type(m_.types[ref.index], m_.types[inst->second]));
        for (size_t method : methods_of_[inst->second]) {
          order.push_back({ir::DeclRef::Kind::Func, funcs.size()});
          funcs.push_back(expand_method(m_.funcs[method], types.back()));
        }
      } else if (ref.kind == ir::DeclRef::Kind::Func) {
        if (generic_func_index.count(ref.index) || generic_method_.count(ref.index)) continue;
        const ir::Func& f = m_.funcs[ref.index];
        if (f.instance_of) {
          std::optional<ir::Func> expanded = expand_func(f);
          if (!expanded) continue;
          order.push_back({ref.kind, funcs.size()});
          funcs.push_back(std::move(*expanded));
          continue;
        }
        order.push_back({ref.kind, funcs.size()});
        funcs.push_back(f);
      } else {
        order.push_back(ref);
      }
    }
    for (const auto& [name, i] : generic_types_) m_.generic_types.push_back(m_.types[i]);
    for (size_t i = 0; i < m_.funcs.size(); ++i)
      if (generic_func_index.count(i) || generic_method_.count(i)) m_.generic_funcs.push_back(m_.funcs[i]);
    m_.types = std::move(types);
    m_.funcs = std::move(funcs);
    m_.order = std::move(order);
    cx_.forget_index(m_);  // it pointed into the vectors just replaced
  }

  std::optional<ir::Func> expand_func(const ir::Func& inst) {
    const ir::Instantiation& what = *inst.instance_of;
    auto it = generic_funcs_.find(what.generic);
    if (it == generic_funcs_.end()) {
      cx_.error(inst.loc, quote(what.generic) + " is not a generic function of this file: declare it, with its "
                          "type parameters (func " + what.generic + "[T any](...)), before instantiating it");
      return std::nullopt;
    }
    const ir::Func& generic = m_.funcs[it->second];
    if (!arguments_fit(generic.name, generic.type_params, what.args, inst.loc)) return std::nullopt;
    ir::Func out = generic;
    out.sig = substitute(generic.sig, bind(generic.type_params, what.args));
    out.name = inst.name;
    out.loc = inst.loc;
    if (!inst.doc.empty()) out.doc = inst.doc;
    out.type_params.clear();
    out.instance_of = what;
    return out;
  }

  // Every `Set[int]` becomes the name the file gives it; generic names without arguments and
  // instantiations without a name are reported.
  void name_instantiations() {
    // The canonical spelling of each instance ("Set[int]", with its arguments' own names
    // expanded the same way), so that Set[Pair[int]] and Set[PairInt] are one type.
    for (const ir::TypeDecl& t : m_.types)
      if (t.instance_of) instances_.emplace(t.name, &t);
    for (const ir::TypeDecl& t : m_.types) {
      if (!t.instance_of) continue;
      std::string key = canonical(t.instance_of->generic, t.instance_of->args, 0);
      auto [it, fresh] = instance_named_.emplace(key, t.name);
      if (!fresh)
        cx_.error(t.loc, key + " is already named " + quote(it->second) + ": one name per instantiation, so that "
                                                                           "a Go value has one Python class");
    }
    std::function<void(const ir::TypeRef&)> visit = [&](const ir::TypeRef& t) {
      if (!t || !seen_.insert(t.get()).second) return;
      for (const ir::TypeRef& a : t->args) visit(a);
      visit(t->elem);
      visit(t->key);
      if (t->sig) visit_sig(*t->sig, visit);
      if (t->kind == ir::Type::Kind::Named) rename(*t);
    };
    for (ir::TypeDecl& t : m_.types) {
      for (ir::Field& f : t.fields) visit(f.type);
      for (ir::InterfaceMethod& me : t.methods) visit_sig(me.sig, visit);
      for (ir::TypeRef& e : t.embeds) visit(e);
      // An instance's own `= Set[int]` is not a use: it was expanded.
      if (!t.instance_of) visit(t.underlying);
      if (t.instance_of)
        for (const ir::TypeRef& a : t.instance_of->args) visit(a);
    }
    for (ir::Func& f : m_.funcs) {
      visit_sig(f.sig, visit);
      if (f.instance_of)
        for (const ir::TypeRef& a : f.instance_of->args) visit(a);
    }
    for (ir::Var& v : m_.vars) visit(v.type);
    for (ir::Const& c : m_.consts) visit(c.type);
  }

  static void visit_sig(const ir::FuncSig& sig, const std::function<void(const ir::TypeRef&)>& visit) {
    for (const ir::Param& p : sig.params) visit(p.type);
    for (const ir::Param& p : sig.results) visit(p.type);
  }

  void rename(ir::Type& t) {
    if (!t.qualifier.empty()) {
      if (!t.args.empty())
        cx_.error(t.loc, "instantiate " + t.qualifier + "." + t.name + " in the file that declares it (type X = " +
                             t.name + "[...]) and use its name here");
      return;
    }
    if (t.args.empty()) {
      if (generic_types_.count(t.name))
        cx_.error(t.loc, "generic type " + quote(t.name) + " needs type arguments: name an instantiation (type " +
                             t.name + "Of = " + t.name + "[...]) and use that name");
      return;
    }
    auto generic = generic_types_.find(t.name);
    if (generic == generic_types_.end()) {
      cx_.error(t.loc, quote(t.name) + " is not a generic type of this file: it takes no type arguments");
      return;
    }
    std::string key = canonical(t.name, t.args, 0);
    auto it = instance_named_.find(key);
    if (it == instance_named_.end()) {
      cx_.error(t.loc, key + " has no name in this file: Python needs one for its class, so declare 'type " +
                           suggested_name(t) + " = " + t.go_spelling() + "' and write that");
      return;
    }
    t.name = it->second;
    t.args.clear();
  }

  static std::string suggested_name(const ir::Type& t) {
    std::string name = t.name;
    for (const ir::TypeRef& a : t.args) {
      std::string arg = a->kind == ir::Type::Kind::Named ? a->name : a->go_spelling();
      std::string word;
      for (char c : arg)
        if (std::isalnum(static_cast<unsigned char>(c))) word += c;
      if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      name += word;
    }
    return name;
  }

  std::string canonical(const std::string& generic, const std::vector<ir::TypeRef>& args, int depth) {
    std::string out = generic + "[";
    for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + canonical(args[i], depth + 1);
    return out + "]";
  }

  std::string canonical(const ir::TypeRef& t, int depth) {
    if (!t) return "?";
    if (depth > limits::kMaxNesting) return t->go_spelling();
    switch (t->kind) {
      case ir::Type::Kind::Named: {
        if (!t->args.empty()) return canonical(t->qualifier.empty() ? t->name : t->qualifier + "." + t->name, t->args, depth);
        auto it = t->qualifier.empty() ? instances_.find(t->name) : instances_.end();
        if (it != instances_.end())
          return canonical(it->second->instance_of->generic, it->second->instance_of->args, depth + 1);
        return t->go_spelling();
      }
      case ir::Type::Kind::Slice: return "[]" + canonical(t->elem, depth + 1);
      case ir::Type::Kind::Array: return "[" + std::to_string(t->length) + "]" + canonical(t->elem, depth + 1);
      case ir::Type::Kind::Map: return "map[" + canonical(t->key, depth + 1) + "]" + canonical(t->elem, depth + 1);
      case ir::Type::Kind::Pointer: return "*" + canonical(t->elem, depth + 1);
      default: return t->go_spelling();
    }
  }

  // A file without generic declarations still gets a clear message for `Foo[int]`.
  void reject_stray_arguments() { name_instantiations(); }

  Context& cx_;
  ir::Module& m_;
  std::unordered_map<std::string, size_t> generic_types_;  // name -> index in m_.types
  std::unordered_map<std::string, size_t> generic_funcs_;  // name -> index in m_.funcs
  std::unordered_set<size_t> generic_method_;              // indexes in m_.funcs
  std::unordered_map<size_t, std::vector<size_t>> methods_of_;  // generic type -> its methods
  std::unordered_map<size_t, size_t> type_instance_of_;    // instance type -> its generic
  std::unordered_map<std::string, std::string> instance_named_;  // canonical spelling -> name
  std::unordered_map<std::string_view, const ir::TypeDecl*> instances_;  // name -> instance type
  std::unordered_set<const ir::Type*> seen_;
};

}  // namespace

void expand_generics(Context& cx) { Expander(cx).run(); }

}  // namespace gpic::check
