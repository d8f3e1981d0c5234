#include "targets/common/c_abi.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "compiler/limits.hpp"
#include "targets/common/channels.hpp"
#include "targets/common/foreign_interfaces.hpp"
#include "targets/common/in_out.hpp"
#include "targets/common/wellknown.hpp"
#include "targets/common/promotion.hpp"

namespace gpic::abi {

const ir::TypeDecl* decl_of(const ir::Type& t) { return t.kind == ir::Type::Kind::Named ? t.decl : nullptr; }

bool is_value_decl(const ir::TypeDecl& d) {
  if (d.kind != ir::TypeDecl::Kind::Defined || d.alias || d.bound_methods.empty() || !d.underlying) return false;
  const ir::Type& u = *d.underlying;
  return u.kind == ir::Type::Kind::Prim && (ir::is_integer(u.prim) || ir::is_float(u.prim));
}

bool is_opaque_func_decl(const ir::TypeDecl& d) {
  return d.kind == ir::TypeDecl::Kind::Defined && !d.alias && d.underlying && d.underlying->kind == ir::Type::Kind::Func;
}

bool is_container_value_decl(const ir::TypeDecl& d) {
  if (d.kind != ir::TypeDecl::Kind::Defined || d.alias || !d.underlying) return false;
  ir::Type::Kind k = underlying(*d.underlying).kind;
  if (k != ir::Type::Kind::Slice && k != ir::Type::Kind::Array && k != ir::Type::Kind::Map) return false;
  // Methods may change a slice's elements or a map in place, and a pointer receiver the value
  // itself: those stay with Go (a handle class). An array's value-receiver methods work on a
  // copy in Go too, so a Python value loses nothing.
  if (d.bound_methods.empty()) return true;
  if (k != ir::Type::Kind::Array) return false;
  for (const ir::Func* f : d.bound_methods)
    if (f->recv && f->recv->pointer) return false;
  return true;
}

namespace {
bool wire_ok(const ir::Type& t, bool param, std::string* why, int depth);

// A func value's signature must cross both ways, so each func type inside it is asked twice:
// without a memo, `func(func(func(...)))` would cost 2^depth. The memo lives for one outermost
// question (the IR it points into may be freed after it).
thread_local std::map<std::pair<const ir::FuncSig*, int>, bool>* sig_memo = nullptr;

bool sig_crosses_at(const ir::FuncSig& sig, std::string* why, int depth) {
  std::map<std::pair<const ir::FuncSig*, int>, bool> own;
  bool outermost = sig_memo == nullptr;
  if (outermost) sig_memo = &own;
  auto key = std::make_pair(&sig, depth);
  auto it = sig_memo->find(key);
  // A remembered failure is asked again when the caller wants to know why.
  if (it != sig_memo->end() && (it->second || !why)) {
    if (outermost) sig_memo = nullptr;
    return it->second;
  }
  bool ok = true;
  for (const auto& p : sig.params)
    if (ok && (!wire_ok(*p.type, false, why, depth) || !wire_ok(*p.type, true, why, depth))) ok = false;
  for (const auto* r : sig.value_results())
    if (ok && (!wire_ok(*r->type, false, why, depth) || !wire_ok(*r->type, true, why, depth))) ok = false;
  (*sig_memo)[key] = ok;
  if (outermost) sig_memo = nullptr;
  return ok;
}
}  // namespace

bool func_sig_crosses(const ir::FuncSig& sig, std::string* why) { return sig_crosses_at(sig, why, 1); }

bool callable_func_decl(const ir::TypeDecl& d) {
  // A named func type marked //gpic:opaque spells a stand-in signature (`type EOption func()`
  // for zstd's, which names unexported types): it cannot be trusted to call. Every other one
  // is called and made from Python, its signature checked against Go's by the shim.
  if (d.opaque) return false;
  if (!is_opaque_func_decl(d) || !d.underlying->sig) return false;
  // `type F func(F)` reaches itself through its own signature: callable as far as it goes.
  static thread_local std::set<const ir::TypeDecl*> asking;
  if (!asking.insert(&d).second) return true;
  bool ok = func_sig_crosses(*d.underlying->sig, nullptr);
  asking.erase(&d);
  return ok;
}

bool is_handle_decl(const ir::TypeDecl& d) {
  if (d.kind == ir::TypeDecl::Kind::Struct || is_opaque_func_decl(d)) return true;
  return d.kind == ir::TypeDecl::Kind::Defined && !d.alias && !d.bound_methods.empty() && !is_value_decl(d) &&
         !is_container_value_decl(d);
}

bool is_sentinel(const ir::Var& v) {
  if (!v.type) return false;
  const ir::Type& u = underlying(*v.type);
  return u.kind == ir::Type::Kind::Prim && u.prim == ir::Prim::Error;
}

const ir::Type& underlying(const ir::Type& t) {
  const ir::Type* cur = &t;
  // The checker allows no longer chain (compiler/limits.hpp); only a cycle stops here.
  for (int depth = 0; depth <= limits::kMaxNesting; ++depth) {
    const ir::TypeDecl* d = decl_of(*cur);
    if (!d || d->kind != ir::TypeDecl::Kind::Defined || is_handle_decl(*d) || !d->underlying) break;
    cur = d->underlying.get();
  }
  return *cur;
}

namespace {

bool is_numeric(ir::Prim p) { return ir::is_integer(p) || ir::is_float(p); }

Lowering scalar(ir::Prim p, const char* c, const char* go) {
  Lowering l;
  l.kind = Kind::Scalar;
  l.c_type = c;
  l.go_ctype = go;
  l.scalar = true;
  l.prim = p;
  return l;
}

std::optional<Lowering> lower_prim(ir::Prim prim, bool param, std::string* why) {
  ir::Prim p = ir::canonical(prim);
  switch (p) {
    case ir::Prim::Bool: return scalar(p, "bool", "C.bool");
    case ir::Prim::Int: case ir::Prim::Int64: return scalar(p, "int64_t", "C.int64_t");
    case ir::Prim::Int8: return scalar(p, "int8_t", "C.int8_t");
    case ir::Prim::Int16: return scalar(p, "int16_t", "C.int16_t");
    case ir::Prim::Int32: return scalar(p, "int32_t", "C.int32_t");
    case ir::Prim::Uint: case ir::Prim::Uint64: return scalar(p, "uint64_t", "C.uint64_t");
    case ir::Prim::Uint8: return scalar(p, "uint8_t", "C.uint8_t");
    case ir::Prim::Uint16: return scalar(p, "uint16_t", "C.uint16_t");
    case ir::Prim::Uint32: return scalar(p, "uint32_t", "C.uint32_t");
    case ir::Prim::Uintptr: return scalar(p, "uintptr_t", "C.uintptr_t");
    case ir::Prim::Float32: return scalar(p, "float", "C.float");
    case ir::Prim::Float64: return scalar(p, "double", "C.double");
    case ir::Prim::Complex64: case ir::Prim::Complex128: {
      Lowering l;
      l.kind = Kind::Complex;
      l.prim = p;
      l.c_type = p == ir::Prim::Complex64 ? "gpic_complex64" : "gpic_complex128";
      l.go_ctype = "C." + l.c_type;
      return l;
    }
    case ir::Prim::String: {
      Lowering l;
      l.kind = Kind::String;
      l.prim = p;
      l.c_type = "gpic_string";
      l.go_ctype = "C.gpic_string";
      return l;
    }
    default: break;
  }
  // An error crosses encoded (the wire format's error): to Python the exception it would
  // raise, to Go an error with the exception's message (ABI.md).
  Lowering l;
  l.kind = Kind::Wire;
  l.prim = p;
  l.c_type = "gpic_bytes";
  l.go_ctype = "C.gpic_bytes";
  return l;
}

Lowering wire() {
  Lowering l;
  l.kind = Kind::Wire;
  l.c_type = "gpic_bytes";
  l.go_ctype = "C.gpic_bytes";
  return l;
}

Lowering handle(const ir::TypeDecl* d, bool nullable) {
  Lowering l;
  l.kind = Kind::Handle;
  l.c_type = "uint64_t";
  l.go_ctype = "C.uint64_t";
  l.scalar = true;
  l.decl = d;
  l.nullable = nullable;
  return l;
}

Lowering callback() {
  Lowering l;
  l.kind = Kind::Callback;
  l.c_type = "uint64_t";
  l.go_ctype = "C.uint64_t";
  return l;
}

// Another package's objects are held by handle and made by that package's classes; its
// callable func types are its class too, and a Python callable given for one becomes a Go
// func here as for this package's own. Its interfaces get proxies here (foreign_interfaces.hpp).
bool foreign_ok(const ir::TypeDecl& d, const ir::Type& t, std::string* why) {
  if (is_handle_decl(d) && (!is_opaque_func_decl(d) || callable_func_decl(d))) return true;
  if (d.kind == ir::TypeDecl::Kind::Interface) return foreign_interface_ok(d, t, why);
  if (why) *why = "type " + t.go_spelling() + " of another package (only its structs, named types with methods, func types and interfaces)";
  return false;
}

bool wire_ok(const ir::Type& t, bool param, std::string* why, int depth) {
  if (depth > 32) {
    if (why) *why = "type " + t.go_spelling() + " (nested too deeply)";
    return false;
  }
  const ir::Type& u = underlying(t);
  using K = ir::Type::Kind;
  if (const wellknown::Entry* e = wellknown::find(u)) {
    // A context or a Python stream is made for one call (wellknown.hpp, Use::Param).
    if (e->use == wellknown::Use::Param && (!param || depth > 0)) {
      if (why) *why = std::string(e->spelling) + " other than as a parameter of a function or method";
      return false;
    }
    return true;
  }
  switch (u.kind) {
    case K::Prim:
      // An error crosses as the exception it would raise, and an exception (or None) as an
      // error carrying its message.
      return true;
    case K::Named:
      if (!u.decl) {
        if (why) *why = "unresolved type " + u.go_spelling();
        return false;
      }
      // A type of another bound package crosses like this package's own: its objects live
      // in the one handle table of the joint build (compiler/foreign_types.hpp).
      return u.qualifier.empty() || foreign_ok(*u.decl, u, why);
    case K::Slice:
    case K::Array:
    case K::Pointer:
      return wire_ok(*u.elem, param, why, depth + 1);
    case K::Map:
      return wire_ok(*u.key, param, why, depth + 1) && wire_ok(*u.elem, param, why, depth + 1);
    case K::Chan:
      // Values go both ways on a channel Python holds (channels.hpp).
      return wire_ok(*u.elem, true, why, depth + 1) && wire_ok(*u.elem, false, why, depth + 1);
    case K::Seq:
      if (param) {
        if (why) *why = "iterator type " + u.go_spelling() + " other than as a result (Python only loops over Go's)";
        return false;
      }
      return (!u.key || wire_ok(*u.key, false, why, depth + 1)) && wire_ok(*u.elem, false, why, depth + 1);
    case K::Func:
      // A Go func value handed to Python is called from Python: its parameters go from
      // Python to Go and its results back, so its signature must cross both ways.
      if (!param) return sig_crosses_at(*u.sig, why, depth + 1);
      // A callback's own parameters go from Go to Python, its results from Python to Go.
      for (const auto& p : u.sig->params)
        if (!wire_ok(*p.type, false, why, depth + 1)) return false;
      for (const auto* r : u.sig->value_results())
        if (!wire_ok(*r->type, true, why, depth + 1)) return false;
      return true;
  }
  return false;
}

}  // namespace

bool wire_supported(const ir::Type& t, std::string* why) { return wire_ok(t, true, why, 0); }

std::optional<Lowering> lower(const ir::Type& t, bool param, std::string* why) {
  const ir::Type& u = underlying(t);
  std::optional<Lowering> out;
  using K = ir::Type::Kind;
  if (wellknown::find(u)) {
    // Every well-known type crosses in the wire format, with its own codecs.
    if (wire_ok(u, param, why, 0)) {
      out = wire();
      out->type = &t;
    }
    return out;
  }
  switch (u.kind) {
    case K::Prim:
      // `any` crosses as one tagged dynamic value in the wire format (ABI.md, runtime/go/gpic_any.go).
      out = u.prim == ir::Prim::Any ? std::optional<Lowering>(wire()) : lower_prim(u.prim, param, why);
      break;
    case K::Named: {
      if (!u.decl) {
        if (why) *why = "unresolved type " + u.go_spelling();
        return std::nullopt;
      }
      if (!u.qualifier.empty() && !foreign_ok(*u.decl, u, why)) return std::nullopt;
      if (param && callable_func_decl(*u.decl)) out = callback();  // any Python callable, or a Go func
      else if (is_opaque_func_decl(*u.decl)) out = handle(u.decl, true);  // nil is None
      else if (is_handle_decl(*u.decl)) out = handle(u.decl, false);
      else if (wire_ok(u, param, why, 0)) out = wire();  // an interface
      break;
    }
    case K::Pointer: {
      const ir::Type& e = underlying(*u.elem);
      if (const ir::TypeDecl* d = decl_of(e); d && is_handle_decl(*d)) out = handle(d, true);
      else if (wire_ok(u, param, why, 0)) out = wire();
      break;
    }
    case K::Slice:
    case K::Array: {
      const ir::Type& e = underlying(*u.elem);
      if (param && e.kind == K::Prim && is_numeric(e.prim)) {
        Lowering l;
        l.kind = u.kind == K::Slice ? Kind::NumSlice : Kind::NumArray;
        l.c_type = "gpic_slice";
        l.go_ctype = "C.gpic_slice";
        l.prim = ir::canonical(e.prim);
        l.length = u.length;
        out = l;
      } else if (wire_ok(u, param, why, 0)) {
        out = wire();
      }
      break;
    }
    case K::Map:
    case K::Chan:
    case K::Seq:
      if (wire_ok(u, param, why, 0)) out = wire();
      break;
    case K::Func:
      // To Go: a Python callable (or a Go func Python holds). To Python: a handle to the Go
      // func, whose class (decl) the plan makes (Planner::func_class).
      if (wire_ok(u, param, why, 0)) out = param ? callback() : handle(nullptr, true);
      break;
  }
  if (out) out->type = &t;
  return out;
}

std::string mangle(std::string_view part) {
  std::string out;
  for (char c : part) out += c == '_' ? std::string("_1") : std::string(1, c);
  return out;
}

std::string c_name(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += (out.empty() ? "" : "_") + mangle(p);
  return out;
}

bool is_c_reserved(std::string_view name) {
  static constexpr std::array kReserved = {
      // C keywords (C23's among them) and the macros <stdbool.h>, <stdalign.h>, <assert.h>,
      // <errno.h> and <stdnoreturn.h> define
      "alignas", "alignof", "auto", "bool", "break", "case", "char", "const", "constexpr", "continue", "default",
      "do", "double", "else", "enum", "errno", "extern", "false", "float", "for", "goto", "if", "inline", "int",
      "long", "noreturn", "nullptr", "register", "restrict", "return", "short", "signed", "sizeof", "static",
      "static_assert", "struct", "switch", "thread_local", "true", "typedef", "typeof", "typeof_unqual", "union",
      "unsigned", "void", "volatile", "while", "assert", "offsetof", "complex", "imaginary",
      // C++ keywords and alternative tokens (the header is compiled as C++ by the cpython target)
      "and", "and_eq", "asm", "bitand", "bitor", "catch", "char8_t", "char16_t", "char32_t", "class", "compl",
      "concept", "consteval", "constinit", "const_cast", "co_await", "co_return", "co_yield", "decltype", "delete",
      "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "operator", "or", "or_eq", "private", "protected", "public", "reinterpret_cast", "requires", "static_cast",
      "template", "this", "throw", "try", "typeid", "typename", "using", "virtual", "wchar_t", "xor", "xor_eq",
      // lower-case macros GCC predefines in its GNU modes on some target (gcc -dM -E - </dev/null)
      "linux", "unix", "i386", "mips", "sparc", "sun", "vax", "ns32000", "m68k", "mc68000", "pyr", "sequent",
      // type names the declarations use, which a parameter of that name would hide from the
      // parameters after it
      "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "uintptr_t",
      "intptr_t", "size_t", "ptrdiff_t",
      // names of the generated code
      "st", "self", "NULL"};
  if (name.substr(0, 4) == "gpic") return true;  // gpic_status, gpic_string... and the runtime's functions
  return std::any_of(kReserved.begin(), kReserved.end(), [&](const char* r) { return name == r; });
}

std::string c_ident(std::string_view name) {
  std::string s(name);
  if (is_c_reserved(s) || (!s.empty() && s.back() == '_')) s += '_';
  return s;
}

std::string type_key(const ir::Type& t) { return t.go_spelling(); }

std::string type_identity(const ir::Type& t) {
  using K = ir::Type::Kind;
  switch (t.kind) {
    case K::Func: {
      const ir::FuncSig& sig = *t.sig;
      std::string s = "func(";
      for (size_t i = 0; i < sig.params.size(); ++i) {
        bool variadic = sig.variadic && i + 1 == sig.params.size();
        s += (i ? ", " : "") + (variadic ? "..." + type_identity(*sig.params[i].type->elem) : type_identity(*sig.params[i].type));
      }
      s += ")";
      for (size_t i = 0; i < sig.results.size(); ++i) s += (i ? ", " : sig.results.size() > 1 ? " (" : " ") + type_identity(*sig.results[i].type);
      return sig.results.size() > 1 ? s + ")" : s;
    }
    case K::Slice: return "[]" + type_identity(*t.elem);
    case K::Array: return "[" + std::to_string(t.length) + "]" + type_identity(*t.elem);
    case K::Map: return "map[" + type_identity(*t.key) + "]" + type_identity(*t.elem);
    case K::Pointer: return "*" + type_identity(*t.elem);
    default: return t.go_spelling();
  }
}

std::string symbol(const ir::Module& m, const ir::Func& f) {
  if (f.recv) return c_name({"gpic", m.name, f.recv->type_name, f.name});
  return c_name({"gpic", m.name, f.name});
}
std::string const_symbol(const ir::Module& m, const ir::Const& c) { return c_name({"gpic", m.name, "const", c.name}); }
std::string var_getter_symbol(const ir::Module& m, const ir::Var& v) { return c_name({"gpic", m.name, "get", v.name}); }
std::string var_setter_symbol(const ir::Module& m, const ir::Var& v) { return c_name({"gpic", m.name, "set", v.name}); }

std::string Signature::c_declaration() const {
  std::string d = (direct_result ? direct_result->c_type : "void") + " " + symbol + "(";
  if (receiver) d += receiver->c_type + " " + receiver->name + ", ";
  for (const auto& p : params) d += p.c_type + " " + p.name + ", ";
  for (const auto& r : out_results) d += r.c_type + "* " + r.name + ", ";
  return d + "gpic_status* st)";
}

const ClassExport* Plan::find_class(const ir::TypeDecl* d) const {
  for (const auto& c : classes)
    if (c.decl == d) return &c;
  return nullptr;
}

const InterfaceExport* Plan::find_interface(const ir::TypeDecl* d) const {
  for (const auto* list : {&interfaces, &foreign_interfaces})
    for (const auto& i : *list)
      if (i.decl == d) return &i;
  return nullptr;
}

const ClassExport* Plan::find_func_class(const ir::Type& func_type) const {
  if (const ir::TypeDecl* d = decl_of(func_type); d && is_opaque_func_decl(*d)) return find_class(d);
  const ir::Type& u = underlying(func_type);
  if (u.kind != ir::Type::Kind::Func) return nullptr;
  std::string key = type_identity(u);
  for (const auto& c : classes)
    if (c.decl->synthetic && type_identity(*c.decl->underlying) == key) return &c;
  return nullptr;
}

const CallbackType* Plan::find_callback(const ir::Type& func_type) const {
  std::string key = type_key(underlying(func_type));
  for (const auto& c : callbacks)
    if (c.key == key) return &c;
  return nullptr;
}

namespace {

// Builds the plan, reporting every construct it cannot carry.
class Planner {
 public:
  Planner(const ir::Module& m, std::string_view target, Diagnostics& diags) : m_(m), target_(target), diags_(diags) {}

