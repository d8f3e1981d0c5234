#include "compiler/build.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <stdlib.h>

#include "compiler/embedded.hpp"
#include "compiler/generate.hpp"
#include "compiler/go_build_errors.hpp"
#include "compiler/go_toolchain.hpp"
#include "compiler/import_version.hpp"
#include "compiler/foreign_types.hpp"
#include "compiler/joint_program.hpp"
#include "compiler/limits.hpp"
#include "compiler/loader.hpp"
#include "compiler/output.hpp"
#include "compiler/parallel.hpp"
#include "compiler/process.hpp"
#include "compiler/python_stdlib.hpp"
#include "compiler/std_gpi.hpp"
#include "compiler/subcommand_args.hpp"
#include "compiler/wheel_version.hpp"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace gpic {
namespace {

constexpr const char* kBuildUsage =
    "usage: gpic build FILE.gpi... [--target auto|cffi|cpython|go] -o DIR [--python INTERP]... [--wheel]\n"
    "                  [--go-module DIR] [--go-version V] [-I DIR]...\n"
    "Several .gpi files build one Python module each over one Go runtime (a process runs only one).\n";

// The Python targets `gpic build` knows how to compile, and what each leaves in DIR:
//   cffi     DIR/<m>/ (a package: __init__.py, the cffi extension, __init__.pyi, py.typed)
//   cpython  DIR/<m><EXT_SUFFIX> (one extension file), DIR/<m>.pyi, DIR/py.typed
//   auto     DIR/<m>/ (a package holding the cpython extension for each CPython built for and
//            the cffi module for PyPy; its __init__.py loads the one the interpreter can use)
bool is_python_target(const std::string& t) { return t == "cffi" || t == "cpython" || t == "auto"; }

struct BuildRequest {
  std::vector<std::string> inputs;     // one .gpi, or several for a joint build (one Go runtime)
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

// One bound package of a build, and where its pieces are made.
struct Unit {
  const ir::Module* m = nullptr;
  GoSource source;
  fs::path build_dir;                     // its generated sources
  std::vector<std::string> python_files;  // the Python sources among them, relative to build_dir
};

// One build for one interpreter: every step reports into diags and returns false on failure.
//
// One .gpi gives a Go c-archive linked into its extension. Several (a joint build) give one
// Go program of them all, built as one c-shared library that every module's extension links
// to: Go supports one runtime per process, and the packages share its handle table.
class Builder {
 public:
  Builder(const BuildRequest& req, SourceFiles& sources, Diagnostics& diags) : req_(req), sources_(sources), diags_(diags) {}

  ~Builder() {
    std::error_code ec;
    if (!work_dir_.empty() && !req_.keep_build_dir) fs::remove_all(work_dir_, ec);
  }

