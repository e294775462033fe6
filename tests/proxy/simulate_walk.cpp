// tests/proxy/simulate_walk.cpp: the walks of simulate_walk.h.
//
// Index
//   targets, target_key
//   ask, get_body         requests built with the core's own request builder (ssm_api.h)
//   walk                  clock.set -> ask -> keep the answer when it differs from the last
#include "simulate_walk.h"

#include <memory>

#include "ssm_api.h"

namespace ssmview_test {

using namespace ssmview::proxy;

std::vector<Target> targets() {
    std::vector<Target> out;
    for (const SimCommand& c : catalog())
        for (const SimInvocation& inv : c.invocations) {
            if (inv.steps.size() == 1) {
                out.push_back({&c, &inv, ""});
                continue;
            }
            for (const Step& s : inv.steps) out.push_back({&c, &inv, s.name});
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
