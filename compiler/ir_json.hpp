// The IR as JSON, for external gpic-gen-NAME plugins (schema version kPluginSchemaVersion,
// documented in docs/en/targets.md). Every IR field is present; names are the IR's own.
#pragma once

#include <nlohmann/json.hpp>

#include "compiler/ir.hpp"

namespace gpic {

nlohmann::json to_json(const ir::Module& m);
nlohmann::json to_json(const ir::Type& t);
nlohmann::json to_json(const ir::Loc& l);
nlohmann::json to_json(const ir::Doc& d);

}  // namespace gpic