  std::optional<Plan> run() {
    int next_proxy_id = 1;
    for (const auto& t : m_.types) {
      if (is_handle_decl(t)) {
        plan_.classes.push_back(new_class(t));
      } else if (is_value_decl(t) || (is_container_value_decl(t) && !t.bound_methods.empty())) {
        plan_.value_types.push_back({&t, {}});
      } else if (t.kind == ir::TypeDecl::Kind::Interface) {
        InterfaceExport i;
        i.decl = &t;
        i.proxy_id = next_proxy_id++;
        plan_.interfaces.push_back(std::move(i));
      } else if (t.underlying) {
        std::string why;
        if (!wire_supported(*t.underlying, &why)) fail(t.underlying->loc, why, " (type " + t.name + ")");
      }
    }
    for (auto& c : plan_.classes) plan_class(c);
    for (auto& v : plan_.value_types) plan_value_type(v);
    for (auto& i : plan_.interfaces) plan_interface(i);
    for (const auto& f : m_.funcs) {
      if (f.recv) continue;  // planned with its class
      if (auto sig = lower_sig(f.sig, abi::symbol(m_, f), nullptr, f.loc, "func " + f.name))
        plan_.funcs.push_back({&f, std::move(*sig)});
    }
    for (const auto& c : m_.consts) {
      std::string why;
      auto l = c.type ? lower(*c.type, false, &why) : std::nullopt;
      // A typed constant of a well-known type (`const Day = 24 * time.Hour`, a time.Duration)
      // crosses in the wire format like any value of that type: Python gets a timedelta.
      bool wellknown_value = l && l->kind == Kind::Wire && wellknown::find(underlying(*c.type));
      if (!l || (l->kind != Kind::Scalar && l->kind != Kind::String && l->kind != Kind::Complex && !wellknown_value)) {
        fail(c.type ? c.type->loc : c.loc, l ? "constant of type " + c.type->go_spelling() : why, " (const " + c.name + ")");
        continue;
      }
      if (wellknown_value) note_types(*c.type, false);
      plan_.consts.push_back({&c, const_symbol(m_, c), *l});
    }
    for (const auto& v : m_.vars) {
      if (is_sentinel(v)) {
        plan_.sentinels.push_back(&v);
        continue;
      }
      std::string why;
      auto get = lower(*v.type, false, &why);
      auto set = get ? lower(*v.type, true, &why) : std::nullopt;
      if (!get || !set) {
        fail(v.type->loc, why, " (var " + v.name + ")");
        continue;
      }
      note_types(*v.type, false);
      note_types(*v.type, true);
      resolve_func_class(*get);
      plan_.vars.push_back({&v, var_getter_symbol(m_, v), var_setter_symbol(m_, v), *get});
    }
    // The classes of unnamed func types Go hands Python, made while planning the rest (and
    // while planning each other: a func returning a func), and the proxies' method tables of
    // another package's interfaces the signatures use. Each may bring more of both (a proxy
    // method given a Go func, a class method returning another interface): planned until none
    // is new. The foreign list is walked by index; its methods are shared, so they outlive a
    // reallocation.
    for (size_t foreign = 0; !pending_func_classes_.empty() || foreign < plan_.foreign_interfaces.size();) {
      if (!pending_func_classes_.empty()) {
        const ir::TypeDecl* d = pending_func_classes_.front();
        pending_func_classes_.erase(pending_func_classes_.begin());
        plan_.classes.push_back(new_class(*d));
        plan_class(plan_.classes.back());
        continue;
      }
      plan_.foreign_interfaces[foreign].proxy_id = next_proxy_id++;
      auto methods = plan_.foreign_interfaces[foreign++].spelled;
      for (const auto& me : *methods) {
        for (const auto& p : me.sig.params) note_types(*p.type, false);
        for (const auto* r : me.sig.value_results()) note_types(*r->type, true);
      }
    }
    // Callback types: every func type a parameter names, and those inside wire types.
    for (const auto* t : func_types_) {
      CallbackType cb;
      cb.sig = t->sig.get();
      cb.key = type_key(*t);
      cb.proxy_id = next_proxy_id++;
      plan_.callbacks.push_back(cb);
    }
    if (failed_) return std::nullopt;
    return std::move(plan_);
  }

