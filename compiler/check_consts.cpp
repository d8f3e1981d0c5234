// Constants: the names in a constant's value resolve to constants (or, called, to types and
// the built-in functions allowed in constant expressions), and an untyped constant gets the
// type Go would give it: `const N = 10` is an int, `const Pi = 3.14` a float64.
//
// The value is re-parsed from its tokens with Go's operator precedence. Go's rules for
// untyped constants: an operation on untyped operands yields the "widest" kind among them
// (integer < rune < floating-point < complex); a typed operand makes the result typed; a
// comparison yields an untyped bool; a shift has its left operand's type. The values
// themselves are left to Go, which checks them when it compiles the generated code.
#include <unordered_map>
#include <unordered_set>

#include "compiler/check_context.hpp"

namespace gpic::check {

namespace {

using Token = ir::ConstExpr::Token;

// The type of a constant expression: typed, or one of Go's untyped kinds.
struct ConstType {
  enum class Untyped { Int, Rune, Float, Complex, String, Bool };
  ir::TypeRef typed;
  Untyped kind = Untyped::Int;
  bool ok = true;

  static ConstType untyped(Untyped k) { return {nullptr, k, true}; }
  static ConstType of(ir::TypeRef t) { return {std::move(t), Untyped::Int, true}; }
  static ConstType failed() { return {nullptr, Untyped::Int, false}; }
};

ir::TypeRef prim_type(ir::Prim p) {
  auto t = std::make_shared<ir::Type>();  // loc left empty: written by the checker, not the user
  t->kind = ir::Type::Kind::Prim;
  t->prim = p;
  return t;
}

ir::Prim default_type(ConstType::Untyped kind) {
  switch (kind) {
    case ConstType::Untyped::Int: return ir::Prim::Int;
    case ConstType::Untyped::Rune: return ir::Prim::Rune;
    case ConstType::Untyped::Float: return ir::Prim::Float64;
    case ConstType::Untyped::Complex: return ir::Prim::Complex128;
    case ConstType::Untyped::String: return ir::Prim::String;
    case ConstType::Untyped::Bool: return ir::Prim::Bool;
  }
  return ir::Prim::Int;
}

// Go's binary operator precedence; 0 for anything that is not a binary operator.
int precedence(const Token& t) {
  if (t.kind != Token::Kind::Op) return 0;
  const std::string& op = t.text;
  if (op == "*" || op == "/" || op == "%" || op == "<<" || op == ">>" || op == "&" || op == "&^") return 5;
  if (op == "+" || op == "-" || op == "|" || op == "^") return 4;
  if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") return 3;
  if (op == "&&") return 2;
  if (op == "||") return 1;
  return 0;
}

// Types a constant's value in the context of the module it was written in. Reports (at the
// constant's name: value tokens carry no position) only for the module being checked.
class ConstTyper {
 public:
  ConstTyper(Context& cx, const ir::Module& module, bool report)
      : cx_(cx), module_(module), report_(report ? &cx : nullptr) {}

  // Types every constant `c` depends on before `c` itself, so that typing one never waits on
  // another: a chain of 100,000 constants, each the next plus one, needs no deeper a stack
  // than a single constant.
  ConstType type_of(const ir::Const& c) {
    if (auto it = memo_.find(&c); it != memo_.end()) return it->second;
    for (const auto& [typer, d] : dependencies_first(c)) typer->type_one(*d);
    return memo_.at(&c);
  }

 private:
  struct Node {
    ConstTyper* typer;  // of the module the constant is declared in
    const ir::Const* constant;
  };

