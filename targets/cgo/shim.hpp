// Emits the cgo shim's Go source and the C header of the module's ABI.
#pragma once

#include <string>

#include "compiler/ir.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/target.hpp"

namespace gpic::cgo {

/// The folder the cgo target writes into, relative to -o: "<module>_cgo".
std::string shim_dir(const ir::Module& m);
std::string shim_file(const ir::Module& m);      // "<module>_shim.go"
std::string header_file(const ir::Module& m);    // "gpic_<module>.h"
std::string checks_file(const ir::Module& m);    // "<module>_checks.go"

std::string emit_shim(const ir::Module& m, const abi::Plan& plan, const Options& options);
/// Compile-time checks that the package matches the .gpi, reported at .gpi positions.
std::string emit_checks(const ir::Module& m, const abi::Plan& plan, const Options& options);
std::string emit_header(const ir::Module& m, const abi::Plan& plan, const Options& options);

}  // namespace gpic::cgo
