// proxy/simulate_uploads.cpp: see simulate_uploads.h.
//
// Index
//   log_events            upload instants -> the text written since the last one -> events split
//                         at line ends
//   core_invocation
//   log_streams           catalog x invocations x steps x {stdout, stderr}, named by the core
//   log_group_exists, landed_events
//   s3_objects            the same walk, keys from parse_s3_url(output_url(...))
//   s3_bucket_exists
#include "simulate_uploads.h"

#include <algorithm>
#include <cassert>

#include "sigv4.h"  // sha256_hex, for ETags

namespace ssmview::proxy {

namespace {

const Output& output_of(const SimInvocation& inv, std::size_t step, OutputStream stream) {
    const Step& s = inv.steps[step];
    return stream == OutputStream::Stdout ? s.out : s.err;
}

// [begin, end) of `text` in pieces of at most kMaxLogEventBytes, each ending at a line end when one
// is in reach (else at a character boundary: a line longer than an event is split, as the agent does).
std::vector<std::pair<std::size_t, std::size_t>> split_event(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<std::pair<std::size_t, std::size_t>> pieces;
    while (end - begin > kMaxLogEventBytes) {
        std::size_t cut = text.rfind('\n', begin + kMaxLogEventBytes - 1);
        if (cut == std::string_view::npos || cut < begin) {
            cut = begin + kMaxLogEventBytes;
            while ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        } else {
            ++cut;  // the line end stays with its line
        }
        pieces.emplace_back(begin, cut);
        begin = cut;
    }
    pieces.emplace_back(begin, end);
    return pieces;
}

}  // namespace

// ---- log_events -------------------------------------------------------------------------------

std::vector<LogEventSpec> log_events(const Output& output, std::int64_t duration_ms) {
    std::vector<LogEventSpec> events;
    const auto& marks = output.marks();
    std::size_t next_mark = 0, sent = 0;
    for (std::int64_t upload = kLogUploadEveryMs;; upload += kLogUploadEveryMs) {
        const bool last = upload >= duration_ms;
        if (last) upload = duration_ms + kLastLogUploadAfterEndMs;
        // What was written since the last upload; the timestamp is when its first write happened.
        const std::size_t first_mark = next_mark;
        while (next_mark < marks.size() && marks[next_mark].at_ms <= upload) ++next_mark;
        if (next_mark > first_mark) {
            const std::size_t end = marks[next_mark - 1].end;
            for (auto [b, e] : split_event(output.text(), sent, end)) {
                // A piece's timestamp is that of the write it starts in.
                std::size_t m = first_mark;
                while (marks[m].end <= b) ++m;
                events.push_back({marks[m].at_ms, upload, b, e});
            }
            sent = end;
        }
        if (last) break;
    }
    assert(sent == output.text().size());
    return events;
}

// ---- core_invocation --------------------------------------------------------------------------

Invocation core_invocation(const SimCommand& c, const SimInvocation& inv, std::size_t step) {
    assert(step < inv.steps.size());
    auto set = [](auto& field, auto value) {
        field.present = true;
        field.value = std::move(value);
    };
    Invocation i;
    set(i.command_id, c.command_id);
    set(i.instance_id, inv.instance_id);
    set(i.document_name, c.document_name);
    set(i.plugin_name, inv.steps[step].name);
    CloudWatchOutputConfig cw;
    set(cw.log_group_name, c.cloudwatch_log_group);
    set(cw.output_enabled, c.cloudwatch_enabled);
    set(i.cloud_watch_output_config, std::move(cw));
    return i;
}

// ---- log_streams ------------------------------------------------------------------------------

std::string_view SimLogStream::text() const { return output_of(*invocation, step, stream).text(); }

std::string_view SimLogStream::message(const LogEventSpec& e) const { return text().substr(e.begin, e.end - e.begin); }

std::int64_t SimLogStream::step_start_ms() const { return invocation->steps[step].start_ms; }

const std::vector<SimLogStream>& log_streams() {
    static const std::vector<SimLogStream> streams = [] {
        std::vector<SimLogStream> all;
        for (const SimCommand& c : catalog()) {
            if (!c.cloudwatch_enabled) continue;
            for (const SimInvocation& inv : c.invocations) {
                if (!inv.delivered) continue;  // never ran: wrote nothing anywhere
                for (std::size_t i = 0; i < inv.steps.size(); ++i) {
                    const LogOutput names = invocation_log_output(core_invocation(c, inv, i));
                    assert(names.enabled);
                    for (OutputStream k : {OutputStream::Stdout, OutputStream::Stderr}) {
                        const Step& s = inv.steps[i];
                        std::vector<LogEventSpec> events = log_events(output_of(inv, i, k), s.end_ms - s.start_ms);
                        if (events.empty()) continue;
                        all.push_back({&c, &inv, i, k, names.group,
                                       k == OutputStream::Stdout ? names.stdout_stream : names.stderr_stream,
                                       std::move(events)});
                    }
                }
            }
        }
        return all;
    }();
    return streams;
}

bool log_group_exists(std::string_view group) {
    for (const SimCommand& c : catalog())
        if (c.cloudwatch_enabled && invocation_log_output(core_invocation(c, c.invocations.front(), 0)).group == group)
            return true;
    return false;
}

std::size_t landed_events(const SimLogStream& stream, std::int64_t t) {
    const std::int64_t elapsed = t - stream.step_start_ms();
    const auto after = std::upper_bound(stream.events.begin(), stream.events.end(), elapsed,
                                        [](std::int64_t e, const LogEventSpec& ev) { return e < ev.landed_ms; });
    return static_cast<std::size_t>(after - stream.events.begin());
}

// ---- s3_objects -------------------------------------------------------------------------------

std::string_view SimObject::data() const { return output_of(*invocation, step, stream).text(); }

std::int64_t SimObject::put_at_ms() const { return invocation->steps[step].end_ms; }

const std::vector<SimObject>& s3_objects() {
    static const std::vector<SimObject> objects = [] {
        std::vector<SimObject> all;
        for (const SimCommand& c : catalog()) {
            if (c.output_s3_bucket.empty()) continue;
            for (const SimInvocation& inv : c.invocations) {
                if (!inv.delivered) continue;
                for (std::size_t i = 0; i < inv.steps.size(); ++i) {
                    for (OutputStream k : {OutputStream::Stdout, OutputStream::Stderr}) {
                        const Output& out = output_of(inv, i, k);
                        if (out.empty()) continue;  // the agent puts no object for an empty output
                        const S3Location loc = parse_s3_url(output_url(c, inv, i, output_stream_name(k)));
                        assert(loc.ok && loc.bucket == c.output_s3_bucket);
                        all.push_back({&c, &inv, i, k, loc.bucket, loc.key,
                                       "\"" + aws::sha256_hex(out.text()).substr(0, 32) + "\""});
                    }
                }
            }
        }
        return all;
    }();
    return objects;
}

bool s3_bucket_exists(std::string_view bucket) {
    for (const SimCommand& c : catalog())
        if (!c.output_s3_bucket.empty() && c.output_s3_bucket == bucket) return true;
    return false;
}

}  // namespace ssmview::proxy
