#include "compiler/go_build_errors.hpp"

#include <filesystem>
#include <map>
#include <regex>
#include <vector>

namespace gpic {

namespace fs = std::filesystem;

namespace {

// The package alias the shim's checks call the bound package by; the user knows it by its name.
std::string without_alias(std::string s) {
  static const std::regex alias(R"(\bgopkg\.)");
  return std::regex_replace(s, alias, "");
}

struct GoError {
  std::string file;
  int line = 0;
  int col = 0;
  std::string message;  // with its continuation lines
};

std::vector<GoError> parse(const std::string& output) {
  static const std::regex located(R"(^(.+?):(\d+):(\d+): (.*)$)");
  std::vector<GoError> errors;
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    std::string line = output.substr(start, end - start);
    start = end + 1;
    std::smatch m;
    if (std::regex_match(line, m, located)) {
      errors.push_back({m[1], std::stoi(m[2]), std::stoi(m[3]), m[4]});
    } else if (!errors.empty() && !line.empty() && line[0] == '\t') {
      errors.back().message += "\n" + line.substr(1);
    }
  }
  return errors;
}

std::string canonical_name(const fs::path& p) {
  std::error_code ec;
  fs::path absolute = fs::absolute(p, ec);
  if (ec) absolute = p;
  fs::path c = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute : c).lexically_normal().string();
}

// Go places an `undefined: gopkg.Name` at Name, past the alias the shim calls the package by;
// the declaration's name in the .gpi line starts where Name does, minus that prefix.
int name_column(const std::string& source_line, const GoError& e) {
  static const std::regex undefined(R"(^undefined: gopkg\.(\w+)$)");
  std::smatch m;
  if (!std::regex_match(e.message, m, undefined)) return e.col;
  size_t at = source_line.rfind(m[1].str(), e.col > 0 ? static_cast<size_t>(e.col - 1) : 0);
  return at == std::string::npos ? e.col : static_cast<int>(at) + 1;
}

}  // namespace

std::string explain_go_mismatch(const std::string& go_message) {
  std::string msg = without_alias(go_message);
  static const std::regex wrong_type(R"(^cannot use (.+?) \((?:value|variable) of type (.+)\) as (.+) value in (?:variable declaration|return statement)$)");
  static const std::regex wrong_const(R"(^cannot use (.+?) \((untyped .+ constant.*|constant .+)\) as (.+) value in constant declaration.*$)");
  static const std::regex undefined(R"(^undefined: (.+)$)");
  static const std::regex no_member(R"(^(.+) undefined \(type (.+) has no (?:field or )?method (.+)\)$)");
  std::smatch m;
  if (std::regex_match(msg, m, wrong_type))
    return m[1].str() + " is declared here as " + m[3].str() + ", but in the Go package it is " + m[2].str();
  if (std::regex_match(msg, m, wrong_const))
    return m[1].str() + " is declared here as " + m[3].str() + ", but in the Go package it is " + m[2].str();
  if (std::regex_match(msg, m, undefined))
    return m[1].str() + " is not in the Go package (is it unexported, misspelt, or from another version?)";
  if (std::regex_match(msg, m, no_member))
    return m[2].str() + " has no field or method " + m[3].str() + " in the Go package";
  if (msg == "duplicate key false in map literal")
    return "the value given here differs from the constant's value in the Go package";
  return "the Go package does not match this declaration: " + msg;
}

void report_go_build_errors(const std::string& output, const std::string& cwd, const SourceFiles& sources,
                            const std::string& heading, Diagnostics& diags) {
  std::map<std::string, std::string> gpi_by_canonical;
  for (const std::string& path : sources.paths()) gpi_by_canonical[canonical_name(path)] = path;
  bool reported = false;
  for (const GoError& e : parse(output)) {
    fs::path file = fs::path(e.file).is_absolute() ? fs::path(e.file) : fs::path(cwd) / e.file;
    auto it = gpi_by_canonical.find(canonical_name(file));
    if (it == gpi_by_canonical.end()) continue;
    diags.error(ir::Loc{it->second, e.line, name_column(sources.line(it->second, e.line), e)},
                explain_go_mismatch(e.message));
    reported = true;
  }
  if (!reported) diags.error({}, heading + ":\n" + output);
}

}  // namespace gpic
