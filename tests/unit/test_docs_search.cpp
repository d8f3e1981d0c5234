// The search index: words, identifier parts and the character pairs that let a Korean query
// find a word inside a longer one.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "targets/docs/search_index.hpp"

namespace gpic::docs {

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_SUITE("docs") {
  TEST_CASE("search: Korean words give their character pairs") {
    auto t = search_terms("기하학 도우미입니다.");
    CHECK(has(t, "기하학"));
    CHECK(has(t, "기하"));
    CHECK(has(t, "하학"));
    CHECK(has(t, "도우미입니다"));
    CHECK(has(t, "우미"));
    CHECK_FALSE(has(t, "."));
  }

  TEST_CASE("search: identifiers give their parts, lowercased") {
    auto t = search_terms("NewPoint HTTPServer max_points");
    for (const char* s : {"newpoint", "new", "point", "httpserver", "http", "server", "max_points", "max", "points"})
      CHECK_MESSAGE(has(t, s), s);
  }

  TEST_CASE("search: a Korean particle after an English word is a word of its own") {
    CHECK(search_words("[Point]를 반환합니다") == std::vector<std::string>{"point", "를", "반환합니다"});
  }

  TEST_CASE("search: the index lists entries and, per term, entry * 2 + (1 for a name match)") {
    std::string js = search_index_js({{"m.Point", "구조체", "m.html#type-Point", "점입니다.", "Point Point", "평면 위의 점입니다."},
                                      {"m.Dist", "함수", "m.html#func-Dist", "", "Dist Dist", "Point까지의 거리"}});
    const std::string prefix = "window.GPIC_SEARCH_INDEX = ";
    REQUIRE(js.rfind(prefix, 0) == 0);
    auto index = nlohmann::json::parse(js.substr(prefix.size(), js.size() - prefix.size() - 2));
    CHECK(index["entries"].size() == 2);
    CHECK(index["entries"][0][2] == "m.html#type-Point");
    CHECK(index["terms"]["point"] == nlohmann::json::array({1, 2}));
    CHECK(index["terms"]["dist"] == nlohmann::json::array({3}));
    CHECK(index["terms"]["거리"] == nlohmann::json::array({2}));
  }
}

}  // namespace gpic::docs
