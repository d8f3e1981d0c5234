#include "compiler/ast_builder.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

#include "compiler/directives.hpp"
#include "compiler/doc_comment.hpp"
#include "compiler/import_path.hpp"
#include "compiler/import_version.hpp"

namespace gpic {

using gpic_parser::GpiParser;

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of a Go string literal (interpreted or raw), as the package clause and imports
// need it. Malformed escapes are kept as written; they are not worth a second error here.
std::string unquote(const std::string& literal) {
  if (literal.size() < 2) return {};
  std::string body = literal.substr(1, literal.size() - 2);
  if (literal.front() == '`') return body;
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      out += body[i];
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"': out += '"'; break;
      case '\'': out += '\''; break;
      case 'x': case 'u': case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        size_t k = 0;
        for (; k < digits && i + 1 + k < body.size() && hex_value(body[i + 1 + k]) >= 0; ++k)
          v = v * 16 + static_cast<uint32_t>(hex_value(body[i + 1 + k]));
        if (k != digits) {
          out += '\\';
          out += e;
          break;
        }
        i += digits;
        if (e == 'x') out += static_cast<char>(v);
        else append_utf8(out, v);
        break;
      }
      default:
        if (e >= '0' && e <= '7' && i + 2 < body.size()) {
          out += static_cast<char>(((e - '0') << 6) | ((body[i + 1] - '0') << 3) | (body[i + 2] - '0'));
          i += 2;
        } else {
          out += '\\';
          out += e;
        }
    }
  }
  return out;
}

// The value of an integer literal in any of Go's forms (`16`, `0x10`, `0o20`, `020`, `1_000`);
// nullopt when it does not fit in 64 bits.
std::optional<uint64_t> integer_value(const std::string& literal) {
  std::string digits;
  for (char c : literal)
    if (c != '_') digits += c;
  int base = 10;
  size_t start = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    char b = static_cast<char>(digits[1] | 0x20);
    if (b == 'x') base = 16, start = 2;
    else if (b == 'b') base = 2, start = 2;
    else if (b == 'o') base = 8, start = 2;
    else base = 8, start = 1;
  }
  uint64_t value = 0;
  for (size_t i = start; i < digits.size(); ++i) {
    int d = hex_value(digits[i]);
    if (d < 0 || d >= base) return std::nullopt;
    if (value > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return std::nullopt;
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  return value;
}

ir::ConstExpr::Token::Kind literal_kind(size_t type, const std::string& text) {
  using K = ir::ConstExpr::Token::Kind;
  switch (type) {
    case GpiParser::INT_LIT: return K::Int;
    case GpiParser::FLOAT_LIT: return K::Float;
    case GpiParser::IMAGINARY_LIT: return K::Imaginary;
    case GpiParser::RUNE_LIT: return K::Rune;
    case GpiParser::STRING: return K::String;
    case GpiParser::IDENT:
      if (text == "iota") return K::Iota;
      if (text == "true" || text == "false") return K::Bool;
      return K::Ident;
    default: return K::Op;
  }
}

// A spec inside a group has its own doc or else takes the group's (`/// Colors.` above
// `const (`); a lone declaration's doc is the group doc.
ir::Doc own_or_group_doc(ir::Doc own, const ir::Doc& group_doc) { return own.empty() ? group_doc : own; }

}  // namespace

antlr4::Token* AstBuilder::token(antlr4::tree::TerminalNode* node) {
  if (!node || dynamic_cast<antlr4::tree::ErrorNode*>(node)) return nullptr;
  antlr4::Token* t = node->getSymbol();
  if (!t || t->getTokenIndex() == INVALID_INDEX) return nullptr;
  return t;
}

ir::Loc AstBuilder::loc(const antlr4::Token* t) const {
  if (!t) return {path_, 0, 0};
  return {path_, static_cast<int>(t->getLine()), static_cast<int>(t->getCharPositionInLine()) + 1};
}

