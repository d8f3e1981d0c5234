#include "compiler/generate.hpp"

#include <map>
#include <ostream>

#include "compiler/foreign_types.hpp"
#include "compiler/loader.hpp"
#include "compiler/output.hpp"
#include "compiler/plugin.hpp"
#include "compiler/std_gpi.hpp"

namespace gpic {

Options target_options(const GenerateRequest& req) {
  Options o;
  o.gpic_version = GPIC_VERSION;
  o.snake_names = req.py_names == "snake";
  o.langs.clear();
  for (size_t start = 0; start <= req.langs.size();) {
    size_t end = req.langs.find(',', start);
    if (end == std::string::npos) end = req.langs.size();
    if (end > start) o.langs.push_back(req.langs.substr(start, end - start));
    start = end + 1;
  }
  for (const auto& p : req.params) {
    auto eq = p.find('=');
    o.params[p.substr(0, eq)] = eq == std::string::npos ? "" : p.substr(eq + 1);
  }
  return o;
}

bool target_reads(const Target& target, const ir::Module& m, Diagnostics& diags) {
  Target::Reads reads = target.reads();
  if (reads == Target::Reads::Both || (reads == Target::Reads::PythonModules) == m.python_backed()) return true;
  if (m.python_backed())
    diags.error(m.go_path_loc, "package " + m.name + " describes a Python module that Go calls: the " +
                                   std::string(target.name()) + " target binds Go packages for Python; use --target go");
  else
    diags.error(m.go_path_loc, "the " + std::string(target.name()) + " target writes Go that calls a Python module: "
                               "the package clause must name one, as in `package " + m.name + " \"python:" + m.name + "\"`");
  return false;
}

int generate(const GenerateRequest& req, std::ostream& err) {
  SourceFiles sources;
  Diagnostics diags;
  for (const auto& w : req.werror) diags.set_werror(w);
  diags.set_limit(req.error_limit);
  bool color = use_color(req.color);
  auto report = [&] { diags.print(err, sources, color); };

  std::vector<std::filesystem::path> includes(req.include_dirs.begin(), req.include_dirs.end());
  Loader loader(sources, diags, includes);
  std::vector<const ir::Module*> modules;
  std::map<std::string, const ir::Module*> by_name;
  for (const auto& input : req.inputs) {
    const ir::Module* m = loader.load(input);
    if (!m) continue;
    if (auto [it, fresh] = by_name.emplace(m->name, m); !fresh && it->second != m) {
      diags.error(m->loc, "package " + m->name + " is also declared by " + it->second->file +
                              ": two inputs would write the same files");
      continue;
    }
    modules.push_back(m);
  }
  if (diags.has_errors()) {
    report();
    return 1;
  }
  // The standard-library files gpic ships that the inputs import are generated with them: a
  // binding is built together with the packages whose types it uses (std_gpi.hpp).
  for (const ir::Module* m : shipped_imports(modules)) {
    if (auto [it, fresh] = by_name.emplace(m->name, m); !fresh && it->second != m) {
      diags.error(m->loc, "package " + m->name + " is also declared by " + it->second->file +
                              ": two inputs would write the same files");
      report();
      return 1;
    }
    modules.push_back(m);
  }

  Options options = target_options(req);
  // The output directory is locked from here to the commit: a concurrent run into it waits.
  StagedOutput out(req.out_dir);
  if (!out.open(diags)) {
    report();
    return 1;
  }
  for (const auto& name : req.targets) {
    const Target* target = TargetRegistry::instance().find(name);
    for (const ir::Module* m : modules) {
      if (target && !target_reads(*target, *m, diags)) continue;
      // A binding that takes another package's objects works only over one Go runtime with
      // that package's: generated alone, it could never be built (docs and stubs can be).
      if (target && target->reads() == Target::Reads::GoPackages && !check_foreign_uses_built(*m, modules, diags))
        continue;
      if (target) target->generate(*m, options, out, diags);
      else run_plugin(name, *m, options, out, diags);
    }
    if (target) target->finish(modules, options, out, diags);
  }
  if (diags.has_errors() || !out.commit(diags)) {
    report();
    return 1;
  }
  report();  // warnings, if any
  return 0;
}

}  // namespace gpic
