#include "compiler/build.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include <stdlib.h>

#include "compiler/embedded.hpp"
#include "compiler/generate.hpp"
#include "compiler/go_build_errors.hpp"
#include "compiler/go_toolchain.hpp"
#include "compiler/import_version.hpp"
#include "compiler/limits.hpp"
#include "compiler/loader.hpp"
#include "compiler/output.hpp"
#include "compiler/output_paths.hpp"
#include "compiler/process.hpp"
#include "compiler/python_stdlib.hpp"
#include "compiler/subcommand_args.hpp"
#include "compiler/wheel_version.hpp"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace gpic {
namespace {

constexpr const char* kBuildUsage =
    "usage: gpic build FILE.gpi [--target cffi|cpython|auto] -o DIR [--python INTERP]... [--wheel] [--go-module DIR]\n"
    "                  [--go-version V] [-I DIR]...\n";

// The Python targets `gpic build` knows how to compile, and what each leaves in DIR:
//   cffi     DIR/<m>/ (a package: __init__.py, the cffi extension, __init__.pyi, py.typed)
//   cpython  DIR/<m><EXT_SUFFIX> (one extension file), DIR/<m>.pyi, DIR/py.typed
//   auto     DIR/<m>/ (a package holding the cpython extension for each CPython built for and
//            the cffi module for PyPy; its __init__.py loads the one the interpreter can use)
bool is_python_target(const std::string& t) { return t == "cffi" || t == "cpython" || t == "auto"; }

struct BuildRequest {
  std::string input;
  std::string target;                  // cffi, cpython or auto
  std::string out_dir;
  std::string python = "python3";     // the interpreter this Builder builds for
  std::vector<std::string> pythons;    // every --python, built one after the other
  bool wheel = false;                  // --wheel: a wheel per interpreter in out_dir
  std::string wheel_name;
  std::string wheel_version;
  bool keep_build_dir = false;
  bool first_build = true;             // warnings about the .gpi itself are given once
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

  ~Builder() {
    std::error_code ec;
    if (!build_dir_.empty() && !req_.keep_build_dir) fs::remove_all(build_dir_.parent_path(), ec);
  }

  bool run() {
    auto go = find_go(diags_);
    if (!go) return false;
    Loader loader(sources_, diags_, {req_.include_dirs.begin(), req_.include_dirs.end()});
    const ir::Module* m = loader.load(req_.input);
    if (!m || diags_.has_errors()) return false;
    if (req_.first_build && is_python_stdlib_module(m->name))
      diags_.warning(m->loc, "shadows-python-module",
                     "the module name '" + m->name + "' shadows Python's own '" + m->name + "' module: `import " +
                         m->name + "` finds one or the other, depending on sys.path; name it go" + m->name +
                         " in the package clause");
    auto go_source = locate_go_module(*m, req_.go_module, req_.go_version, diags_);
    if (!go_source) return false;
    if (req_.verbose) std::cerr << "gpic: package \"" << m->go_path << "\" from " << go_source->describe() << "\n";
    if (find_on_path(req_.python).empty()) {
      diags_.error({}, "Python interpreter '" + req_.python + "' not found (gpic build --python INTERP)");
      return false;
    }
    if (!choose_target()) return false;
    std::string wheel_version;
    if (req_.wheel && !(wheel_version = choose_wheel_version(*m, *go, *go_source)).size()) return false;

    // The output directory stays locked for the whole build: a second build into it (say, for
    // another interpreter) waits instead of racing on the manifest.
    fs::path out = fs::absolute(req_.out_dir);
    final_out_ = std::make_unique<StagedOutput>(out);
    if (!final_out_->open(diags_)) return false;
    if (!make_build_dir(*m)) return false;
    if (!generate_sources(*m)) return false;
    if (!write_go_work(*m, *go, *go_source)) return false;
    if (!go_build(*m)) return false;
    std::map<std::string, std::string> files;
    if (!package_files(*m, files)) return false;
    if (req_.target == "auto") files = auto_layout(*m, std::move(files));
    files[record_path(*m)] = go_source_record(*m, *go_source);
    if (req_.wheel) return write_wheel(*m, wheel_version, files);
    for (auto& [rel, content] : files) final_out_->write(rel, std::move(content));
    if (!final_out_->commit(diags_)) return false;
    if (req_.verbose)
      std::cerr << "gpic: built " << (out / (package() ? m->name : m->name + ".*")).string() << " for " << req_.python
                << "\n";
    return true;
  }

