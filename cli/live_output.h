// cli/live_output.h: `ssmview follow --stream`: the command's output as it arrives, then the rest.
//
// Index
//   LiveStream       one of stdout / stderr: the log token, the bytes written, where they go
//   LiveOutput       both streams, whether CloudWatch Logs can be read, and why not
//   live_start       once the first answer names the log group and streams (or says there are none)
//   live_pump        one poll's worth of new events, written as they are
//   live_settled     after the end: has every stream stopped growing for kLogsSettleMs?
//   live_finish      the rest from S3 (a Range after what was written), else the whole output
//
// Call flow (cmd_follow.cpp, --stream): every poll that brings an answer calls live_start (the
// first time) and live_pump; once the status is terminal, follow keeps calling live_pump at the
// same cadence until live_settled (the status can turn terminal before the last batch of logs
// lands), then live_finish. What was written is then the complete output, byte for byte, when S3
// or the logs hold it; otherwise live_finish says what is missing.
//
// Pace: one GetLogEvents per stream per poll (more only while a stream has a backlog, at most
// kMaxPagesPerRead pages), so following one invocation costs at most two Logs reads per 5 s
// poll in the steady state: CloudWatch Logs' read quotas are per account and region and shared.
// ThrottlingException skips the rest of that poll's reads; follow's cadence backs off on its own
// answers.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

#include "complete_output.h"
#include "fetch_client.h"
#include "output_location.h"
#include "report.h"

namespace ssmview {

// The pace (kLogsSettleMs, kMaxPagesPerRead, what a backlog is) is core/logs_api.h's: the page
// reads the logs by the same rules.

struct LiveStream {
    OutputStream which = OutputStream::Stdout;
    std::FILE*   to = nullptr;
    std::string  stream_name;     // the agent's stream, "" when the logs are not read
    std::string  token;           // the last nextForwardToken ("" = from the head)
    std::int64_t written = 0;     // bytes written so far, from the logs
    bool         strip_ansi = false;
};

struct LiveOutput {
    bool         started = false;
    bool         logs = false;          // CloudWatch output is enabled and readable
    std::string  group;
    LiveStream   out, err;
    std::int64_t last_growth_ms = 0;    // follow's clock: when a stream last grew
    std::string  logs_problem;          // why the logs stopped being read ("" = they were not)
};

void live_start(LiveOutput& live, const Report& first, bool strip_ansi_out, bool strip_ansi_err);
// Returns true when something new was written.
bool live_pump(LiveOutput& live, FetchClient& client, std::int64_t now_ms);
bool live_settled(const LiveOutput& live, std::int64_t ended_ms, std::int64_t now_ms);
// Writes what is missing after what the logs gave; returns false when a stream's output could
// not be had whole (a line on stderr said why).
bool live_finish(LiveOutput& live, FetchClient& client, const Report& last);

}  // namespace ssmview
