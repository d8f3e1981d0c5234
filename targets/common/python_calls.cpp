#include "targets/common/python_calls.hpp"

#include "targets/common/docstrings.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::py {

std::vector<const Call*> Calls::all() const {
  std::vector<const Call*> out;
  for (const auto* list : {&funcs, &const_getters, &var_getters, &var_setters})
    for (const auto& c : *list) out.push_back(&c);
  for (const auto& k : classes) {
    if (k.has_constructor) out.push_back(&k.constructor);
    for (const auto* list : {&k.getters, &k.setters, &k.value, &k.methods})
      for (const auto& c : *list) out.push_back(&c);
  }
  for (const auto& i : interfaces)
    for (const auto& c : i.methods) out.push_back(&c);
  for (const auto& v : value_types)
    for (const auto& c : v.methods) out.push_back(&c);
  return out;
}

std::string go_signature(const Call& c) { return c.sig ? go_signature(c.go_name, *c.sig) : ""; }

std::vector<std::string> Calls::module_names() const {
  std::vector<std::string> names;
  for (const auto* list : {&funcs, &const_getters, &var_getters})
    for (const auto& c : *list) names.push_back(c.python_name);
  if (has_write_backs()) names.push_back("GoRef");
  return names;
}

bool Calls::has_write_backs() const {
  for (const Call* c : all())
    if (!c->write_backs.empty()) return true;
  return false;
}

void emit_go_ref(CodeWriter& w, const Calls& calls) {
  if (calls.has_write_backs()) w.print("GoRef = _gpic_wire.GoRef\n");
}

namespace {

Call from_func(const abi::FuncExport& f, const std::string& owner, Case names) {
  Call c;
  const ir::Func& fn = *f.func;
  c.python_name = owner.empty() ? module_name(fn.name, names) : member_name(fn.name, names);
  c.go_name = owner.empty() ? fn.name : owner + "." + fn.name;
  c.abi_symbol = f.sig.symbol;
  c.wrapper = owner.empty() ? abi::c_name({"gpicw", fn.name}) : abi::c_name({"gpicw", owner, fn.name});
  c.has_self = f.sig.receiver.has_value();
  if (c.has_self && (f.sig.receiver->lowering.kind == abi::Kind::Scalar || f.sig.receiver->lowering.kind == abi::Kind::Wire))
    c.self_value = f.sig.receiver->lowering;
  for (size_t i = 0; i < f.sig.params.size(); ++i) {
    const auto& p = fn.sig.params[i];
    c.args.push_back({param_name(p.name, i), p.name, f.sig.params[i].lowering, fn.sig.variadic && i + 1 == fn.sig.params.size(),
                      p.marks.readonly});
  }
  if (f.sig.direct_result) c.results.push_back(f.sig.direct_result->lowering);
  for (const auto& r : f.sig.out_results) {
    c.results.push_back(r.lowering);
    if (r.writes_back >= 0) c.write_backs.push_back(static_cast<size_t>(r.writes_back));
  }
  c.direct = f.sig.direct_result.has_value();
  c.doc = &fn.doc;
  c.sig = &fn.sig;
  return c;
}

abi::Lowering handle_lowering() {
  abi::Lowering l;
  l.kind = abi::Kind::Handle;
  l.c_type = "uint64_t";
  l.scalar = true;
  return l;
}

}  // namespace