 private:
  // A package (cffi, auto) holds its extension and stubs; a single-file module (cpython) sits
  // in the output directory with its stub beside it.
  bool package() const { return target_ != "cpython" || req_.target == "auto"; }

  // The target built for req_.python: the one asked for, or under auto the cpython extension
  // for CPython and cffi for any other interpreter (PyPy).
  bool choose_target() {
    target_ = req_.target;
    if (target_ != "auto") return true;
    ProcessResult r = run_process({req_.python, "-c", "import sys; print(sys.implementation.name)"});
    if (r.exit_code != 0) {
      diags_.error({}, "cannot run " + req_.python + ":\n" + r.err + r.start_error);
      return false;
    }
    target_ = r.out == "cpython\n" ? "cpython" : "cffi";
    if (req_.verbose) std::cerr << "gpic: " << req_.python << " gets the " << target_ << " binding\n";
    return true;
  }

  // Under auto, the package holds both bindings side by side: the cffi binding's __init__.py
  // becomes _gpic_cffi_init.py, the cpython extension _gpic_cpython<EXT_SUFFIX>, and
  // __init__.py chooses (runtime/python/gpic_package_init.py). The stub is the same for both.
  std::map<std::string, std::string> auto_layout(const ir::Module& m, std::map<std::string, std::string> files) const {
    std::map<std::string, std::string> out;
    std::string pkg = m.name + "/";
    for (auto& [rel, content] : files) {
      std::string dest = rel;
      if (rel == pkg + "__init__.py")
        dest = pkg + "_gpic_cffi_init.py";
      else if (rel == m.name + ".pyi")
        dest = pkg + "__init__.pyi";
      else if (rel == "py.typed")
        dest = pkg + "py.typed";
      else if (target_ == "cpython" && rel.rfind(m.name + ".", 0) == 0)
        dest = pkg + "_gpic_cpython" + rel.substr(m.name.size());
      out[dest] = std::move(content);
    }
    std::string init(embedded_file("runtime/python/gpic_package_init.py"));
    for (size_t at; (at = init.find("GPIC_MODULE")) != std::string::npos;) init.replace(at, 11, m.name);
    out[pkg + "__init__.py"] = init;
    return out;
  }

  // Where the Go package came from, at which version, kept beside the module it built.
  std::string record_path(const ir::Module& m) const {
    return package() ? m.name + "/go-source.txt" : m.name + ".go-source.txt";
  }
  static std::string go_source_record(const ir::Module& m, const GoSource& source) {
    return "# generated by gpic: where the Go package of this build came from\n" + m.go_path + "\t" + source.module +
           "\t" + source.version + "\t" + source.describe() + "\n";
  }

  // The build's working files go into a directory of their own under gpic's cache, removed
  // when the build ends (--keep-build-dir keeps it): the output holds only what was asked for.
  // Directories a killed build left behind are removed by a later build after a day.
  bool make_build_dir(const ir::Module& m) {
    fs::path root = gpic_cache_dir() / "build";
    std::error_code ec;
    fs::create_directories(root, ec);
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      std::error_code age_ec;
      auto age = fs::file_time_type::clock::now() - fs::last_write_time(entry.path(), age_ec);
      if (!age_ec && age > std::chrono::hours(24)) fs::remove_all(entry.path(), age_ec);
    }
    std::string pattern = (root / (m.name + "-XXXXXX")).string();
    if (ec || !mkdtemp(pattern.data())) {
      diags_.error({}, "cannot create a build directory under " + root.string() + " (set GPIC_CACHE_DIR to another place)");
      return false;
    }
    build_dir_ = fs::path(pattern) / m.name;
    fs::create_directories(build_dir_, ec);
    if (req_.verbose || req_.keep_build_dir) std::cerr << "gpic: build directory " << build_dir_.string() << "\n";
    return !ec;
  }

  // The wheel's version: --wheel-version, else the Go module's version in PEP 440 spelling (the
  // Go toolchain's for the standard library).
  std::string choose_wheel_version(const ir::Module& m, const GoVersion& go, const GoSource& source) {
    if (!req_.wheel_version.empty()) return req_.wheel_version;
    std::string go_version = source.kind == GoSource::Kind::Std ? "v" + go.go_line() : source.version;
    if (auto v = pep440_from_go(go_version)) return *v;
    diags_.error(m.go_path_loc, source.version.empty()
                                    ? "the wheel needs a version and the Go package comes from " + source.describe() +
                                          ", which has none: give --wheel-version"
                                    : "the wheel needs a version and " + source.version +
                                          " has no PEP 440 spelling: give --wheel-version");
    return "";
  }

