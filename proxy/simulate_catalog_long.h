// proxy/simulate_catalog_long.h: the catalog's two commands whose output is longer than
// GetCommandInvocation returns (for simulate_catalog.cpp's catalog(); nothing else calls these).
//
// Index
//   export_orders      200,000 CSV rows (5 MB) to CloudWatch Logs and S3, stderr appearing late
//   translation_dump   7,200 lines in twelve scripts to S3 and the default log group; the 24,000-byte
//                      cut of stdout falls inside a multi-byte character; stderr is cut at 8,000
#pragma once
#include "simulate_catalog.h"

namespace ssmview::proxy {

SimCommand export_orders();
SimCommand translation_dump();

}  // namespace ssmview::proxy
