// The "json" exporter: the article model as JSON, the contract `galley inspect` prints
// (documented in docs/inspect-json.md). The only user of nlohmann/json.
#pragma once

#include <memory>

#include "galley/export.hpp"

namespace galley::backends {

std::unique_ptr<Exporter> make_json_exporter();

}  // namespace galley::backends
