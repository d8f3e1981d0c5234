#include "targets/docs/model.hpp"

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "targets/common/c_abi.hpp"
#include "targets/docs/anchors.hpp"
#include "targets/docs/doc_source.hpp"
#include "targets/docs/go_decl.hpp"
#include "targets/docs/py_decl.hpp"
#include "targets/docs/xref.hpp"

namespace gpic::docs {

LocalText Symbol::local(std::string_view lang) const {
  if (!doc) return {};
  return local_text(*doc, lang);
}

const Blocks& Symbol::blocks(std::string_view text_lang) const {
  static const Blocks none;
  auto it = text.find(std::string(text_lang));
  return it == text.end() ? none : it->second;
}

std::vector<const Symbol*> Page::all() const {
  std::vector<const Symbol*> out{&package};
  for (const auto* group : {&consts, &vars, &funcs, &structs, &interfaces, &types})
    for (const Symbol& s : *group) {
      out.push_back(&s);
      for (const Symbol& m : s.members) out.push_back(&m);
    }
  return out;
}

namespace {

class PageBuilder {
 public:
  PageBuilder(const ir::Module& m, const BuildOptions& o, Diagnostics* d) : m_(m), opts_(o), diags_(d), xref_(m) {
    for (const auto& f : m_.funcs)
      if (f.recv) methods_[f.recv->type_name].push_back(&f);
    for (const auto& c : m_.consts)
      if (const ir::TypeDecl* d = c.type ? abi::decl_of(*c.type) : nullptr) const_types_.insert(d);
  }

  Page build() {
    Page page;
    page.module = &m_;
    page.stem = page_stem(m_.name);
    page.package = make(SymbolKind::Package, "", m_.name, m_.name, "import \"" + m_.go_path + "\"",
                        "import " + m_.name, &m_.doc, m_.loc);
    // Source order within each section, as the author arranged the .gpi.
    std::vector<ir::DeclRef> order = m_.order;
    if (order.empty()) order = default_order();
    for (const auto& ref : order) {
      switch (ref.kind) {
        case ir::DeclRef::Kind::Const: add_const(page, m_.consts[ref.index]); break;
        case ir::DeclRef::Kind::Var: add_var(page, m_.vars[ref.index]); break;
        case ir::DeclRef::Kind::Func: add_func(page, m_.funcs[ref.index]); break;
        case ir::DeclRef::Kind::Type: add_type(page, m_.types[ref.index]); break;
      }
    }
    return page;
  }

 private:
  // For a module built without `order`: each kind in its own vector's order.
  std::vector<ir::DeclRef> default_order() const {
    std::vector<ir::DeclRef> out;
    for (size_t i = 0; i < m_.consts.size(); ++i) out.push_back({ir::DeclRef::Kind::Const, i});
    for (size_t i = 0; i < m_.vars.size(); ++i) out.push_back({ir::DeclRef::Kind::Var, i});
    for (size_t i = 0; i < m_.funcs.size(); ++i) out.push_back({ir::DeclRef::Kind::Func, i});
    for (size_t i = 0; i < m_.types.size(); ++i) out.push_back({ir::DeclRef::Kind::Type, i});
    return out;
  }

  Symbol make(SymbolKind kind, std::string anchor, std::string go_name, std::string py_name, std::string go_decl,
              std::string py_decl, const ir::Doc* doc, const ir::Loc& loc) {
    Symbol s;
    s.kind = kind;
    s.anchor = std::move(anchor);
    s.go_name = std::move(go_name);
    s.py_name = std::move(py_name);
    s.go_decl = std::move(go_decl);
    s.py_decl = std::move(py_decl);
    s.doc = doc;
    s.loc = loc;
    if (!doc->en.empty()) s.text["en"] = parse_doc(doc->en);
    if (!doc->ko.empty()) s.text["ko"] = parse_doc(doc->ko);
    for (auto& [lang, blocks] : s.text) resolve(s, lang, blocks);
    return s;
  }

