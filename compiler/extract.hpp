// `gpic extract IMPORT_PATH[@VERSION]`: writes the .gpi of a Go package's exported API from
// its source, so binding a package starts from a file that builds, not from a blank page.
#pragma once

namespace gpic {

/// argv[0] is "extract". Returns the exit status (0 ok, 1 failure, 2 usage error).
int run_extract(int argc, char** argv);

}  // namespace gpic