bool AstBuilder::broken(antlr4::tree::ParseTree* tree) const {
  if (!recovered_ || !tree) return false;
  if (dynamic_cast<antlr4::tree::ErrorNode*>(tree)) return true;
  if (auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(tree); rule && rule->exception) return true;
  for (antlr4::tree::ParseTree* child : tree->children)
    if (broken(child)) return true;
  return false;
}

bool AstBuilder::ItemFilter::skip(antlr4::ParserRuleContext* item) {
  if (!builder_.recovered_) return false;
  if (builder_.broken(item)) {
    broken_line_ = item->getStop() ? item->getStop()->getLine() : 0;
    return true;
  }
  return item->getStart() && item->getStart()->getLine() == broken_line_;
}

ir::Doc AstBuilder::doc_before(antlr4::ParserRuleContext* ctx) const {
  if (!ctx || !ctx->getStart()) return {};
  auto it = docs_.find(ctx->getStart()->getTokenIndex());
  if (it == docs_.end()) return {};
  return parse_doc(it->second, path_);
}

void AstBuilder::apply_directives_before(antlr4::ParserRuleContext* ctx, const std::string& func_name,
                                         ir::FuncSig& sig) {
  if (!ctx || !ctx->getStart()) return;
  auto it = directives_.find(ctx->getStart()->getTokenIndex());
  if (it == directives_.end()) return;
  apply_directives(it->second, path_, func_name, sig, diags_);
  taken_directives_.insert(it->first);
}

std::unique_ptr<ir::Module> AstBuilder::finish() {
  // A directive before anything but a func or an interface method would be silently ignored.
  // After a syntax error the declaration it preceded may not have been built: nothing to add.
  if (!any_recovered_) {
    std::vector<const DocLine*> misplaced;
    for (const auto& [index, lines] : directives_)
      if (!taken_directives_.count(index))
        for (const DocLine& line : lines) misplaced.push_back(&line);
    std::sort(misplaced.begin(), misplaced.end(),
              [](const DocLine* a, const DocLine* b) { return std::tie(a->line, a->col) < std::tie(b->line, b->col); });
    for (const DocLine* line : misplaced)
      diags_.error({path_, line->line, line->col},
                   "a //gpic: directive must come right before a func declaration or an interface method");
  }
  return std::move(module_);
}

AstBuilder::AstBuilder(const std::string& path, antlr4::TokenStream& tokens,
                       const std::unordered_map<size_t, std::vector<DocLine>>& docs,
                       const std::unordered_map<size_t, std::vector<DocLine>>& directives, Diagnostics& diags)
    : path_(path), tokens_(tokens), docs_(docs), directives_(directives), diags_(diags),
      module_(std::make_unique<ir::Module>()) {
  module_->file = path_;
  module_->loc = {path_, 0, 0};
}

void AstBuilder::add_package(GpiParser::PackageClauseContext* ctx, bool recovered) {
  any_recovered_ = any_recovered_ || recovered || !ctx;
  if (!ctx) return;
  recovered_ = recovered;
  module_->doc = doc_before(ctx);
  antlr4::Token* name = token(ctx->IDENT());
  if (!name) return;
  module_->name = name->getText();
  module_->loc = loc(name);
  antlr4::Token* path = token(ctx->STRING());
  if (!path) {
    module_->go_path = module_->name;
    module_->go_path_loc = module_->loc;
    return;
  }
  module_->go_path_loc = loc(path);
  // "python:MODULE" describes a Python module; check_paths validates the module name.
  std::string text = unquote(path->getText());
  if (std::string_view(text).starts_with(kPythonPathPrefix)) {
    module_->python_module = text.substr(kPythonPathPrefix.size());
    module_->go_path = module_->name;
    if (module_->python_module.empty()) diags_.error(loc(path), "bad package path: 'python:' must name a Python module");
    return;
  }
  // "PATH@VERSION" pins the module version gpic build fetches; the path alone is the import path.
  VersionedPath split = split_import_version(text);
  if (!split.error.empty()) diags_.error(loc(path), "bad package path: " + split.error);
  module_->go_path = split.path;
  module_->go_version = split.version;
}

