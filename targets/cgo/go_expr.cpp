#include "targets/cgo/go_expr.hpp"

#include <memory>
#include <vector>

namespace gpic::cgo {
namespace {

using Token = ir::ConstExpr::Token;

int precedence(const std::string& op) {
  if (op == "||") return 1;
  if (op == "&&") return 2;
  if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") return 3;
  if (op == "+" || op == "-" || op == "|" || op == "^") return 4;
  if (op == "*" || op == "/" || op == "%" || op == "<<" || op == ">>" || op == "&" || op == "&^") return 5;
  return 0;
}

struct Node {
  enum Kind { Leaf, Unary, Binary, Paren, Call } kind = Leaf;
  std::string text;                     // leaf text, operator, or callee
  std::vector<std::unique_ptr<Node>> kids;
};
using NodeP = std::unique_ptr<Node>;

class Parser {
 public:
  Parser(const std::vector<Token>& t, const std::function<std::string(const std::string&)>& rename, int iota)
      : t_(t), rename_(rename), iota_(iota) {}
  NodeP parse() { return binary(1); }
  bool done() const { return i_ >= t_.size(); }

 private:
  bool is_op(const char* s) const { return i_ < t_.size() && t_[i_].kind == Token::Kind::Op && t_[i_].text == s; }

  NodeP binary(int min_prec) {
    NodeP left = unary();
    while (i_ < t_.size() && t_[i_].kind == Token::Kind::Op) {
      int p = precedence(t_[i_].text);
      if (p == 0 || p < min_prec) break;
      auto n = std::make_unique<Node>();
      n->kind = Node::Binary;
      n->text = t_[i_++].text;
      n->kids.push_back(std::move(left));
      n->kids.push_back(binary(p + 1));
      left = std::move(n);
    }
    return left;
  }

  NodeP unary() {
    if (i_ < t_.size() && t_[i_].kind == Token::Kind::Op &&
        (t_[i_].text == "-" || t_[i_].text == "+" || t_[i_].text == "!" || t_[i_].text == "^")) {
      auto n = std::make_unique<Node>();
      n->kind = Node::Unary;
      n->text = t_[i_++].text;
      n->kids.push_back(unary());
      return n;
    }
    return primary();
  }

  NodeP primary() {
    auto n = std::make_unique<Node>();
    if (is_op("(")) {
      ++i_;
      n->kind = Node::Paren;
      n->kids.push_back(binary(1));
      if (is_op(")")) ++i_;
      return n;
    }
    if (i_ >= t_.size()) return n;
    const Token& tok = t_[i_++];
    if (tok.kind == Token::Kind::Iota) n->text = std::to_string(iota_);
    else if (tok.kind == Token::Kind::Ident) n->text = rename_(tok.text);
    else n->text = tok.text;
    if (tok.kind == Token::Kind::Ident && is_op("(")) {  // a conversion or builtin call
      ++i_;
      n->kind = Node::Call;
      while (!done() && !is_op(")")) {
        n->kids.push_back(binary(1));
        if (is_op(",")) ++i_;
      }
      if (is_op(")")) ++i_;
    }
    return n;
  }

  const std::vector<Token>& t_;
  const std::function<std::string(const std::string&)>& rename_;
  int iota_;
  size_t i_ = 0;
};

void walk(const Node& e, bool& has4, bool& has5) {
  int p = precedence(e.text);
  if (p == 4) has4 = true;
  if (p == 5) has5 = true;
  for (const auto& k : e.kids)
    if (k->kind == Node::Binary && precedence(k->text) >= p) walk(*k, has4, has5);
}

int cutoff(const Node& e, int depth) {
  bool has4 = false, has5 = false;
  walk(e, has4, has5);
  if (has4 && has5) return depth == 1 ? 5 : 4;
  return depth == 1 ? 6 : 4;
}

int diff_prec(const Node& x, int prec) {
  if (x.kind != Node::Binary || prec != precedence(x.text)) return 1;
  return 0;
}

std::string print(const Node& n, int prec1, int depth);

// Each operand is printed as its own expression (a nested binary expression computes its own
// cutoff at its depth), as go/printer's binaryExpr does.
std::string print_binary(const Node& n, int prec1, int cut, int depth) {
  int prec = precedence(n.text);
  std::string ws = prec < cut ? " " : "";
  const Node& x = *n.kids[0];
  const Node& y = *n.kids[1];
  return print(x, prec, depth + diff_prec(x, prec)) + ws + n.text + ws + print(y, prec + 1, depth + 1);
}

std::string print(const Node& n, int prec1, int depth) {
  switch (n.kind) {
    case Node::Leaf: return n.text;
    case Node::Unary: return n.text + print(*n.kids[0], 6, depth);
    case Node::Paren: {
      const Node& inner = *n.kids[0];
      int d = depth > 1 ? depth - 1 : 1;
      return "(" + print(inner, 0, d) + ")";
    }
    case Node::Call: {
      // go/printer nests only calls with more than one argument one level deeper.
      int d = n.kids.size() > 1 ? depth + 1 : depth;
      std::string s = n.text + "(";
      for (size_t i = 0; i < n.kids.size(); ++i) s += (i ? ", " : "") + print(*n.kids[i], 0, d);
      return s + ")";
    }
    case Node::Binary: return print_binary(n, prec1, cutoff(n, depth), depth);
  }
  return "";
}

}  // namespace

std::string format_go_expr(const ir::ConstExpr& e, const std::function<std::string(const std::string&)>& rename,
                           int iota) {
  Parser p(e.tokens, rename, iota);
  NodeP root = p.parse();
  if (!p.done()) return e.text();  // not an expression this printer knows: keep the .gpi's text
  return print(*root, 0, 1);
}

}  // namespace gpic::cgo
