// External targets: `gpic --target NAME` for a NAME that is not built in runs `gpic-gen-NAME`
// from PATH (like protoc's plugins). The plugin reads one request as JSON on stdin:
//   {"gpic_plugin_schema": 1, "target": NAME, "gpic_version": ..., "options": {...},
//    "module": <the checked IR, see compiler/ir_json.hpp>}
// and writes one response as JSON on stdout:
//   {"files": [{"path": ..., "content": ...}], "diagnostics": [{"severity": "error"|"warning",
//    "file": ..., "line": N, "col": N, "message": ...}]}
// A non-zero exit status or malformed JSON is an error naming the plugin.
#pragma once

#include <string>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"
#include "targets/target.hpp"

namespace gpic {

/// The version of the request/response schema; bumped on any incompatible change.
inline constexpr int kPluginSchemaVersion = 1;
/// Grows when fields are added (a plugin written for an older minor version still works):
/// 1 added parameters' `marks` (the `//gpic:` directives); 2 the module's `python_module`.
inline constexpr int kPluginSchemaMinor = 2;

/// Full path of gpic-gen-NAME on PATH, or empty.
std::string find_plugin(const std::string& name);

/// Runs the plugin for one module; its files go to `out`, its diagnostics to `diags`.
void run_plugin(const std::string& name, const ir::Module& m, const Options& options, FileSink& out,
                Diagnostics& diags);

}  // namespace gpic