void AstBuilder::add_declaration(GpiParser::DeclarationContext* ctx, bool recovered) {
  any_recovered_ = any_recovered_ || recovered || !ctx;
  if (!ctx) return;
  recovered_ = recovered;
  ir::Doc doc = doc_before(ctx);
  if (auto* d = ctx->importDecl()) {
    for (auto* spec : d->importSpec()) build_import(spec);
  } else if (auto* d = ctx->constDecl()) {
    if (auto* spec = d->constSpec()) {
      have_repeated_ = false;  // a lone spec has nothing to repeat
      build_const_spec(spec, doc, -1, 0);
    } else if (auto* group = d->constGroup()) {
      int index = const_groups_++;
      have_repeated_ = false;
      int iota = 0;
      ItemFilter filter(*this);
      for (auto* spec : group->constSpec()) {
        // A spec the parser could not read still moves iota on (its names are kept, valueless).
        if (filter.skip(spec) && !broken(spec)) continue;
        build_const_spec(spec, doc, index, iota++);
      }
    }
  } else if (auto* d = ctx->varDecl()) {
    if (auto* spec = d->varSpec()) build_var_spec(spec, doc);
    if (auto* group = d->varGroup()) {
      ItemFilter filter(*this);
      for (auto* spec : group->varSpec())
        if (!filter.skip(spec)) build_var_spec(spec, doc);
    }
  } else if (auto* d = ctx->typeDecl()) {
    if (auto* spec = d->typeSpec()) build_type_spec(spec, doc);
    if (auto* group = d->typeGroup()) {
      ItemFilter filter(*this);
      for (auto* spec : group->typeSpec())
        if (!filter.skip(spec)) build_type_spec(spec, doc);
    }
  } else if (auto* d = ctx->funcDecl()) {
    build_func(d, doc);
  }
}

void AstBuilder::build_import(GpiParser::ImportSpecContext* ctx) {
  antlr4::Token* path = token(ctx->STRING());
  if (!path) return;
  ir::Import import{unquote(path->getText()), loc(path), {}, {}, nullptr};
  if (antlr4::Token* alias = token(ctx->IDENT())) {
    import.alias = alias->getText();
    import.alias_loc = loc(alias);
  }
  module_->imports.push_back(std::move(import));
}

void AstBuilder::build_const_spec(GpiParser::ConstSpecContext* ctx, const ir::Doc& group_doc, int group, int iota) {
  ir::Doc doc = group < 0 ? group_doc : own_or_group_doc(doc_before(ctx), group_doc);
  std::vector<antlr4::Token*> names;
  if (auto* list = ctx->identList())
    for (auto* node : list->IDENT())
      if (antlr4::Token* t = token(node)) names.push_back(t);

  bool implicit = !ctx->ASSIGN();
  if (broken(ctx)) {
    // Keep the names, so that constants using them are not reported as unknown.
    repeated_type_ = nullptr;
    repeated_values_.assign(names.size(), ir::ConstExpr{});
    have_repeated_ = true;
    implicit = false;
  } else if (!implicit) {
    repeated_type_ = ctx->type_() ? build_type(ctx->type_()) : nullptr;
    repeated_values_.clear();
    if (auto* list = ctx->exprList())
      for (auto* e : list->expr()) repeated_values_.push_back(build_expr(e));
    have_repeated_ = true;
    for (size_t i = names.size(); i < repeated_values_.size(); ++i) {
      auto* extra = ctx->exprList()->expr(i);
      diags_.error(loc(extra->getStart()), "extra value in const declaration: " + std::to_string(names.size()) +
                                               (names.size() == 1 ? " name, " : " names, ") +
                                               std::to_string(repeated_values_.size()) + " values");
    }
  } else if (!have_repeated_) {
    for (antlr4::Token* name : names)
      diags_.error(loc(name), "missing value for constant '" + name->getText() + "'");
    return;
  }

  for (size_t i = 0; i < names.size(); ++i) {
    if (i >= repeated_values_.size()) {
      diags_.error(loc(names[i]), "missing value for constant '" + names[i]->getText() + "'");
      continue;
    }
    // `_ = iota` only moves iota along (Go's idiom for skipping a value): nothing to bind.
    if (names[i]->getText() == "_") continue;
    ir::Const c;
    c.name = names[i]->getText();
    c.loc = loc(names[i]);
    c.type = repeated_type_;
    c.value = repeated_values_[i];
    c.implicit = implicit;
    c.iota = iota;
    c.group = group;
    c.doc = doc;
    module_->order.push_back({ir::DeclRef::Kind::Const, module_->consts.size()});
    module_->consts.push_back(std::move(c));
  }
}

