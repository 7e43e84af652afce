// `passerelle check --format json`: the whole report as one JSON document, for CI and tools.
#pragma once

#include <string>

#include "check/check.h"

namespace passerelle {

/// `strict` counts warnings as errors in "ok", as the exit code does.
std::string check_report_json(const CheckReport& report, bool strict);

}  // namespace passerelle
