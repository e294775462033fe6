// proxy/simulate_catalog_fleet.h: the catalog's fleets, commands sent to many instances at once
// (for simulate_catalog.cpp's catalog(); nothing else calls these).
//
// Index
//   patch_fleet       12 instances, three distinct outputs, two failures (a security-update check)
//   baseline_fleet    a two-step document on 6 instances; one fails its second step
//   web_fleet         2,000 instances in waves: outputs that differ only in digits (the similar
//                     grouping joins them), failures of two kinds, delivery time-outs, several
//                     pages at any MaxResults
//
// The instances are made, not listed: ids and host names come from a fixed hash of the instance's
// index, so every run and every machine sees the same fleet, and the README names the counts
// rather than 2,000 ids. The stories end within the catalog's usual minute (a test checks).
#pragma once
#include "simulate_catalog.h"

namespace ssmview::proxy {

SimCommand patch_fleet();
SimCommand baseline_fleet();
SimCommand web_fleet();

}  // namespace ssmview::proxy
