// The gpic command line. `gpic [options] FILE.gpi...` generates; `gpic build` also compiles
// (compiler/build.cpp); `gpic docs --stamp` maintains translations (targets/docs); `gpic
// extract` writes a .gpi from a Go package's source (compiler/extract.cpp).
#include "compiler/driver.hpp"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "compiler/build.hpp"
#include "compiler/extract.hpp"
#include "compiler/generate.hpp"
#include "compiler/limits.hpp"
#include "compiler/plugin.hpp"
#include "targets/docs/docs_command.hpp"
#include "targets/target.hpp"

namespace po = boost::program_options;

namespace gpic {
namespace {

constexpr const char* kUsage =
    "usage: gpic [options] FILE.gpi...\n"
    "       gpic build FILE.gpi --target cffi|cpython -o DIR [--python INTERP] [--go-module DIR]\n"
    "       gpic docs --stamp FILE.gpi...\n"
    "       gpic extract IMPORT_PATH[@VERSION] [-o FILE.gpi] [--package NAME]\n";

void list_targets() {
  for (const Target* t : TargetRegistry::instance().all()) std::cout << "  " << t->name() << std::string(10 - std::min<size_t>(9, t->name().size()), ' ') << t->summary() << '\n';
  std::cout << "  gpic-gen-NAME on PATH: any other target, as an external plugin (see docs/en/targets.md)\n";
}

}  // namespace

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

po::options_description common_options(GenerateRequest& req) {
  po::options_description o("Options");
  o.add_options()
      ("target,t", po::value<std::vector<std::string>>(&req.targets)->composing(), "target to generate (repeatable); see --list-targets")
      ("out,o", po::value<std::string>(&req.out_dir)->default_value("."), "output directory")
      ("include,I", po::value<std::vector<std::string>>(&req.include_dirs)->composing(), "directory searched for imported .gpi files")
      ("lang", po::value<std::string>(&req.langs)->default_value("en"), "docs: languages to write, e.g. en,ko")
      ("py-names", po::value<std::string>(&req.py_names)->default_value("keep"), "Python names: keep (Go's) or snake")
      ("param", po::value<std::vector<std::string>>(&req.params)->composing(), "target parameter KEY=VALUE")
      ("Werror", po::value<std::vector<std::string>>(&req.werror)->composing(), "turn warning NAME into an error (e.g. --Werror=missing-translation)")
      ("color", po::value<std::string>(&req.color)->default_value("auto"), "colour diagnostics: auto, always, never")
      ("error-limit", po::value<int>(&req.error_limit)->default_value(limits::kDefaultErrorLimit),
       "show at most N errors and N warnings (0: all of them)");
  return o;
}

int run_cli(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "build") return run_build(argc - 1, argv + 1);
  if (argc >= 2 && std::string(argv[1]) == "docs") return run_docs_command(argc - 1, argv + 1);
  if (argc >= 2 && std::string(argv[1]) == "extract") return run_extract(argc - 1, argv + 1);

  GenerateRequest req;
  po::options_description visible = common_options(req);
  visible.add_options()
      ("list-targets", "list the targets and exit")
      ("help,h", "show this help and exit")
      ("version", "show gpic's version and exit");
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(&req.inputs)->composing(), "");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "gpic: error: " << e.what() << "\n" << kUsage << "Try 'gpic --help'.\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << "gpic " << GPIC_VERSION << " - binds Go packages to Python from .gpi interface files\n\n"
              << kUsage << '\n' << visible << "\nTargets:\n";
    list_targets();
    return 0;
  }
  if (vm.count("version")) {
    std::cout << "gpic " << GPIC_VERSION << '\n';
    return 0;
  }
  if (vm.count("list-targets")) {
    list_targets();
    return 0;
  }
  if (req.inputs.empty()) {
    std::cerr << "gpic: error: no input files\n" << kUsage;
    return 2;
  }
  if (req.targets.empty()) {
    std::cerr << "gpic: error: no --target given (try --list-targets)\n" << kUsage;
    return 2;
  }
  if (req.error_limit < 0) {
    std::cerr << "gpic: error: --error-limit must be 0 (no limit) or more, not " << req.error_limit << "\n";
    return 2;
  }
  if (req.py_names != "keep" && req.py_names != "snake") {
    std::cerr << "gpic: error: --py-names must be 'keep' or 'snake', not '" << req.py_names << "'\n";
    return 2;
  }
  for (const auto& t : req.targets) {
    if (!TargetRegistry::instance().find(t) && find_plugin(t).empty()) {
      std::cerr << "gpic: error: unknown target '" << t << "': not built in, and no gpic-gen-" << t
                << " on PATH (try --list-targets)\n";
      return 2;
    }
  }
  return generate(req, std::cerr);
}

}  // namespace gpic