void AstBuilder::build_var_spec(GpiParser::VarSpecContext* ctx, const ir::Doc& group_doc) {
  bool grouped = dynamic_cast<GpiParser::VarGroupContext*>(ctx->parent) != nullptr;
  ir::Doc doc = grouped ? own_or_group_doc(doc_before(ctx), group_doc) : group_doc;
  ir::TypeRef type = build_type(ctx->type_());
  if (!ctx->identList()) return;
  for (auto* node : ctx->identList()->IDENT()) {
    antlr4::Token* name = token(node);
    if (!name) continue;
    module_->order.push_back({ir::DeclRef::Kind::Var, module_->vars.size()});
    module_->vars.push_back({name->getText(), type, doc, loc(name)});
  }
}

void AstBuilder::build_type_spec(GpiParser::TypeSpecContext* ctx, const ir::Doc& group_doc) {
  bool grouped = dynamic_cast<GpiParser::TypeGroupContext*>(ctx->parent) != nullptr;
  ir::TypeDecl decl;
  decl.doc = grouped ? own_or_group_doc(doc_before(ctx), group_doc) : group_doc;
  antlr4::Token* name = token(ctx->IDENT());
  if (!name) return;
  if (auto* s = ctx->structType()) {
    decl.kind = ir::TypeDecl::Kind::Struct;
    build_struct(s, decl);
  } else if (auto* i = ctx->interfaceType()) {
    decl.kind = ir::TypeDecl::Kind::Interface;
    build_interface(i, decl);
  } else {
    decl.kind = ir::TypeDecl::Kind::Defined;
    decl.alias = ctx->ASSIGN() != nullptr;
    decl.underlying = build_type(ctx->type_());
  }
  decl.name = name->getText();
  decl.loc = loc(name);
  decl.type_params = build_type_params(ctx->typeParams());
  // A lone spec's directives come before its `type` keyword, a grouped one's before its name.
  auto* first = grouped ? static_cast<antlr4::ParserRuleContext*>(ctx)
                        : dynamic_cast<antlr4::ParserRuleContext*>(ctx->parent);
  if (first && first->getStart()) {
    auto it = directives_.find(first->getStart()->getTokenIndex());
    if (it != directives_.end()) {
      apply_type_directives(it->second, path_, decl, diags_);
      taken_directives_.insert(it->first);
    }
  }
  module_->order.push_back({ir::DeclRef::Kind::Type, module_->types.size()});
  module_->types.push_back(std::move(decl));
}

void AstBuilder::build_struct(GpiParser::StructTypeContext* ctx, ir::TypeDecl& decl) {
  if (!ctx) return;
  ItemFilter filter(*this);
  for (GpiParser::FieldDeclContext* field : ctx->fieldDecl()) {
    if (filter.skip(field)) continue;
    ir::Doc doc = doc_before(field);
    if (auto* named = dynamic_cast<GpiParser::NamedFieldsContext*>(field)) {
      if (auto* anonymous = named->structType()) {
        diags_.error(loc(anonymous->STRUCT()->getSymbol()),
                     "a .gpi has no anonymous struct types: leave this field out (a .gpi may declare only some "
                     "of a struct's fields; the rest stay in Go), or declare functions that read its parts");
        continue;
      }
      ir::TypeRef type = build_type(named->type_());
      if (!named->identList()) continue;
      for (auto* node : named->identList()->IDENT()) {
        antlr4::Token* name = token(node);
        if (!name) continue;
        decl.fields.push_back({name->getText(), type, false, doc, loc(name)});
      }
    } else if (auto* embedded = dynamic_cast<GpiParser::EmbeddedFieldContext*>(field)) {
      ir::TypeRef type = build_type_name(embedded->typeName());
      if (!type) continue;
      ir::Field f{type->kind == ir::Type::Kind::Prim ? std::string(ir::prim_name(type->prim)) : type->name,
                  type, true, doc, type->loc};
      if (embedded->STAR()) {
        auto pointer = std::make_shared<ir::Type>();
        pointer->kind = ir::Type::Kind::Pointer;
        pointer->loc = loc(embedded->STAR()->getSymbol());
        pointer->elem = type;
        f.type = pointer;
      }
      // The field's name is the type's own name, after any qualifier.
      auto idents = embedded->typeName()->IDENT();
      if (antlr4::Token* last = token(idents.back())) f.loc = loc(last);
      decl.fields.push_back(std::move(f));
    }
  }
}

