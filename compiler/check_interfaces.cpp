// Embedded interfaces: each must be an interface, and its methods join the embedding
// interface's method set (TypeDecl::methods), so that a target sees every method a Go value
// (or a Python object standing in for one) must have.
#include <unordered_map>
#include <vector>

#include "compiler/check_context.hpp"
#include "compiler/limits.hpp"

namespace gpic::check {

namespace {

// Go's predeclared `error` is `interface { Error() string }`.
ir::InterfaceMethod error_method(const ir::Loc& loc) {
  auto string_type = std::make_shared<ir::Type>();
  string_type->kind = ir::Type::Kind::Prim;
  string_type->prim = ir::Prim::String;
  string_type->loc = loc;
  ir::InterfaceMethod m;
  m.name = "Error";
  m.loc = loc;
  m.sig.results.push_back({"", string_type, loc, {}});
  return m;
}

// The signature's types, without parameter names: `func([]byte) (int, error)`.
std::string signature_types(const ir::FuncSig& sig) {
  ir::Type t;
  t.kind = ir::Type::Kind::Func;
  t.sig = std::make_shared<ir::FuncSig>(sig);
  for (ir::Param& p : t.sig->params) p.name.clear();
  for (ir::Param& p : t.sig->results) p.name.clear();
  return t.go_spelling();
}

class InterfaceCompleter {
 public:
  explicit InterfaceCompleter(Context& cx) : cx_(cx), state_(cx.module.types.size(), State::New) {}

  void complete(size_t index) {
    if (state_[index] != State::New) return;
    state_[index] = State::InProgress;
    ir::TypeDecl& t = cx_.module.types[index];
    const size_t own = t.methods.size();
    total_ += own;
    // Where each method name is in t.methods: a method set built from a chain of embeddings
    // holds thousands of methods, and finding each one by a scan would be quadratic.
    std::unordered_map<std::string, size_t> by_name;
    for (size_t i = 0; i < t.methods.size(); ++i) by_name.emplace(t.methods[i].name, i);
    for (const ir::TypeRef& embed : t.embeds) {
      if (!embed || too_many_) continue;
      std::vector<ir::InterfaceMethod> brought = methods_of(t, *embed);
      if (total_ + brought.size() > limits::kMaxMethodSetTotal) {
        // Completing further would make the output grow without bound (limits.hpp): one
        // error, and the remaining interfaces keep the methods they declare themselves.
        too_many_ = true;
        cx_.error(embed->loc, "too many methods: with the methods " + quote(embed->go_spelling()) + " brings into " +
                                  quote(t.name) + ", the interfaces of this file would hold more than " +
                                  std::to_string(limits::kMaxMethodSetTotal) +
                                  " methods in all, counting embedded ones in every interface that embeds them");
        break;
      }
      for (ir::InterfaceMethod& m : brought) add(t, by_name, std::move(m), *embed);
    }
    total_ += t.methods.size() - own;
    state_[index] = State::Done;
  }

 private:
  enum class State { New, InProgress, Done };

  // The complete method set `embed` brings into `t`; empty after reporting a problem.
  std::vector<ir::InterfaceMethod> methods_of(const ir::TypeDecl& t, const ir::Type& embed) {
    if (embed.kind == ir::Type::Kind::Prim && embed.prim == ir::Prim::Error) return {error_method(embed.loc)};
    if (embed.kind == ir::Type::Kind::Named && !embed.decl) return {};  // unknown: reported already
    Underlying u = cx_.underlying_of(embed, cx_.module);
    if (!u.decl && !u.type) return {};
    if (!u.decl || u.decl->kind != ir::TypeDecl::Kind::Interface) {
      cx_.error(embed.loc, quote(embed.go_spelling()) + " is not an interface; interface " + quote(t.name) +
                               " can only embed interfaces");
      return {};
    }
    if (u.module != &cx_.module) return imported_methods(*u.decl, *u.module, 0);
    size_t index = static_cast<size_t>(u.decl - cx_.module.types.data());
    if (state_[index] == State::InProgress) {
      cx_.error(embed.loc, "invalid recursive interface " + quote(t.name) + ": it embeds itself through " +
                               quote(embed.go_spelling()));
      return {};
    }
    complete(index);
    return cx_.module.types[index].methods;
  }

