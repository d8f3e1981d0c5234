#include "compiler/ir.hpp"

#include <array>
#include <utility>

namespace gpic::ir {

namespace {

constexpr std::array<std::pair<Prim, std::string_view>, 21> kPrimNames = {{
    {Prim::Bool, "bool"},         {Prim::Int, "int"},         {Prim::Int8, "int8"},
    {Prim::Int16, "int16"},       {Prim::Int32, "int32"},     {Prim::Int64, "int64"},
    {Prim::Uint, "uint"},         {Prim::Uint8, "uint8"},     {Prim::Uint16, "uint16"},
    {Prim::Uint32, "uint32"},     {Prim::Uint64, "uint64"},   {Prim::Uintptr, "uintptr"},
    {Prim::Byte, "byte"},         {Prim::Rune, "rune"},       {Prim::Float32, "float32"},
    {Prim::Float64, "float64"},   {Prim::Complex64, "complex64"},
    {Prim::Complex128, "complex128"}, {Prim::String, "string"}, {Prim::Error, "error"},
    {Prim::Any, "any"},
}};

}  // namespace

std::string_view prim_name(Prim p) {
  for (const auto& [prim, name] : kPrimNames)
    if (prim == p) return name;
  return "?";
}

std::optional<Prim> prim_from_name(std::string_view name) {
  for (const auto& [prim, n] : kPrimNames)
    if (n == name) return prim;
  return std::nullopt;
}

Prim canonical(Prim p) {
  if (p == Prim::Byte) return Prim::Uint8;
  if (p == Prim::Rune) return Prim::Int32;
  return p;
}

bool is_integer(Prim p) {
  switch (canonical(p)) {
    case Prim::Int: case Prim::Int8: case Prim::Int16: case Prim::Int32: case Prim::Int64:
    case Prim::Uint: case Prim::Uint8: case Prim::Uint16: case Prim::Uint32: case Prim::Uint64:
    case Prim::Uintptr:
      return true;
    default:
      return false;
  }
}

bool is_signed(Prim p) {
  switch (canonical(p)) {
    case Prim::Int: case Prim::Int8: case Prim::Int16: case Prim::Int32: case Prim::Int64:
      return true;
    default:
      return false;
  }
}

bool is_float(Prim p) { return p == Prim::Float32 || p == Prim::Float64; }

bool is_complex(Prim p) { return p == Prim::Complex64 || p == Prim::Complex128; }

int prim_bits(Prim p) {
  switch (canonical(p)) {
    case Prim::Int8: case Prim::Uint8: case Prim::Bool:
      return 8;
    case Prim::Int16: case Prim::Uint16:
      return 16;
    case Prim::Int32: case Prim::Uint32: case Prim::Float32:
      return 32;
    case Prim::Complex128:
      return 128;
    default:  // int, uint, uintptr (on the 64-bit platforms gpic targets), 64-bit types, complex64
      return 64;
  }
}

namespace {

std::string param_list_spelling(const std::vector<Param>& params, bool variadic) {
  std::string out;
  for (size_t i = 0; i < params.size(); ++i) {
    if (i > 0) out += ", ";
    const Param& p = params[i];
    if (!p.name.empty()) out += p.name + ' ';
    bool dots = variadic && i + 1 == params.size() && p.type && p.type->kind == Type::Kind::Slice;
    if (dots) {
      out += "..." + (p.type->elem ? p.type->elem->go_spelling() : std::string("?"));
    } else {
      out += p.type ? p.type->go_spelling() : std::string("?");
    }
  }
  return out;
}

std::string signature_spelling(const FuncSig& sig) {
  std::string out = "(" + param_list_spelling(sig.params, sig.variadic) + ")";
  if (sig.results.empty()) return out;
  bool bare = sig.results.size() == 1 && sig.results[0].name.empty();
  if (bare) return out + ' ' + param_list_spelling(sig.results, false);
  return out + " (" + param_list_spelling(sig.results, false) + ")";
}

std::string spelling_of(const TypeRef& t) { return t ? t->go_spelling() : std::string("?"); }

}  // namespace

std::string Type::go_spelling() const {
  switch (kind) {
    case Kind::Prim: return std::string(prim_name(prim));
    case Kind::Named: {
      std::string out = qualifier.empty() ? name : qualifier + '.' + name;
      for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "[") + spelling_of(args[i]);
      return args.empty() ? out : out + ']';
    }
    case Kind::Slice: return "[]" + spelling_of(elem);
    case Kind::Array: return '[' + std::to_string(length) + ']' + spelling_of(elem);
    case Kind::Map: return "map[" + spelling_of(key) + ']' + spelling_of(elem);
    case Kind::Pointer: return '*' + spelling_of(elem);
    case Kind::Func: return "func" + (sig ? signature_spelling(*sig) : std::string("()"));
    case Kind::Chan:
      return std::string(dir == ChanDir::Recv ? "<-chan " : dir == ChanDir::Send ? "chan<- " : "chan ") + spelling_of(elem);
    case Kind::Seq: return key ? "iter.Seq2[" + spelling_of(key) + ", " + spelling_of(elem) + ']' : "iter.Seq[" + spelling_of(elem) + ']';
  }
  return "?";
}

