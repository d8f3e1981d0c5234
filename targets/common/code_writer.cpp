#include "targets/common/code_writer.hpp"

#include <stdexcept>

namespace gpic {

void CodeWriter::put(std::string_view text) {
  // A line at a time rather than a character at a time: put() carries every byte of every
  // target's output. Indentation goes before a line's first character, never on an empty line.
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty()) {
      if (at_line_start_) {
        for (int i = 0; i < level_; ++i) out_ += unit_;
        at_line_start_ = false;
      }
      out_.append(line);
    }
    if (nl == std::string_view::npos) break;
    out_ += '\n';
    ++newlines_;
    at_line_start_ = true;
    text.remove_prefix(nl + 1);
  }
}

void CodeWriter::print(std::string_view tmpl, const Vars& vars) {
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t d = tmpl.find('$', i);
    if (d == std::string_view::npos) {
      put(tmpl.substr(i));
      break;
    }
    put(tmpl.substr(i, d - i));
    size_t e = tmpl.find('$', d + 1);
    if (e == std::string_view::npos) throw std::logic_error("unterminated $ in template: " + std::string(tmpl));
    std::string_view name = tmpl.substr(d + 1, e - d - 1);
    if (name.empty()) {
      put("$");
    } else {
      auto it = vars.find(name);
      if (it == vars.end()) {
        it = globals_.find(name);
        if (it == globals_.end()) throw std::logic_error("unknown template variable $" + std::string(name) + "$");
      }
      put(it->second);
    }
    i = e + 1;
  }
}

void CodeWriter::blank_lines(int n) {
  if (!at_line_start_) put("\n");
  // Count trailing empty lines already present.
  int have = 0;
  size_t end = out_.size();
  while (end >= 2 && out_[end - 1] == '\n' && out_[end - 2] == '\n') {
    ++have;
    --end;
  }
  if (out_.empty()) return;
  for (; have < n; ++have) {
    out_ += '\n';
    ++newlines_;
  }
}

}  // namespace gpic
