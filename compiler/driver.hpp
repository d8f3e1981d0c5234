// The gpic command line: `gpic [options] FILE.gpi...` and `gpic build ...`.
#pragma once

namespace gpic {

/// Runs gpic with the given arguments; returns the process exit status
/// (0 ok, 1 errors in the input, 2 usage errors).
int run_cli(int argc, char** argv);

}  // namespace gpic