void AstBuilder::build_interface(GpiParser::InterfaceTypeContext* ctx, ir::TypeDecl& decl) {
  if (!ctx) return;
  ItemFilter filter(*this);
  for (GpiParser::InterfaceElemContext* elem : ctx->interfaceElem()) {
    if (filter.skip(elem)) continue;
    if (auto* method = dynamic_cast<GpiParser::InterfaceMethodContext*>(elem)) {
      antlr4::Token* name = token(method->IDENT());
      if (!name) continue;
      ir::FuncSig sig = build_signature(method->signature());
      apply_directives_before(elem, name->getText(), sig);
      decl.methods.push_back({name->getText(), std::move(sig), doc_before(elem), loc(name)});
    } else if (auto* embedded = dynamic_cast<GpiParser::EmbeddedInterfaceContext*>(elem)) {
      if (ir::TypeRef type = build_type_name(embedded->typeName())) decl.embeds.push_back(type);
    }
  }
}

void AstBuilder::build_func(GpiParser::FuncDeclContext* ctx, const ir::Doc& doc) {
  antlr4::Token* name = token(ctx->IDENT());
  // After a broken receiver, what the parser took for the name may be anything.
  if (!name || broken(ctx->receiver())) return;
  ir::Func f;
  f.name = name->getText();
  f.loc = loc(name);
  f.doc = doc;
  if (ctx->ASSIGN()) {
    // `func MaxInt = Max[int]`: expanded by the checker (compiler/check_generics.cpp).
    if (ctx->receiver()) {
      diags_.error(loc(ctx->ASSIGN()->getSymbol()),
                   "a method cannot be an instantiation: instantiate the generic type instead "
                   "(type IntSet = Set[int]) and its methods come with it");
      return;
    }
    ir::TypeRef generic = build_type_name(ctx->typeName());
    if (!generic || broken(ctx->typeArgs())) return;
    if (generic->kind != ir::Type::Kind::Named || !generic->qualifier.empty()) {
      diags_.error(generic->loc, "'" + generic->go_spelling() +
                                     "' is not a generic function of this file: declare it here, with its type "
                                     "parameters, and instantiate that");
      return;
    }
    f.instance_of = ir::Instantiation{generic->name, build_type_args(ctx->typeArgs())};
    module_->order.push_back({ir::DeclRef::Kind::Func, module_->funcs.size()});
    module_->funcs.push_back(std::move(f));
    return;
  }
  f.type_params = build_type_params(ctx->typeParams());
  if (GpiParser::ReceiverContext* r = ctx->receiver()) {
    GpiParser::TypeNameContext* type_name = r->typeName();
    if (!type_name || type_name->IDENT().empty() || !token(type_name->IDENT(0))) return;
    ir::Receiver recv;
    if (antlr4::Token* recv_name = token(r->IDENT())) recv.name = recv_name->getText();
    for (auto* node : type_name->IDENT()) {
      if (!recv.type_name.empty()) recv.type_name += '.';
      recv.type_name += node->getText();
    }
    recv.pointer = r->STAR() != nullptr;
    recv.loc = loc(token(type_name->IDENT(0)));
    // `(s *Set[K, V])`: Go lets a method rename its type's parameters; each must be a name.
    if (GpiParser::TypeArgsContext* args = r->typeArgs()) {
      for (const ir::TypeRef& arg : build_type_args(args)) {
        if (arg->kind != ir::Type::Kind::Named || !arg->qualifier.empty() || !arg->args.empty()) {
          diags_.error(arg->loc, "a receiver names its type's parameters: write a name such as T, not '" +
                                     arg->go_spelling() + "'");
          return;
        }
        recv.type_params.push_back(arg->name);
      }
    }
    f.recv = std::move(recv);
  }
  f.sig = build_signature(ctx->signature());
  apply_directives_before(ctx, f.name, f.sig);
  module_->order.push_back({ir::DeclRef::Kind::Func, module_->funcs.size()});
  module_->funcs.push_back(std::move(f));
}

