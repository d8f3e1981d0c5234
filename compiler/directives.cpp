#include "compiler/directives.hpp"

#include <cctype>
#include <string_view>

namespace gpic {

namespace {

constexpr std::string_view kPrefix = "//gpic:";

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Reads one directive line left to right, knowing each byte's column (in code points, as
// every other position in a diagnostic).
class DirectiveReader {
 public:
  DirectiveReader(const DocLine& line, const std::string& file) : line_(line), file_(file) {}

  bool at_end() const { return pos_ >= text().size(); }
  char peek() const { return at_end() ? '\0' : text()[pos_]; }
  void skip_spaces() {
    while (!at_end() && is_space(peek())) advance();
  }
  // A trailing `// comment`, or nothing, ends the directive.
  bool at_line_end() const { return at_end() || text().compare(pos_, 2, "//") == 0; }
  void advance() {
    // Continuation bytes of a UTF-8 sequence do not start a new column.
    if ((static_cast<unsigned char>(text()[pos_]) & 0xC0) != 0x80) ++col_;
    ++pos_;
  }
  std::string take_word() {
    size_t start = pos_;
    while (!at_end() && is_ident_char(peek())) advance();
    return text().substr(start, pos_ - start);
  }
  // Where the next byte is; call before taking it.
  ir::Loc loc() const {
    // col_ counts the code points already read; the next one is col_ + 1 from the line's start.
    return {file_, line_.line, line_.col + col_};
  }
  void start_after_prefix() {
    while (pos_ < kPrefix.size()) advance();
  }

 private:
  const std::string& text() const { return line_.text; }
  const DocLine& line_;
  const std::string& file_;
  size_t pos_ = 0;
  int col_ = 0;
};

using Flag = bool ir::ParamMarks::*;

// The directive words; issue 15's `readonly` is parsed and carried, and means nothing yet.
Flag flag_of(std::string_view word) {
  if (word == "keep") return &ir::ParamMarks::keep;
  if (word == "borrow") return &ir::ParamMarks::borrow;
  if (word == "readonly") return &ir::ParamMarks::readonly;
  if (word == "nilable") return &ir::ParamMarks::nilable;
  return nullptr;
}

// `nilable` names results; the lending marks name parameters.
bool marks_results(Flag flag) { return flag == &ir::ParamMarks::nilable; }

ir::Param* find_param(std::vector<ir::Param>& list, std::string_view name) {
  for (ir::Param& p : list)
    if (!name.empty() && p.name == name) return &p;
  return nullptr;
}

void mark(ir::Param& p, Flag flag, const ir::Loc& at) {
  if (!p.marks.any() && !p.marks.nilable) p.marks.loc = at;
  p.marks.*flag = true;
}

// A bare `//gpic:nilable` marks every pointer result: most functions have one.
void mark_pointer_results(ir::FuncSig& sig, const std::string& func_name, const ir::Loc& at, Diagnostics& diags) {
  bool any = false;
  for (ir::Param& r : sig.results)
    if (r.type && r.type->kind == ir::Type::Kind::Pointer) {
      mark(r, &ir::ParamMarks::nilable, at);
      any = true;
    }
  if (!any) diags.error(at, "'//gpic:nilable' marks a pointer result that may be nil, and '" + func_name + "' returns no pointer");
}

void apply_one(const DocLine& line, const std::string& file, const std::string& func_name, ir::FuncSig& sig,
               Diagnostics& diags) {
  DirectiveReader r(line, file);
  r.start_after_prefix();
  ir::Loc word_loc = r.loc();
  std::string word = r.take_word();
  Flag flag = flag_of(word);
  if (!flag) {
    diags.error(word_loc, word == "opaque" ? "'//gpic:opaque' marks a named func type, not a func"
                                           : "unknown directive '//gpic:" + word + "' (expected keep, borrow, readonly or nilable)");
    return;
  }
  std::string directive = "'//gpic:" + word + "'";
  bool results = marks_results(flag);
  r.skip_spaces();
  if (r.at_line_end()) {
    if (results) mark_pointer_results(sig, func_name, word_loc, diags);
    else diags.error(r.loc(), directive + " needs the names of the parameters it marks");
    return;
  }
  for (;;) {
    ir::Loc name_loc = r.loc();
    if (!is_ident_start(r.peek())) {
      diags.error(name_loc, std::string("expected a ") + (results ? "result" : "parameter") + " name in " + directive);
      return;
    }
    std::string name = r.take_word();
    if (results) {
      ir::Param* p = find_param(sig.results, name);
      if (!p) diags.error(name_loc, "'" + func_name + "' has no result named '" + name + "'");
      else if (!p->type || p->type->kind != ir::Type::Kind::Pointer)
        diags.error(name_loc, directive + " marks a pointer result that may be nil; '" + name + "' is " +
                                  (p->type ? p->type->go_spelling() : std::string("not a pointer")));
      else mark(*p, flag, name_loc);
    } else if (ir::Param* p = find_param(sig.params, name)) {
      mark(*p, flag, name_loc);
      if (p->marks.keep && p->marks.borrow)
        diags.error(name_loc, "parameter '" + name + "' cannot be both kept (//gpic:keep) and borrowed (//gpic:borrow)");
    } else {
      diags.error(name_loc, "'" + func_name + "' has no parameter named '" + name + "'");
    }
    r.skip_spaces();
    if (r.at_line_end()) return;
    if (r.peek() != ',') {
      diags.error(r.loc(), "expected ',' or the end of the line in " + directive);
      return;
    }
    r.advance();
    r.skip_spaces();
  }
}

}  // namespace

void apply_directives(const std::vector<DocLine>& lines, const std::string& file, const std::string& func_name,
                      ir::FuncSig& sig, Diagnostics& diags) {
  for (const DocLine& line : lines) apply_one(line, file, func_name, sig, diags);
}

void apply_type_directives(const std::vector<DocLine>& lines, const std::string& file, ir::TypeDecl& decl,
                           Diagnostics& diags) {
  for (const DocLine& line : lines) {
    DirectiveReader r(line, file);
    r.start_after_prefix();
    ir::Loc word_loc = r.loc();
    std::string word = r.take_word();
    if (flag_of(word)) {
      // A parameter's mark, misplaced before a type.
      diags.error({file, line.line, line.col},
                  "a //gpic: directive must come right before a func declaration or an interface method");
      continue;
    }
    if (word != "opaque") {
      diags.error(word_loc, "unknown directive '//gpic:" + word + "' before a type (expected opaque)");
      continue;
    }
    r.skip_spaces();
    if (!r.at_line_end()) {
      diags.error(r.loc(), "'//gpic:opaque' takes nothing after it");
      continue;
    }
    bool func_type = decl.kind == ir::TypeDecl::Kind::Defined && !decl.alias && decl.underlying &&
                     decl.underlying->kind == ir::Type::Kind::Func;
    if (!func_type) {
      diags.error(word_loc, "'//gpic:opaque' marks a named func type ('type " + decl.name +
                                " func(...)'); '" + decl.name + "' is not one");
      continue;
    }
    decl.opaque = true;
  }
}

}  // namespace gpic
