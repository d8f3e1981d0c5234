#include "compiler/plugin.hpp"

#include <nlohmann/json.hpp>

#include "compiler/ir_json.hpp"
#include "compiler/process.hpp"

namespace gpic {

std::string find_plugin(const std::string& name) { return find_on_path("gpic-gen-" + name); }

void run_plugin(const std::string& name, const ir::Module& m, const Options& options, FileSink& out,
                Diagnostics& diags) {
  using nlohmann::json;
  std::string exe = find_plugin(name);
  std::string who = "plugin gpic-gen-" + name;
  if (exe.empty()) {
    diags.error({}, "unknown target '" + name + "': no gpic-gen-" + name + " on PATH");
    return;
  }
  json request = {{"gpic_plugin_schema", kPluginSchemaVersion},
                  {"gpic_plugin_schema_minor", kPluginSchemaMinor},
                  {"target", name},
                  {"gpic_version", options.gpic_version},
                  {"options", {{"langs", options.langs}, {"snake_names", options.snake_names}, {"params", options.params}}},
                  {"module", to_json(m)}};
  ProcessOptions po;
  po.input = request.dump();
  ProcessResult r = run_process({exe}, po);
  if (r.exit_code != 0) {
    std::string detail = r.start_error.empty() ? r.err : r.start_error;
    diags.error({m.file, 0, 0}, who + " failed (exit status " + std::to_string(r.exit_code) + ")" +
                                    (detail.empty() ? "" : ":\n" + detail));
    return;
  }
  json response;
  try {
    response = json::parse(r.out);
    for (const auto& d : response.value("diagnostics", json::array())) {
      ir::Loc loc{d.value("file", m.file), d.value("line", 0), d.value("col", 0)};
      std::string sev = d.value("severity", "error");
      std::string msg = d.at("message").get<std::string>();
      if (sev == "warning") diags.warning(loc, msg);
      else if (sev == "note") diags.note(loc, msg);
      else diags.error(loc, msg);
    }
    for (const auto& f : response.at("files")) {
      std::string path = f.at("path").get<std::string>();
      // A plugin writes inside the output directory, never beside or above it.
      if (path.empty() || path[0] == '/' || path.find("..") != std::string::npos) {
        diags.error({m.file, 0, 0}, who + " returned a file path outside the output directory: '" + path + "'");
        continue;
      }
      out.write(path, f.at("content").get<std::string>());
    }
  } catch (const json::exception& e) {
    diags.error({m.file, 0, 0}, who + " returned a malformed response: " + e.what());
  }
}

}  // namespace gpic
