#include "compiler/embedded.hpp"

#include <stdexcept>

namespace gpic {

std::string_view embedded_file(std::string_view path) {
  for (const auto& f : embedded_files())
    if (f.path == path) return f.content;
  throw std::out_of_range("no embedded runtime file " + std::string(path));
}

}  // namespace gpic
