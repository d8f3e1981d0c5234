#include "targets/docs/stamp.hpp"

#include <cstdint>

namespace gpic::docs {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string stamp_of(std::string_view english) {
  uint64_t h = 0xcbf29ce484222325ull;
  auto feed = [&](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ull;
  };
  bool pending_space = false;
  bool started = false;
  for (char c : english) {
    if (is_space(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) feed(' ');
    pending_space = false;
    started = true;
    feed(static_cast<unsigned char>(c));
  }
  uint32_t folded = static_cast<uint32_t>(h ^ (h >> 32));
  static const char* hex = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, folded >>= 4) out[i] = hex[folded & 15];
  return out;
}

LocalText local_text(const ir::Doc& doc, std::string_view lang) {
  if (lang == "en") {
    if (!doc.en.empty()) return {doc.en, "en", TextStatus::Original};
    if (!doc.ko.empty()) return {doc.ko, "ko", TextStatus::Fallback};
    return {};
  }
  if (lang == "ko" && !doc.ko.empty()) {
    // A Korean-only comment is the original; a stamp only means something against English.
    if (doc.en.empty()) return {doc.ko, "ko", TextStatus::Original};
    bool stale = !doc.ko_stamp.empty() && doc.ko_stamp != stamp_of(doc.en);
    return {doc.ko, "ko", stale ? TextStatus::Stale : TextStatus::Translated};
  }
  if (!doc.en.empty()) return {doc.en, "en", TextStatus::Fallback};
  if (!doc.ko.empty()) return {doc.ko, "ko", TextStatus::Fallback};
  return {};
}

}  // namespace gpic::docs
