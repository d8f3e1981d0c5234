// Runtime support files (runtime/go, runtime/python, runtime/c) compiled into the binary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gpic {

struct EmbeddedFile {
  std::string_view path;      // relative to the source root: "runtime/python/gpic_rt.py"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();
/// The content of one embedded file; throws std::out_of_range when it is not embedded.
std::string_view embedded_file(std::string_view path);

}  // namespace gpic
