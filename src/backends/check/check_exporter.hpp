// The "check" and "check-json" exporters: `galley check`'s preflight report (src/check) as
// text or JSON. A report with errors also leaves one error diagnostic, so the command line
// can fail (exit 65) after printing it.
#pragma once

#include <memory>

#include "galley/export.hpp"

namespace galley::backends {

std::unique_ptr<Exporter> make_check_exporter();
std::unique_ptr<Exporter> make_check_json_exporter();

}  // namespace galley::backends