Calls collect_calls(const ir::Module& m, const abi::Plan& plan, const Options& options) {
  // --py-names=snake: functions, methods, fields and variables in PEP 8 style; types and
  // constants keep their Go names.
  Case names = options.snake_names ? Case::Snake : Case::Keep;
  Calls calls;
  for (const auto& f : plan.funcs) calls.funcs.push_back(from_func(f, "", names));
  for (const auto& k : plan.consts) {
    Call c;
    c.python_name = module_name(k.constant->name);
    c.go_name = k.constant->name;
    c.abi_symbol = k.symbol;
    c.wrapper = abi::c_name({"gpicw", "const", k.constant->name});
    c.results.push_back(k.type);
    c.direct = k.type.scalar;
    c.doc = &k.constant->doc;
    calls.const_getters.push_back(std::move(c));
  }
  for (const auto& v : plan.vars) {
    Call g;
    g.python_name = module_name(v.var->name, names);
    g.go_name = v.var->name;
    g.abi_symbol = v.getter;
    g.wrapper = abi::c_name({"gpicw", "get", v.var->name});
    g.results.push_back(v.type);
    g.direct = v.type.scalar;
    g.doc = &v.var->doc;
    Call s = g;
    s.abi_symbol = v.setter;
    s.wrapper = abi::c_name({"gpicw", "set", v.var->name});
    s.setter = true;
    s.args.push_back({"value", "value", *abi::lower(*v.var->type, true)});
    s.results.clear();
    s.direct = false;
    calls.var_getters.push_back(std::move(g));
    calls.var_setters.push_back(std::move(s));
  }
  for (const auto& k : plan.classes) {
    Calls::ClassCalls cc;
    cc.cls = &k;
    const std::string& T = k.decl->name;
    cc.has_constructor = !k.constructor.empty();
    cc.constructor.python_name = "__init__";
    cc.constructor.go_name = T;
    cc.constructor.abi_symbol = k.constructor;
    cc.constructor.wrapper = abi::c_name({"gpicw", T, "new"});
    for (size_t i = 0; i < k.fields.size(); ++i) {
      const auto& f = k.fields[i];
      if (f.promoted) continue;  // set through the embedded struct's own constructor
      cc.constructor.args.push_back({field_param_name(f.field->name, i, names), f.field->name, f.param});
    }
    if (k.value) cc.constructor.args.push_back({"value", "value", *k.value});
    cc.constructor.results.push_back(handle_lowering());
    cc.constructor.direct = true;
    for (const auto& f : k.fields) {
      Call g;
      g.python_name = member_name(f.field->name, names);
      g.go_name = T + "." + f.field->name;
      g.abi_symbol = f.getter;
      g.wrapper = abi::c_name({"gpicw", T, "get", f.field->name});
      g.has_self = true;
      g.results.push_back(f.type);
      g.direct = f.type.scalar;
      g.doc = &f.field->doc;
      Call s;
      s.python_name = g.python_name;
      s.go_name = g.go_name;
      s.abi_symbol = f.setter;
      s.wrapper = abi::c_name({"gpicw", T, "set", f.field->name});
      s.setter = true;
      s.has_self = true;
      s.args.push_back({"value", "value", f.param});
      cc.getters.push_back(std::move(g));
      cc.setters.push_back(std::move(s));
    }
    if (!k.value_getter.empty()) {
      Call g;
      g.python_name = "value";
      g.go_name = T;
      g.abi_symbol = k.value_getter;
      g.wrapper = abi::c_name({"gpicw", T, "value"});
      g.has_self = true;
      g.results.push_back(*abi::lower(*k.decl->underlying, false));
      g.direct = g.results[0].scalar;
      cc.value.push_back(std::move(g));
    }
    for (const auto& f : k.methods) cc.methods.push_back(from_func(f, T, names));
    if (k.call) {  // a Go func Python calls
      Call call = from_func(*k.call, T, names);
      call.python_name = "__call__";
      call.go_name = T + ".__call__";  // as errors name it: "Op.__call__() argument 'a'"
      cc.methods.push_back(std::move(call));
    }
    calls.classes.push_back(std::move(cc));
  }
  for (const auto& i : plan.interfaces) {
    Calls::InterfaceCalls ic;
    ic.iface = &i;
    for (const auto& f : i.methods) ic.methods.push_back(from_func(f, i.decl->name, names));
    calls.interfaces.push_back(std::move(ic));
  }
  for (const auto& v : plan.value_types) {
    Calls::ValueTypeCalls vc;
    vc.type = &v;
    for (const auto& f : v.methods) vc.methods.push_back(from_func(f, v.decl->name, names));
    calls.value_types.push_back(std::move(vc));
  }
  (void)m;
  return calls;
}

}  // namespace gpic::py
