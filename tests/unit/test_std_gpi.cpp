// The standard-library .gpi files gpic ships (compiler/std_gpi.hpp): each is found by its
// `gpic:std/` import path, loads and checks clean with what it imports, and a build of a file
// that imports one builds it too.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "compiler/diagnostics.hpp"
#include "compiler/loader.hpp"
#include "compiler/std_gpi.hpp"

namespace gpic {

TEST_CASE("std_gpi: every shipped file loads and checks without a diagnostic") {
  std::vector<std::string> packages = std_gpi_packages();
  for (const char* want : {"bytes", "crypto/md5", "crypto/sha1", "crypto/sha256", "hash", "html/template", "os",
                           "text/template"})
    CHECK(std::find(packages.begin(), packages.end(), want) != packages.end());
  for (const auto& p : packages) {
    SourceFiles sources;
    Diagnostics diags;
    Loader loader(sources, diags, {});
    const ir::Module* m = loader.load(std::string(kStdImportPrefix) + p);
    INFO(p);
    REQUIRE(m);
    CHECK(m->shipped);
    CHECK(diags.all().empty());
    CHECK(m->file == "gpic:std/" + p + ".gpi");
  }
  CHECK(shipped_type_lists().size() == packages.size());
  CHECK(std::find(shipped_type_lists().begin(), shipped_type_lists().end(), "hash=hash=Hash") !=
        shipped_type_lists().end());
}

TEST_CASE("std_gpi: an import names a shipped file, never a user's file of that name") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "gpic_test_std_gpi";
  fs::remove_all(dir);
  fs::create_directories(dir / "gpic:std");
  // A user's own hash.gpi, where a file path "gpic:std/hash.gpi" would find it: never read.
  std::ofstream(dir / "gpic:std" / "hash.gpi") << "package nothash \"example.com/nothash\"\n";
  std::ofstream(dir / "a.gpi") << "package a \"example.com/a\"\n\nimport \"gpic:std/crypto/sha1\"\n\n"
                                  "func Digest(b []byte) []byte\n";
  SourceFiles sources;
  Diagnostics diags;
  Loader loader(sources, diags, {});
  const ir::Module* a = loader.load((dir / "a.gpi").string());
  REQUIRE(a);
  std::vector<const ir::Module*> built = shipped_imports({a});
  REQUIRE(built.size() == 2);  // sha1, and hash through it
  CHECK(built[0]->name == "sha1");
  CHECK(built[1]->name == "hash");
  CHECK(built[1]->go_path == "hash");
  fs::remove_all(dir);
}

TEST_CASE("std_gpi: a package gpic ships no file of is an error naming those it ships") {
  SourceFiles sources;
  Diagnostics diags;
  Loader loader(sources, diags, {});
  std::string text = "package a \"example.com/a\"\n\nimport \"gpic:std/net/http\"\n";
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / "gpic_test_std_missing.gpi";
  std::ofstream(file) << text;
  loader.load(file.string());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message.rfind("gpic ships no .gpi of standard package 'net/http' (it ships bytes, ", 0) == 0);
  CHECK(diags.all()[0].loc.line == 3);
  fs::remove(file);
}

}  // namespace gpic