 private:
  // Every target plans the same module the same way: a failure an earlier target already
  // reported at the same place is not reported again (one diagnostic per problem).
  void fail(const ir::Loc& loc, const std::string& what, const std::string& where) {
    failed_ = true;
    std::string tail = " target cannot bind " + what + where;
    for (const auto& d : diags_.all()) {
      bool same_place = d.loc.line == loc.line && d.loc.col == loc.col && d.loc.file == loc.file;
      if (same_place && d.message.size() >= tail.size() && d.message.compare(d.message.size() - tail.size(), tail.size(), tail) == 0)
        return;
    }
    diags_.error(loc, "the " + std::string(target_) + tail);
  }

  ClassExport new_class(const ir::TypeDecl& t) {
    ClassExport c;
    c.decl = &t;
    c.type_id = next_type_id_++;
    if (!is_opaque_func_decl(t) || callable_func_decl(t)) c.constructor = c_name({"gpic", m_.name, t.name, "new"});
    return c;
  }

  // The class of Go func values of the unnamed func type `u`, made on first use: a Go value
  // Python holds, named `_GoFuncN` (no Go name starts with `_`, so none collides with it).
  const ir::TypeDecl* func_class(const ir::Type& u) {
    std::string key = type_identity(u);
    if (auto it = func_classes_.find(key); it != func_classes_.end()) return it->second;
    auto d = std::make_shared<ir::TypeDecl>();
    d->kind = ir::TypeDecl::Kind::Defined;
    d->name = "_GoFunc" + std::to_string(func_classes_.size() + 1);
    d->loc = u.loc;
    d->synthetic = true;
    // The module's type outlives the plan: an aliasing pointer that owns nothing.
    d->underlying = ir::TypeRef(ir::TypeRef(), const_cast<ir::Type*>(&u));
    plan_.owned_decls.push_back(d);
    pending_func_classes_.push_back(d.get());
    func_classes_.emplace(key, d.get());
    return d.get();
  }

