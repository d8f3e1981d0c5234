#include "targets/cgo/go_expr.hpp"

#include <algorithm>
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

// What go/printer's walkBinary finds in a binary expression: whether precedences 4 and 5 mix,
// and the tightest cutoff that keeps an operator from fusing with a unary operand (`a - -b`).
struct Walk {
  bool has4 = false, has5 = false;
  int max_problem = 0;
  void add(const Walk& w) {
    has4 = has4 || w.has4;
    has5 = has5 || w.has5;
    max_problem = std::max(max_problem, w.max_problem);
  }
};

// A binary expression is kept as a chain of operands joined by operators of one precedence
// (`1 + 2 - 3` is one node, not a left-leaning tree as deep as it is long), so that a
// constant of 50,000 terms is printed by a loop, in linear time, without deep recursion.
// Nesting is left only where the source nests: parentheses, unary operators, call arguments,
// and at most five levels of precedence between them, all bounded by the front end's nesting
// limit.
struct Node {
  enum Kind { Leaf, Unary, Binary, Paren, Call } kind = Leaf;
  std::string text;                     // leaf text, unary operator, or callee
  std::vector<std::unique_ptr<Node>> kids;
  std::vector<std::string> ops;         // Binary: ops[k] joins kids[k] and kids[k + 1]
  Walk walk;                            // Binary: walkBinary of the whole chain
};
using NodeP = std::unique_ptr<Node>;

int chain_precedence(const Node& n) { return n.kind == Node::Binary ? precedence(n.ops.front()) : 0; }

// go/printer's walkBinary: operator `op` followed by operand `y` may need blanks to stay two
// tokens: `a - -b`, `a & ^b`.
int operand_problem(const std::string& op, const Node& y) {
  if (y.kind != Node::Unary) return 0;
  std::string pair = op + y.text;
  if (pair == "&^" || pair == "&&") return 5;
  if (pair == "++" || pair == "--") return 4;
  return 0;
}

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
      std::string op = t_[i_++].text;
      NodeP right = binary(p + 1);
      if (left->kind != Node::Binary || chain_precedence(*left) != p) {
        auto chain = std::make_unique<Node>();
        chain->kind = Node::Binary;
        chain->walk.has4 = p == 4;
        chain->walk.has5 = p == 5;
        if (left->kind == Node::Binary) chain->walk.add(left->walk);  // a tighter chain
        chain->kids.push_back(std::move(left));
        left = std::move(chain);
      }
      if (right->kind == Node::Binary) left->walk.add(right->walk);
      left->walk.max_problem = std::max(left->walk.max_problem, operand_problem(op, *right));
      left->ops.push_back(std::move(op));
      left->kids.push_back(std::move(right));
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

// go/printer's cutoff: operators of a precedence below it get blanks around them.
int cutoff(const Walk& w, int depth) {
  if (w.max_problem > 0) return w.max_problem + 1;
  if (w.has4 && w.has5) return depth == 1 ? 5 : 4;
  return depth == 1 ? 6 : 4;
}

int diff_prec(const Node& x, int prec) { return x.kind == Node::Binary && chain_precedence(x) == prec ? 0 : 1; }

// Appends the printed expression to one string. Like go/printer, separates two tokens that
// would otherwise read as one (`- -1`, not `--1`).
class Printer {
 public:
  std::string take() { return std::move(out_); }

  void print(const Node& n, int depth) {
    switch (n.kind) {
      case Node::Leaf: return token(n.text);
      case Node::Unary:
        token(n.text);
        return print(*n.kids[0], depth);
      case Node::Paren: {
        // gofmt drops a second pair of parentheses around a parenthesised expression.
        const Node* inner = n.kids[0].get();
        if (inner->kind == Node::Paren) return print(*inner, depth);
        token("(");
        print(*inner, depth > 1 ? depth - 1 : 1);
        return token(")");
      }
      case Node::Call: {
        // go/printer nests only calls with more than one argument one level deeper.
        int d = n.kids.size() > 1 ? depth + 1 : depth;
        token(n.text);
        token("(");
        for (size_t i = 0; i < n.kids.size(); ++i) {
          if (i) token(", ");
          print(*n.kids[i], d);
        }
        return token(")");
      }
      case Node::Binary: return print_chain(n, depth);
    }
  }

 private:
  // `x0 op1 y1 op2 y2 ...` as go/printer prints the left-leaning tree it stands for: each
  // operator's blanks follow the cutoff of the subexpression it ends (its walk covers the
  // chain up to that operator); every operand after the first is one level deeper.
  void print_chain(const Node& n, int depth) {
    int prec = chain_precedence(n);
    const Node& first = *n.kids[0];
    Walk seen;
    seen.has4 = prec == 4;
    seen.has5 = prec == 5;
    if (first.kind == Node::Binary) seen.add(first.walk);
    print(first, depth + diff_prec(first, prec));
    for (size_t k = 0; k < n.ops.size(); ++k) {
      const Node& y = *n.kids[k + 1];
      if (y.kind == Node::Binary) seen.add(y.walk);
      seen.max_problem = std::max(seen.max_problem, operand_problem(n.ops[k], y));
      bool blank = prec < cutoff(seen, depth);
      if (blank) out_ += ' ';
      token(n.ops[k]);
      if (blank) out_ += ' ';
      print(y, depth + 1);
    }
  }

  // go/printer's mayCombine: would `next` fuse with the token just written?
  bool fuses(const std::string& next) const {
    if (next.empty() || out_.empty() || out_.back() == ' ') return false;
    char c = next.front();
    if (last_ == "+") return c == '+';
    if (last_ == "-") return c == '-';
    if (last_ == "/") return c == '*';
    if (last_ == "<") return c == '-' || c == '<';
    if (last_ == "&") return c == '&' || c == '^';
    return false;
  }

  void token(const std::string& text) {
    if (fuses(text)) out_ += ' ';
    out_ += text;
    last_ = text;
  }

  std::string out_;
  std::string last_;  // the last token written
};

}  // namespace

std::string format_go_expr(const ir::ConstExpr& e, const std::function<std::string(const std::string&)>& rename,
                           int iota) {
  Parser p(e.tokens, rename, iota);
  NodeP root = p.parse();
  if (!p.done()) return e.text();  // not an expression this printer knows: keep the .gpi's text
  Printer printer;
  printer.print(*root, 1);
  return printer.take();
}

}  // namespace gpic::cgo
