#include "targets/common/wellknown.hpp"

#include <map>
#include <memory>
#include <set>

namespace gpic::wellknown {

const std::vector<Entry>& table() {
  static const std::vector<Entry> entries = {
      {"time.Time", "time", "Time", false, "time", Use::Anywhere,
       "gpicPutTime", "gpicGetTime(r)", "", "",
       "_gpic_wire.Time()", "datetime.datetime", "datetime.datetime"},
      {"time.Duration", "time", "Duration", false, "time", Use::Anywhere,
       "gpicPutDuration", "gpicGetDuration(r)", "", "",
       "_gpic_wire.Duration()", "datetime.timedelta", "datetime.timedelta"},
      {"*big.Int", "big", "Int", true, "math/big", Use::Anywhere,
       "gpicPutBigInt", "gpicGetBigInt(r)", "", "",
       "_gpic_wire.BigInt()", "int | None", "int | None"},
      // Exact through Go's own text form: Python's Decimal reads back the Go value, and a
      // Decimal reaches Go with the precision its digits need (wire format: ABI.md).
      {"*big.Float", "big", "Float", true, "math/big", Use::Anywhere,
       "gpicPutBigFloat", "gpicGetBigFloat(r)", "", "",
       "_gpic_wire.BigFloat()", "decimal.Decimal | int | float | None", "decimal.Decimal | None"},
      // Streams, both ways. A Python stream reaches Go as a callable Go calls for each Read (or
      // Write): streamed, never read whole first. A Go stream reaches Python as a file object
      // (gpic_wire.GoStream) over its handle, read and written one Go call at a time.
      {"io.Reader", "io", "Reader", false, "io", Use::Anywhere,
       "gpicPutReader", "gpicGetReader(r, $cb$)", "", "func(n int) ([]byte, error)",
       "_gpic_wire.Reader($cb$, _gbridge)", "BinaryIO | None", "BinaryIO | None"},
      {"io.ReadCloser", "io", "ReadCloser", false, "io", Use::Anywhere,
       "gpicPutReadCloser", "gpicGetReadCloser(r, $cb$)", "", "func(n int) ([]byte, error)",
       "_gpic_wire.Reader($cb$, _gbridge)", "BinaryIO | None", "BinaryIO | None"},
      {"io.Writer", "io", "Writer", false, "io", Use::Anywhere,
       "gpicPutWriter", "gpicGetWriter(r, $cb$)", "", "func(p []byte) (int, error)",
       "_gpic_wire.Writer($cb$, _gbridge)", "BinaryIO | None", "BinaryIO | None"},
      {"io.WriteCloser", "io", "WriteCloser", false, "io", Use::Anywhere,
       "gpicPutWriteCloser", "gpicGetWriteCloser(r, $cb$)", "", "func(p []byte) (int, error)",
       "_gpic_wire.Writer($cb$, _gbridge)", "BinaryIO | None", "BinaryIO | None"},
      // database/sql's `type Value any`: a defined empty interface, so a signature must name it
      // (Go's method sets compare types exactly), but its values cross as any's do (natural
      // Python values, or Go objects of no class of this module).
      {"driver.Value", "driver", "Value", false, "database/sql/driver", Use::Anywhere,
       "gpicPutAny", "gpicGetAny(r)", "", "",
       "_gpic_wire.Any(_gbridge, _gclasses, _GoObject, ())", "Any", "Any"},
      // Made for the call (a timeout from Python, cancelled on SIGINT) and cancelled after it.
      {"context.Context", "context", "Context", false, "context", Use::Param,
       "", "gpicGetContext(r)", "gpicReleaseContext", "",
       "_gpic_wire.Context()", "float | datetime.timedelta | None", "float | datetime.timedelta | None"},
  };
  return entries;
}

const Entry* find(const ir::Type& t) {
  const ir::Type* named = &t;
  bool pointer = false;
  if (t.kind == ir::Type::Kind::Pointer && t.elem) {
    named = t.elem.get();
    pointer = true;
  }
  if (named->kind != ir::Type::Kind::Named || named->qualifier.empty() || named->decl) return nullptr;
  for (const auto& e : table())
    if (e.pointer == pointer && e.qualifier == named->qualifier && e.name == named->name) return &e;
  return nullptr;
}

const Entry* find_name(std::string_view qualifier, std::string_view name) {
  for (const auto& e : table())
    if (e.qualifier == qualifier && e.name == name) return &e;
  return nullptr;
}

bool is_builtin_name(std::string_view qualifier, std::string_view name) { return find_name(qualifier, name) != nullptr; }

namespace {

// "func(n int) ([]byte, error)" and "func(p []byte) (int, error)", as IR: a Python exception
// in the stream's method is the error of Go's Read or Write.
std::shared_ptr<ir::Type> make_callback(std::string_view spelling) {
  auto prim = [](ir::Prim p) {
    auto t = std::make_shared<ir::Type>();
    t->kind = ir::Type::Kind::Prim;
    t->prim = p;
    return t;
  };
  auto bytes = [&] {
    auto t = std::make_shared<ir::Type>();
    t->kind = ir::Type::Kind::Slice;
    t->elem = prim(ir::Prim::Byte);
    return t;
  };
  auto f = std::make_shared<ir::Type>();
  f->kind = ir::Type::Kind::Func;
  f->sig = std::make_shared<ir::FuncSig>();
  if (spelling == "func(n int) ([]byte, error)") {
    f->sig->params.push_back({"n", prim(ir::Prim::Int), {}, {}});
    f->sig->results.push_back({"", bytes(), {}, {}});
  } else {
    f->sig->params.push_back({"p", bytes(), {}, {}});
    f->sig->results.push_back({"", prim(ir::Prim::Int), {}, {}});
  }
  f->sig->results.push_back({"", prim(ir::Prim::Error), {}, {}});
  return f;
}

}  // namespace

const ir::Type* callback_type(const Entry& e) {
  if (e.callback.empty()) return nullptr;
  static std::map<std::string_view, std::shared_ptr<ir::Type>> made;
  auto& t = made[e.callback];
  if (!t) t = make_callback(e.callback);
  return t.get();
}

std::string go_imports(std::string_view src) {
  auto ident = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; };
  auto spelled = [&](std::string_view qualifier) {
    std::string needle = std::string(qualifier) + ".";
    for (size_t at = src.find(needle); at != std::string_view::npos; at = src.find(needle, at + 1)) {
      if (at > 0 && (ident(src[at - 1]) || src[at - 1] == '.')) continue;
      size_t line = src.rfind('\n', at);
      std::string_view before = src.substr(line == std::string_view::npos ? 0 : line + 1, at - (line == std::string_view::npos ? 0 : line + 1));
      if (before.find("//") != std::string_view::npos) continue;  // a comment only mentions it
      return true;
    }
    return false;
  };
  std::set<std::string_view> paths;  // sorted, as gofmt sorts an import group
  for (const auto& e : table())
    if (spelled(e.qualifier)) paths.insert(e.go_import);
  if (spelled("iter")) paths.insert("iter");  // Go's iterators (ir::Type::Kind::Seq)
  std::string out;
  for (auto p : paths) out += "\t\"" + std::string(p) + "\"\n";
  return out;
}

}  // namespace gpic::wellknown