  // A Go func value going to Python is a handle of its class: fills in the class of an
  // unnamed func type.
  void resolve_func_class(Lowering& l) {
    if (l.kind == Kind::Handle && !l.decl && l.type) l.decl = func_class(underlying(*l.type));
  }

  // Records the codec types a value of type `t` needs, elements before containers.
  void note_types(const ir::Type& t, bool param) {
    const ir::Type& u = underlying(t);
    using K = ir::Type::Kind;
    if (const wellknown::Entry* e = wellknown::find(u)) {
      // A Python stream reaches Go as a callable: its callback type is planned like any other
      // (Python to Go only: a Go stream reaches Python by handle, never as a func).
      if (const ir::Type* cb = wellknown::callback_type(*e)) note_types(*cb, true);
      if (wire_keys_.insert(type_key(u)).second) plan_.wire_types.push_back(&u);
      return;
    }
    // A callable named func type crosses as its func type: to Go, through its callback maker.
    if (const ir::TypeDecl* d = decl_of(u); d && callable_func_decl(*d) && param) {
      note_types(*d->underlying, param);
      return;
    }
    switch (u.kind) {
      case K::Slice: case K::Array: case K::Pointer:
        note_types(*u.elem, param);
        break;
      case K::Map:
        note_types(*u.key, param);
        note_types(*u.elem, param);
        break;
      case K::Chan:
        note_types(*u.elem, true);
        note_types(*u.elem, false);
        if (param && channels::python_may_fill(u)) {
          // A Python iterable reaches Go through a callable the pump goroutine calls.
          plan_.owned_types.push_back(channels::pump_func_type(u));
          note_types(*plan_.owned_types.back(), true);
        }
        break;
      case K::Seq:
        if (u.key) note_types(*u.key, false);
        note_types(*u.elem, false);
        break;
      case K::Func: {
        std::string key = type_key(u);
        if (!param) func_class(u);  // Go hands Python a func value of this type
        if (!func_keys_.insert(key).second) return;
        func_types_.push_back(&u);
        for (const auto& p : u.sig->params) note_types(*p.type, false);
        for (const auto* r : u.sig->value_results()) note_types(*r->type, true);
        return;
      }
      default:
        break;
    }
    if (u.kind == K::Prim) return;
    if (u.kind == K::Named && decl_of(u) && is_handle_decl(*decl_of(u))) return;
    if (u.kind == K::Named && !u.qualifier.empty() && u.decl && u.decl->kind == ir::TypeDecl::Kind::Interface &&
        !plan_.find_interface(u.decl)) {
      InterfaceExport i;
      i.decl = u.decl;
      i.qualifier = u.qualifier;
      i.spelled = std::make_shared<const std::vector<ir::InterfaceMethod>>(methods_spelled_outside(*u.decl));
      plan_.foreign_interfaces.push_back(std::move(i));
    }
    if (u.kind == K::Pointer) {
      const ir::TypeDecl* d = decl_of(underlying(*u.elem));
      if (d && is_handle_decl(*d)) return;
    }
    std::string key = type_key(u);
    if (wire_keys_.insert(key).second) plan_.wire_types.push_back(&u);
  }