ir::FuncSig AstBuilder::build_signature(GpiParser::SignatureContext* ctx) {
  ir::FuncSig sig;
  if (!ctx) return sig;
  sig.params = build_params(ctx->parameters(), false, &sig.variadic);
  if (GpiParser::ResultContext* result = ctx->result()) {
    if (result->parameters()) {
      sig.results = build_params(result->parameters(), true, nullptr);
    } else if (ir::TypeRef type = build_type(result->type_())) {
      sig.results.push_back({"", type, type->loc, {}});
    }
  }
  return sig;
}

std::vector<ir::Param> AstBuilder::build_params(GpiParser::ParametersContext* ctx, bool results, bool* variadic) {
  // Go's rule: if any item is `name Type`, then every lone identifier before a typed item is a
  // name sharing that type (`a, b int`); otherwise every item is just a type (`(int, string)`).
  std::vector<ir::Param> out;
  if (!ctx || broken(ctx)) return out;
  std::vector<GpiParser::ParameterDeclContext*> items = ctx->parameterDecl();
  bool any_named = false;
  for (auto* item : items) any_named = any_named || token(item->IDENT());

  auto lone_identifier = [](GpiParser::ParameterDeclContext* item) -> antlr4::Token* {
    auto* named = dynamic_cast<GpiParser::NamedTypeContext*>(item->type_());
    if (item->ELLIPSIS() || !named || !named->typeName() || named->typeName()->DOT() || named->typeArgs())
      return nullptr;
    return token(named->typeName()->IDENT(0));
  };

  std::vector<antlr4::Token*> pending_names;
  for (size_t i = 0; i < items.size(); ++i) {
    GpiParser::ParameterDeclContext* item = items[i];
    antlr4::Token* name = token(item->IDENT());
    if (any_named && !name) {
      if (antlr4::Token* lone = lone_identifier(item)) {
        pending_names.push_back(lone);
        continue;
      }
      diags_.error(loc(item->getStart()), "mixed named and unnamed parameters");
      continue;
    }
    ir::TypeRef type = build_type(item->type_());
    if (antlr4::Token* dots = token(item->ELLIPSIS())) {
      if (results) {
        diags_.error(loc(dots), "'...' is not allowed in results");
      } else if (i + 1 != items.size() || !pending_names.empty()) {
        diags_.error(loc(dots), "'...' is only allowed on the final parameter");
      } else if (variadic) {
        *variadic = true;
      }
      if (type) {
        auto slice = std::make_shared<ir::Type>();
        slice->kind = ir::Type::Kind::Slice;
        slice->loc = loc(dots);
        slice->elem = type;
        type = slice;
      }
    }
    for (antlr4::Token* pending : pending_names) out.push_back({pending->getText(), type, loc(pending), {}});
    pending_names.clear();
    if (name) out.push_back({name->getText(), type, loc(name), {}});
    else out.push_back({"", type, type ? type->loc : loc(item->getStart()), {}});
  }
  for (antlr4::Token* pending : pending_names) diags_.error(loc(pending), "mixed named and unnamed parameters");
  return out;
}

