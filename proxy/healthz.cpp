// proxy/healthz.cpp: see healthz.h.
#include "healthz.h"

#include "routes.h"

#ifndef SSMVIEW_VERSION
#error "SSMVIEW_VERSION is defined by proxy/CMakeLists.txt from the project's version"
#endif

namespace ssmview::proxy {

nlohmann::ordered_json healthz_json(const ProxyConfig& config, const nlohmann::json& upstream_description) {
    nlohmann::ordered_json j;
    j["status"] = "ok";
    j["proxy"] = "ssmview-proxy";
    j["version"] = SSMVIEW_VERSION;
    j["simulated"] = config.simulate;
    j["listen"] = config.listen_display();
    j["token_required"] = !config.token.empty();
    j["allowed_origins"] = config.allow_origins;
    nlohmann::ordered_json allow = nlohmann::ordered_json::object();
    for (const ServiceRoutes& r : service_routes()) {
        const std::vector<std::string> actions = config.allowlist.actions_of(r.service);
        if (!actions.empty()) allow[service_name(r.service)] = actions;
    }
    j["allowlist"] = allow;
    if (!config.allowlist.buckets.empty()) j["allowed_buckets"] = config.allowlist.buckets;
    j["limits"] = {{"max_body_bytes", config.max_body_bytes},
                   {"request_timeout_ms", config.request_timeout_ms},
                   {"idle_timeout_ms", config.idle_timeout_ms},
                   {"upstream_timeout_ms", config.upstream_timeout_ms},
                   {"max_connections", config.max_connections}};
    j["upstream"] = upstream_description;
    return j;
}

ProxyAnswer healthz_answer(const ProxyConfig& config, const Upstream& upstream) {
    ProxyAnswer a;
    a.status = 200;
    a.body = healthz_json(config, upstream.describe()).dump(2) + "\n";
    a.headers.push_back({"Content-Type", "application/json"});
    a.headers.push_back({"Cache-Control", "no-store"});
    return a;
}

}  // namespace ssmview::proxy