  std::optional<CParam> lower_param(const ir::Type& t, const std::string& name, bool param, std::string* why) {
    auto l = lower(t, param, why);
    if (!l) return std::nullopt;
    resolve_func_class(*l);
    note_types(t, param);
    return CParam{l->c_type, name, &t, *l};
  }

  std::optional<Signature> lower_sig(const ir::FuncSig& sig, const std::string& symbol, const Lowering* receiver,
                                     const ir::Loc& loc, const std::string& what) {
    Signature s;
    s.symbol = symbol;
    s.returns_error = sig.returns_error();
    bool ok = true;
    if (receiver) s.receiver = CParam{receiver->c_type, "self", nullptr, *receiver};
    for (size_t i = 0; i < sig.params.size(); ++i) {
      const auto& p = sig.params[i];
      std::string why;
      std::string name = p.name.empty() || p.name == "_" ? "arg" + std::to_string(i) : c_ident(p.name);
      auto c = lower_param(*p.type, name, true, &why);
      if (!c) {
        fail(p.type->loc, why, " (in " + what + ")");
        ok = false;
        continue;
      }
      s.params.push_back(*c);
    }
    auto results = sig.value_results();
    for (size_t i = 0; i < results.size(); ++i) {
      std::string why;
      auto c = lower_param(*results[i]->type, "r" + std::to_string(i), false, &why);
      if (!c) {
        fail(results[i]->type->loc, why, " (in " + what + ")");
        ok = false;
        continue;
      }
      s.out_results.push_back(*c);
    }
    // Go's writes through in-out pointers come back as the last out-results (in_out.hpp).
    for (size_t i = 0; i < sig.params.size(); ++i) {
      bool variadic = sig.variadic && i + 1 == sig.params.size();
      if (!ok || variadic || !is_in_out(*sig.params[i].type)) continue;
      auto c = lower_param(*sig.params[i].type, "w" + std::to_string(i), false, nullptr);
      if (!c) continue;
      c->writes_back = static_cast<int>(i);
      s.out_results.push_back(*c);
    }
    (void)loc;
    if (!ok) return std::nullopt;
    if (s.out_results.size() == 1 && s.out_results[0].lowering.scalar) {
      s.direct_result = s.out_results[0];
      s.out_results.clear();
    }
    return s;
  }

