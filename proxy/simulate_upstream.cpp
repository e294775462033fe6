// proxy/simulate_upstream.cpp: the simulated SSM behind the proxy's front.
//
// Index
//   is_throttled
//   SimulatedUpstream::send       S3: answer; SSM and Logs: number, maybe throttle, answer (one
//                                 lock, one clock reading; an unexpected exception becomes
//                                 InternalServerError, 500)
//   SimulatedUpstream::describe   what /healthz says: simulated, the throttling rule, the commands
//                                 and where each sends its whole output
//   make_simulated_upstream
#include "simulate_upstream.h"

#include <cassert>
#include <exception>

#include "simulate_logs.h"
#include "simulate_s3.h"
#include "simulate_ssm.h"
#include "simulate_uploads.h"
#include "simulate_wire.h"

namespace ssmview::proxy {

namespace {
constexpr std::size_t kHealthzInstances = 12;  // a fleet's ids /healthz lists (InstanceCount counts all)
}  // namespace

bool is_throttled(std::uint64_t request_number, int throttle_every) {
    return throttle_every > 0 && request_number % static_cast<std::uint64_t>(throttle_every) == 0;
}

SimulatedUpstream::SimulatedUpstream(SimulateOptions options, std::shared_ptr<const Clock> clock)
    : options_(options), clock_(std::move(clock)), runs_(options.speed) {
    assert(clock_ && options_.throttle_every >= 0 && options_.speed > 0);
}

aws::HttpResponse SimulatedUpstream::send(const ProxyRequest& request) {
    std::lock_guard<std::mutex> lock(mutex_);
    // Upstream::send never throws; nothing below should, but an answer beats a dropped connection.
    if (request.service == Service::S3) {
        const std::uint64_t n = ++s3_requests_;
        try {
            return answer_s3(request, runs_, clock_->now_ms(), n);
        } catch (const std::exception&) {
            return s3_internal_error(request, n);
        }
    }
    std::uint64_t n = ++requests_;
    // Request ids are UUID-shaped and differ per request; seeded by the number so runs repeat.
    std::string request_id = uuid_from(n * 0x100000001B3ull);
    Reply reply;
    if (is_throttled(n, options_.throttle_every)) {
        reply = error_reply("ThrottlingException", "Rate exceeded");
    } else {
        try {
            reply = request.service == Service::Logs
                        ? answer_logs(request.action, request.http.body, runs_, clock_->now_ms())
                        : answer_ssm(request.action, request.http.body, runs_, clock_->now_ms());
        } catch (const std::exception& e) {
            reply = error_reply("InternalServerError", std::string("ssmview-proxy --simulate failed: ") + e.what(), 500);
        }
    }
    return to_http(reply, request_id);
}

nlohmann::json SimulatedUpstream::describe() const {
    nlohmann::json d;
    d["upstream"] = "simulated";
    d["note"] = "built-in commands answered by ssmview-proxy itself (SSM, their CloudWatch Logs and S3 "
                "output); nothing reaches AWS";
    d["region"] = kSimRegion;
    if (options_.throttle_every > 0) {
        std::string n = std::to_string(options_.throttle_every);
        d["throttling"] = "requests " + n + ", " + std::to_string(2 * options_.throttle_every) + ", " +
                          std::to_string(3 * options_.throttle_every) + ", ... answer ThrottlingException";
    } else {
        d["throttling"] = "off";
    }
    d["speed"] = options_.speed;
    d["commands"] = nlohmann::json::array();
    std::lock_guard<std::mutex> lock(mutex_);
    for (const SimCommand& c : catalog()) {
        nlohmann::json j;
        j["CommandId"] = c.command_id;
        j["Comment"] = c.comment;
        j["DocumentName"] = c.document_name;
        // A fleet's first kHealthzInstances ids stand for the rest: /healthz stays a page a person reads.
        j["InstanceCount"] = c.invocations.size();
        j["InstanceIds"] = nlohmann::json::array();
        for (std::size_t i = 0; i < c.invocations.size() && i < kHealthzInstances; ++i)
            j["InstanceIds"].push_back(c.invocations[i].instance_id);
        if (c.invocations.front().steps.size() > 1) {
            j["PluginNames"] = nlohmann::json::array();
            for (const Step& s : c.invocations.front().steps) j["PluginNames"].push_back(s.name);
        }
        if (c.cloudwatch_enabled)
            j["CloudWatchLogGroupName"] = invocation_log_output(core_invocation(c, c.invocations.front(), 0)).group;
        if (!c.output_s3_bucket.empty())
            j["OutputS3"] = "s3://" + c.output_s3_bucket + "/" + c.output_s3_prefix + (c.output_s3_prefix.empty() ? "" : "/");
        j["story"] = c.story;
        j["run"] = runs_.get(c).number;  // 0: not started yet
        d["commands"].push_back(j);
    }
    return d;
}

std::unique_ptr<Upstream> make_simulated_upstream(const SimulateOptions& options) {
    return std::make_unique<SimulatedUpstream>(options);
}

}  // namespace ssmview::proxy
