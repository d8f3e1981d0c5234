#include "targets/docs/search_index.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

namespace gpic::docs {

namespace {

char32_t decode(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

enum class CharClass { Separator, Ascii, Other };

// Kept in step with charClass() in gpic-docs.js.
CharClass classify(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') return CharClass::Ascii;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return CharClass::Separator;
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
      (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65) || c >= 0x1F000)
    return CharClass::Separator;
  return CharClass::Other;
}

struct Word {
  std::string text;
  std::vector<size_t> starts;   // byte offset of each character (Other words: for pairs)
  CharClass cls;
};

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> out;
  CharClass current = CharClass::Separator;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    CharClass cls = classify(decode(text, i));
    if (cls == CharClass::Separator) {
      current = cls;
      continue;
    }
    if (cls != current) out.push_back({"", {}, cls});
    current = cls;
    out.back().starts.push_back(out.back().text.size());
    out.back().text.append(text.substr(start, i - start));
  }
  return out;
}

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// "NewPoint" -> New, Point; "HTTPServer" -> HTTP, Server; "max_points" -> max, points.
std::vector<std::string> identifier_parts(const std::string& w) {
  std::vector<std::string> parts;
  std::string cur;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c == '_') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
      continue;
    }
    bool boundary = !cur.empty() && is_upper(c) &&
                    (is_lower(w[i - 1]) || (i + 1 < w.size() && is_upper(w[i - 1]) && w[i + 1] >= 'a' && w[i + 1] <= 'z'));
    if (boundary) {
      parts.push_back(cur);
      cur.clear();
    }
    cur += c;
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

}  // namespace

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> out;
  for (Word& w : split_words(text)) out.push_back(w.cls == CharClass::Ascii ? ascii_lower(w.text) : w.text);
  return out;
}

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](std::string t) {
    if (!t.empty() && seen.insert(t).second) out.push_back(std::move(t));
  };
  for (const Word& w : split_words(text)) {
    if (w.cls == CharClass::Ascii) {
      add(ascii_lower(w.text));
      std::vector<std::string> parts = identifier_parts(w.text);
      if (parts.size() > 1)
        for (const auto& p : parts) add(ascii_lower(p));
      continue;
    }
    add(w.text);
    if (w.starts.size() >= 3)
      for (size_t k = 0; k + 2 <= w.starts.size(); ++k) {
        size_t end = k + 2 < w.starts.size() ? w.starts[k + 2] : w.text.size();
        add(w.text.substr(w.starts[k], end - w.starts[k]));
      }
  }
  return out;
}

std::string search_index_js(const std::vector<SearchEntry>& entries) {
  // A posting is entry * 2 + 1 for a match in the names, entry * 2 for one in the text.
  // Entries are visited in order, so each term's postings arrive ascending except that an
  // entry's text match (2i) may follow its names match (2i + 1); search_terms() gives each
  // term once per call. Appending (and swapping that one pair) keeps every list sorted and
  // unique without a std::set per term, and the terms are sorted once at the end.
  std::unordered_map<std::string, std::vector<int>> terms;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  auto post = [&](std::string term, int posting) {
    std::vector<int>& ids = terms[std::move(term)];
    if (!ids.empty() && ids.back() == posting) return;
    ids.push_back(posting);
    if (ids.size() >= 2 && ids[ids.size() - 2] > posting) std::swap(ids[ids.size() - 2], ids.back());
  };
  for (size_t i = 0; i < entries.size(); ++i) {
    const SearchEntry& e = entries[i];
    list.push_back({e.name, e.kind, e.href, e.summary});
    int id = static_cast<int>(i);
    for (auto& t : search_terms(e.names)) post(std::move(t), id * 2 + 1);
    for (auto& t : search_terms(e.text)) post(std::move(t), id * 2);
  }
  std::vector<std::pair<const std::string, std::vector<int>>*> sorted;
  sorted.reserve(terms.size());
  for (auto& entry : terms) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  nlohmann::ordered_json index;
  index["version"] = 1;
  index["entries"] = std::move(list);
  // The terms are unique and sorted: append them to the object's storage directly.
  // ordered_json's operator[] looks each key up by a linear scan, which made this loop
  // quadratic in the number of terms.
  nlohmann::ordered_json postings = nlohmann::ordered_json::object();
  auto& members = postings.get_ref<nlohmann::ordered_json::object_t&>();
  members.reserve(sorted.size());
  for (auto* entry : sorted) members.emplace_back(entry->first, std::move(entry->second));
  index["terms"] = std::move(postings);
  return "window.GPIC_SEARCH_INDEX = " + index.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + ";\n";
}

}  // namespace gpic::docs
