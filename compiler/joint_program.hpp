// The Go program of a joint build (`gpic build a.gpi b.gpi ...`): several bound packages over one
// Go runtime, one handle table and one c-shared library. Go supports one runtime per process
// (golang/go#65050), so packages meant to be imported together are linked together.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"

namespace gpic {

/// One bound package of a joint build: its Python module name and the folder of the shim the
/// cgo target generated for it (a `package main` of its own).
struct JointPackage {
  std::string name;
  std::filesystem::path shim_dir;
};

/// The Go import path of the joint program's module ("gpic.generated/joint").
inline constexpr const char* kJointModule = "gpic.generated/joint";

/// Writes the joint program into `dir`: a main package that holds the C runtime and the
/// process-wide exports, the shared handle table (package gpictable), and one package per
/// bound package, made from its shim. Returns false with a diagnostic when a file cannot be
/// written.
bool write_joint_program(const std::vector<JointPackage>& packages, const std::filesystem::path& dir,
                         Diagnostics& diags);

/// The file name of the joint library for these Python modules: stable for the same set,
/// different for another ("libgpic_joint_1a2b3c4d.so").
std::string joint_library_name(std::vector<std::string> modules);

}  // namespace gpic
