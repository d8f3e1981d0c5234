#include "compiler/wheel_version.hpp"

#include <regex>

namespace gpic {

std::optional<std::string> pep440_from_go(const std::string& go_version) {
  static const std::regex release(R"(^v(\d+\.\d+\.\d+)(\+incompatible)?$)");
  // Pseudo-versions (https://go.dev/ref/mod#pseudo-versions): vX.Y.Z-[pre.]0.TIMESTAMP-HASH or
  // vX.0.0-TIMESTAMP-HASH.
  static const std::regex pseudo(R"(^v(\d+\.\d+\.\d+)-(?:(?:[0-9A-Za-z.-]+\.)?0\.)?(\d{14})-[0-9a-f]{12}$)");
  static const std::regex pre(R"(^v(\d+\.\d+\.\d+)-(alpha|beta|rc|pre|a|b)\.?(\d+)$)");
  std::smatch m;
  if (std::regex_match(go_version, m, release)) return m[1].str();
  if (std::regex_match(go_version, m, pseudo)) return m[1].str() + ".dev" + m[2].str();
  if (std::regex_match(go_version, m, pre)) {
    std::string kind = m[2].str();
    std::string short_kind = kind == "alpha" || kind == "a" ? "a" : kind == "beta" || kind == "b" ? "b" : "rc";
    return m[1].str() + short_kind + std::to_string(std::stoull(m[3].str()));
  }
  return std::nullopt;
}

bool is_pep440(const std::string& v) {
  static const std::regex pep440(R"(^\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$)");
  return v.size() <= 64 && std::regex_match(v, pep440);
}

bool is_distribution_name(const std::string& name) {
  static const std::regex pep508(R"(^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$)");
  return name.size() <= 128 && std::regex_match(name, pep508);
}

}  // namespace gpic