  // A PEP 427 wheel of the package, tagged by the interpreter it was built for, written by that
  // interpreter (runtime/python/gpic_wheel.py) and put into the output as one more file.
  bool write_wheel(const ir::Module& m, const std::string& version, std::map<std::string, std::string>& files) {
    fs::path root = build_dir_ / "wheel-root";
    fs::path dist = build_dir_ / "wheel-dist";
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::remove_all(dist, ec);
    // A py.typed beside a single-file module would land in site-packages itself, where it means
    // nothing: the stub next to the module is what type checkers read.
    if (!package()) files.erase("py.typed");
    for (const auto& [rel, content] : files) {
      fs::create_directories((root / rel).parent_path(), ec);
      std::ofstream f(root / rel, std::ios::binary);
      f << content;
      if (!f) {
        diags_.error({}, "cannot write " + (root / rel).string());
        return false;
      }
    }
    fs::path script = build_dir_ / "gpic_wheel.py";
    {
      std::ofstream f(script, std::ios::binary);
      f << embedded_file("runtime/python/gpic_wheel.py");
    }
    std::string summary = m.doc.en.substr(0, m.doc.en.find('\n'));
    std::vector<std::string> cmd = {req_.python, script.string(), "--root", root.string(), "--name",
                                    req_.wheel_name.empty() ? m.name : req_.wheel_name, "--version", version,
                                    "--summary", summary, "--out", dist.string()};
    if (target_ == "cffi") cmd.push_back("--cffi");
    if (req_.verbose) std::cerr << "gpic: " << shell_line(cmd) << "\n";
    ProcessResult r = run_process(cmd);
    std::string name = r.out.substr(0, r.out.find('\n'));
    if (r.exit_code != 0 || name.empty() || name.find('/') != std::string::npos) {
      diags_.error({}, "writing the wheel with " + req_.python + " failed:\n" + r.err + r.out + r.start_error);
      return false;
    }
    final_out_->write(name, read_file(dist / name));
    if (!final_out_->commit(diags_)) return false;
    std::cerr << "gpic: wrote " << (fs::absolute(req_.out_dir) / name).string() << "\n";
    return true;
  }

  // The shim and the Python sources, into the build directory.
  bool generate_sources(const ir::Module& m) {
    GenerateRequest g;
    g.inputs = {req_.input};
    g.include_dirs = req_.include_dirs;
    g.py_names = req_.py_names;
    Options options = target_options(g);
    StagedOutput staged(build_dir_);
    // The stub (pyi) ships with every Python target.
    for (const char* t : {"cgo", target_.c_str(), "pyi"}) TargetRegistry::instance().find(t)->generate(m, options, staged, diags_);
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
  bool write_go_work(const ir::Module& m, const GoVersion& go, const GoSource& source) {
    std::string work = "// Code generated by gpic. DO NOT EDIT.\n\ngo " + go.go_line() + "\n\nuse (\n\t./" +
                       m.name + "_cgo\n";
    if (!source.use_dir.empty()) work += "\t" + source.use_dir.string() + "\n";
    work += ")\n";
    StagedOutput staged(build_dir_);
    staged.write("go.work", work);
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
      std::error_code ec;
      report_go_build_errors(r.err + r.start_error, fs::current_path(ec).string(), sources_,
                             "go build failed for package " + m.name + " (\"" + m.go_path + "\")", diags_);
      return false;
    }
    return true;
  }

  // Runs the target's builder (it compiles the extension for req_.python into build_dir_/ext).
  bool build_extension(const ir::Module& m, const fs::path& ext) {
    std::vector<std::string> cmd;
    if (target_ == "cffi") {
      cmd = {req_.python, (build_dir_ / (m.name + "_build") / "cffi_build.py").string()};
    } else {
      fs::path src = build_dir_ / (m.name + "_cpython");
      cmd = {req_.python, (src / "cpython_build.py").string(), "--source", (src / (m.name + ".cpp")).string()};
    }
    for (const std::string& a : {std::string("--cgo-dir"), (build_dir_ / (m.name + "_cgo")).string(), std::string("--archive"),
                                 archive_.string(), std::string("--out"), ext.string()})
      cmd.push_back(a);
    // Verbose, the builder prints the compiler and linker commands it runs (cc, c++), so that
    // -v shows every command of the build, as the docs promise.
    if (req_.verbose) cmd.push_back("--verbose");
    if (req_.verbose) std::cerr << "gpic: " << shell_line(cmd) << "\n";
    ProcessResult r = run_process(cmd);
    if (req_.verbose && r.exit_code == 0) {
      // Its last line on stdout is its answer (the extension's path); the rest is the log.
      std::string log = r.out.substr(0, r.out.rfind('\n', r.out.size() >= 2 ? r.out.size() - 2 : 0) + 1);
      if (r.out.find('\n') == r.out.size() - 1) log.clear();
      std::cerr << log << r.err;
    }
    if (r.exit_code != 0) {
      diags_.error({}, "building the " + target_ + " extension with " + req_.python + " failed:\n" + r.err + r.out +
                           r.start_error);
      return false;
    }
    return true;
  }

