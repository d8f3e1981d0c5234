#include "compiler/build.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "compiler/generate.hpp"
#include "compiler/go_diagnostics.hpp"
#include "compiler/go_toolchain.hpp"
#include "compiler/import_version.hpp"
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
    "usage: gpic build FILE.gpi --target cffi|cpython -o DIR [--python INTERP] [--go-module DIR] [--go-version V]\n"
    "                  [-I DIR]...\n";

// The Python targets `gpic build` knows how to compile, and what each leaves in DIR:
//   cffi     DIR/<m>/ (a package: __init__.py, the cffi extension, __init__.pyi, py.typed)
//   cpython  DIR/<m><EXT_SUFFIX> (one extension file), DIR/<m>.pyi, DIR/py.typed
bool is_python_target(const std::string& t) { return t == "cffi" || t == "cpython"; }

struct BuildRequest {
  std::string input;
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

// One build: every step reports into diags and returns false on failure.
class Builder {
 public:
  Builder(const BuildRequest& req, SourceFiles& sources, Diagnostics& diags) : req_(req), sources_(sources), diags_(diags) {}

  bool run() {
    auto go = find_go(diags_);
    if (!go) return false;
    Loader loader(sources_, diags_, {req_.include_dirs.begin(), req_.include_dirs.end()});
    const ir::Module* m = loader.load(req_.input);
    if (!m || diags_.has_errors()) return false;
    auto go_source = locate_go_module(*m, req_.go_module, req_.go_version, diags_);
    if (!go_source) return false;
    if (req_.verbose) std::cerr << "gpic: package \"" << m->go_path << "\" from " << go_source->describe() << "\n";
    if (find_on_path(req_.python).empty()) {
      diags_.error({}, "Python interpreter '" + req_.python + "' not found (gpic build --python INTERP)");
      return false;
    }

    // The output directory stays locked for the whole build: a second build into it (say, for
    // another interpreter) waits instead of sharing .gpic-build and the manifest.
    fs::path out = fs::absolute(req_.out_dir);
    final_out_ = std::make_unique<StagedOutput>(out);
    if (!final_out_->open(diags_)) return false;
    fs::path build_rel = fs::path(".gpic-build") / m->name;
    if (std::string error; !make_real_directories(out, build_rel, error)) {
      diags_.error({}, error);
      return false;
    }
    build_dir_ = out / build_rel;
    if (!generate_sources(*m)) return false;
    if (!write_go_work(*m, *go, *go_source)) return false;
    if (!go_build(*m)) return false;
    return build_extension_and_install(*m, out);
  }

 private:
  // The shim and the Python sources, into the build directory.
  bool generate_sources(const ir::Module& m) {
    GenerateRequest g;
    g.inputs = {req_.input};
    g.include_dirs = req_.include_dirs;
    g.py_names = req_.py_names;
    Options options = target_options(g);
    StagedOutput staged(build_dir_);
    // The stub (pyi) ships with every Python target.
    for (const char* t : {"cgo", req_.target.c_str(), "pyi"}) TargetRegistry::instance().find(t)->generate(m, options, staged, diags_);
    if (diags_.has_errors() || !staged.commit(diags_)) return false;
    python_files_.clear();
    for (const auto& [path, content] : staged.files())
      if (path.rfind(m.name + "/", 0) == 0) python_files_.push_back(path);
    return true;
  }

  // A Go workspace joining the generated shim module and the module the package comes from
  // (its own, or one that requires it: then its go.mod pins the version), so the shim builds
  // against the package with that module's go.mod and go.sum.
  // Its `go` line is the toolchain's full version: a workspace must say at least what every
  // member module's go.mod says, and `go mod init` writes the toolchain's own (go 1.26.8).
  // go-source.txt beside it records where the package came from, and at which version.
  bool write_go_work(const ir::Module& m, const GoVersion& go, const GoSource& source) {
    std::string work = "// Code generated by gpic. DO NOT EDIT.\n\ngo " + go.go_line() + "\n\nuse (\n\t./" +
                       m.name + "_cgo\n";
    if (!source.use_dir.empty()) work += "\t" + source.use_dir.string() + "\n";
    work += ")\n";
    StagedOutput staged(build_dir_);
    staged.write("go.work", work);
    staged.write("go-source.txt", "# generated by gpic: where the Go package of this build came from\n" + m.go_path +
                                      "\t" + source.module + "\t" + source.version + "\t" + source.describe() + "\n");
    return staged.commit(diags_);
  }

