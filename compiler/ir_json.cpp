#include "compiler/ir_json.hpp"

namespace gpic {

using nlohmann::json;

json to_json(const ir::Loc& l) { return {{"file", l.file}, {"line", l.line}, {"col", l.col}}; }

json to_json(const ir::Doc& d) { return {{"en", d.en}, {"ko", d.ko}, {"ko_stamp", d.ko_stamp}}; }

static json sig_json(const ir::FuncSig& s) {
  auto params = [](const std::vector<ir::Param>& ps, bool are_params) {
    json a = json::array();
    for (const auto& p : ps) {
      json j = {{"name", p.name}, {"type", to_json(*p.type)}, {"loc", to_json(p.loc)}};
      if (are_params)
        j["marks"] = {{"keep", p.marks.keep}, {"borrow", p.marks.borrow}, {"readonly", p.marks.readonly}};
      else
        j["nilable"] = p.marks.nilable;  // //gpic:nilable: Python's type is `T | None`, not `T`
      a.push_back(j);
    }
    return a;
  };
  return {{"params", params(s.params, true)}, {"results", params(s.results, false)}, {"variadic", s.variadic}};
}

json to_json(const ir::Type& t) {
  using K = ir::Type::Kind;
  json j = {{"go", t.go_spelling()}, {"loc", to_json(t.loc)}};
  switch (t.kind) {
    case K::Prim: j["kind"] = "prim"; j["name"] = std::string(ir::prim_name(t.prim)); break;
    case K::Named:
      j["kind"] = "named";
      j["qualifier"] = t.qualifier;
      j["name"] = t.name;
      if (t.decl_module) j["module"] = t.decl_module->name;
      break;
    case K::Slice: j["kind"] = "slice"; j["elem"] = to_json(*t.elem); break;
    case K::Array: j["kind"] = "array"; j["length"] = t.length; j["elem"] = to_json(*t.elem); break;
    case K::Map: j["kind"] = "map"; j["key"] = to_json(*t.key); j["elem"] = to_json(*t.elem); break;
    case K::Pointer: j["kind"] = "pointer"; j["elem"] = to_json(*t.elem); break;
    case K::Func: j["kind"] = "func"; j["sig"] = sig_json(*t.sig); break;
    case K::Chan:
      j["kind"] = "chan";
      j["dir"] = t.dir == ir::Type::ChanDir::Recv ? "recv" : t.dir == ir::Type::ChanDir::Send ? "send" : "both";
      j["elem"] = to_json(*t.elem);
      break;
    case K::Seq:
      j["kind"] = "seq";
      if (t.key) j["key"] = to_json(*t.key);
      j["elem"] = to_json(*t.elem);
      break;
  }
  return j;
}

// What a type or function instantiates (`Set[int]`), or null: a plugin binding the Go type
// must spell it this way.
static json instance_json(const std::optional<ir::Instantiation>& inst) {
  if (!inst) return nullptr;
  json args = json::array();
  for (const auto& a : inst->args) args.push_back(to_json(*a));
  return {{"generic", inst->generic}, {"args", args}, {"go", inst->go_spelling()}};
}

json to_json(const ir::Module& m) {
  json types = json::array(), funcs = json::array(), consts = json::array(), vars = json::array(),
       imports = json::array(), order = json::array();
  for (const auto& i : m.imports)
    imports.push_back({{"path", i.path}, {"module", i.module ? i.module->name : ""}, {"alias", i.alias}, {"loc", to_json(i.loc)}});
  for (const auto& t : m.types) {
    static const char* kinds[] = {"struct", "interface", "defined"};
    json fields = json::array(), methods = json::array(), bound = json::array();
    for (const auto& f : t.fields)
      fields.push_back({{"name", f.name}, {"type", to_json(*f.type)}, {"embedded", f.embedded}, {"doc", to_json(f.doc)}, {"loc", to_json(f.loc)}});
    for (const auto& me : t.methods)
      methods.push_back({{"name", me.name}, {"sig", sig_json(me.sig)}, {"doc", to_json(me.doc)}, {"loc", to_json(me.loc)}});
    for (const auto* f : t.bound_methods) bound.push_back(f->name);
    json j = {{"kind", kinds[static_cast<int>(t.kind)]}, {"name", t.name}, {"doc", to_json(t.doc)}, {"loc", to_json(t.loc)},
              {"fields", fields}, {"methods", methods}, {"bound_methods", bound}, {"alias", t.alias}, {"opaque", t.opaque}};
    j["underlying"] = t.underlying ? to_json(*t.underlying) : json(nullptr);
    j["instance_of"] = instance_json(t.instance_of);
    types.push_back(j);
  }
  for (const auto& f : m.funcs) {
    json j = {{"name", f.name}, {"sig", sig_json(f.sig)}, {"doc", to_json(f.doc)}, {"loc", to_json(f.loc)}};
    j["receiver"] = f.recv ? json{{"name", f.recv->name}, {"type", f.recv->type_name}, {"pointer", f.recv->pointer}}
                           : json(nullptr);
    j["instance_of"] = instance_json(f.instance_of);
    funcs.push_back(j);
  }
  for (const auto& c : m.consts)
    consts.push_back({{"name", c.name}, {"type", c.type ? to_json(*c.type) : json(nullptr)}, {"value", c.value.text()},
                      {"implicit", c.implicit}, {"iota", c.iota}, {"group", c.group}, {"doc", to_json(c.doc)},
                      {"loc", to_json(c.loc)}});
  for (const auto& v : m.vars)
    vars.push_back({{"name", v.name}, {"type", to_json(*v.type)}, {"doc", to_json(v.doc)}, {"loc", to_json(v.loc)}});
  for (const auto& d : m.order) {
    static const char* kinds[] = {"type", "func", "const", "var"};
    order.push_back({{"kind", kinds[static_cast<int>(d.kind)]}, {"index", d.index}});
  }
  return {{"name", m.name}, {"go_path", m.go_path}, {"go_version", m.go_version}, {"python_module", m.python_module}, {"file", m.file}, {"doc", to_json(m.doc)}, {"loc", to_json(m.loc)},
          {"imports", imports}, {"types", types}, {"funcs", funcs}, {"consts", consts}, {"vars", vars}, {"order", order}};
}

}  // namespace gpic