ir::TypeRef AstBuilder::build_type_name(GpiParser::TypeNameContext* ctx) {
  if (!ctx) return nullptr;
  std::vector<antlr4::tree::TerminalNode*> idents = ctx->IDENT();
  if (idents.empty()) return nullptr;
  antlr4::Token* first = token(idents[0]);
  if (!first) return nullptr;
  auto type = std::make_shared<ir::Type>();
  type->loc = loc(first);
  if (ctx->DOT()) {
    antlr4::Token* second = idents.size() > 1 ? token(idents[1]) : nullptr;
    if (!second) return nullptr;
    type->kind = ir::Type::Kind::Named;
    type->qualifier = first->getText();
    type->name = second->getText();
    return type;
  }
  if (auto prim = ir::prim_from_name(first->getText())) {
    type->kind = ir::Type::Kind::Prim;
    type->prim = *prim;
  } else {
    type->kind = ir::Type::Kind::Named;
    type->name = first->getText();
  }
  return type;
}

ir::TypeRef AstBuilder::build_type(GpiParser::Type_Context* ctx) {
  if (!ctx || broken(ctx)) return nullptr;
  if (auto* named = dynamic_cast<GpiParser::NamedTypeContext*>(ctx)) {
    ir::TypeRef type = build_type_name(named->typeName());
    if (!type || !named->typeArgs()) return type;
    if (type->qualifier == "iter" && (type->name == "Seq" || type->name == "Seq2")) return build_seq(*type, named->typeArgs());
    if (type->kind != ir::Type::Kind::Named) {
      diags_.error(type->loc, "'" + type->go_spelling() + "' is not a generic type: it takes no type arguments");
      return nullptr;
    }
    type->args = build_type_args(named->typeArgs());
    return type->args.empty() ? nullptr : type;
  }

  auto type = std::make_shared<ir::Type>();
  type->loc = loc(ctx->getStart());
  if (auto* slice = dynamic_cast<GpiParser::SliceTypeContext*>(ctx)) {
    type->kind = ir::Type::Kind::Slice;
    type->elem = build_type(slice->type_());
  } else if (auto* array = dynamic_cast<GpiParser::ArrayTypeContext*>(ctx)) {
    type->kind = ir::Type::Kind::Array;
    type->elem = build_type(array->type_());
    antlr4::Token* length = token(array->INT_LIT());
    if (!length) return nullptr;
    std::optional<uint64_t> value = integer_value(length->getText());
    if (!value) {
      diags_.error(loc(length), "array length '" + length->getText() + "' is too large");
      return nullptr;
    }
    type->length = *value;
  } else if (auto* map = dynamic_cast<GpiParser::MapTypeContext*>(ctx)) {
    type->kind = ir::Type::Kind::Map;
    type->key = build_type(map->type_(0));
    type->elem = build_type(map->type_(1));
    if (!type->key) return nullptr;
  } else if (auto* pointer = dynamic_cast<GpiParser::PointerTypeContext*>(ctx)) {
    type->kind = ir::Type::Kind::Pointer;
    type->elem = build_type(pointer->type_());
  } else if (auto* func = dynamic_cast<GpiParser::FuncTypeContext*>(ctx)) {
    type->kind = ir::Type::Kind::Func;
    type->sig = std::make_shared<ir::FuncSig>(build_signature(func->signature()));
    return type;
  } else if (dynamic_cast<GpiParser::EmptyInterfaceTypeContext*>(ctx)) {
    // Go's `interface{}` is the predeclared `any`; docs and stubs spell it `any`.
    type->kind = ir::Type::Kind::Prim;
    type->prim = ir::Prim::Any;
    return type;
  } else if (auto* chan = dynamic_cast<GpiParser::ChanTypeContext*>(ctx)) {
    type->kind = ir::Type::Kind::Chan;
    type->elem = build_type(chan->type_());
  } else if (auto* recv = dynamic_cast<GpiParser::RecvChanTypeContext*>(ctx)) {
    type->kind = ir::Type::Kind::Chan;
    type->dir = ir::Type::ChanDir::Recv;
    type->elem = build_type(recv->type_());
  } else if (auto* send = dynamic_cast<GpiParser::SendChanTypeContext*>(ctx)) {
    type->kind = ir::Type::Kind::Chan;
    type->dir = ir::Type::ChanDir::Send;
    type->elem = build_type(send->type_());
  } else {
    return nullptr;
  }
  return type->elem ? type : nullptr;
}

