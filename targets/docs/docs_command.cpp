#include "targets/docs/docs_command.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/frontend.hpp"
#include "compiler/output_commit.hpp"
#include "targets/docs/coverage.hpp"
#include "targets/docs/model.hpp"
#include "targets/docs/stamp_rewrite.hpp"
#include "targets/docs/words.hpp"

namespace gpic {

namespace {

constexpr const char* kUsage =
    "usage: gpic docs --stamp [--new-only] FILE.gpi...\n"
    "       gpic docs --check FILE.gpi...\n"
    "       gpic docs --stat [--lang en,ko] FILE.gpi...\n"
    "\n"
    "  --stamp      record in each translated doc comment which English text it translates:\n"
    "               `/// @ko[1a2b3c4d] ...`; when that English changes later, gpic reports the\n"
    "               translation as stale (warning stale-translation) and badges it in the docs\n"
    "  --new-only   with --stamp: stamp only unstamped translations; stale ones stay stale\n"
    "  --check      print what --stamp would change, write nothing; exit 1 if anything would\n"
    "  --stat       print translation coverage per file and language\n"
    "  --lang L,..  with --stat: the languages to count (default: en,ko)\n";

int usage_error(const std::string& msg) {
  std::cerr << "gpic docs: error: " << msg << "\n" << kUsage;
  return 2;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces `path` by `content` atomically: a temporary file in the same directory, flushed,
// given the original's permissions, then renamed over it. A crash leaves the old file or the
// new one, never half of one. When `path` is a symbolic link, the file it points to is the one
// replaced (in its own directory), and the link stays a link.
bool write_atomically(const std::string& path, const std::string& content, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);
  if (ec) {
    error = ec.message();
    return false;
  }
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".gpic-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st{};
  bool ok = write_all(fd, content);
  if (ok && ::stat(target.c_str(), &st) == 0) ok = ::fchmod(fd, st.st_mode & 07777) == 0;
  if (ok) ok = ::fsync(fd) == 0;
  if (ok) error.clear();
  if (!ok) error = std::strerror(errno);
  ::close(fd);
  if (ok && std::rename(name.data(), target.c_str()) != 0) {
    ok = false;
    error = std::strerror(errno);
  }
  if (!ok) std::remove(name.data());
  return ok;
}

struct Args {
  enum class Mode { None, Stamp, Check, Stat } mode = Mode::None;
  bool new_only = false;
  std::vector<std::string> langs = {"en", "ko"};
  std::vector<std::string> files;
};

std::vector<std::string> split_langs(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string l; std::getline(in, l, ',');)
    if (!l.empty()) out.push_back(l);
  return out;
}

int stamp_file(const std::string& path, const ir::Module& m, const std::string& text, const Args& args) {
  docs::Restamped r = docs::restamp(text, m, args.new_only);
  for (const auto& c : r.changes)
    std::cout << c.loc.file << ':' << c.loc.line << ':' << c.loc.col << ": " << (args.mode == Args::Mode::Check ? "would stamp " : "stamped ")
              << c.symbol << " @ko[" << c.new_stamp << "]" << (c.old_stamp.empty() ? " (new)" : " (was " + c.old_stamp + ")") << '\n';
  if (r.changes.empty()) {
    std::cout << path << ": stamps up to date\n";
    return 0;
  }
  if (args.mode == Args::Mode::Check) return 1;
  std::string error;
  if (!write_atomically(path, r.text, error)) {
    std::cerr << "gpic docs: error: cannot write " << path << ": " << error << '\n';
    return 1;
  }
  return 0;
}

void print_stat(const ir::Module& m, const Args& args) {
  docs::Page page = docs::build_page(m, {}, nullptr);
  for (const auto& lang : args.langs)
    std::cout << m.file << ": " << docs::coverage_summary(lang, docs::count_coverage(page, lang)) << '\n';
}

}  // namespace

int run_docs_command(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto set_mode = [&](Args::Mode m) {
      if (args.mode != Args::Mode::None && args.mode != m) return false;
      args.mode = m;
      return true;
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--stamp") {
      if (!set_mode(Args::Mode::Stamp)) return usage_error("choose one of --stamp, --check, --stat");
    } else if (a == "--check") {
      if (!set_mode(Args::Mode::Check)) return usage_error("choose one of --stamp, --check, --stat");
    } else if (a == "--stat") {
      if (!set_mode(Args::Mode::Stat)) return usage_error("choose one of --stamp, --check, --stat");
    } else if (a == "--new-only") {
      args.new_only = true;
    } else if (a == "--lang" || a.rfind("--lang=", 0) == 0) {
      std::string v = a == "--lang" ? (i + 1 < argc ? argv[++i] : "") : a.substr(7);
      args.langs = split_langs(v);
      if (args.langs.empty()) return usage_error("--lang needs a list such as en,ko");
      for (const auto& l : args.langs)
        if (!docs::words_for(l)) return usage_error("unknown language '" + l + "' (known: en, ko)");
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option " + a);
    } else {
      args.files.push_back(a);
    }
  }
  if (args.mode == Args::Mode::None) return usage_error("say what to do: --stamp, --check or --stat");
  if (args.files.empty()) return usage_error("no input files");

  int status = 0;
  for (const auto& path : args.files) {
    std::optional<std::string> text = read_file(path);
    if (!text) {
      std::cerr << "gpic docs: error: cannot read " << path << ": " << std::strerror(errno) << '\n';
      status = 1;
      continue;
    }
    // Only parsed, not checked: stamping needs the doc comments, not resolved imports, and a
    // file whose syntax is broken is left alone rather than guessed at.
    SourceFiles sources;
    sources.add(path, *text);
    Diagnostics diags;
    std::unique_ptr<ir::Module> m = parse_gpi(path, *text, diags);
    if (diags.has_errors()) {
      diags.print(std::cerr, sources, false);
      status = 1;
      continue;
    }
    if (args.mode == Args::Mode::Stat) print_stat(*m, args);
    else status = std::max(status, stamp_file(path, *m, *text, args));
  }
  return status;
}

}  // namespace gpic
