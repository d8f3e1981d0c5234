#include "targets/common/awaitables.hpp"

#include "targets/common/docstrings.hpp"
#include "targets/common/python_codecs.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::aio {

std::string cancel_symbol(const ir::Module& m) { return abi::c_name({"gpic", m.name, "aio", "cancel"}); }

namespace {

// The call id: a uint64 the binding makes (runtime/python/gpic_aio.py), a C scalar both ways.
abi::Lowering call_id() {
  static const ir::Type type = [] {
    ir::Type t;
    t.kind = ir::Type::Kind::Prim;
    t.prim = ir::Prim::Uint64;
    return t;
  }();
  abi::Lowering l;
  l.kind = abi::Kind::Scalar;
  l.prim = ir::Prim::Uint64;
  l.c_type = "uint64_t";
  l.go_ctype = "C.uint64_t";
  l.scalar = true;
  l.type = &type;
  return l;
}

py::Arg call_arg() {
  py::Arg a;
  a.python_name = a.go_name = "_gcall";
  a.lowering = call_id();
  return a;
}

}  // namespace

Pair awaitable_calls(const py::Call& blocking) {
  Pair p;
  p.blocking = &blocking;
  p.start = blocking;
  p.start.abi_symbol += "_async";
  p.start.wrapper += "_async";
  p.start.args.push_back(call_arg());
  p.start.results.clear();
  p.start.direct = false;
  p.start.sig = nullptr;  // no docstring, and every lent buffer is lent until collected
  p.collect = blocking;
  p.collect.abi_symbol += "_collect";
  p.collect.wrapper += "_collect";
  p.collect.has_self = false;
  p.collect.self_value.reset();
  p.collect.args = {call_arg()};
  p.collect.sig = nullptr;
  // Go's new pointees are plain results of the collect call: the awaitable form writes them
  // back (emit_awaitable), since the collect call does not see the arguments.
  p.collect.write_backs.clear();
  return p;
}

bool has_awaitable_form(const ir::FuncSig&) { return true; }

Awaitables collect_awaitables(const py::Calls& calls) {
  Awaitables a;
  for (const auto& f : calls.funcs) a.funcs.push_back(awaitable_calls(f));
  auto owner = [&](const ir::TypeDecl* d, const std::vector<py::Call>& methods, const std::vector<py::Call>* getters) {
    if (methods.empty() && (!getters || getters->empty())) return;
    Awaitables::Owner o{d, {}, {}};
    for (const auto& m : methods) o.methods.push_back(awaitable_calls(m));
    if (getters)
      for (const auto& g : *getters) o.getters.push_back(&g);
    a.classes.push_back(std::move(o));
  };
  for (const auto& k : calls.classes) owner(k.cls->decl, k.methods, &k.getters);
  for (const auto& i : calls.interfaces) owner(i.iface->decl, i.methods, nullptr);
  // A named scalar or container type's methods: the receiver crosses as a value, as in the
  // blocking call (python_calls.hpp, Call::self_value), read when the call starts.
  for (const auto& v : calls.value_types) owner(v.type->decl, v.methods, nullptr);
  return a;
}

std::vector<const py::Call*> Awaitables::all_calls() const {
  std::vector<const py::Call*> out;
  for (const auto& p : funcs) out.insert(out.end(), {&p.start, &p.collect});
  for (const auto& o : classes)
    for (const auto& p : o.methods) out.insert(out.end(), {&p.start, &p.collect});
  return out;
}

std::string private_name(const py::Call& c) { return "_g" + c.wrapper.substr(6); }

