// aws/region.cpp: the region, from the flag, AWS_REGION, AWS_DEFAULT_REGION, or the profile.
//
// Index
//   valid_region_name   the shape every AWS region has ("us-east-1", "cn-north-1", "us-isob-east-1")
//   resolve_region      the order, each candidate checked where it is found, so the error names it
#include "region.h"

namespace ssmview::aws {

bool valid_region_name(std::string_view region) {
    if (region.empty() || region.size() > 64) return false;
    if (!(region.front() >= 'a' && region.front() <= 'z')) return false;
    if (region.back() == '-') return false;
    for (char c : region)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

RegionResult resolve_region(const Environment& env, std::string_view region_flag, const SharedConfig& config,
                            const ProfileSelection& profile) {
    RegionResult r;
    auto take = [&](std::string value, std::string source) {
        if (valid_region_name(value)) {
            r.ok = true;
            r.region = std::move(value);
        } else {
            // A region is not secret; quoting it (cut short) shows the stray comment or URL.
            r.error = source + ": '" + value.substr(0, 64) +
                      "' is not a region name (expected lowercase letters, digits and '-', like us-east-1)";
        }
        r.source = std::move(source);
        return r;
    };
    if (!region_flag.empty()) return take(std::string(region_flag), "--region");
    if (std::string v = env_value(env, "AWS_REGION"); !v.empty()) return take(v, "AWS_REGION");
    if (std::string v = env_value(env, "AWS_DEFAULT_REGION"); !v.empty()) return take(v, "AWS_DEFAULT_REGION");
    if (!config.error.empty()) {
        r.error = "no region from --region, AWS_REGION or AWS_DEFAULT_REGION, and the profile cannot be read: " +
                  config.error;
        return r;
    }
    if (const std::optional<ConfigSection> p = config.profile(profile.name)) {
        if (const std::string* v = p->get("region"); v && !v->empty())
            return take(*v, "region in the profile '" + profile.name + "'");
    }
    r.error = "no AWS region: pass --region, set AWS_REGION, or set region in the profile '" + profile.name + "' of " +
              config.config_path;
    return r;
}

}  // namespace ssmview::aws