// Go 1.23's iterators, `iter.Seq[V]` and `iter.Seq2[K, V]`, are built in like the well-known
// types: a type of their own (ir::Type::Kind::Seq), with no .gpi of package iter.
ir::TypeRef AstBuilder::build_seq(const ir::Type& name, GpiParser::TypeArgsContext* args_ctx) {
  std::vector<ir::TypeRef> args = build_type_args(args_ctx);
  if (args.empty()) return nullptr;
  size_t want = name.name == "Seq" ? 1 : 2;
  if (args.size() != want) {
    diags_.error(name.loc, "'" + name.go_spelling() + "' takes " + std::to_string(want) + " type argument" +
                               (want == 1 ? "" : "s") + ", not " + std::to_string(args.size()));
    return nullptr;
  }
  auto type = std::make_shared<ir::Type>();
  type->kind = ir::Type::Kind::Seq;
  type->loc = name.loc;
  type->elem = args.back();
  if (want == 2) type->key = args[0];
  return type;
}

std::vector<ir::TypeRef> AstBuilder::build_type_args(GpiParser::TypeArgsContext* ctx) {
  std::vector<ir::TypeRef> args;
  if (!ctx || broken(ctx)) return args;
  for (GpiParser::Type_Context* t : ctx->type_()) {
    ir::TypeRef arg = build_type(t);
    if (!arg) return {};  // already reported, or left out after a syntax error
    args.push_back(arg);
  }
  return args;
}

std::vector<ir::TypeParam> AstBuilder::build_type_params(GpiParser::TypeParamsContext* ctx) {
  std::vector<ir::TypeParam> params;
  if (!ctx || broken(ctx)) return params;
  for (GpiParser::TypeParamDeclContext* decl : ctx->typeParamDecl()) {
    GpiParser::TypeConstraintContext* constraint = decl->typeConstraint();
    if (!constraint || !decl->identList()) continue;
    std::vector<ir::TypeParam::Term> terms;
    for (GpiParser::ConstraintTermContext* term : constraint->constraintTerm())
      terms.push_back({term->TILDE() != nullptr, term->type_() ? build_type(term->type_()) : nullptr});
    // The constraint as the author wrote it (spacing included), for messages and the docs.
    antlr4::misc::Interval span(constraint->getStart()->getStartIndex(), constraint->getStop()->getStopIndex());
    std::string text = constraint->getStart()->getInputStream()->getText(span);
    for (auto* node : decl->identList()->IDENT())
      if (antlr4::Token* name = token(node)) params.push_back({name->getText(), terms, text, loc(name)});
  }
  return params;
}

ir::ConstExpr AstBuilder::build_expr(GpiParser::ExprContext* ctx) {
  // The expression's tokens, as written; a qualified name `pkg.Name` becomes one token.
  ir::ConstExpr expr;
  if (!ctx || broken(ctx) || !ctx->getStart() || !ctx->getStop()) return expr;
  size_t first = ctx->getStart()->getTokenIndex();
  size_t last = ctx->getStop()->getTokenIndex();
  if (first == INVALID_INDEX || last == INVALID_INDEX || last < first) return expr;
  for (size_t i = first; i <= last; ++i) {
    antlr4::Token* t = tokens_.get(i);
    size_t type = t->getType();
    if (type == GpiParser::DOT && !expr.tokens.empty() && i < last &&
        expr.tokens.back().kind == ir::ConstExpr::Token::Kind::Ident) {
      expr.tokens.back().text += "." + tokens_.get(++i)->getText();
      continue;
    }
    std::string text = t->getText();
    expr.tokens.push_back({literal_kind(type, text), std::move(text)});
  }
  return expr;
}

}  // namespace gpic
