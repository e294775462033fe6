// cli/live_output.cpp: see live_output.h.
//
// Index
//   write_out      the command's bytes to our stdout or stderr (escapes stripped when asked)
//   live_start, live_pump, live_settled
//   live_finish    per stream: S3 after what was written, or the complete output from scratch
#include "live_output.h"

#include <algorithm>

#include "ansi.h"
#include "inspect_text.h"

namespace ssmview {

namespace {

void write_out(LiveStream& s, const std::string& text) {
    if (text.empty()) return;
    const std::string shown = s.strip_ansi ? ansi_parse(text).text : text;
    std::fwrite(shown.data(), 1, shown.size(), s.to);
    std::fflush(s.to);
}

const char* name_of(const LiveStream& s) { return s.which == OutputStream::Stdout ? "stdout" : "stderr"; }

}  // namespace

void live_start(LiveOutput& live, const Report& first, bool strip_ansi_out, bool strip_ansi_err) {
    live.started = true;
    live.out.which = OutputStream::Stdout;
    live.out.to = stdout;
    live.out.strip_ansi = strip_ansi_out;
    live.err.which = OutputStream::Stderr;
    live.err.to = stderr;
    live.err.strip_ansi = strip_ansi_err;
    const LogOutput logs = invocation_log_output(first.invocation);
    live.logs = logs.enabled;
    live.group = logs.group;
    live.out.stream_name = logs.stdout_stream;
    live.err.stream_name = logs.stderr_stream;
}

bool live_pump(LiveOutput& live, FetchClient& client, std::int64_t now_ms) {
    if (!live.logs) return false;
    bool grew = false;
    for (LiveStream* s : {&live.out, &live.err}) {
        for (int page = 0; page < kMaxPagesPerRead; ++page) {
            const LogsAnswer a = fetch_log_events(client, live.group, s->stream_name, s->token);
            if (a.no_stream) break;  // no output on this stream yet
            if (!a.ok) {
                if (a.error.retry) return grew;  // throttled or a passing failure: the next poll reads on
                live.logs = false;
                live.logs_problem = service_error_title(a.error) + (a.error.hint.empty() ? "" : ". " + a.error.hint);
                return grew;
            }
            std::size_t bytes = 0;
            for (const LogEvent& e : a.page.events) {
                write_out(*s, e.message);
                bytes += e.message.size();
                grew = true;
            }
            s->written += static_cast<std::int64_t>(bytes);
            const bool at_end = log_page_at_end(a.page, s->token);
            if (!a.page.next_token.empty()) s->token = a.page.next_token;
            // Another page in the same poll only for a backlog (a big page); otherwise the next
            // poll reads on from the token, so the steady state is one read per stream per poll.
            if (at_end || !log_page_is_backlog(a.page)) break;
        }
    }
    if (grew) live.last_growth_ms = now_ms;
    return grew;
}

bool live_settled(const LiveOutput& live, std::int64_t ended_ms, std::int64_t now_ms) {
    if (!live.logs) return true;
    return now_ms - std::max(ended_ms, live.last_growth_ms) >= kLogsSettleMs;
}

bool live_finish(LiveOutput& live, FetchClient& client, const Report& last) {
    bool whole = true;
    if (!live.logs_problem.empty())
        std::fprintf(stderr, "ssmview: stopped reading CloudWatch Logs: %s\n", sanitize_for_terminal(live.logs_problem).c_str());
    for (LiveStream* s : {&live.out, &live.err}) {
        if (s->written > 0) {
            // The logs gave the start (or all) of it; S3 holds the whole text once the step ended.
            const Field<std::string>& url = output_url(last.invocation, s->which);
            const S3Location object = url.present && !url.value.empty() ? parse_s3_url(url.value) : S3Location{};
            if (!object.ok) continue;
            const S3Answer a = fetch_s3_object(client, object, "bytes=" + std::to_string(s->written) + "-");
            if (a.ok) write_out(*s, a.body);
            // InvalidRange: the object is no longer than what the logs gave. Missing: trust the logs.
            continue;
        }
        const CompleteOutput co = read_complete_output(client, last, s->which);
        write_out(*s, co.text);
        if (!co.complete) {
            std::fprintf(stderr, "ssmview: %s is cut: %s\n", name_of(*s), sanitize_for_terminal(co.why).c_str());
            whole = false;
        }
    }
    return whole;
}

}  // namespace ssmview
