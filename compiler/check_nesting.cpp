// No type nests deeper than limits::kMaxNesting once the names in it are followed: `type A0 =
// A1`, `type A1 = A2`, ... 10,000 times, or an interface embedding one that embeds another,
// 10,000 deep. The parser bounds what one declaration can write; this pass bounds what
// declarations build together, so that no later pass or target, all of which walk types
// recursively, can meet a structure deeper than the limit.
//
// A type's depth counts each type constructor, each alias or defined type it goes through to
// its underlying type, each embedded interface (its methods are copied into the embedding
// one), and each struct held by value in a struct's field (the checker follows those to tell
// whether a map key is comparable). Pointers, slices, maps and funcs to a struct or interface
// end the walk there: targets refer to those by name.
//
// Also reports an interface that embeds itself, which the walk is the first to meet: the
// interface completion that follows (check_interfaces.cpp) recurses along embeddings.
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/check_context.hpp"
#include "compiler/limits.hpp"

namespace gpic::check {

namespace {

struct DeclDepth {
  int depth = 1;
  bool too_deep = false;  // this declaration, or one it goes through, was reported (or has a cycle)
};

class NestingChecker {
 public:
  explicit NestingChecker(Context& cx) : cx_(cx) {}

  void run() {
    for (const ir::TypeDecl& t : cx_.module.types) declaration(&t);
    for (const ir::TypeDecl& t : cx_.module.types) {
      for (const ir::Field& f : t.fields) expression(f.type);
      for (const ir::InterfaceMethod& m : t.methods) signature(m.sig);
    }
    for (const ir::Func& f : cx_.module.funcs) signature(f.sig);
    for (const ir::Var& v : cx_.module.vars) expression(v.type);
    for (const ir::Const& c : cx_.module.consts) expression(c.type);
  }

 private:
  // What a declaration's depth is computed from: its underlying type, or its embeddings.
  static bool walks_through(const ir::TypeDecl& d) {
    return (d.kind == ir::TypeDecl::Kind::Defined && d.underlying) || d.kind != ir::TypeDecl::Kind::Defined;
  }

  // The declarations a struct field of type `t` holds by value (directly, or as array elements).
  static void held_by_value(const ir::TypeRef& t, std::vector<std::pair<const ir::TypeDecl*, const ir::Type*>>& out) {
    if (!t) return;
    if (t->kind == ir::Type::Kind::Array) return held_by_value(t->elem, out);
    if (t->kind == ir::Type::Kind::Named && t->decl && walks_through(*t->decl)) out.push_back({t->decl, t.get()});
  }

  // How deep a struct field of type `t` nests by value.
  DeclDepth value_depth(const ir::TypeRef& t) const {
    if (!t) return {};
    if (t->kind == ir::Type::Kind::Array) {
      DeclDepth k = value_depth(t->elem);
      return {k.depth + 1, k.too_deep};
    }
    if (t->kind == ir::Type::Kind::Named) return depth_of(t);
    return {};
  }

  // The declarations named in `t` that walks_through, each with the type naming it. The type
  // expression itself is at most kMaxNesting deep (the parser saw to it), so recursion is safe.
  static void named_in(const ir::TypeRef& t, std::vector<std::pair<const ir::TypeDecl*, const ir::Type*>>& out) {
    if (!t) return;
    if (t->kind == ir::Type::Kind::Named && t->decl && walks_through(*t->decl)) out.push_back({t->decl, t.get()});
    named_in(t->elem, out);
    named_in(t->key, out);
    if (t->sig) {
      for (const ir::Param& p : t->sig->params) named_in(p.type, out);
      for (const ir::Param& p : t->sig->results) named_in(p.type, out);
    }
  }

  static std::vector<std::pair<const ir::TypeDecl*, const ir::Type*>> edges(const ir::TypeDecl& d) {
    std::vector<std::pair<const ir::TypeDecl*, const ir::Type*>> out;
    if (d.kind == ir::TypeDecl::Kind::Interface)
      for (const ir::TypeRef& e : d.embeds) named_in(e, out);
    else if (d.kind == ir::TypeDecl::Kind::Struct)
      for (const ir::Field& f : d.fields) held_by_value(f.type, out);
    else
      named_in(d.underlying, out);
    return out;
  }

