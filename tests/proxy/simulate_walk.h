// tests/proxy/simulate_walk.h: follow every simulated invocation through its life with a manual clock.
//
// Index
//   kWalkStartMs        the instant every walk starts at (2026-11-20T14:00:00.000Z)
//   Target, targets     every (command, instance, step) GetCommandInvocation can ask about; of a
//                       fleet, one invocation per outcome
//   target_key          "CommandId InstanceId[ PluginName]", the key of simulated_phases.json
//   Observation, walk   ask every step_ms, from the first mention until after the end; keep each
//                       distinct answer
//   ask                 one request to a SimulatedUpstream, as the proxy's front would make it
//   ask_logs, ask_s3    a CloudWatch Logs or S3 request through the proxy's own routes.h
//                       (route_request, check_route_body, make_proxy_request): what the real proxy
//                       forwards is what the simulator is asked; a refusal comes back as the answer
//
// Call flow: a walk builds its own SimulatedUpstream (throttling off, so every answer is the
// command's) on a ManualClock, sets the clock, asks, and records a change. The Catch2 tests read
// the observations with the core in-process; simulate_timeline prints them for the Python test
// that reads them through `ssmview inspect --json`. Both compare against simulated_phases.json.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "simulate_catalog.h"
#include "simulate_upstream.h"

namespace ssmview_test {

constexpr std::int64_t kWalkStartMs = 1795183200000;  // 2026-11-20T14:00:00.000Z

struct Target {
    const ssmview::proxy::SimCommand*    command;
    const ssmview::proxy::SimInvocation* invocation;
    std::string                          plugin;  // "" for single-step documents (not sent)
};
std::vector<Target> targets();
std::string         target_key(const Target& t);

struct Observation {
    std::int64_t t_ms;        // after the first mention
    int          status;      // HTTP status
    std::string  error_type;  // x-amzn-ErrorType ("" for 200)
    std::string  body;
};
std::vector<Observation> walk(const Target& target, std::int64_t step_ms = 100);

ssmview::aws::HttpResponse ask(ssmview::proxy::Upstream& upstream, const std::string& action,
                               const std::string& body);
std::string get_body(const std::string& command_id, const std::string& instance_id,
                     const std::string& plugin = "");

ssmview::aws::HttpResponse ask_logs(ssmview::proxy::Upstream& upstream, const std::string& action,
                                    const std::string& body);
// `key` as the object's key (encoded here, as a client would); `region` the path's.
ssmview::aws::HttpResponse ask_s3(ssmview::proxy::Upstream& upstream, const std::string& method,
                                  const std::string& bucket, const std::string& key, const std::string& range = "",
                                  const std::string& region = ssmview::proxy::kSimRegion);

}  // namespace ssmview_test
