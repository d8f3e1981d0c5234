#include "compiler/go_build_errors.hpp"

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <tuple>
#include <vector>

namespace gpic {

namespace fs = std::filesystem;

namespace {

// The message as the .gpi's author reads it: the shim imports the bound package as `gopkg`
// and an imported .gpi's as `gopkg_NAME` (targets/cgo/go_names.hpp, const_values.hpp), and
// compares a constant with the .gpi's value under the name gpicWantNAME.
std::string in_gpi_words(const std::string& message) {
  static const std::regex imported(R"(\bgopkg_([A-Za-z0-9_]+)\.)");
  static const std::regex own(R"(\bgopkg\.)");
  static const std::regex want(R"(\bgpicWant[A-Za-z0-9_]+)");
  std::string s = std::regex_replace(message, imported, "$1.");
  s = std::regex_replace(s, own, "");
  return std::regex_replace(s, want, "the .gpi's value");
}

struct GoError {
  std::string file;
  int line = 0;
  int col = 0;
  std::string message;  // with its continuation lines, joined by "; "
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
      errors.back().message += "; " + line.substr(line.find_first_not_of('\t'));
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

// The identifier that starts at `col` (1-based) of `line`, or "".
std::string identifier_at(const std::string& line, int col) {
  size_t at = col > 0 ? static_cast<size_t>(col - 1) : 0, end = at;
  while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_')) ++end;
  return at < line.size() ? line.substr(at, end - at) : "";
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

// The constants' checks compare the package's value with the .gpi's through a map literal whose
// keys collide when they differ; when Go refused the .gpi's value itself (an overflow, a wrong
// type) on the same line, the comparison's failure is that error again.
bool is_comparison(const std::string& message) {
  return message == "duplicate key false in map literal" || message.find("gpicWant") != std::string::npos;
}

}  // namespace

std::string explain_go_mismatch(const std::string& go_message, const std::string& source_line, int col) {
  static const std::regex wrong_type(
      R"(^cannot use (gopkg\.\w+|\(\*gopkg\.\w+\)\.\w+) \(value of type (.+)\) as (.+) value in variable declaration$)");
  static const std::regex wrong_const(
      R"(^cannot use gopkg\.(\w+) \((untyped \w+ constant[^)]*|constant [^)]*)\) as (.+) value in constant declaration$)");
  static const std::regex wrong_field(R"(^cannot use o\.(\w+) \(variable of type (.+)\) as (.+) value in return statement$)");
  static const std::regex undefined(R"(^undefined: gopkg\.(\w+)$)");
  static const std::regex no_member(R"(^(.+) undefined \(type (.+) has no (?:field or )?method (\w+)\)$)");
  std::smatch m;
  auto declared = [](const std::string& name, const std::string& here, const std::string& go) {
    return in_gpi_words(name) + " is declared here as " + in_gpi_words(here) + ", but in the Go package it is " +
           in_gpi_words(go);
  };
  if (std::regex_match(go_message, m, wrong_type)) return declared(m[1], m[3], m[2]);
  if (std::regex_match(go_message, m, wrong_const)) return declared(m[1], m[3], m[2]);
  if (std::regex_match(go_message, m, wrong_field)) return declared("field " + m[1].str(), m[3], m[2]);
  if (std::regex_match(go_message, m, undefined))
    return m[1].str() + " is not in the Go package (is it unexported, misspelt, or from another version?)";
  if (std::regex_match(go_message, m, no_member))
    return in_gpi_words(m[2]) + " has no field or method " + m[3].str() + " in the Go package";
  if (go_message == "duplicate key false in map literal") {
    std::string name = identifier_at(source_line, col);
    return "the package's " + (name.empty() ? std::string("constant") : name) +
           " does not have the value the .gpi gives it";
  }
  return in_gpi_words(go_message);
}

void report_go_build_errors(const std::string& output, const std::string& cwd, const SourceFiles& sources,
                            const std::string& heading, Diagnostics& diags) {
  std::map<std::string, std::string> gpi_by_canonical;
  for (const std::string& path : sources.paths()) gpi_by_canonical[canonical_name(path)] = path;
  std::vector<std::pair<std::string, GoError>> at_gpi;  // (the .gpi as gpic names it, the error)
  for (GoError& e : parse(output)) {
    fs::path file = fs::path(e.file).is_absolute() ? fs::path(e.file) : fs::path(cwd) / e.file;
    auto it = gpi_by_canonical.find(canonical_name(file));
    if (it != gpi_by_canonical.end()) at_gpi.emplace_back(it->second, std::move(e));
  }
  if (at_gpi.empty()) {
    diags.error({}, heading + ":\n" + output);
    return;
  }
  std::set<std::pair<std::string, int>> lines_with_plain_errors;
  for (const auto& [file, e] : at_gpi)
    if (!is_comparison(e.message)) lines_with_plain_errors.insert({file, e.line});
  std::set<std::tuple<std::string, int, int, std::string>> seen;
  for (const auto& [file, e] : at_gpi) {
    if (is_comparison(e.message) && lines_with_plain_errors.count({file, e.line})) continue;
    std::string source_line = sources.line(file, e.line);
    int col = name_column(source_line, e);
    std::string message = explain_go_mismatch(e.message, source_line, col);
    if (seen.insert({file, e.line, col, message}).second) diags.error(ir::Loc{file, e.line, col}, message);
  }
}

}  // namespace gpic