  // The named type of a receiver, for the lowering of `self`.
  const ir::Type* self_type(const ir::TypeDecl& t) {
    auto type = std::make_shared<ir::Type>();
    type->kind = ir::Type::Kind::Named;
    type->name = t.name;
    type->decl = &t;
    type->decl_module = &m_;
    type->loc = t.loc;
    plan_.owned_types.push_back(type);
    return type.get();
  }

  void plan_class(ClassExport& c) {
    const ir::TypeDecl& t = *c.decl;
    Lowering self = handle(&t, false);
    self.type = self_type(t);
    for (const auto& f : t.fields) plan_field(c, f, false);
    // Embedded structs' fields and methods, reached through this struct as Go reaches them.
    Promoted promoted = promoted_members(t);
    for (const auto& p : promoted.fields) {
      plan_.owned_fields.push_back(p.field);
      plan_field(c, *p.field, true);
    }
    if (callable_func_decl(t)) plan_func_class(c, self);
    if (t.kind == ir::TypeDecl::Kind::Defined && !is_opaque_func_decl(t)) {
      std::string why;
      auto get = lower(*t.underlying, false, &why);
      auto set = get ? lower(*t.underlying, true, &why) : std::nullopt;
      if (!get || !set) {
        fail(t.underlying->loc, why, " (type " + t.name + ")");
      } else {
        note_types(*t.underlying, false);
        note_types(*t.underlying, true);
        c.value = *set;
        c.value_getter = c_name({"gpic", m_.name, t.name, "value"});
      }
    }
    for (const ir::Func* f : t.bound_methods) {
      if (auto sig = lower_sig(f->sig, abi::symbol(m_, *f), &self, f->loc, "method " + t.name + "." + f->name))
        c.methods.push_back({f, std::move(*sig)});
    }
    for (const auto& p : promoted.methods) {
      plan_.owned_funcs.push_back(p.func);
      const ir::Func& f = *p.func;
      if (auto sig = lower_sig(f.sig, abi::symbol(m_, f), &self, f.loc, "method " + t.name + "." + f.name))
        c.methods.push_back({&f, std::move(*sig)});
    }
  }