  // Methods of an interface in another module, which may not have been checked: its embedded
  // interfaces are followed here, and its types are spelled as this module must write them.
  std::vector<ir::InterfaceMethod> imported_methods(const ir::TypeDecl& decl, const ir::Module& home, int depth) {
    std::vector<ir::InterfaceMethod> out;
    if (depth > limits::kMaxNesting) return out;  // an embedding cycle over there is that module's error
    for (const ir::InterfaceMethod& m : decl.methods) {
      ir::InterfaceMethod copy = m;
      copy.sig = requalify(m.sig, home);
      out.push_back(std::move(copy));
    }
    for (const ir::TypeRef& embed : decl.embeds) {
      if (!embed) continue;
      if (embed->kind == ir::Type::Kind::Prim && embed->prim == ir::Prim::Error) {
        out.push_back(error_method(embed->loc));
        continue;
      }
      Underlying u = cx_.underlying_of(*embed, home);
      if (u.decl && u.decl->kind == ir::TypeDecl::Kind::Interface)
        for (ir::InterfaceMethod& m : imported_methods(*u.decl, *u.module, depth + 1)) out.push_back(std::move(m));
    }
    return out;
  }

  // A copy of `t`, written in module `home`, with names resolved and qualified by their
  // package so that they mean the same in this module.
  ir::TypeRef requalify(const ir::TypeRef& t, const ir::Module& home) {
    if (!t) return t;
    auto copy = std::make_shared<ir::Type>(*t);
    if (t->kind == ir::Type::Kind::Named) {
      Resolved r = t->decl ? Resolved{t->decl, t->decl_module} : cx_.lookup(home, *t);
      copy->decl = r.decl;
      copy->decl_module = r.module;
      if (r.module) copy->qualifier = r.module == &cx_.module ? "" : r.module->name;
    }
    copy->elem = requalify(t->elem, home);
    copy->key = requalify(t->key, home);
    if (t->sig) copy->sig = std::make_shared<ir::FuncSig>(requalify(*t->sig, home));
    return copy;
  }

  ir::FuncSig requalify(const ir::FuncSig& sig, const ir::Module& home) {
    ir::FuncSig out = sig;
    for (ir::Param& p : out.params) p.type = requalify(p.type, home);
    for (ir::Param& p : out.results) p.type = requalify(p.type, home);
    return out;
  }

  // Go accepts the same method from two embedded interfaces when the signatures agree.
  void add(ir::TypeDecl& t, std::unordered_map<std::string, size_t>& by_name, ir::InterfaceMethod m,
           const ir::Type& from) {
    if (auto it = by_name.find(m.name); it != by_name.end()) {
      const ir::InterfaceMethod& existing = t.methods[it->second];
      if (signature_types(existing.sig) != signature_types(m.sig)) {
        cx_.error(from.loc, "duplicate method " + quote(m.name) + " in interface " + quote(t.name) + ": " +
                                quote(from.go_spelling()) + " brings one with a different signature");
        cx_.note(existing.loc, "other declaration is here");
      }
      return;
    }
    by_name.emplace(m.name, t.methods.size());
    t.methods.push_back(std::move(m));
  }

  Context& cx_;
  std::vector<State> state_;
  size_t total_ = 0;        // methods in the method sets completed so far
  bool too_many_ = false;   // kMaxMethodSetTotal was reached (reported once)
};

}  // namespace

void complete_interfaces(Context& cx) {
  InterfaceCompleter completer(cx);
  for (size_t i = 0; i < cx.module.types.size(); ++i)
    if (cx.module.types[i].kind == ir::TypeDecl::Kind::Interface) completer.complete(i);
}

}  // namespace gpic::check
