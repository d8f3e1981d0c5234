#include "targets/cffi/calls.hpp"

#include "targets/common/awaitables.hpp"
#include "targets/common/code_writer.hpp"

namespace gpic::cffi {

std::optional<Sentinel> failure_sentinel(const Call& c) {
  if (!c.direct) return std::nullopt;
  const abi::Lowering& l = c.results[0];
  if (l.kind == abi::Kind::Handle) return Sentinel{"0", "0"};  // 0 is also nil: then errno decides
  if (l.kind != abi::Kind::Scalar) return std::nullopt;
  // Values a result rarely takes, each within its type and (for ints) below 2^30, which
  // CPython 3.11 compares without a generic call.
  switch (ir::canonical(l.prim)) {
    case ir::Prim::Bool: return Sentinel{"0", "False"};
    case ir::Prim::Int8: return Sentinel{"-113", "-113"};
    case ir::Prim::Uint8: return Sentinel{"241", "241"};
    case ir::Prim::Int16: return Sentinel{"-32653", "-32653"};
    case ir::Prim::Uint16: return Sentinel{"65093", "65093"};
    case ir::Prim::Float32:
    case ir::Prim::Float64: return Sentinel{"-0x1p-126", "-1.1754943508222875e-38"};  // -FLT_MIN, exact in both
    default:
      return ir::is_integer(l.prim) && ir::is_signed(l.prim) ? Sentinel{"-1059947287", "-1059947287"}
                                                             : Sentinel{"1059947287", "1059947287"};
  }
}

namespace {

std::string part_type(const abi::Lowering& l) { return l.prim == ir::Prim::Complex64 ? "float" : "double"; }

// The C parameters of a wrapper: a string or encoded value becomes pointer + length, a numeric
// slice pointer + count, a complex two parts.
std::string wrapper_params(const Call& c) {
  std::string s;
  auto add = [&](const std::string& p) { s += (s.empty() ? "" : ", ") + p; };
  if (c.has_self && c.self_value && c.self_value->kind == abi::Kind::Wire) {
    add("const char* self_p");
    add("size_t self_n");
  } else if (c.has_self) {
    add((c.self_value ? c.self_value->c_type : std::string("uint64_t")) + " self");
  }
  for (size_t i = 0; i < c.args.size(); ++i) {
    const abi::Lowering& l = c.args[i].lowering;
    std::string a = "a" + std::to_string(i);
    switch (l.kind) {
      case abi::Kind::String:
      case abi::Kind::Wire:
        add("const char* " + a + "_p");
        add("size_t " + a + "_n");
        break;
      case abi::Kind::NumSlice:
      case abi::Kind::NumArray:
        add("void* " + a + "_p");
        add("int64_t " + a + "_n");
        break;
      case abi::Kind::Complex:
        add(part_type(l) + " " + a + "_re");
        add(part_type(l) + " " + a + "_im");
        break;
      default:
        add(l.c_type + " " + a);
    }
  }
  return s.empty() ? "void" : s;
}

std::string result_struct(const Call& c) { return "struct gpicr_" + c.wrapper.substr(6); }

std::string return_type(const Call& c) {
  if (c.results.empty()) return "int32_t";  // the status code: nonzero when the call failed
  if (c.direct) return c.results[0].c_type;
  return result_struct(c);
}

bool pointer_pair(const abi::Lowering& l) { return l.kind == abi::Kind::String || l.kind == abi::Kind::Wire; }

void emit_result_struct(CodeWriter& w, const Call& c) {
  if (c.results.empty() || c.direct) return;
  w.print("$s$ {\n", {{"s", result_struct(c)}});
  {
    auto in = w.indent();
    for (size_t i = 0; i < c.results.size(); ++i) {
      const abi::Lowering& l = c.results[i];
      CodeWriter::Vars v{{"r", "r" + std::to_string(i)}, {"t", l.c_type}};
      if (pointer_pair(l)) w.print("const char* $r$_p;\nsize_t $r$_n;\n", v);
      else if (l.kind == abi::Kind::Complex) w.print("$t$ $r$_re;\n$t$ $r$_im;\n", {{"t", part_type(l)}, {"r", v["r"]}});
      else w.print("$t$ $r$;\n", v);
    }
  }
  w.print("};\n");
}

void emit_wrapper_body(CodeWriter& w, const Call& c) {
  auto in = w.indent();
  w.print("gpic_status st = {0};\n");
  std::string args = !c.has_self ? "" : c.self_value && c.self_value->kind == abi::Kind::Wire ? "(gpic_bytes){self_p, self_n}, " : "self, ";
  for (size_t i = 0; i < c.args.size(); ++i) {
    const abi::Lowering& l = c.args[i].lowering;
    std::string a = "a" + std::to_string(i);
    switch (l.kind) {
      case abi::Kind::String: args += "(gpic_string){" + a + "_p, " + a + "_n}, "; break;
      case abi::Kind::Wire: args += "(gpic_bytes){" + a + "_p, " + a + "_n}, "; break;
      case abi::Kind::NumSlice:
      case abi::Kind::NumArray: args += "(gpic_slice){" + a + "_p, " + a + "_n}, "; break;
      case abi::Kind::Complex: args += "(" + l.c_type + "){" + a + "_re, " + a + "_im}, "; break;
      default: args += a + ", ";
    }
  }
  bool has_struct = !c.results.empty() && !c.direct;
  if (has_struct) {
    w.print("$s$ out = {0};\n", {{"s", result_struct(c)}});
    for (size_t i = 0; i < c.results.size(); ++i)
      w.print("$t$ r$i$;\n", {{"t", c.results[i].c_type}, {"i", std::to_string(i)}});
    for (size_t i = 0; i < c.results.size(); ++i) args += "&r" + std::to_string(i) + ", ";
  }
  std::string call = c.abi_symbol + "(" + args + "&st)";
  if (c.direct) w.print("$t$ r = 0;\n", {{"t", c.results[0].c_type}});
  w.print("if (gpic_call_begin() == 0) {\n");
  if (c.direct) w.print("    r = $call$;\n", {{"call", call}});
  else w.print("    $call$;\n", {{"call", call}});
  w.print("    gpic_call_end();\n} else {\n    gpic_fail_forked(&st);\n}\ngpicw_settle(&st);\n");
  if (c.results.empty()) w.print("return st.code;\n");
  if (auto s = failure_sentinel(c)) w.print("if (st.code) r = $s$;\n", {{"s", s->c}});
  if (c.direct) w.print("return r;\n");
  if (has_struct) {
    for (size_t i = 0; i < c.results.size(); ++i) {
      const abi::Lowering& l = c.results[i];
      CodeWriter::Vars v{{"i", std::to_string(i)}};
      if (pointer_pair(l)) w.print("out.r$i$_p = r$i$.p;\nout.r$i$_n = r$i$.n;\n", v);
      else if (l.kind == abi::Kind::Complex) w.print("out.r$i$_re = r$i$.re;\nout.r$i$_im = r$i$.im;\n", v);
      else w.print("out.r$i$ = r$i$;\n", v);
    }
    w.print("return out;\n");
  }
}

}  // namespace

std::string emit_cdef(const Calls& calls) {
  CodeWriter w;
  w.print("typedef struct gpic_status {\n"
          "    int32_t code;\n"
          "    int32_t sentinel;\n"
          "    const char* msg; size_t msg_len;\n"
          "    const char* type; size_t type_len;\n"
          "    const char* stack; size_t stack_len;\n"
          "} gpic_status;\n"
          "typedef struct gpic_bytes { const char* p; size_t n; } gpic_bytes;\n"
          "const gpic_status* gpic_stashed(void);\n"
          "void* gpic_alloc(size_t n);\n"
          "int32_t gpic_call_depth(void);\n"
          "uint64_t gpic_aio_current(void);\n"
          "int64_t gpicw_handles(void);\n"
          "int64_t gpicw_go_heap(void);\n"
          "void gpicw_release(uint64_t h);\n"
          "uint64_t gpicw_identity(uint64_t h);\n"
          "void gpicw_collect(void);\n"
          "int64_t gpicw_stream_read(uint64_t h, char* p, int64_t n);\n"
          "int64_t gpicw_stream_write(uint64_t h, char* p, int64_t n);\n"
          "void gpicw_stream_flush(uint64_t h);\n"
          "void gpicw_stream_close(uint64_t h);\n"
          "int32_t gpicw_chan_recv(uint64_t h, int64_t wait_ms, int32_t max, gpic_bytes* out);\n"
          "int32_t gpicw_chan_send(uint64_t h, char* p, size_t n, int64_t wait_ms);\n"
          "void gpicw_chan_close(uint64_t h);\n"
          "void gpicw_chan_recv_async(uint64_t h, uint64_t call, int32_t max, int64_t timeout_ms);\n"
          "void gpicw_chan_send_async(uint64_t h, uint64_t call, char* p, size_t n, int64_t timeout_ms);\n"
          "void gpicw_chan_cancel(uint64_t call);\n"
          "int32_t gpicw_chan_collect(uint64_t call, gpic_bytes* out);\n"
          "int32_t gpicw_iter_next(uint64_t h, int32_t max, gpic_bytes* out);\n"
          "void gpicw_iter_stop(uint64_t h);\n"
          "extern \"Python\" void gpic_py_dispatch(uint64_t, int32_t, int32_t, const char*, size_t, gpic_bytes*,\n"
          "                                       gpic_status*);\n"
          "extern \"Python\" void gpic_py_release(const uint64_t*, size_t);\n"
          "int32_t gpic_py_slot(void);\n"
          "void gpicw_set_python(int32_t slot, int on);\n");
  // Awaitable calls (targets/common/awaitables.hpp): their completion ports and the module's
  // cancel, then each call's start and collect wrappers with the others.
  w.print("int32_t gpic_aio_open(int32_t fd);\n"
          "int64_t gpic_aio_drain(int32_t port, uint64_t* ids, int64_t cap);\n"
          "void gpic_aio_close(int32_t port);\n"
          "void gpicw_aio_cancel(uint64_t call);\n");
  aio::Awaitables awaitables = aio::collect_awaitables(calls);
  std::vector<const Call*> all = calls.all();
  for (const Call* c : awaitables.all_calls()) all.push_back(c);
  for (const Call* c : all) {
    emit_result_struct(w, *c);
    w.print("$ret$ $name$($params$);\n", {{"ret", return_type(*c)}, {"name", c->wrapper}, {"params", wrapper_params(*c)}});
  }
  return w.take();
}

std::string emit_c_source(const ir::Module& m, const Calls& calls) {
  CodeWriter w;
  w.print("#include <errno.h>\n#include \"gpic_$module$.h\"\n\n"
          "/* Reports a failed call out of band: the status is stashed for gpic_stashed() and errno,\n"
          "   which cffi saves right after every call, tells Python to look. */\n"
          "static inline void gpicw_settle(const gpic_status* st) {\n"
          "    errno = st->code ? (int)gpic_stash(st) : 0;\n"
          "}\n\n"
          "/* The Python side of Go -> Python calls (defined by cffi from the module's\n"
          "   extern \"Python\" functions). */\n"
          "static void gpic_py_dispatch(uint64_t, int32_t, int32_t, const char*, size_t, gpic_bytes*, gpic_status*);\n"
          "static void gpic_py_release(const uint64_t*, size_t);\n"
          "static void gpicw_py_dispatch(uint64_t, int32_t, int32_t, const char*, size_t, gpic_bytes*, gpic_status*);\n\n"
          "static void gpicw_set_python(int32_t slot, int on) {\n"
          "    gpic_set_python(slot, on ? gpicw_py_dispatch : NULL, on ? gpic_py_release : NULL);\n"
          "}\n\n"
          "static int64_t gpicw_handles(void) { return gpic_handles(); }\n"
          "static int64_t gpicw_go_heap(void) { return gpic_go_heap(); }\n"
          "static void gpicw_release(uint64_t h) { gpic_release(h); }\n"
          "static void gpicw_collect(void) { gpic_collect(); }\n\n"
          "static uint64_t gpicw_identity(uint64_t h) {\n"
          "    gpic_status st = {0};\n"
          "    uint64_t id = 0;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        id = gpic_identity(h, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return id;\n"
          "}\n\n"
          "/* Go streams held by Python (gpic_wire.GoStream): one Go Read or Write per call. */\n"
          "static int64_t gpicw_stream_read(uint64_t h, char* p, int64_t n) {\n"
          "    gpic_status st = {0};\n"
          "    int64_t got = 0;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        got = gpic_stream_read(h, p, n, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return got;\n"
          "}\n\n"
          "static int64_t gpicw_stream_write(uint64_t h, char* p, int64_t n) {\n"
          "    gpic_status st = {0};\n"
          "    int64_t got = 0;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        got = gpic_stream_write(h, p, n, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return got;\n"
          "}\n\n"
          "static void gpicw_stream_flush(uint64_t h) {\n"
          "    gpic_status st = {0};\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_stream_flush(h, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "}\n\n"
          "static void gpicw_stream_close(uint64_t h) {\n"
          "    gpic_status st = {0};\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_stream_close(h, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "}\n\n"
          "/* Go channels and iterators held by Python (gpic_wire.GoChan, GoIter): one receive (a\n"
          "   batch), send or step (a batch) per call, the values in the calling thread's arena. */\n"
          "static int32_t gpicw_chan_recv(uint64_t h, int64_t wait_ms, int32_t max, gpic_bytes* out) {\n"
          "    gpic_status st = {0};\n"
          "    int32_t state = 1;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        state = gpic_chan_recv(h, wait_ms, max, out, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return state;\n"
          "}\n\n"
          "static int32_t gpicw_chan_send(uint64_t h, char* p, size_t n, int64_t wait_ms) {\n"
          "    gpic_status st = {0};\n"
          "    int32_t state = 1;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        state = gpic_chan_send(h, (gpic_bytes){p, n}, wait_ms, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return state;\n"
          "}\n\n"
          "static void gpicw_chan_close(uint64_t h) {\n"
          "    gpic_status st = {0};\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_chan_close(h, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "}\n\n"
          "/* Awaitable receives and sends: started here, collected on the event loop's thread once\n"
          "   their id is on the completion port (gpic_aio.h). */\n"
          "static void gpicw_chan_recv_async(uint64_t h, uint64_t call, int32_t max, int64_t timeout_ms) {\n"
          "    gpic_status st = {0};\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_chan_recv_async(h, call, max, timeout_ms, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "}\n\n"
          "static void gpicw_chan_send_async(uint64_t h, uint64_t call, char* p, size_t n, int64_t timeout_ms) {\n"
          "    gpic_status st = {0};\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_chan_send_async(h, call, (gpic_bytes){p, n}, timeout_ms, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "}\n\n"
          "static void gpicw_chan_cancel(uint64_t call) {\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_chan_cancel(call);\n"
          "        gpic_call_end();\n"
          "    }\n"
          "}\n\n"
          "static int32_t gpicw_chan_collect(uint64_t call, gpic_bytes* out) {\n"
          "    gpic_status st = {0};\n"
          "    int32_t state = 1;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        state = gpic_chan_collect(call, out, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return state;\n"
          "}\n\n"
          "static int32_t gpicw_iter_next(uint64_t h, int32_t max, gpic_bytes* out) {\n"
          "    gpic_status st = {0};\n"
          "    int32_t more = 0;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        more = gpic_iter_next(h, max, out, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return more;\n"
          "}\n\n"
          "static void gpicw_iter_stop(uint64_t h) {\n"
          "    gpic_status st = {0};\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_iter_stop(h, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "}\n",
          {{"module", m.name}});
  aio::Awaitables awaitables = aio::collect_awaitables(calls);
  std::vector<const Call*> all = calls.all();
  for (const Call* c : awaitables.all_calls()) all.push_back(c);
  // Cancelling an awaitable call's context is quick and never calls Python back.
  if (all.size() > calls.all().size())
    w.print("\nstatic void gpicw_aio_cancel(uint64_t call) {\n"
            "    if (gpic_call_begin() == 0) {\n"
            "        $cancel$(call);\n"
            "        gpic_call_end();\n"
            "    }\n"
            "}\n",
            {{"cancel", aio::cancel_symbol(m)}});
  else
    w.print("\nstatic void gpicw_aio_cancel(uint64_t call) { (void)call; }\n");
  for (const Call* c : all) {
    w.print("\n");
    emit_result_struct(w, *c);
    w.print("static $ret$ $name$($params$) {\n", {{"ret", return_type(*c)}, {"name", c->wrapper}, {"params", wrapper_params(*c)}});
    emit_wrapper_body(w, *c);
    w.print("}\n");
  }
  return w.take();
}

}  // namespace gpic::cffi