  bool run() {
    auto go = find_go(diags_);
    if (!go) return false;
    Loader loader(sources_, diags_, {req_.include_dirs.begin(), req_.include_dirs.end()});
    std::map<std::string, std::string> files_of;
    for (const auto& input : req_.inputs) {
      const ir::Module* m = loader.load(input);
      if (!m || diags_.has_errors()) return false;
      if (!target_reads(*TargetRegistry::instance().find("cgo"), *m, diags_)) return false;
      if (auto [it, fresh] = files_of.emplace(m->name, input); !fresh) {
        diags_.error(m->loc, "package " + m->name + " is built twice (" + it->second + " and " + input +
                                 "): every module of a joint build needs its own name");
        return false;
      }
      if (req_.first_build && is_python_stdlib_module(m->name))
        diags_.warning(m->loc, "shadows-python-module",
                       "the module name '" + m->name + "' shadows Python's own '" + m->name + "' module: `import " +
                           m->name + "` finds one or the other, depending on sys.path; name it go" + m->name +
                           " in the package clause");
      units_.push_back(Unit{m, {}, {}, {}});
    }
    // The standard-library files gpic ships that the inputs import are built with them, over
    // the same Go runtime (std_gpi.hpp).
    std::vector<const ir::Module*> built;
    for (const auto& u : units_) built.push_back(u.m);
    for (const ir::Module* m : shipped_imports(built)) {
      if (!target_reads(*TargetRegistry::instance().find("cgo"), *m, diags_)) return false;
      if (auto [it, fresh] = files_of.emplace(m->name, m->file); !fresh) {
        diags_.error(m->loc, "package " + m->name + " is built twice (" + it->second + " and " + m->file +
                                 "): every module of a joint build needs its own name");
        return false;
      }
      units_.push_back(Unit{m, {}, {}, {}});
      built.push_back(m);
    }
    // Another package's type in a signature: that package must be a module of this build.
    bool shared = true;
    for (const auto& u : units_) shared = check_foreign_uses_built(*u.m, built, diags_) && shared;
    if (!shared) return false;
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
    if (!ask_python() || !choose_target()) return false;
    std::string wheel_version;
    if (req_.wheel && !(wheel_version = choose_wheel_version(*units_.front().m, *go, units_.front().source)).size())
      return false;

    // The output directory stays locked for the whole build: a second build into it (say, for
    // another interpreter) waits instead of racing on the manifest.
    fs::path out = fs::absolute(req_.out_dir);
    final_out_ = std::make_unique<StagedOutput>(out);
    if (!final_out_->open(diags_)) return false;
    if (!make_work_dir()) return false;
    if (joint()) {
      std::vector<std::string> names;
      for (const auto& u : units_) names.push_back(u.m->name);
      library_ = joint_library_name(names);
      root_ = work_dir_ / "joint";
    }
    for (auto& u : units_) {
      u.build_dir = work_dir_ / u.m->name;
      if (!generate_sources(u)) return false;
    }
    std::future<std::vector<ProcessResult>> early = compile_extensions_early();
    if (!joint()) {
      Unit& u = units_.front();
      root_ = u.build_dir;
      if (!write_go_work(u.m->name + "_cgo", go->go_line()) || !go_build(u.build_dir / (u.m->name + "_cgo"), false))
        return false;
    } else {
      std::vector<JointPackage> packages;
      for (const auto& u : units_) packages.push_back({u.m->name, u.build_dir / (u.m->name + "_cgo")});
      if (!write_joint_program(packages, root_ / "go", diags_)) return false;
      if (!write_go_work("go", go->go_line()) || !go_build(root_ / "go", true)) return false;
    }
    for (const ProcessResult& r : early.get())
      if (req_.verbose) std::cerr << r.err;
    if (!build_extensions()) return false;
    std::map<std::string, std::string> files;
    for (const auto& u : units_) {
      std::map<std::string, std::string> unit_files;
      if (!package_files(u, unit_files)) return false;
      if (req_.target == "auto") unit_files = auto_layout(*u.m, std::move(unit_files));
      unit_files[record_path(*u.m)] = go_source_record(*u.m, u.source);
      files.merge(unit_files);
    }
    if (joint()) files[library_] = read_file(archive_);
    if (req_.wheel) return write_wheel(*units_.front().m, wheel_version, files);
    for (auto& [rel, content] : files) final_out_->write(rel, std::move(content));
    if (!final_out_->commit(diags_)) return false;
    if (req_.verbose)
      for (const auto& u : units_)
        std::cerr << "gpic: built " << (out / (package() ? u.m->name : u.m->name + ".*")).string() << " for "
                  << req_.python << "\n";
    return true;
  }

 private:
  // A package (cffi, auto) holds its extension and stubs; a single-file module (cpython) sits
  // in the output directory with its stub beside it.
  bool package() const { return target_ != "cpython" || req_.target == "auto"; }

  // Asks req_.python, once, which implementation it is and where its executable lives. The
  // build then runs that executable: `python3` is often a launcher (a pyenv shim is a shell
  // script that starts dozens of processes each time), and a joint build runs the interpreter
  // once per module.
  bool ask_python() {
    ProcessResult r =
        run_process({req_.python, "-c", "import sys; print(sys.implementation.name); print(sys.executable)"});
    if (r.exit_code != 0) {
      diags_.error({}, "cannot run " + req_.python + ":\n" + r.err + r.start_error);
      return false;
    }
    std::istringstream lines(r.out);
    std::string executable;
    std::getline(lines, implementation_);
    std::getline(lines, executable);
    std::error_code ec;
    python_ = !executable.empty() && fs::is_regular_file(executable, ec) ? executable : req_.python;
    return true;
  }