  // The constants `c`'s value names, each with the typer of its module.
  std::vector<Node> dependencies(const ir::Const& c) {
    std::vector<Node> out;
    const std::vector<Token>& t = c.value.tokens;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i].kind != Token::Kind::Ident) continue;
      if (i + 1 < t.size() && t[i + 1].kind == Token::Kind::Op && t[i + 1].text == "(") continue;  // a call
      const std::string& name = t[i].text;
      size_t dot = name.find('.');
      if (dot == std::string::npos) {
        if (const ir::Const* d = cx_.find_const(module_, name)) out.push_back({this, d});
        continue;
      }
      const ir::Module* home = imported_module(module_, name.substr(0, dot));
      if (!home) continue;
      if (const ir::Const* d = cx_.find_const(*home, name.substr(dot + 1))) out.push_back({&typer_for(*home), d});
    }
    return out;
  }

  // `c` and what it depends on, transitively, each after its dependencies (depth-first, with
  // an explicit stack). In a cycle, the constant that closes it comes first; typing it then
  // finds the other untyped and reports the cycle.
  std::vector<Node> dependencies_first(const ir::Const& c) {
    struct Frame {
      Node node;
      std::vector<Node> deps;
      size_t next = 0;
    };
    std::vector<Node> order;
    std::unordered_set<const ir::Const*> visited{&c};
    std::vector<Frame> path;
    path.push_back({{this, &c}, dependencies(c)});
    while (!path.empty()) {
      Frame& top = path.back();
      if (top.next < top.deps.size()) {
        Node d = top.deps[top.next++];
        if (d.typer->memo_.count(d.constant) || !visited.insert(d.constant).second) continue;
        path.push_back({d, d.typer->dependencies(*d.constant)});
        continue;
      }
      order.push_back(top.node);
      path.pop_back();
    }
    return order;
  }

  ConstType type_one(const ir::Const& c) {
    if (auto it = memo_.find(&c); it != memo_.end()) return it->second;
    owner_ = &c;
    std::vector<const Token*> tokens;
    for (const Token& t : c.value.tokens) tokens.push_back(&t);
    tokens_ = &tokens;
    pos_ = 0;
    ConstType value = c.value.empty() ? ConstType::failed() : binary(1);
    if (value.ok && pos_ != tokens.size()) value = fail("cannot read the value of " + quote(c.name));
    // A declared type wins; the value must still make sense (its names must resolve).
    bool declared = c.type && c.type->loc.line > 0;
    ConstType result = declared ? ConstType{c.type, ConstType::Untyped::Int, value.ok} : value;
    owner_ = nullptr;
    tokens_ = nullptr;
    memo_[&c] = result;
    return result;
  }

  const Token* peek() const { return pos_ < tokens_->size() ? (*tokens_)[pos_] : nullptr; }
  bool peek_op(std::string_view op) const {
    const Token* t = peek();
    return t && t->kind == Token::Kind::Op && t->text == op;
  }

  ConstType fail(const std::string& message) {
    if (report_ && owner_) report_->error(owner_->loc, message);
    return ConstType::failed();
  }

  ConstType binary(int min_precedence) {
    ConstType left = unary();
    while (const Token* op = peek()) {
      int p = precedence(*op);
      if (p == 0 || p < min_precedence) break;
      ++pos_;
      ConstType right = binary(p + 1);
      left = combine(op->text, left, right);
    }
    return left;
  }

  ConstType unary() {
    if (peek_op("+") || peek_op("-") || peek_op("^") || peek_op("!")) {
      bool negation = peek_op("!");
      ++pos_;
      ConstType operand = unary();
      return negation && operand.ok && !operand.typed ? ConstType::untyped(ConstType::Untyped::Bool) : operand;
    }
    return primary();
  }

  ConstType primary() {
    const Token* t = peek();
    if (!t) return ConstType::failed();
    ++pos_;
    switch (t->kind) {
      case Token::Kind::Int: case Token::Kind::Iota: return ConstType::untyped(ConstType::Untyped::Int);
      case Token::Kind::Float: return ConstType::untyped(ConstType::Untyped::Float);
      case Token::Kind::Imaginary: return ConstType::untyped(ConstType::Untyped::Complex);
      case Token::Kind::Rune: return ConstType::untyped(ConstType::Untyped::Rune);
      case Token::Kind::String: return ConstType::untyped(ConstType::Untyped::String);
      case Token::Kind::Bool: return ConstType::untyped(ConstType::Untyped::Bool);
      case Token::Kind::Ident: return peek_op("(") ? call(t->text) : named_constant(t->text);
      case Token::Kind::Op:
        if (t->text == "(") {
          ConstType inner = binary(1);
          if (!peek_op(")")) return ConstType::failed();
          ++pos_;
          return inner;
        }
        return ConstType::failed();
    }
    return ConstType::failed();
  }

  ConstType combine(const std::string& op, const ConstType& a, const ConstType& b) {
    if (!a.ok || !b.ok) return ConstType::failed();
    if (precedence(Token{Token::Kind::Op, op}) == 3 || op == "&&" || op == "||")
      return ConstType::untyped(ConstType::Untyped::Bool);
    if (op == "<<" || op == ">>") return a;
    if (a.typed) return a;
    if (b.typed) return b;
    return ConstType::untyped(std::max(a.kind, b.kind));
  }

  // `Celsius(100)`, `float64(1)`, `len("abc")`.
  ConstType call(const std::string& callee) {
    ++pos_;  // (
    std::vector<ConstType> args;
    while (peek() && !peek_op(")")) {
      args.push_back(binary(1));
      if (peek_op(",")) ++pos_;
      else break;
    }
    if (!peek_op(")")) return ConstType::failed();
    ++pos_;
    for (const ConstType& a : args)
      if (!a.ok) return ConstType::failed();

    if (auto prim = ir::prim_from_name(callee)) return ConstType::of(prim_type(*prim));
    if (callee == "len" || callee == "cap") return ConstType::untyped(ConstType::Untyped::Int);
    if (callee == "real" || callee == "imag") return ConstType::untyped(ConstType::Untyped::Float);
    if (callee == "complex") return ConstType::untyped(ConstType::Untyped::Complex);
    if (callee == "min" || callee == "max") {
      if (args.empty()) return ConstType::failed();
      ConstType widest = args.front();
      for (const ConstType& a : args) widest = combine("+", widest, a);
      return widest;
    }
    // A conversion to a declared type.
    auto named = std::make_shared<ir::Type>();
    named->kind = ir::Type::Kind::Named;
    size_t dot = callee.find('.');
    named->qualifier = dot == std::string::npos ? "" : callee.substr(0, dot);
    named->name = dot == std::string::npos ? callee : callee.substr(dot + 1);
    Resolved r = cx_.lookup(module_, *named);
    if (!r.decl) {
      if (!named->qualifier.empty() && !imported_module(module_, named->qualifier))
        return unknown_package(named->qualifier);
      return fail(quote(callee) + " in the value of " + quote(owner_->name) +
                  " is neither a type nor a built-in function allowed in a constant");
    }
    named->decl = r.decl;
    named->decl_module = r.module;
    return ConstType::of(named);
  }

  ConstType unknown_package(const std::string& qualifier) {
    if (report_ && report_->import_missing) return ConstType::failed();
    return fail("unknown package " + quote(qualifier) + " in the value of " + quote(owner_->name) +
                " (no import provides it)");
  }

  ConstType named_constant(const std::string& name) {
    size_t dot = name.find('.');
    if (dot != std::string::npos) {
      std::string qualifier = name.substr(0, dot), member = name.substr(dot + 1);
      const ir::Module* home = imported_module(module_, qualifier);
      if (!home) return unknown_package(qualifier);
      const ir::Const* c = cx_.find_const(*home, member);
      if (!c) return fail("unknown constant " + quote(name) + " in the value of " + quote(owner_->name));
      ConstType t = typer_for(*home).type_of(*c);
      return t;
    }
    const ir::Const* c = cx_.find_const(module_, name);
    if (!c) {
      bool other = cx_.find_type(module_, name) || (&module_ == &cx_.module && cx_.is_value_name(name));
      return fail(other ? quote(name) + " in the value of " + quote(owner_->name) + " is not a constant"
                        : "unknown constant " + quote(name) + " in the value of " + quote(owner_->name));
    }
    if (auto it = memo_.find(c); it != memo_.end()) return it->second;
    // Constants are typed after those they depend on: one still untyped is part of a cycle.
    if (report_ && cycle_reported_.insert(c).second) report_->error(c->loc, "constant " + quote(c->name) + " refers to itself");
    return ConstType::failed();
  }

  ConstTyper& typer_for(const ir::Module& m) {
    auto it = imported_.find(&m);
    if (it == imported_.end()) it = imported_.emplace(&m, std::make_unique<ConstTyper>(cx_, m, false)).first;
    return *it->second;
  }

  Context& cx_;
  const ir::Module& module_;
  Context* report_;  // null: types only, reports nothing (another module's constants)
  std::unordered_map<const ir::Const*, ConstType> memo_;
  std::unordered_set<const ir::Const*> cycle_reported_;
  std::unordered_map<const ir::Module*, std::unique_ptr<ConstTyper>> imported_;
  const ir::Const* owner_ = nullptr;
  const std::vector<const Token*>* tokens_ = nullptr;
  size_t pos_ = 0;
};

}  // namespace

void check_consts(Context& cx) {
  ConstTyper typer(cx, cx.module, true);
  // Typing every constant first and writing the types back afterwards: an untyped constant
  // must still look untyped to the constants that use it.
  std::vector<ConstType> types;
  for (const ir::Const& c : cx.module.consts) types.push_back(typer.type_of(c));
  for (size_t i = 0; i < types.size(); ++i) {
    ir::Const& c = cx.module.consts[i];
    if (!types[i].ok || c.type) continue;
    c.type = types[i].typed ? types[i].typed : prim_type(default_type(types[i].kind));
  }
}

}  // namespace gpic::check
