// `gpic docs ...`: keeping translations of doc comments in step with the English.
//
//   gpic docs --stamp [--new-only] FILE.gpi...   add or update `@ko[stamp]` in place
//   gpic docs --check FILE.gpi...                what --stamp would change; exit 1 if anything
//   gpic docs --stat [--lang en,ko] FILE.gpi...  translation coverage, like `sphinx-intl stat`
//
// The driver dispatches `gpic docs` here with argv[0] == "docs".
#pragma once

namespace gpic {

/// Returns the exit status: 0 done, 1 a file could not be parsed, read or written (or, with
/// --check, stamps are out of date), 2 bad usage.
int run_docs_command(int argc, char** argv);

}  // namespace gpic