  void add_const(Page& p, const ir::Const& c) {
    // Constants keep their Go names under --py-names=snake, as the Python targets bind them.
    p.consts.push_back(make(SymbolKind::Const, anchor_const(c.name), c.name, py::module_name(c.name), go_const(c),
                            py_const(c, py::Case::Keep), &c.doc, c.loc));
  }
  void add_var(Page& p, const ir::Var& v) {
    std::string py_name = abi::is_sentinel(v) ? py::module_name(v.name) : py_module_name(v.name, opts_.name_case);
    p.vars.push_back(make(SymbolKind::Var, anchor_var(v.name), v.name, py_name,
                          go_var(v), py_var(v, opts_.name_case), &v.doc, v.loc));
  }
  void add_func(Page& p, const ir::Func& f) {
    if (f.recv) return;  // listed under its type
    Symbol s = make(SymbolKind::Func, anchor_func(f.name), f.name, py_module_name(f.name, opts_.name_case), go_func(f),
                    py_func(f, opts_.name_case), &f.doc, f.loc);
    s.sig = &f.sig;
    p.funcs.push_back(std::move(s));
  }
  void add_type(Page& p, const ir::TypeDecl& t) {
    using K = ir::TypeDecl::Kind;
    SymbolKind kind = t.kind == K::Struct ? SymbolKind::Struct : t.kind == K::Interface ? SymbolKind::Interface : SymbolKind::Type;
    std::string py_type_name = py::module_name(t.name);
    Symbol s = make(kind, anchor_type(t.name), t.name, py_type_name, go_type(t), py_type(t, const_types_, opts_.name_case), &t.doc, t.loc);
    for (const auto& f : t.fields) {
      Symbol field = make(SymbolKind::Field, anchor_field(t.name, f.name), t.name + "." + f.name,
                          py_type_name + "." + py::member_name(f.name, opts_.name_case), go_field(f),
                          py_field(f, opts_.name_case), &f.doc, f.loc);
      field.field = &f;
      s.members.push_back(std::move(field));
    }
    for (const auto& im : t.methods) {
      Symbol m = make(SymbolKind::Method, anchor_method(t.name, im.name), t.name + "." + im.name,
                      py_type_name + "." + py::member_name(im.name, opts_.name_case), go_interface_method(im),
                      py_interface_method(im, opts_.name_case), &im.doc, im.loc);
      m.sig = &im.sig;
      s.members.push_back(std::move(m));
    }
    // Methods declared with a receiver, wherever they stand in the file.
    static const std::vector<const ir::Func*> none;
    auto declared = methods_.find(t.name);
    for (const ir::Func* fp : declared == methods_.end() ? none : declared->second) {
      const ir::Func& f = *fp;
      Symbol m = make(SymbolKind::Method, anchor_method(t.name, f.name), t.name + "." + f.name,
                      py_type_name + "." + py::member_name(f.name, opts_.name_case), go_func(f),
                      py_func(f, opts_.name_case), &f.doc, f.loc);
      m.sig = &f.sig;
      s.members.push_back(std::move(m));
    }
    // Fields and methods of embedded structs, reachable through this one as in Go.
    abi::Promoted promoted = abi::promoted_members(t);
    if (!promoted.empty()) {
      const std::string via_note = " // promoted from ";
      for (const auto& pf : promoted.fields) {
        const ir::Field& f = *pf.field;
        Symbol field = make(SymbolKind::Field, anchor_field(t.name, f.name), t.name + "." + f.name,
                            py_type_name + "." + py::member_name(f.name, opts_.name_case), go_field(f) + via_note + pf.via,
                            py_field(f, opts_.name_case), &f.doc, f.loc);
        field.field = &f;
        s.members.push_back(std::move(field));
      }
      for (const auto& pm : promoted.methods) {
        const ir::Func& f = *pm.func;
        Symbol m = make(SymbolKind::Method, anchor_method(t.name, f.name), t.name + "." + f.name,
                        py_type_name + "." + py::member_name(f.name, opts_.name_case), go_func(f) + via_note + pm.via,
                        py_func(f, opts_.name_case), &f.doc, f.loc);
        m.sig = &f.sig;
        s.members.push_back(std::move(m));
      }
      p.promoted.push_back(std::move(promoted));
    }
    auto& group = kind == SymbolKind::Struct ? p.structs : kind == SymbolKind::Interface ? p.interfaces : p.types;
    group.push_back(std::move(s));
  }

  void resolve(const Symbol& s, const std::string& lang, Blocks& blocks) {
    for (Span* ref : refs_of(blocks)) {
      if (auto target = xref_.resolve(ref->text)) {
        ref->resolved = true;
        bool linkable = target->page.empty() || opts_.documented.count(target->page) > 0;
        if (linkable) {
          ref->page = target->page.empty() ? "" : page_stem(target->page);
          ref->anchor = target->anchor;
        }
        continue;
      }
      if (!diags_ || !xref_.looks_like_symbol(ref->text)) continue;
      std::string msg = "unknown reference [" + ref->text + "] in the " + lang + " doc of " +
                        (s.kind == SymbolKind::Package ? "package " + s.go_name : s.go_name);
      if (std::string best = xref_.suggest(ref->text); !best.empty()) msg += "; did you mean [" + best + "]?";
      diags_->warning(ref_loc(s, lang, *ref), "unknown-reference", msg);
    }
  }

  ir::Loc ref_loc(const Symbol& s, const std::string& lang, const Span& ref) {
    const ir::Loc& at = s.doc->loc.line > 0 ? s.doc->loc : s.loc;
    if (const SourceLines* src = sources_.lines(at.file))
      if (auto loc = locate_ref(*src, at, lang, ref.text, ref.occurrence)) return *loc;
    return at;
  }

  const ir::Module& m_;
  const BuildOptions& opts_;
  Diagnostics* diags_;
  XrefTable xref_;
  SourceCache sources_;
  // Each type's methods declared with a receiver, in file order: looking them up by scanning
  // every function for every type made a page quadratic in the package's size.
  std::unordered_map<std::string_view, std::vector<const ir::Func*>> methods_;
  // The types constants are declared with (a named integer type among them is an IntEnum).
  std::unordered_set<const ir::TypeDecl*> const_types_;
};

}  // namespace

Page build_page(const ir::Module& module, const BuildOptions& options, Diagnostics* diags) {
  return PageBuilder(module, options, diags).build();
}

}  // namespace gpic::docs
