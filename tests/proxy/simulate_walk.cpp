// tests/proxy/simulate_walk.cpp: the walks of simulate_walk.h.
//
// Index
//   targets, target_key
//   ask, get_body         requests built with the core's own request builder (ssm_api.h)
//   ask_logs, ask_s3      RequestHead -> routes.h -> ProxyRequest -> the upstream
//   walk                  clock.set -> ask -> keep the answer when it differs from the last
#include "simulate_walk.h"

#include <algorithm>
#include <memory>

#include "logs_api.h"
#include "percent_encoding.h"
#include "routes.h"
#include "ssm_api.h"

namespace ssmview_test {

using namespace ssmview::proxy;

namespace {

// What distinguishes one invocation's life from another's: its endings and the output's shape.
std::string outcome_key(const SimInvocation& inv) {
    std::string key = inv.delivered ? "delivered" : "undelivered " + std::to_string(static_cast<int>(inv.undelivered_ending));
    for (const Step& s : inv.steps)
        key += " " + std::to_string(static_cast<int>(s.ending)) + "/" + std::to_string(s.response_code) + "/" +
               (s.out.empty() ? "-" : "o") + (s.err.empty() ? "-" : "e");
    return key;
}

}  // namespace

// A fleet (more than three invocations) is walked through one invocation of each outcome, its
// first: 2,000 walks would say nothing 6 do not, and simulated_phases.json stays a page.
std::vector<Target> targets() {
    std::vector<Target> out;
    for (const SimCommand& c : catalog()) {
        std::vector<std::string> seen;
        for (const SimInvocation& inv : c.invocations) {
            if (c.invocations.size() > 3) {
                const std::string key = outcome_key(inv);
                if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
                seen.push_back(key);
            }
            if (inv.steps.size() == 1) {
                out.push_back({&c, &inv, ""});
                continue;
            }
            for (const Step& s : inv.steps) out.push_back({&c, &inv, s.name});
        }
    }
    return out;
}

std::string target_key(const Target& t) {
    return t.command->command_id + " " + t.invocation->instance_id + (t.plugin.empty() ? "" : " " + t.plugin);
}

ssmview::aws::HttpResponse ask(Upstream& upstream, const std::string& action, const std::string& body) {
    ProxyRequest r;
    r.service = Service::Ssm;
    r.action = action;
    r.http.method = "POST";
    r.http.headers = {{"Content-Type", ssmview::kSsmContentType},
                      {"X-Amz-Target", std::string(ssmview::kSsmTargetService) + "." + action}};
    r.http.body = body;
    return upstream.send(r);
}

std::string get_body(const std::string& command_id, const std::string& instance_id, const std::string& plugin) {
    return ssmview::get_command_invocation_request(command_id, instance_id, plugin);
}

namespace {

ssmview::aws::HttpResponse as_response(const ProxyAnswer& a) {
    ssmview::aws::HttpResponse r;
    r.status = a.status;
    r.headers = a.headers;
    r.body = a.body;
    return r;
}

ssmview::aws::HttpResponse through_routes(Upstream& upstream, const RequestHead& head, const std::string& body) {
    const Route route = route_request(default_allowlist(), head);
    if (!route.ok) return as_response(route.refusal);
    BodyCheck checked = check_route_body(route, body);
    if (!checked.ok) return as_response(checked.refusal);
    return upstream.send(make_proxy_request(route, std::move(checked.body)));
}

}  // namespace

ssmview::aws::HttpResponse ask_logs(Upstream& upstream, const std::string& action, const std::string& body) {
    RequestHead head;
    head.method = "POST";
    head.path = "/";
    head.headers = {{"Content-Type", ssmview::kLogsContentType},
                    {"X-Amz-Target", std::string(ssmview::kLogsTargetService) + "." + action}};
    return through_routes(upstream, head, body);
}

ssmview::aws::HttpResponse ask_s3(Upstream& upstream, const std::string& method, const std::string& bucket,
                                  const std::string& key, const std::string& range, const std::string& region) {
    RequestHead head;
    head.method = method;
    head.path = "/s3/" + region + "/" + bucket + "/" + ssmview::percent_encode(key, true);
    if (!range.empty()) head.headers.push_back({"Range", range});
    return through_routes(upstream, head, "");
}

std::vector<Observation> walk(const Target& target, std::int64_t step_ms) {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream upstream(SimulateOptions{0, 1.0}, clock);
    std::string body = get_body(target.command->command_id, target.invocation->instance_id, target.plugin);
    std::int64_t end = command_ends_at(*target.command) + 3000;
    std::vector<Observation> seen;
    for (std::int64_t t = 0; t <= end; t += step_ms) {
        clock->set(kWalkStartMs + t);
        ssmview::aws::HttpResponse r = ask(upstream, "GetCommandInvocation", body);
        std::string type(ssmview::aws::header_value(r.headers, "x-amzn-ErrorType"));
        if (seen.empty() || seen.back().status != r.status || seen.back().body != r.body)
            seen.push_back({t, r.status, type, r.body});
    }
    return seen;
}

}  // namespace ssmview_test
