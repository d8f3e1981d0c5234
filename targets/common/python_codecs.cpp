#include "targets/common/python_codecs.hpp"

#include "targets/common/channels.hpp"
#include "targets/common/named_values.hpp"
#include "targets/common/python_imports.hpp"
#include "targets/common/python_names.hpp"
#include "targets/common/wellknown.hpp"

namespace gpic::py {

using K = ir::Type::Kind;

const char* array_typecode(ir::Prim p) {
  switch (ir::canonical(p)) {
    case ir::Prim::Int8: return "b";
    case ir::Prim::Uint8: return "B";
    case ir::Prim::Int16: return "h";
    case ir::Prim::Uint16: return "H";
    case ir::Prim::Int32: return "i";
    case ir::Prim::Uint32: return "I";
    case ir::Prim::Int: case ir::Prim::Int64: return "q";
    case ir::Prim::Float32: return "f";
    case ir::Prim::Float64: return "d";
    default: return "Q";
  }
}

const char* num_kind(ir::Prim p) {
  if (ir::is_float(p)) return "f";
  return ir::is_signed(ir::canonical(p)) ? "i" : "u";
}

bool is_byte_elem(const ir::Type& e) {
  return e.kind == K::Prim && ir::canonical(e.prim) == ir::Prim::Uint8 &&
         (e.prim == ir::Prim::Byte || e.prim == ir::Prim::Uint8);
}

CodecTable::CodecTable(const abi::Plan& plan, const Options& options) : plan_(plan), options_(options) {
  for (const auto& c : plan.consts) {
    const ir::TypeDecl* d = abi::decl_of(*c.constant->type);
    if (d && d->kind == ir::TypeDecl::Kind::Defined && !abi::is_handle_decl(*d) && d->underlying &&
        abi::underlying(*d->underlying).kind == K::Prim && ir::is_integer(abi::underlying(*d->underlying).prim))
      enums_[d].push_back(c.constant);
  }
  // A named scalar type with methods but no constants is a class too (int or float subclass):
  // its values are converted to it like an enum's, so that its methods can be called.
  for (const auto& v : plan.value_types)
    if (!abi::is_container_value_decl(*v.decl)) enums_[v.decl];
}

std::string CodecTable::class_name(const ir::TypeDecl& d) { return module_name(d.name); }

std::string CodecTable::method_name(const std::string& go) const {
  return member_name(go, options_.snake_names ? Case::Snake : Case::Keep);
}

std::string CodecTable::name(const ir::Type& t) {
  std::string key = t.go_spelling();
  if (auto it = names_.find(key); it != names_.end()) return it->second;
  std::string def = definition(t);
  if (def.rfind("_gc[", 0) == 0) return names_[key] = def;  // a predeclared type's codec
  std::string n = "_gk" + std::to_string(defs_.size() + 1);
  defs_.push_back(n + " = " + def);
  return names_[key] = n;
}

std::string CodecTable::definition(const ir::Type& t) {
  std::string go = string_literal(t.go_spelling());
  if (const wellknown::Entry* e = wellknown::find(t)) {
    // The runtime's codec (gpic_wire.py); a stream wraps the codec of its callback.
    std::string codec(e->py_codec);
    if (const ir::Type* cb = wellknown::callback_type(*e)) {
      size_t at = codec.find("$cb$");
      if (at != std::string::npos) codec.replace(at, 4, name(*cb));
    }
    return codec;
  }
  if (t.kind == K::Named) {
    const ir::TypeDecl* d = t.decl;
    if (d && abi::callable_func_decl(*d)) return "_gpic_wire.Callback(" + go + ", _gbridge, " + class_ref(*d, &t) + ")";
    if (d && abi::is_opaque_func_decl(*d)) return "_gpic_wire.Handle(" + class_name(*d) + ", True)";
    if (d && abi::is_handle_decl(*d)) return "_gpic_wire.Handle(" + class_ref(*d, &t) + ", False)";
    if (d && d->kind == ir::TypeDecl::Kind::Interface) {
      const abi::InterfaceExport* i = plan_.find_interface(d);
      std::string methods;
      for (const auto& me : d->methods) methods += string_literal(method_name(me.name)) + ", ";
      // Another package's interface: a Go value of it is that module's class (python_imports.hpp).
      return "_gpic_wire.Interface(" + class_ref(*d, &t) + ", (" + methods + "), _gbridge, " +
             std::to_string(i ? i->proxy_id : 0) + ", _gclasses)";
    }
    if (d && is_enum(d)) return "_gpic_wire.Enum(" + name(*d->underlying) + ", " + class_name(*d) + ")";
    // Another package's enum (or scalar class) is that module's own class, as it is there.
    std::string imported = imported_value_class(t);
    if (!imported.empty()) return "_gpic_wire.Enum(" + name(*d->underlying) + ", " + imported + ")";
    // Only this module's classes: an imported container type is a value of its underlying type.
    if (d && t.qualifier.empty() && is_container_decl(*d))
      return "_gpic_wire.Named(" + name(*d->underlying) + ", " + class_name(*d) + ")";
    if (d && d->underlying) return name(*d->underlying);
  }
  const ir::Type& u = abi::underlying(t);
  switch (u.kind) {
    case K::Prim:
      // An error inside a result ([]error, map[K]error) becomes the package's exception.
      if (u.prim == ir::Prim::Error) return "_gpic_wire.Err(_gbridge)";
      // Go's any: natural Python values, or objects of the package's classes (by type id).
      if (u.prim == ir::Prim::Any) {
        std::string ifaces;  // in plan order: Go numbers them so (cgo's gpicAnyIface)
        for (const auto& i : plan_.interfaces) ifaces += class_name(*i.decl) + ", ";
        return "_gpic_wire.Any(_gbridge, _gclasses, _GoObject, (" + ifaces + "))";
      }
      return "_gc[" + string_literal(std::string(ir::prim_name(u.prim))) + "]";
    case K::Pointer: {
      const ir::TypeDecl* d = abi::decl_of(abi::underlying(*u.elem));
      if (d && abi::is_handle_decl(*d)) return "_gpic_wire.Handle(" + class_ref(*d, &u) + ", True)";
      return "_gpic_wire.Optional(" + go + ", " + name(*u.elem) + ")";
    }
    case K::Slice:
    case K::Array: {
      const ir::Type& e = abi::underlying(*u.elem);
      std::string length = u.kind == K::Array ? std::to_string(u.length) : "None";
      if (e.kind == K::Prim && (ir::is_integer(e.prim) || ir::is_float(e.prim))) {
        if (is_byte_elem(e)) return "_gpic_wire.Bytes(" + go + ", " + length + ")";
        return "_gpic_wire.Nums(" + go + ", " + string_literal(u.elem->go_spelling()) + ", \"" + num_kind(e.prim) +
               "\", \"" + array_typecode(e.prim) + "\", " + length + ")";
      }
      return "_gpic_wire.List(" + go + ", " + name(*u.elem) + ", " + length + ")";
    }
    case K::Map:
      return "_gpic_wire.Map(" + go + ", " + name(*u.key) + ", " + name(*u.elem) + ")";
    case K::Func: {
      // A Go func handed to Python is an object of the class the plan made for its type.
      const abi::ClassExport* c = plan_.find_func_class(u);
      return "_gpic_wire.Callback(" + go + ", _gbridge" + (c ? ", " + class_name(*c->decl) : std::string()) + ")";
    }
    case K::Chan: {
      // Where Go receives, a Python iterable is pumped through a callable (channels.hpp).
      std::string pump = channels::python_may_fill(u) ? name(*channels::pump_func_type(u)) : "None";
      return "_gpic_wire.Chan(" + go + ", " + name(*u.elem) + ", _gbridge, " + pump + ")";
    }
    case K::Seq:
      return "_gpic_wire.Seq(" + go + ", " + (u.key ? name(*u.key) : std::string("None")) + ", " + name(*u.elem) +
             ", _gbridge)";
    case K::Named:
      break;
  }
  return "_gc[\"string\"]";
}

void emit_all(CodeWriter& w, const ir::Module& m, const std::vector<std::string>& more) {
  std::vector<std::string> names = {"Error", "GoError", "GoHandleError", "GoPanic", "collect", "handle_count", "release"};
  for (const auto& t : m.types) names.push_back(module_name(t.name));
  for (const auto& v : m.vars)
    if (abi::is_sentinel(v)) names.push_back(module_name(v.name));
  names.insert(names.end(), more.begin(), more.end());
  std::string s;
  for (const auto& n : names) s += "    " + string_literal(n) + ",\n";
  w.print("__all__ = [\n$names$]\n", {{"names", s}});
}

void emit_enums_and_aliases(CodeWriter& w, const ir::Module& m, CodecTable& codecs,
                            const std::function<std::string(const ir::Doc&, const std::string&)>& doc_text,
                            const std::function<std::string(const ir::Const&)>& member_value) {
  for (const auto& t : m.types) {
    if (t.kind != ir::TypeDecl::Kind::Defined || abi::is_handle_decl(t)) continue;
    std::string doc = doc_text(t.doc, "type " + t.name + " " + (t.underlying ? t.underlying->go_spelling() : ""));
    std::string name = CodecTable::class_name(t);
    w.blank_lines(2);
    auto it = codecs.enums().find(&t);
    if (it != codecs.enums().end() && it->second.empty()) {  // methods, no constants
      const ir::Type& u = abi::underlying(*t.underlying);
      w.print("class $name$($base$):\n", {{"name", name}, {"base", ir::is_float(u.prim) ? "float" : "int"}});
      auto in = w.indent();
      w.print("$doc$\n\n__slots__ = ()\n", {{"doc", docstring(doc, "")}});
      continue;
    }
    if (it != codecs.enums().end()) {
      std::string members;
      for (const ir::Const* c : it->second)
        members += "        (" + string_literal(member_name(c->name)) + ", " + member_value(*c) + "),\n";
      w.print("$name$ = _gpic_rt.make_enum(\n    $qname$,\n    __name__,\n    [\n$members$    ],\n    $doc$,\n)\n",
              {{"name", name}, {"qname", string_literal(name)}, {"members", members}, {"doc", string_literal(doc)}});
      continue;
    }
    if (is_container_decl(t)) {
      w.print("class $name$(_gpic_wire.$base$):\n", {{"name", name}, {"base", container_class(t).runtime_base}});
      auto in = w.indent();
      w.print("$doc$\n\n__slots__ = ()\n", {{"doc", docstring(doc, "")}});
      ir::Type self;  // defines the class's codec, which the class checks its values with
      self.kind = K::Named;
      self.name = t.name;
      self.decl = &t;
      codecs.name(self);
      continue;
    }
    const ir::Type& u = abi::underlying(*t.underlying);
    std::string alias = "object";
    if (u.kind == K::Prim) {
      alias = ir::is_float(u.prim) ? "float" : ir::is_complex(u.prim) ? "complex" : u.prim == ir::Prim::String ? "str"
              : u.prim == ir::Prim::Bool ? "bool" : u.prim == ir::Prim::Any ? "object" : "int";
    } else if (u.kind == K::Map) {
      alias = "dict";
    } else if (u.kind == K::Slice || u.kind == K::Array) {
      alias = is_byte_elem(abi::underlying(*u.elem)) ? "bytes" : "list";
    }
    w.print("$name$ = $alias$  # Go: type $name$ $under$\n",
            {{"name", name}, {"alias", alias}, {"under", t.underlying->go_spelling()}});
  }
}

void emit_sentinel_classes(CodeWriter& w, const abi::Plan& plan,
                           const std::function<std::string(const ir::Doc&, const std::string&)>& doc_text) {
  if (plan.sentinels.empty()) return;
  std::string all;
  for (const ir::Var* v : plan.sentinels) {
    std::string name = module_name(v->name);
    w.blank_lines(2);
    w.print("class $name$(Error):\n", {{"name", name}});
    auto in = w.indent();
    w.print("$doc$\n", {{"doc", docstring(doc_text(v->doc, "var " + v->name + " error (raised when errors.Is(err, " +
                                                             v->name + "))"), "")}});
    all += name + ", ";
  }
  w.blank_lines(2);
  w.print("# The sentinel errors in the order Go numbers them (status.sentinel - 1).\n"
          "_gsentinels = ($all$)\n",
          {{"all", plan.sentinels.size() == 1 ? all.substr(0, all.size() - 1) : all.substr(0, all.size() - 2)}});
}

std::string sentinel_tuple(const abi::Plan& plan) { return plan.sentinels.empty() ? "" : ", _gsentinels"; }

bool emit_module_attributes(CodeWriter& w, const std::vector<ModuleAttr>& consts, const std::vector<ModuleAttr>& vars) {
  if (!consts.empty()) {
    w.print("# Go constants, read once from the package itself (the .gpi's values are checked\n"
            "# against it when the shim is built).\n");
    for (const auto& c : consts) w.print("$name$ = $get$()\n", {{"name", c.name}, {"get", c.getter}});
    w.print("\n");
  }
  // A module type of its own makes every attribute lookup slower: only when it is needed.
  if (consts.empty() && vars.empty()) return false;
  std::string getters, setters, names;
  for (const auto& v : vars) {
    getters += "        " + string_literal(v.name) + ": " + v.getter + ",\n";
    setters += "        " + string_literal(v.name) + ": " + v.setter + ",\n";
  }
  for (const auto& c : consts) names += "        " + string_literal(c.name) + ",\n";
  w.print("# Module attributes: Go variables are read and written in Go; constants are read-only.\n"
          "_gpic_rt.install_module_type(\n"
          "    _gsys.modules[__name__],\n"
          "    {\n$getters$    },\n"
          "    {\n$setters$    },\n"
          "    frozenset((\n$consts$    )),\n"
          ")\n",
          {{"getters", getters}, {"setters", setters}, {"consts", names}});
  return true;
}

void emit_module_end(CodeWriter& w) {
  w.print("def handle_count():\n"
          "    \"\"\"Go objects held by Python plus Python objects held by Go (for lifetime tests).\"\"\"\n"
          "    return _gbridge.handle_count()\n\n\n"
          "def collect():\n"
          "    \"\"\"Runs Python's and Go's garbage collectors, so released objects are counted as such.\"\"\"\n"
          "    _gbridge.collect()\n\n\n"
          "_gbridge.install()\n");
}

}  // namespace gpic::py