  // The depth of `t`, every declaration it names being known already (or on the walk's path:
  // a cycle through a slice, pointer or map, which counts as one level).
  DeclDepth depth_of(const ir::TypeRef& t) const {
    DeclDepth r;
    if (!t) return r;
    if (t->kind == ir::Type::Kind::Named) {
      if (!t->decl || !walks_through(*t->decl)) return r;
      auto it = known_.find(t->decl);
      // The declaration's depth already counts its own level.
      return it == known_.end() ? r : it->second;
    }
    auto deeper = [&](const DeclDepth& k) {
      r.depth = std::max(r.depth, k.depth + 1);
      r.too_deep = r.too_deep || k.too_deep;
    };
    if (t->elem) deeper(depth_of(t->elem));
    if (t->key) deeper(depth_of(t->key));
    if (t->sig) {
      for (const ir::Param& p : t->sig->params) deeper(depth_of(p.type));
      for (const ir::Param& p : t->sig->results) deeper(depth_of(p.type));
    }
    return r;
  }

  // Depth-first through the declarations `root` goes through, with an explicit stack (the
  // chains this pass exists for are longer than the call stack could follow), finishing each
  // declaration after everything it names.
  void declaration(const ir::TypeDecl* root) {
    if (known_.count(root) || !walks_through(*root)) return;
    struct Frame {
      const ir::TypeDecl* decl;
      std::vector<std::pair<const ir::TypeDecl*, const ir::Type*>> edges;
      size_t next = 0;
    };
    std::vector<Frame> path;
    std::unordered_set<const ir::TypeDecl*> on_path;
    path.push_back({root, edges(*root)});
    on_path.insert(root);
    while (!path.empty()) {
      Frame& top = path.back();
      if (top.next < top.edges.size()) {
        auto [next, via] = top.edges[top.next++];
        if (known_.count(next)) continue;
        if (on_path.count(next)) {
          if (next->kind == ir::TypeDecl::Kind::Interface) embedding_cycle(path, next);
          continue;
        }
        path.push_back({next, edges(*next)});
        on_path.insert(next);
        continue;
      }
      finish(*top.decl);
      on_path.erase(top.decl);
      path.pop_back();
    }
  }

  template <typename Path>
  void embedding_cycle(const Path& path, const ir::TypeDecl* to) {
    // Reported at the innermost interface on the path, at the embedding that closes the cycle.
    for (auto f = path.rbegin(); f != path.rend(); ++f) {
      if (f->decl->kind != ir::TypeDecl::Kind::Interface) continue;
      const ir::Type* via = f->edges[f->next - 1].second;
      if (is_local(*f->decl))
        cx_.error(via->loc, "invalid recursive interface " + quote(f->decl->name) + ": it embeds itself through " +
                                quote(via->go_spelling()));
      break;
    }
    for (auto f = path.rbegin(); f != path.rend(); ++f) {
      in_cycle_.insert(f->decl);
      if (f->decl == to) break;
    }
  }

  void finish(const ir::TypeDecl& d) {
    DeclDepth r;
    if (d.kind != ir::TypeDecl::Kind::Defined) {
      auto deeper = [&](const DeclDepth& k) {
        r.depth = std::max(r.depth, k.depth + 1);
        r.too_deep = r.too_deep || k.too_deep;
      };
      for (const ir::TypeRef& e : d.embeds) deeper(depth_of(e));
      for (const ir::Field& f : d.fields) deeper(value_depth(f.type));
    } else {
      DeclDepth k = depth_of(d.underlying);
      r.depth = k.depth + 1;
      r.too_deep = k.too_deep;
    }
    r.too_deep = r.too_deep || in_cycle_.count(&d) > 0;
    if (r.depth > limits::kMaxNesting && !r.too_deep) {
      // Only where the chain first goes past the limit: the declarations built on this one
      // are too deep because of it.
      if (is_local(d)) too_deep(d.loc, "type " + quote(d.name), r.depth);
      r.too_deep = true;
    }
    known_[&d] = r;
  }

  void expression(const ir::TypeRef& t) {
    if (!t) return;
    DeclDepth r = depth_of(t);
    if (r.depth > limits::kMaxNesting && !r.too_deep) too_deep(t->loc, "type " + quote(t->go_spelling()), r.depth);
  }

  void signature(const ir::FuncSig& sig) {
    for (const ir::Param& p : sig.params) expression(p.type);
    for (const ir::Param& p : sig.results) expression(p.type);
  }

  bool is_local(const ir::TypeDecl& d) const {
    return &d >= cx_.module.types.data() && &d < cx_.module.types.data() + cx_.module.types.size();
  }

  void too_deep(const ir::Loc& loc, const std::string& what, int depth) {
    cx_.error(loc, what + " is nested too deeply: through the types it names it is " + std::to_string(depth) +
                       " levels deep, and types may nest at most " + std::to_string(limits::kMaxNesting) + " levels");
  }

  Context& cx_;
  std::unordered_map<const ir::TypeDecl*, DeclDepth> known_;
  std::unordered_set<const ir::TypeDecl*> in_cycle_;
};

}  // namespace

void check_nesting(Context& cx) { NestingChecker(cx).run(); }

}  // namespace gpic::check