  void plan_field(ClassExport& c, const ir::Field& f, bool promoted) {
    const ir::TypeDecl& t = *c.decl;
    std::string why;
    auto get = lower(*f.type, false, &why);
    auto set = get ? lower(*f.type, true, &why) : std::nullopt;
    if (!get || !set) {
      fail(f.type->loc, why, " (field " + t.name + "." + f.name + ")");
      return;
    }
    note_types(*f.type, false);
    note_types(*f.type, true);
    resolve_func_class(*get);
    c.fields.push_back({&f, c_name({"gpic", m_.name, t.name, "get", f.name}), c_name({"gpic", m_.name, t.name, "set", f.name}),
                        *get, *set, promoted});
  }

  // A callable func class: made from a Python callable (the constructor's one argument, which
  // Go wraps as it wraps a callback), and called by `call` (Python's __call__).
  void plan_func_class(ClassExport& c, const Lowering& self) {
    const ir::TypeDecl& t = *c.decl;
    const ir::Type& fn = *t.underlying;
    auto value = lower(fn, true);
    if (!value) return;
    note_types(fn, true);
    c.value = *value;
    auto owned = std::make_shared<ir::Func>();
    owned->name = "call";
    owned->recv = ir::Receiver{"", t.name, false, t.loc};
    owned->sig = *fn.sig;
    owned->loc = t.loc;
    owned->doc = t.doc;
    c.call_func = owned;
    if (auto sig = lower_sig(owned->sig, abi::symbol(m_, *owned), &self, t.loc, "func type " + fn.go_spelling()))
      c.call = FuncExport{owned.get(), std::move(*sig)};
  }

