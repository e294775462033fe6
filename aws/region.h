// aws/region.h: which AWS region, and where that came from.
//
// Index
//   RegionResult        region + source ("--region", "AWS_REGION", "AWS_DEFAULT_REGION",
//                       "profile dev") or an error
//   valid_region_name   lowercase letters, digits and '-', 1..64 characters, starting with a letter
//   resolve_region      the flag, then AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`
//
// Call flow: the CLI and the proxy call resolve_region once at start, with the SharedConfig and
// ProfileSelection they also pass to the credential chain. A region goes into hostnames, so a
// malformed one (a stray "# comment", a URL) is an error naming its source, never a hostname.
#pragma once
#include <string>
#include <string_view>

#include "environment.h"
#include "shared_config.h"

namespace ssmview::aws {

struct RegionResult {
    bool        ok = false;
    std::string region;
    std::string source;
    std::string error;  // "no AWS region: pass --region, set AWS_REGION or ..." / "AWS_REGION: ..."
};

bool valid_region_name(std::string_view region);

RegionResult resolve_region(const Environment& env, std::string_view region_flag,
                            const SharedConfig& config, const ProfileSelection& profile);

}  // namespace ssmview::aws