std::string Instantiation::go_spelling() const {
  std::string out = generic;
  for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "[") + spelling_of(args[i]);
  return args.empty() ? out : out + ']';
}

bool FuncSig::returns_error() const {
  if (results.empty()) return false;
  const TypeRef& t = results.back().type;
  return t && t->kind == Type::Kind::Prim && t->prim == Prim::Error;
}

std::vector<const Param*> FuncSig::value_results() const {
  std::vector<const Param*> out;
  size_t n = results.size() - (returns_error() ? 1 : 0);
  for (size_t i = 0; i < n; ++i) out.push_back(&results[i]);
  return out;
}

namespace {

bool is_operator(const ConstExpr::Token& t) { return t.kind == ConstExpr::Token::Kind::Op; }

// A `+ - ! ^` is unary at the start, after `(` or `,`, and after another operator.
bool is_unary_position(const std::vector<ConstExpr::Token>& tokens, size_t i) {
  if (i == 0) return true;
  const auto& prev = tokens[i - 1];
  return is_operator(prev) && prev.text != ")";
}

}  // namespace

std::string ConstExpr::text() const {
  // gofmt spacing: binary operators between spaces, unary operators, parentheses and call
  // arguments tight, a space after each comma.
  std::string out;
  bool prev_was_unary = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    bool op = is_operator(t);
    bool unary = op && (t.text == "+" || t.text == "-" || t.text == "!" || t.text == "^") &&
                 is_unary_position(tokens, i);
    bool space_before = false;
    if (i > 0) {
      const Token& prev = tokens[i - 1];
      if (t.text == ")" || t.text == ",") {
        space_before = false;
      } else if (op && t.text != "(" && !unary) {
        space_before = true;  // a binary operator
      } else if (prev_was_unary || prev.text == "(") {
        space_before = false;
      } else if (t.text == "(") {
        // A call or conversion `T(`; after an operator or comma, a grouping parenthesis.
        space_before = is_operator(prev) && prev.text != ")";
      } else {
        space_before = is_operator(prev);  // after a binary operator or a comma
      }
    }
    if (space_before) out += ' ';
    out += t.text;
    prev_was_unary = unary;
  }
  return out;
}

const TypeDecl* Module::find_type(std::string_view type_name) const {
  for (const TypeDecl& t : types)
    if (t.name == type_name) return &t;
  return nullptr;
}

std::vector<const Func*> Module::functions() const {
  std::vector<const Func*> out;
  for (const Func& f : funcs)
    if (!f.recv) out.push_back(&f);
  return out;
}

}  // namespace gpic::ir
