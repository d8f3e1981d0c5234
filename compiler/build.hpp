// `gpic build`: generate, compile the Go shim and the Python extension, and leave an
// importable package in the output directory.
#pragma once

namespace gpic {

/// argv[0] is "build". Returns the exit status (0 ok, 1 failure, 2 usage error).
int run_build(int argc, char** argv);

}  // namespace gpic
