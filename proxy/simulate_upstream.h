// proxy/simulate_upstream.h: the Upstream `ssmview-proxy --simulate` talks to: SSM, CloudWatch Logs
// and S3 answered from built-in commands.
//
// Index
//   kDefaultThrottleEvery   every 10th request answers ThrottlingException
//   SimulateOptions         throttling pattern and timeline speed
//   is_throttled            the throttling rule, on its own (tests and docs use it)
//   SimulatedUpstream       the Upstream: counts, throttles, locks, answers through simulate_ssm,
//                           simulate_logs and simulate_s3
//   make_simulated_upstream what main.cpp calls for --simulate
//
// Call flow: the proxy's front accepts and routes a request exactly as for real AWS (token, CORS,
// allowlist, limits, the Logs body check, logs), then calls send(). An SSM or CloudWatch Logs
// request is numbered (1, 2, 3, ... across all clients and both services); if is_throttled(n) it
// gets the service's ThrottlingException and changes nothing; otherwise the clock is read once and
// simulate_ssm or simulate_logs answers, with Content-Type, a fresh x-amzn-RequestId and, for
// errors, x-amzn-ErrorType, like AWS's. An S3 read is not numbered and never throttled (S3's read
// rates are far above a viewer's): simulate_s3 answers it with S3's own headers and XML errors.
// All three read the same runs, so a command's output in GetCommandInvocation, in its log streams
// and in its S3 objects are one story at one instant.
//
// Throttling pattern: request n is throttled when n % throttle_every == 0 (n counts from 1, and a
// throttled request counts too), so with the default the 10th, 20th, 30th, ... requests answer
// HTTP 400 {"__type":"ThrottlingException","message":"Rate exceeded"}, which is also what
// CloudWatch Logs answers when its low read quotas run out. A client retrying at once gets an
// answer on the next request. throttle_every = 0 turns it off.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>

#include "simulate_clock.h"
#include "simulate_runs.h"
#include "upstream.h"

namespace ssmview::proxy {

constexpr int kDefaultThrottleEvery = 10;

struct SimulateOptions {
    int    throttle_every = kDefaultThrottleEvery;  // 0: never throttle
    double speed = 1.0;                              // > 0; 2.0 plays every command twice as fast
};

bool is_throttled(std::uint64_t request_number, int throttle_every);

class SimulatedUpstream final : public Upstream {
public:
    explicit SimulatedUpstream(SimulateOptions options = {},
                               std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>());
    aws::HttpResponse send(const ProxyRequest& request) override;
    nlohmann::json    describe() const override;

private:
    SimulateOptions              options_;
    std::shared_ptr<const Clock> clock_;
    mutable std::mutex           mutex_;  // the server answers on several threads
    Runs                         runs_;
    std::uint64_t                requests_ = 0;     // SSM and Logs: the throttling count
    std::uint64_t                s3_requests_ = 0;  // S3: request ids only
};

std::unique_ptr<Upstream> make_simulated_upstream(const SimulateOptions& options = {});

}  // namespace ssmview::proxy