  // The receiver is the value itself, lowered as the scalar it is (typed as the named type, so
  // Go converts it back before calling the method).
  void plan_value_type(ValueTypeExport& v) {
    const ir::TypeDecl& t = *v.decl;
    auto self = lower(*self_type(t), true);
    if (!self) return;
    if (is_container_value_decl(t)) {  // a slice, array or map receiver crosses as a wire value
      const ir::Type* type = self->type;
      self = wire();
      self->type = type;
      note_types(*type, false);
    }
    for (const ir::Func* f : t.bound_methods)
      if (auto sig = lower_sig(f->sig, abi::symbol(m_, *f), &*self, f->loc, "method " + t.name + "." + f->name))
        v.methods.push_back({f, std::move(*sig)});
  }

  void plan_interface(InterfaceExport& i) {
    const ir::TypeDecl& t = *i.decl;
    Lowering self = wire();
    self.kind = Kind::Handle;  // an interface value held by Python is a handle too
    self.c_type = "uint64_t";
    self.go_ctype = "C.uint64_t";
    self.scalar = true;
    self.decl = &t;
    self.type = self_type(t);
    for (const auto& me : t.methods) {
      // Called on Go values from Python (params Python->Go), and on Python objects from Go
      // (params Go->Python): both directions must be carried.
      std::string why;
      bool both = true;
      for (const auto& p : me.sig.params)
        if (!wire_ok(*p.type, false, &why, 0)) both = false;
      for (const auto* r : me.sig.value_results())
        if (both && !wire_ok(*r->type, true, &why, 0)) both = false;
      if (!both) {
        fail(me.loc, why, " (method " + t.name + "." + me.name + ")");
        continue;
      }
      for (const auto& p : me.sig.params) note_types(*p.type, false);
      for (const auto* r : me.sig.value_results()) note_types(*r->type, true);
      auto owned = std::make_shared<ir::Func>();
      i.method_funcs.push_back(owned);
      ir::Func& f = *owned;
      f.name = me.name;
      f.recv = ir::Receiver{"", t.name, false, me.loc};
      f.sig = me.sig;
      f.doc = me.doc;
      f.loc = me.loc;
      if (auto sig = lower_sig(f.sig, abi::symbol(m_, f), &self, f.loc, "method " + t.name + "." + f.name))
        i.methods.push_back({&f, std::move(*sig)});
    }
  }

  const ir::Module& m_;
  std::string_view target_;
  Diagnostics& diags_;
  Plan plan_;
  bool failed_ = false;
  std::set<std::string> wire_keys_, func_keys_;
  int next_type_id_ = 1;
  std::map<std::string, const ir::TypeDecl*> func_classes_;   // Go spelling -> its class
  std::vector<const ir::TypeDecl*> pending_func_classes_;     // made, not yet planned
  std::vector<const ir::Type*> func_types_;
};

}  // namespace

std::optional<Plan> plan(const ir::Module& m, std::string_view target, Diagnostics& diags) {
  return Planner(m, target, diags).run();
}

}  // namespace gpic::abi
