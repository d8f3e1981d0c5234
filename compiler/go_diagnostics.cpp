#include "compiler/go_diagnostics.hpp"

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

namespace gpic {

namespace fs = std::filesystem;

namespace {

struct GoError {
  int line = 0, col = 0;
  std::string message;
};

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec1, ec2;
  fs::path pa = fs::weakly_canonical(fs::absolute(a, ec1), ec1);
  fs::path pb = fs::weakly_canonical(fs::absolute(b, ec2), ec2);
  return !ec1 && !ec2 && pa == pb;
}

// The message as the .gpi's author reads it: the shim imports the bound package as `gopkg`
// and an imported .gpi's as `gopkg_NAME` (targets/cgo/go_names.hpp, const_values.hpp).
std::string in_gpi_words(const std::string& message) {
  static const std::regex imported(R"(\bgopkg_([A-Za-z0-9_]+)\.)");
  static const std::regex own(R"(\bgopkg\.)");
  static const std::regex want(R"(\bgpicWant[A-Za-z0-9_]+)");
  std::string s = std::regex_replace(message, imported, "$1.");
  s = std::regex_replace(s, own, "");
  return std::regex_replace(s, want, "the .gpi's value");
}

}  // namespace

std::string report_go_errors(const std::string& go_output, const ir::Module& m, Diagnostics& diags) {
  static const std::regex located(R"(^(.+\.gpi):([0-9]+):([0-9]+): (.*)$)");
  std::vector<GoError> errors;
  std::string rest;
  bool continues = false;  // the line before was one of m's errors: indented lines add to it
  std::istringstream in(go_output);
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    if (continues && !line.empty() && line[0] == '\t') {
      errors.back().message += "; " + line.substr(line.find_first_not_of('\t'));
      continue;
    }
    continues = false;
    if (line.empty() || line.rfind("# ", 0) == 0) continue;
    if (std::regex_match(line, match, located) && same_file(match[1].str(), m.file)) {
      errors.push_back({std::stoi(match[2].str()), std::stoi(match[3].str()), match[4].str()});
      continues = true;
      continue;
    }
    rest += line + "\n";
  }

  // The constants' checks compare the package's value with the .gpi's through a map literal
  // whose keys collide when they differ; Go words that for maps, not for constants.
  std::map<std::pair<int, int>, const ir::Const*> consts;
  for (const ir::Const& c : m.consts) consts[{c.loc.line, c.loc.col}] = &c;
  // A value Go refused also fails the comparison on its line: that is the same error again.
  auto is_comparison = [](const GoError& e) {
    return e.message == "duplicate key false in map literal" || e.message.find("gpicWant") != std::string::npos;
  };
  std::set<int> lines_with_plain_errors;
  for (const GoError& e : errors)
    if (!is_comparison(e)) lines_with_plain_errors.insert(e.line);

  std::set<std::tuple<int, int, std::string>> seen;
  for (GoError& e : errors) {
    if (is_comparison(e) && lines_with_plain_errors.count(e.line)) continue;
    if (e.message == "duplicate key false in map literal") {
      auto it = consts.find({e.line, e.col});
      if (it != consts.end())
        e.message = "the package's " + it->second->name + " does not have the value the .gpi gives it";
    }
    std::string message = in_gpi_words(e.message);
    if (!seen.insert({e.line, e.col, message}).second) continue;
    diags.error(ir::Loc{m.file, e.line, e.col}, message);
  }
  return rest;
}

}  // namespace gpic
