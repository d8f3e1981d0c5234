// No type contains itself by value (`type Node struct { Next Node }`, directly or through
// other structs, arrays or defined types): such a type would be infinitely large. A pointer,
// slice or map in between breaks the cycle.
#include <vector>

#include "compiler/check_context.hpp"

namespace gpic::check {

namespace {

// The types of this file that a value of type `t` holds inside itself.
void held_by_value(const ir::Type* t, const ir::Module& m, std::vector<size_t>& out) {
  if (!t) return;
  if (t->kind == ir::Type::Kind::Array) return held_by_value(t->elem.get(), m, out);
  // Another module cannot refer back to this one without an import cycle, so only local
  // declarations can close a cycle.
  if (t->kind == ir::Type::Kind::Named && t->decl && t->decl_module == &m)
    out.push_back(static_cast<size_t>(t->decl - m.types.data()));
}

std::vector<std::vector<size_t>> containment_graph(const ir::Module& m) {
  std::vector<std::vector<size_t>> edges(m.types.size());
  for (size_t i = 0; i < m.types.size(); ++i) {
    const ir::TypeDecl& t = m.types[i];
    for (const ir::Field& f : t.fields) held_by_value(f.type.get(), m, edges[i]);
    if (t.kind == ir::TypeDecl::Kind::Defined) held_by_value(t.underlying.get(), m, edges[i]);
  }
  return edges;
}

// `Node contains Node`; `A contains B, which contains A`.
std::string describe_cycle(const ir::Module& m, const std::vector<size_t>& cycle) {
  std::string out = m.types[cycle[0]].name;
  for (size_t k = 1; k < cycle.size(); ++k) out += (k == 1 ? " contains " : ", which contains ") + m.types[cycle[k]].name;
  return out + (cycle.size() == 1 ? " contains " : ", which contains ") + m.types[cycle[0]].name;
}

}  // namespace

void check_recursive_types(Context& cx) {
  const ir::Module& m = cx.module;
  std::vector<std::vector<size_t>> edges = containment_graph(m);
  enum class State { New, OnPath, Done };
  std::vector<State> state(m.types.size(), State::New);

  // Iterative depth-first search (a long chain of types must not exhaust the stack); each
  // edge back to a type still on the path closes one cycle, reported at that type.
  struct Frame {
    size_t node;
    size_t next_edge;
  };
  for (size_t root = 0; root < m.types.size(); ++root) {
    if (state[root] != State::New) continue;
    std::vector<Frame> path{{root, 0}};
    state[root] = State::OnPath;
    while (!path.empty()) {
      Frame& top = path.back();
      if (top.next_edge == edges[top.node].size()) {
        state[top.node] = State::Done;
        path.pop_back();
        continue;
      }
      size_t next = edges[top.node][top.next_edge++];
      if (state[next] == State::New) {
        state[next] = State::OnPath;
        path.push_back({next, 0});
      } else if (state[next] == State::OnPath) {
        std::vector<size_t> cycle;
        size_t start = 0;
        while (path[start].node != next) ++start;
        for (size_t k = start; k < path.size(); ++k) cycle.push_back(path[k].node);
        const ir::TypeDecl& first = m.types[next];
        cx.error(first.loc, "invalid recursive type " + quote(first.name) + ": " + describe_cycle(m, cycle) +
                                " (a pointer, slice or map would break the cycle)");
      }
    }
  }
}

}  // namespace gpic::check