namespace {

// One awaitable: `async def F(params)`, awaiting the start and collect calls.
void emit_awaitable(CodeWriter& w, const Pair& p, const std::string& awaiter, const std::string& cancel, bool method,
                    const std::function<std::string(const ir::Type&)>& codec) {
  const py::Call& c = *p.blocking;
  // A method's start call is an attribute of the Go object (both targets attach it to the class).
  std::string params = method ? "self" : "", args;
  for (const auto& a : c.args) {
    params += std::string(params.empty() ? "" : ", ") + (a.variadic ? "*" : "") + a.python_name;
    args += (a.variadic ? "*" : "") + a.python_name + ", ";
  }
  std::string doc = "Awaitable form of " + c.go_name + ": runs the Go call on a goroutine and returns (or raises) "
                    "what " + c.go_name + " would.";
  if (c.doc && c.sig) doc += "\n\n" + py::doc_text(*c.doc, py::go_signature(c));
  if (!method) w.print("@staticmethod\n");
  w.print("async def $name$($params$):\n", {{"name", c.python_name}, {"params", params}});
  auto in = w.indent();
  CodeWriter::Vars v{{"doc", py::docstring(doc, "")}, {"awaiter", awaiter}, {"start", (method ? "self._gobj." : "") + private_name(p.start)},
                     {"args", args}, {"collect", private_name(p.collect)}, {"cancel", cancel}};
  if (c.write_backs.empty()) {
    w.print("$doc$\n"
            "return await $awaiter$.call(lambda _gcall: $start$($args$_gcall), $collect$, $cancel$)\n", v);
    return;
  }
  // In-out pointers: the collect call gives Go's new pointees after the value results; they
  // go into the arguments here, on the loop's thread, before the result is returned.
  w.print("$doc$\n"
          "_gr = await $awaiter$.call(lambda _gcall: $start$($args$_gcall), $collect$, $cancel$)\n", v);
  size_t n = c.results.size(), values = c.value_count();
  auto result = [&](size_t i) { return n == 1 ? std::string("_gr") : "_gr[" + std::to_string(i) + "]"; };
  for (size_t j = 0; j < c.write_backs.size(); ++j) {
    const py::Arg& a = c.args[c.write_backs[j]];
    w.print("$k$.put_back($x$, $r$)\n", {{"k", codec(*a.lowering.type)}, {"x", a.python_name}, {"r", result(values + j)}});
  }
  if (values == 1) w.print("return _gr[0]\n");
  else if (values > 1) w.print("return _gr[:$n$]\n", {{"n", std::to_string(values)}});
}

}  // namespace

void emit_python(CodeWriter& w, const ir::Module& m, const Awaitables& a, const std::string& awaiter, const std::string& cancel,
                 const std::function<std::string(const ir::Type&)>& codec) {
  w.blank_lines(2);
  w.print("class aio:\n");
  {
    auto in = w.indent();
    w.print("$doc$\n\n__slots__ = ()\n",
            {{"doc", py::docstring("The awaitable forms of the functions of " + m.name + " (asyncio): `await " + m.name +
                                       ".aio.F(...)` runs the Go call on a goroutine, with no Python thread "
                                       "waiting for it, and returns or raises what `" + m.name + ".F(...)` would. "
                                       "Cancelling the task cancels the call's context.Context.",
                                   "")}});
    for (const auto& p : a.funcs) {
      w.print("\n");
      emit_awaitable(w, p, awaiter, cancel, false, codec);
    }
  }
  for (const auto& o : a.classes) {
    std::string cls = py::CodecTable::class_name(*o.decl);
    w.blank_lines(2);
    w.print("class _$cls$_aio(_gpic_aio.View):\n", {{"cls", cls}});
    {
      auto in = w.indent();
      w.print("$doc$\n\n__slots__ = ()\n",
              {{"doc", py::docstring(o.getters.empty() ? "The awaitable forms of the methods of " + cls + ": `await x.aio.M(...)`."
                                                     : "The awaitable forms of the methods and field reads of " + cls + ".", "")}});
      for (const auto& p : o.methods) {
        w.print("\n");
        emit_awaitable(w, p, awaiter, cancel, true, codec);
      }
      for (const py::Call* g : o.getters) {
        // A field read never waits in Go: the awaitable form reads it on the loop's thread.
        std::string doc = "Awaitable form of reading " + g->go_name + ", on the event loop's thread.";
        w.print("\nasync def $name$(self):\n", {{"name", g->python_name}});
        auto body = w.indent();
        w.print("$doc$\nreturn self._gobj.$name$\n", {{"name", g->python_name}, {"doc", py::docstring(doc, "")}});
      }
    }
    w.blank_lines(2);
    w.print("$cls$.aio = _gpic_aio.view(_$cls$_aio)\n", {{"cls", cls}});
  }
}

}  // namespace gpic::aio