  // Every file of the built package, by its path in the output: the Python sources, the
  // extension built for req_.python, the stub and py.typed.
  bool package_files(const ir::Module& m, std::map<std::string, std::string>& files) {
    std::error_code ec;
    fs::path tmp = build_dir_ / "ext";
    fs::remove_all(tmp, ec);
    if (!build_extension(m, tmp)) return false;
    bool cffi = target_ == "cffi";
    std::string ext_dir = cffi ? m.name + "/" : "";
    for (const auto& rel : python_files_) files[rel] = read_file(build_dir_ / rel);
    for (const auto& entry : fs::directory_iterator(tmp, ec))
      files[ext_dir + entry.path().filename().string()] = read_file(entry.path());
    files[cffi ? m.name + "/__init__.pyi" : m.name + ".pyi"] = read_file(build_dir_ / (m.name + ".pyi"));
    files[ext_dir + "py.typed"] = "";
    return true;
  }

  const BuildRequest& req_;
  SourceFiles& sources_;
  Diagnostics& diags_;
  std::unique_ptr<StagedOutput> final_out_;
  std::string target_;  // the target built for req_.python (choose_target)
  fs::path build_dir_;
  fs::path archive_;
  std::vector<std::string> python_files_;
};

}  // namespace

int run_build(int argc, char** argv) {
  BuildRequest req;
  po::options_description o("gpic build options");
  o.add_options()
      ("target,t", po::value<std::string>(&req.target)->default_value("auto"),
       "Python target: cffi, cpython, or auto (one package: the cpython extension for CPython, cffi for PyPy)")
      ("out,o", po::value<std::string>(&req.out_dir)->required(), "directory to leave the importable package in")
      ("python", po::value<std::vector<std::string>>(&req.pythons)->composing(),
       "interpreter to build for (python3, pypy3, ...); repeat it to build for each (default python3)")
      ("wheel", po::bool_switch(&req.wheel), "write a wheel per interpreter into the output directory")
      ("wheel-name", po::value<std::string>(&req.wheel_name), "the wheel's distribution name (default: the module's)")
      ("wheel-version", po::value<std::string>(&req.wheel_version),
       "the wheel's version (default: the Go module's, in PEP 440 spelling)")
      ("keep-build-dir", po::bool_switch(&req.keep_build_dir), "keep the build's working files and say where")
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
    std::cerr << "gpic build: error: --target must name a Python target (cffi, cpython or auto), not '" << req.target
              << "'\n";
    return 2;
  }
  if (!req.wheel && (!req.wheel_name.empty() || !req.wheel_version.empty())) {
    std::cerr << "gpic build: error: --wheel-name and --wheel-version describe a wheel: add --wheel\n";
    return 2;
  }
  if (!req.wheel_version.empty() && !is_pep440(req.wheel_version)) {
    std::cerr << "gpic build: error: --wheel-version " << req.wheel_version
              << " is not a PEP 440 version (like 1.6.0, 2.0rc1, 1.0.post1, 0.1.dev3)\n";
    return 2;
  }
  if (!req.wheel_name.empty() && !is_distribution_name(req.wheel_name)) {
    std::cerr << "gpic build: error: --wheel-name " << req.wheel_name
              << " is not a distribution name (letters, digits, '.', '_' and '-', starting and ending with a letter "
                 "or digit)\n";
    return 2;
  }
  if (req.pythons.empty()) req.pythons = {"python3"};
  // One build per interpreter, each complete before the next starts: the output holds every
  // interpreter's extension (or wheel), and a failure stops at the interpreter that failed.
  for (const std::string& python : req.pythons) {
    req.python = python;
    SourceFiles sources;
    Diagnostics diags;
    diags.set_limit(req.error_limit);
    bool ok = Builder(req, sources, diags).run();
    req.first_build = false;
    diags.print(std::cerr, sources, use_color(req.color));
    if (!ok) return 1;
  }
  return 0;
}

}  // namespace gpic