  // The target built for req_.python: the one asked for, or under auto the cpython extension
  // for CPython and cffi for any other interpreter (PyPy).
  bool choose_target() {
    target_ = req_.target;
    if (target_ != "auto") return true;
    target_ = implementation_ == "cpython" ? "cpython" : "cffi";
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
  bool make_work_dir() {
    fs::path root = gpic_cache_dir() / "build";
    std::error_code ec;
    fs::create_directories(root, ec);
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      std::error_code age_ec;
      auto age = fs::file_time_type::clock::now() - fs::last_write_time(entry.path(), age_ec);
      if (!age_ec && age > std::chrono::hours(24)) fs::remove_all(entry.path(), age_ec);
    }
    std::string pattern = (root / (units_.front().m->name + "-XXXXXX")).string();
    if (ec || !mkdtemp(pattern.data())) {
      diags_.error({}, "cannot create a build directory under " + root.string() + " (set GPIC_CACHE_DIR to another place)");
      return false;
    }
    work_dir_ = pattern;
    if (req_.verbose || req_.keep_build_dir)
      for (const auto& u : units_) std::cerr << "gpic: build directory " << (work_dir_ / u.m->name).string() << "\n";
    return true;
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
    fs::path root = work_dir_ / "wheel-root";
    fs::path dist = work_dir_ / "wheel-dist";
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
    fs::path script = work_dir_ / "gpic_wheel.py";
    {
      std::ofstream f(script, std::ios::binary);
      f << embedded_file("runtime/python/gpic_wheel.py");
    }
    std::string summary = m.doc.en.substr(0, m.doc.en.find('\n'));
    std::vector<std::string> cmd = {python_, script.string(), "--root", root.string(), "--name",
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

  bool joint() const { return units_.size() > 1; }

  // The shim and the Python sources, into the unit's build directory.
  bool generate_sources(Unit& u) {
    std::error_code ec;
    fs::create_directories(u.build_dir, ec);
    GenerateRequest g;
    g.inputs = {u.m->file};
    g.include_dirs = req_.include_dirs;
    g.py_names = req_.py_names;
    Options options = target_options(g);
    // A cffi package of a joint build loads the shared library, one folder up.
    if (joint()) options.params["cffi.go-runtime"] = "../" + library_;
    StagedOutput staged(u.build_dir);
    // The stub (pyi) ships with every Python target.
    for (const char* t : {"cgo", target_.c_str(), "pyi"})
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
  bool write_go_work(const std::string& main_dir, const std::string& go_line) {
    std::string work = "// Code generated by gpic. DO NOT EDIT.\n\ngo " + go_line + "\n\nuse (\n\t./" + main_dir + "\n";
    std::set<std::string> used;
    for (const auto& u : units_)
      if (!u.source.use_dir.empty() && used.insert(u.source.use_dir.string()).second)
        work += "\t" + u.source.use_dir.string() + "\n";
    work += ")\n";
    StagedOutput staged(root_);
    staged.write("go.work", work);
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
    // -gcflags=-e: every error of the shim (so of the .gpi), not the compiler's first ten.
    // -trimpath: the build directory (a fresh one per build) stays out of what Go compiles, so
    // Go's build cache serves the shim to the next build of the same .gpi, for another target
    // or interpreter, instead of compiling it again; and no build path lands in the library.
    std::vector<std::string> cmd = {"go", "build", shared ? "-buildmode=c-shared" : "-buildmode=c-archive",
                                    "-trimpath", "-gcflags=-e", "-o", archive_.string(), dir.string()};
    if (req_.verbose) std::cerr << "gpic: " << shell_line(cmd, po.env) << "\n";
    ProcessResult r = run_process(cmd, po);
    if (r.exit_code != 0) {
      std::string what = "package " + first.name + " (\"" + first.go_path + "\")";
      if (shared) {
        what = "the joint build of";
        for (const auto& u : units_) what += " " + u.m->name;
      }
      std::error_code ec;
      report_go_build_errors(r.err + r.start_error, fs::current_path(ec).string(), sources_,
                             "go build failed for " + what, diags_);
      return false;
    }
    return true;
  }

  // The cpython target's builder for unit `u`, up to the arguments that differ between runs.
  // The compiled runtime, kept in gpic's cache, is shared by every build that can use it.
  std::vector<std::string> cpython_builder(const Unit& u) const {
    fs::path src = u.build_dir / (u.m->name + "_cpython");
    return {python_, (src / "cpython_build.py").string(), "--source", (src / (u.m->name + ".cpp")).string(),
            "--cache-dir", gpic_cache_dir().string()};
  }

  // The cpython extensions' C++ needs only the generated headers, not the Go archive: it is
  // compiled (--compile-only) while `go build` runs, so that a warm build takes about the
  // longer of the two rather than their sum, and the linking run (build_extension) uses the
  // object. A failure here is left to that run, which compiles again and reports it.
  // The units of a joint build compile side by side, at most build_jobs() at once (beside
  // `go build`, which often finds its work in Go's build cache).
  std::future<std::vector<ProcessResult>> compile_extensions_early() {
    std::vector<std::vector<std::string>> cmds;
    if (target_ == "cpython")
      for (const auto& u : units_) {
        std::vector<std::string> cmd = cpython_builder(u);
        for (const std::string& a : {std::string("--cgo-dir"), (u.build_dir / (u.m->name + "_cgo")).string(),
                                     std::string("--out"), (u.build_dir / "ext").string(), std::string("--compile-only")})
          cmd.push_back(a);
        if (req_.verbose) cmd.push_back("--verbose");
        if (req_.verbose) std::cerr << "gpic: " << shell_line(cmd) << "\n";
        cmds.push_back(std::move(cmd));
      }
    return std::async(std::launch::async, [cmds] {
      std::vector<ProcessResult> results(cmds.size());
      for_each_parallel(cmds.size(), build_jobs(), [&](size_t i) { results[i] = run_process(cmds[i]); });
      return results;
    });
  }

  // What building one unit's extension gave: the commands and log -v prints, and the error
  // (empty on success). Kept per unit so that parallel builds report in the units' order.
  struct ExtensionBuild {
    std::string log;
    std::string error;
  };

  // Builds every unit's extension into its `ext` directory, at most build_jobs() at once: the
  // extensions of a joint build are independent of each other once the Go library exists.
  bool build_extensions() {
    std::vector<ExtensionBuild> builds(units_.size());
    for_each_parallel(units_.size(), build_jobs(), [&](size_t i) {
      std::error_code ec;
      fs::remove_all(units_[i].build_dir / "ext", ec);
      builds[i] = build_extension(units_[i], units_[i].build_dir / "ext");
    });
    for (size_t i = 0; i < units_.size(); ++i) {
      if (req_.verbose) std::cerr << builds[i].log;
      if (!builds[i].error.empty()) {
        diags_.error({}, builds[i].error);
        return false;
      }
    }
    return true;
  }

  // Runs the target's builder (it compiles the extension for req_.python into `ext`). In a
  // joint build the extension links to the shared library, found at run time in DIR: beside a
  // cpython module, the parent of a package's folder. Runs on a worker thread: it reports
  // only through what it returns.
  ExtensionBuild build_extension(const Unit& u, const fs::path& ext) const {
    const std::string& name = u.m->name;
    std::vector<std::string> cmd;
    if (target_ == "cffi") {
      cmd = {python_, (u.build_dir / (name + "_build") / "cffi_build.py").string()};
    } else {
      cmd = cpython_builder(u);
    }
    for (const std::string& a : {std::string("--cgo-dir"), (u.build_dir / (name + "_cgo")).string(),
                                 std::string(joint() ? "--shared" : "--archive"), archive_.string(),
                                 std::string("--out"), ext.string()})
      cmd.push_back(a);
    if (joint()) {
      cmd.push_back("--rpath");
      cmd.push_back(package() ? "$ORIGIN/.." : "$ORIGIN");
    }
    // Verbose, the builder prints the compiler and linker commands it runs (cc, c++), so that
    // -v shows every command of the build, as the docs promise.
    ExtensionBuild result;
    if (req_.verbose) cmd.push_back("--verbose");
    if (req_.verbose) result.log = "gpic: " + shell_line(cmd) + "\n";
    ProcessResult r = run_process(cmd);
    if (req_.verbose && r.exit_code == 0) {
      // Its last line on stdout is its answer (the extension's path); the rest is the log.
      std::string log = r.out.substr(0, r.out.rfind('\n', r.out.size() >= 2 ? r.out.size() - 2 : 0) + 1);
      if (r.out.find('\n') == r.out.size() - 1) log.clear();
      result.log += log + r.err;
    }
    if (r.exit_code != 0)
      result.error = "building the " + target_ + " extension of " + name + " with " + req_.python + " failed:\n" +
                     r.err + r.out + r.start_error;
    return result;
  }

  // Every file of the unit's built module, by its path in the output: the Python sources, the
  // extension built for req_.python (build_extensions), the stub and py.typed.
  bool package_files(const Unit& u, std::map<std::string, std::string>& files) {
    const std::string& name = u.m->name;
    std::error_code ec;
    fs::path tmp = u.build_dir / "ext";
    bool cffi = target_ == "cffi";
    std::string ext_dir = cffi ? name + "/" : "";
    for (const auto& rel : u.python_files) files[rel] = read_file(u.build_dir / rel);
    for (const auto& entry : fs::directory_iterator(tmp, ec))
      files[ext_dir + entry.path().filename().string()] = read_file(entry.path());
    files[cffi ? name + "/__init__.pyi" : name + ".pyi"] = read_file(u.build_dir / (name + ".pyi"));
    files[ext_dir + "py.typed"] = "";
    fs::remove_all(tmp, ec);
    return true;
  }

  const BuildRequest& req_;
  SourceFiles& sources_;
  Diagnostics& diags_;
  std::unique_ptr<StagedOutput> final_out_;
  std::string target_;    // the target built for req_.python (choose_target)
  std::string implementation_;  // req_.python's sys.implementation.name (ask_python)
  std::string python_;    // req_.python's own executable, which the build runs (ask_python)
  std::vector<Unit> units_;
  fs::path work_dir_;     // this build's directory under gpic's cache
  fs::path root_;         // the build's Go workspace: the unit's build dir, or the joint build's
  std::string library_;   // a joint build's shared library ("libgpic_joint_1a2b3c4d.so")
  fs::path archive_;      // what go build made: the c-archive, or the shared library
};

// `gpic build --target go`: the Go package calling the Python module of each `python:` .gpi,
// with cgo pointed at the libpython of the interpreter --python names (the one it starts as).
int build_go_package(const BuildRequest& req) {
  if (req.pythons.size() > 1) {
    std::cerr << "gpic build: error: --target go embeds one Python: give one --python\n";
    return 2;
  }
  std::string python = req.pythons.empty() ? "python3" : req.pythons[0];
  ProcessResult r = run_process(
      {python, "-c",
       "import sys, sysconfig as s\n"
       "print(sys.implementation.name, sys.executable, s.get_config_var('INCLUDEPY'), s.get_config_var('LIBDIR'),"
       " 'python' + s.get_config_var('LDVERSION'), sep='\\n')"});
  if (r.exit_code != 0) {
    std::cerr << "gpic build: error: cannot run " << python << ":\n" << r.err << r.start_error;
    return 1;
  }
  std::vector<std::string> lines;
  for (size_t start = 0; start < r.out.size();) {
    size_t end = r.out.find('\n', start);
    if (end == std::string::npos) end = r.out.size();
    lines.push_back(r.out.substr(start, end - start));
    start = end + 1;
  }
  if (lines.size() != 5 || lines[0] != "cpython") {
    std::cerr << "gpic build: error: --target go embeds CPython, and " << python << " is "
              << (lines.empty() ? std::string("not a Python") : lines[0]) << "\n";
    return 1;
  }
  GenerateRequest g;
  g.inputs = req.inputs;
  g.targets = {"go"};
  g.out_dir = req.out_dir;
  g.include_dirs = req.include_dirs;
  g.color = req.color;
  g.error_limit = req.error_limit;
  g.params = {"go.python=" + lines[1], "go.python_include=" + lines[2], "go.python_libdir=" + lines[3],
              "go.python_lib=" + lines[4]};
  if (req.verbose) std::cerr << "gpic: the Go package embeds " << lines[1] << "\n";
  return generate(g, std::cerr);
}

}  // namespace

int run_build(int argc, char** argv) {
  BuildRequest req;
  po::options_description o("gpic build options");
  o.add_options()
      ("target,t", po::value<std::string>(&req.target)->default_value("auto"),
       "Python target: cffi, cpython, or auto (one package: the cpython extension for CPython, cffi for PyPy); "
       "or go: a Go package calling the Python module of a `python:` .gpi")
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
  auto inputs = parse_subcommand_inputs(argc, argv, o, "build", kBuildUsage, "one or more .gpi files", 1, SIZE_MAX);
  if (const int* status = std::get_if<int>(&inputs)) return *status;
  req.inputs = std::get<std::vector<std::string>>(inputs);
  if (req.inputs.size() > 1 && !req.go_version.empty()) {
    std::cerr << "gpic build: error: --go-version names one package's version; with several .gpi files, write each "
                 "version into its package clause (\"path@v1.2.3\")\n";
    return 2;
  }
  if (req.inputs.size() > 1 && req.wheel) {
    std::cerr << "gpic build: error: --wheel packs one .gpi's module; build a joint build's modules into a "
                 "directory instead\n";
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
  if (req.target == "go") return build_go_package(req);
  if (!is_python_target(req.target)) {
    std::cerr << "gpic build: error: --target must name a Python target (cffi, cpython or auto) or go, not '" << req.target
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
