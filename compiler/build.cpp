#include "compiler/build.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "compiler/generate.hpp"
#include "compiler/go_toolchain.hpp"
#include "compiler/import_version.hpp"
#include "compiler/joint_program.hpp"
#include "compiler/limits.hpp"
#include "compiler/loader.hpp"
#include "compiler/output.hpp"
#include "compiler/output_paths.hpp"
#include "compiler/process.hpp"
#include "compiler/subcommand_args.hpp"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace gpic {
namespace {

constexpr const char* kBuildUsage =
    "usage: gpic build FILE.gpi... --target cffi|cpython -o DIR [--python INTERP] [--go-module DIR] [--go-version V]\n"
    "                  [-I DIR]...\n"
    "Several .gpi files build one Python module each over one Go runtime (a process runs only one).\n";

// The Python targets `gpic build` knows how to compile, and what each leaves in DIR:
//   cffi     DIR/<m>/ (a package: __init__.py, the cffi extension, __init__.pyi, py.typed)
//   cpython  DIR/<m><EXT_SUFFIX> (one extension file), DIR/<m>.pyi, DIR/py.typed
bool is_python_target(const std::string& t) { return t == "cffi" || t == "cpython"; }

struct BuildRequest {
  std::vector<std::string> inputs;  // one .gpi, or several for a joint build (one Go runtime)
  std::string target;
  std::string out_dir;
  std::string python = "python3";
  std::string go_module;
  std::string go_version;
  std::vector<std::string> include_dirs;
  std::string py_names = "keep";
  std::string color = "auto";
  int error_limit = limits::kDefaultErrorLimit;
  bool verbose = false;
};

// A command as a shell would take it back (for -v): each word quoted when it needs to be.
std::string shell_line(const std::vector<std::string>& cmd, const std::map<std::string, std::string>& env = {}) {
  auto quoted = [](const std::string& w) {
    if (!w.empty() && w.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%_+=:,./-") ==
                          std::string::npos)
      return w;
    std::string q = "'";
    for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  std::string line;
  for (const auto& [k, v] : env) line += k + "=" + quoted(v) + " ";
  for (const auto& w : cmd) line += (line.empty() || line.back() == ' ' ? "" : " ") + quoted(w);
  return line;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// One bound package of a build, and where its pieces are made.
struct Unit {
  const ir::Module* m = nullptr;
  GoSource source;
  fs::path build_dir;                     // its generated sources
  std::vector<std::string> python_files;  // the Python sources among them, relative to build_dir
};

// One build: every step reports into diags and returns false on failure.
//
// One .gpi gives a Go c-archive linked into its extension. Several (a joint build) give one
// Go program of them all, built as one c-shared library that every module's extension links
// to: Go supports one runtime per process, and the packages share its handle table.
class Builder {
 public:
  Builder(const BuildRequest& req, SourceFiles& sources, Diagnostics& diags) : req_(req), sources_(sources), diags_(diags) {}

  bool run() {
    auto go = find_go(diags_);
    if (!go) return false;
    Loader loader(sources_, diags_, {req_.include_dirs.begin(), req_.include_dirs.end()});
    std::map<std::string, std::string> files_of;
    for (const auto& input : req_.inputs) {
      const ir::Module* m = loader.load(input);
      if (!m || diags_.has_errors()) return false;
      if (auto [it, fresh] = files_of.emplace(m->name, input); !fresh) {
        diags_.error(m->loc, "package " + m->name + " is built twice (" + it->second + " and " + input +
                                 "): every module of a joint build needs its own name");
        return false;
      }
      units_.push_back(Unit{m, {}, {}, {}});
    }
    for (auto& u : units_) {
      auto go_source = locate_go_module(*u.m, req_.go_module, req_.go_version, diags_);
      if (!go_source) return false;
      u.source = *go_source;
      if (req_.verbose) std::cerr << "gpic: package \"" << u.m->go_path << "\" from " << go_source->describe() << "\n";
    }
    if (find_on_path(req_.python).empty()) {
      diags_.error({}, "Python interpreter '" + req_.python + "' not found (gpic build --python INTERP)");
      return false;
    }

    // The output directory stays locked for the whole build: a second build into it (say, for
    // another interpreter) waits instead of sharing .gpic-build and the manifest.
    fs::path out = fs::absolute(req_.out_dir);
    final_out_ = std::make_unique<StagedOutput>(out);
    if (!final_out_->open(diags_)) return false;
    if (joint()) {
      std::vector<std::string> names;
      for (const auto& u : units_) names.push_back(u.m->name);
      library_ = joint_library_name(names);
      root_ = out / ".gpic-build" / library_.substr(0, library_.size() - 3);
    }
    for (auto& u : units_) {
      fs::path rel = joint() ? fs::relative(root_, out) / u.m->name : fs::path(".gpic-build") / u.m->name;
      if (std::string error; !make_real_directories(out, rel, error)) {
        diags_.error({}, error);
        return false;
      }
      u.build_dir = out / rel;
      if (!generate_sources(u)) return false;
    }
    if (!joint()) {
      Unit& u = units_.front();
      root_ = u.build_dir;
      if (!write_go_work(u.m->name + "_cgo", go->go_line()) || !go_build(u.build_dir / (u.m->name + "_cgo"), false))
        return false;
      return build_and_stage(u) && install(out);
    }
    std::vector<JointPackage> packages;
    for (const auto& u : units_) packages.push_back({u.m->name, u.build_dir / (u.m->name + "_cgo")});
    if (!write_joint_program(packages, root_ / "go", diags_)) return false;
    if (!write_go_work("go", go->go_line()) || !go_build(root_ / "go", true)) return false;
    for (auto& u : units_)
      if (!build_and_stage(u)) return false;
    return install(out);
  }

 private:
  bool joint() const { return units_.size() > 1; }

  // The shim and the Python sources, into the unit's build directory.
  bool generate_sources(Unit& u) {
    GenerateRequest g;
    g.inputs = {u.m->file};
    g.include_dirs = req_.include_dirs;
    g.py_names = req_.py_names;
    Options options = target_options(g);
    // A cffi package of a joint build loads the shared library, one folder up.
    if (joint()) options.params["cffi.go-runtime"] = "../" + library_;
    StagedOutput staged(u.build_dir);
    // The stub (pyi) ships with every Python target.
    for (const char* t : {"cgo", req_.target.c_str(), "pyi"})
      TargetRegistry::instance().find(t)->generate(*u.m, options, staged, diags_);
    if (diags_.has_errors() || !staged.commit(diags_)) return false;
    u.python_files.clear();
    for (const auto& [path, content] : staged.files())
      if (path.rfind(u.m->name + "/", 0) == 0) u.python_files.push_back(path);
    return true;
  }

  // A Go workspace joining the Go program (`main_dir`, relative to the build root) and the
  // modules the packages come from (each its own, or one that requires it: then its go.mod pins
  // the version), so the program builds against each package with that module's go.mod and
  // go.sum.
  // Its `go` line is the toolchain's full version: a workspace must say at least what every
  // member module's go.mod says, and `go mod init` writes the toolchain's own (go 1.26.8).
  // go-source.txt beside it records where each package came from, and at which version.
  bool write_go_work(const std::string& main_dir, const std::string& go_line) {
    std::string work = "// Code generated by gpic. DO NOT EDIT.\n\ngo " + go_line + "\n\nuse (\n\t./" + main_dir + "\n";
    std::string record = "# generated by gpic: where the Go packages of this build came from\n";
    std::set<std::string> used;
    for (const auto& u : units_) {
      if (!u.source.use_dir.empty() && used.insert(u.source.use_dir.string()).second)
        work += "\t" + u.source.use_dir.string() + "\n";
      record += u.m->go_path + "\t" + u.source.module + "\t" + u.source.version + "\t" + u.source.describe() + "\n";
    }
    work += ")\n";
    StagedOutput staged(root_);
    staged.write("go.work", work);
    staged.write("go-source.txt", record);
    return staged.commit(diags_);
  }

  // Builds the Go program in `dir`: a c-archive of one package, or the c-shared library of a
  // joint build.
  bool go_build(const fs::path& dir, bool shared) {
    const ir::Module& first = *units_.front().m;
    archive_ = root_ / (shared ? library_ : "libgpic_" + first.name + ".a");
    ProcessOptions po;
    po.env = {{"GOWORK", (root_ / "go.work").string()}, {"GOTOOLCHAIN", "local"}, {"CGO_ENABLED", "1"},
              {"GOFLAGS", "-buildvcs=false"}};
    // Run from the caller's directory so that Go names the .gpi (through the shim's //line
    // directives) by the same relative path the user typed.
    std::vector<std::string> cmd = {"go", "build", shared ? "-buildmode=c-shared" : "-buildmode=c-archive", "-o",
                                    archive_.string(), dir.string()};
    if (req_.verbose) std::cerr << "gpic: " << shell_line(cmd, po.env) << "\n";
    ProcessResult r = run_process(cmd, po);
    if (r.exit_code != 0) {
      std::string what = "package " + first.name + " (\"" + first.go_path + "\")";
      if (shared) {
        what = "the joint build of";
        for (const auto& u : units_) what += " " + u.m->name;
      }
      diags_.error({}, "go build failed for " + what + ":\n" + r.err + r.start_error);
      return false;
    }
    return true;
  }

  // Runs the target's builder (it compiles the extension for req_.python into the unit's ext).
  // In a joint build the extension links to the shared library, found beside it at run time:
  // in DIR, the folder of a cpython module and the parent of a cffi package.
  bool build_extension(const Unit& u, const fs::path& ext) {
    const std::string& name = u.m->name;
    std::vector<std::string> cmd;
    if (req_.target == "cffi") {
      cmd = {req_.python, (u.build_dir / (name + "_build") / "cffi_build.py").string()};
    } else {
      fs::path src = u.build_dir / (name + "_cpython");
      cmd = {req_.python, (src / "cpython_build.py").string(), "--source", (src / (name + ".cpp")).string()};
    }
    for (const std::string& a : {std::string("--cgo-dir"), (u.build_dir / (name + "_cgo")).string(),
                                 std::string(joint() ? "--shared" : "--archive"), archive_.string(),
                                 std::string("--out"), ext.string()})
      cmd.push_back(a);
    if (joint()) {
      cmd.push_back("--rpath");
      cmd.push_back(req_.target == "cffi" ? "$ORIGIN/.." : "$ORIGIN");
    }
    if (req_.verbose) std::cerr << "gpic: " << shell_line(cmd) << "\n";
    ProcessResult r = run_process(cmd);
    if (r.exit_code != 0) {
      diags_.error({}, "building the " + req_.target + " extension of " + name + " with " + req_.python + " failed:\n" +
                           r.err + r.out + r.start_error);
      return false;
    }
    return true;
  }

  // Builds the unit's extension and stages it with its Python sources and stub in DIR.
  bool build_and_stage(const Unit& u) {
    const std::string& name = u.m->name;
    std::error_code ec;
    fs::path tmp = u.build_dir / "ext";
    fs::remove_all(tmp, ec);
    if (!build_extension(u, tmp)) return false;
    // A package (cffi) gets its extension and stubs inside; a single-file module (cpython)
    // sits in DIR with its stub beside it.
    bool package = req_.target == "cffi";
    std::string ext_dir = package ? name + "/" : "";
    StagedOutput& final_out = *final_out_;
    for (const auto& rel : u.python_files) final_out.write(rel, read_file(u.build_dir / rel));
    for (const auto& entry : fs::directory_iterator(tmp, ec))
      final_out.write(ext_dir + entry.path().filename().string(), read_file(entry.path()));
    final_out.write(package ? name + "/__init__.pyi" : name + ".pyi", read_file(u.build_dir / (name + ".pyi")));
    final_out.write(ext_dir + "py.typed", "");
    fs::remove_all(tmp, ec);
    return true;
  }

  // Every module (and a joint build's library) goes into DIR as one unit.
  bool install(const fs::path& out) {
    if (joint()) final_out_->write(library_, read_file(archive_));
    if (!final_out_->commit(diags_)) return false;
    if (req_.verbose)
      for (const auto& u : units_)
        std::cerr << "gpic: built " << (out / (req_.target == "cffi" ? u.m->name : u.m->name + ".*")).string()
                  << " for " << req_.python << "\n";
    return true;
  }

  const BuildRequest& req_;
  SourceFiles& sources_;
  Diagnostics& diags_;
  std::unique_ptr<StagedOutput> final_out_;
  std::vector<Unit> units_;
  fs::path root_;         // the build's Go workspace: the unit's build dir, or the joint build's
  std::string library_;   // a joint build's shared library ("libgpic_joint_1a2b3c4d.so")
  fs::path archive_;      // what go build made: the c-archive, or the shared library
};

}  // namespace

int run_build(int argc, char** argv) {
  BuildRequest req;
  po::options_description o("gpic build options");
  o.add_options()
      ("target,t", po::value<std::string>(&req.target)->default_value("cffi"), "Python target: cffi or cpython")
      ("out,o", po::value<std::string>(&req.out_dir)->required(), "directory to leave the importable package in")
      ("python", po::value<std::string>(&req.python)->default_value("python3"), "interpreter to build for (python3, pypy3, ...)")
      ("go-module", po::value<std::string>(&req.go_module), "directory of the Go module holding or requiring the package (default: found from the .gpi's directory)")
      ("go-version", po::value<std::string>(&req.go_version), "fetch this version of the package's module (overrides the package clause's @version)")
      ("include,I", po::value<std::vector<std::string>>(&req.include_dirs)->composing(), "directory searched for imported .gpi files")
      ("py-names", po::value<std::string>(&req.py_names)->default_value("keep"), "Python names: keep or snake")
      ("color", po::value<std::string>(&req.color)->default_value("auto"), "colour diagnostics: auto, always, never")
      ("error-limit", po::value<int>(&req.error_limit)->default_value(limits::kDefaultErrorLimit),
       "errors (and warnings) shown before the rest are counted; 0 for no limit")
      ("verbose,v", po::bool_switch(&req.verbose), "say what is being run")
      ("help,h", "show this help");
  auto inputs = parse_subcommand_inputs(argc, argv, o, "build", kBuildUsage, "one or more .gpi files", 1, SIZE_MAX);
  if (const int* status = std::get_if<int>(&inputs)) return *status;
  req.inputs = std::get<std::vector<std::string>>(inputs);
  if (req.inputs.size() > 1 && !req.go_version.empty()) {
    std::cerr << "gpic build: error: --go-version names one package's version; with several .gpi files, write each "
                 "version into its package clause (\"path@v1.2.3\")\n";
    return 2;
  }
  if (!req.go_version.empty()) {
    if (std::string why = split_import_version("p@" + req.go_version).error; !why.empty()) {
      std::cerr << "gpic build: error: --go-version " << req.go_version << ": " << why << "\n";
      return 2;
    }
  }
  if (req.error_limit < 0) {
    std::cerr << "gpic build: error: --error-limit must be 0 (no limit) or more, not " << req.error_limit << "\n";
    return 2;
  }
  if (!is_python_target(req.target)) {
    std::cerr << "gpic build: error: --target must name a Python target (cffi or cpython), not '" << req.target << "'\n";
    return 2;
  }
  SourceFiles sources;
  Diagnostics diags;
  diags.set_limit(req.error_limit);
  Builder builder(req, sources, diags);
  bool ok = builder.run();
  diags.print(std::cerr, sources, use_color(req.color));
  return ok ? 0 : 1;
}

}  // namespace gpic
