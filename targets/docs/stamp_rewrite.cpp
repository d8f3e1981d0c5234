#include "targets/docs/stamp_rewrite.hpp"

#include <algorithm>
#include <set>

#include "targets/docs/doc_source.hpp"
#include "targets/docs/model.hpp"
#include "targets/docs/stamp.hpp"

namespace gpic::docs {

namespace {

struct Edit {
  size_t begin, end;
  std::string text;
};

}  // namespace

Restamped restamp(std::string_view source, const ir::Module& module, bool new_only) {
  Restamped out;
  std::vector<Edit> edits;
  std::set<int> done;  // a const group's comment is shared by its constants: stamp it once
  Page page = build_page(module, {}, nullptr);
  SourceLines lines(source);
  for (const Symbol* s : page.all()) {
    const ir::Doc& doc = *s->doc;
    if (doc.en.empty() || doc.ko.empty() || doc.loc.line <= 0 || !done.insert(doc.loc.line).second) continue;
    std::string want = stamp_of(doc.en);
    if (doc.ko_stamp == want || (new_only && !doc.ko_stamp.empty())) continue;
    bool first = true;
    for (const DocLine& l : doc_block_at(lines, doc.loc.line)) {
      if (!l.has_marker || l.lang != "ko") continue;
      edits.push_back({l.marker_begin, l.marker_end, "@ko[" + want + "]"});
      if (first)
        out.changes.push_back({{doc.loc.file, l.line, column_of(source, l.begin, l.marker_begin)},
                               s->kind == SymbolKind::Package ? "package " + s->go_name : s->go_name, doc.ko_stamp, want});
      first = false;
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  size_t at = 0;
  for (const Edit& e : edits) {
    out.text.append(source.substr(at, e.begin - at));
    out.text += e.text;
    at = e.end;
  }
  out.text.append(source.substr(at));
  std::sort(out.changes.begin(), out.changes.end(), [](const StampChange& a, const StampChange& b) { return a.loc.line < b.loc.line; });
  return out;
}

}  // namespace gpic::docs