  bool go_build(const ir::Module& m) {
    archive_ = build_dir_ / ("libgpic_" + m.name + ".a");
    ProcessOptions po;
    po.env = {{"GOWORK", (build_dir_ / "go.work").string()}, {"GOTOOLCHAIN", "local"}, {"CGO_ENABLED", "1"},
              {"GOFLAGS", "-buildvcs=false"}};
    // Run from the caller's directory so that Go names the .gpi (through the shim's //line
    // directives) by the same relative path the user typed.
    // -gcflags=-e: every error of the shim (so of the .gpi), not the compiler's first ten.
    std::vector<std::string> cmd = {"go", "build", "-buildmode=c-archive", "-gcflags=-e", "-o", archive_.string(),
                                    (build_dir_ / (m.name + "_cgo")).string()};
    if (req_.verbose) std::cerr << "gpic: " << shell_line(cmd, po.env) << "\n";
    ProcessResult r = run_process(cmd, po);
    if (r.exit_code != 0) {
      // Errors at a .gpi position are reported there; what remains as go build printed it.
      std::string rest = report_go_errors(r.err, m, diags_);
      if (!rest.empty() || !r.start_error.empty() || !diags_.has_errors())
        diags_.error({}, "go build failed for package " + m.name + " (\"" + m.go_path + "\"):\n" + rest + r.start_error);
      return false;
    }
    return true;
  }

  // Runs the target's builder (it compiles the extension for req_.python into build_dir_/ext).
  bool build_extension(const ir::Module& m, const fs::path& ext) {
    std::vector<std::string> cmd;
    if (req_.target == "cffi") {
      cmd = {req_.python, (build_dir_ / (m.name + "_build") / "cffi_build.py").string()};
    } else {
      fs::path src = build_dir_ / (m.name + "_cpython");
      cmd = {req_.python, (src / "cpython_build.py").string(), "--source", (src / (m.name + ".cpp")).string()};
    }
    for (const std::string& a : {std::string("--cgo-dir"), (build_dir_ / (m.name + "_cgo")).string(), std::string("--archive"),
                                 archive_.string(), std::string("--out"), ext.string()})
      cmd.push_back(a);
    if (req_.verbose) std::cerr << "gpic: " << shell_line(cmd) << "\n";
    ProcessResult r = run_process(cmd);
    if (r.exit_code != 0) {
      diags_.error({}, "building the " + req_.target + " extension with " + req_.python + " failed:\n" + r.err + r.out +
                           r.start_error);
      return false;
    }
    return true;
  }

  bool build_extension_and_install(const ir::Module& m, const fs::path& out) {
    std::error_code ec;
    fs::path tmp = build_dir_ / "ext";
    fs::remove_all(tmp, ec);
    if (!build_extension(m, tmp)) return false;
    // A package (cffi) gets its extension and stubs inside; a single-file module (cpython)
    // sits in DIR with its stub beside it.
    bool package = req_.target == "cffi";
    std::string ext_dir = package ? m.name + "/" : "";
    StagedOutput& final_out = *final_out_;
    for (const auto& rel : python_files_) final_out.write(rel, read_file(build_dir_ / rel));
    for (const auto& entry : fs::directory_iterator(tmp, ec))
      final_out.write(ext_dir + entry.path().filename().string(), read_file(entry.path()));
    final_out.write(package ? m.name + "/__init__.pyi" : m.name + ".pyi", read_file(build_dir_ / (m.name + ".pyi")));
    final_out.write(ext_dir + "py.typed", "");
    bool ok = final_out.commit(diags_);
    fs::remove_all(tmp, ec);
    if (ok && req_.verbose)
      std::cerr << "gpic: built " << (out / (package ? m.name : m.name + ".*")).string() << " for " << req_.python << "\n";
    return ok;
  }

  const BuildRequest& req_;
  SourceFiles& sources_;
  Diagnostics& diags_;
  std::unique_ptr<StagedOutput> final_out_;
  fs::path build_dir_;
  fs::path archive_;
  std::vector<std::string> python_files_;
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
  auto input = parse_subcommand(argc, argv, o, "build", kBuildUsage, "one .gpi file");
  if (const int* status = std::get_if<int>(&input)) return *status;
  req.input = std::get<std::string>(input);
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
