// cli/complete_output.cpp: see complete_output.h.
//
// Index
//   from_s3      one GET of the object
//   from_logs    GetLogEvents pages until the token comes back, bounded
//   read_complete_output
#include "complete_output.h"

#include "data_limits.h"
#include "truncation.h"

namespace ssmview {

namespace {

// A 200,000-line output is a few hundred pages of events at most; a service that keeps handing
// out new tokens with no end is not followed forever.
constexpr int kMaxLogPages = 10000;

std::string error_sentence(const ServiceError& e) {
    std::string s = service_error_title(e);
    if (!e.hint.empty()) s += ". " + e.hint;
    return s;
}

enum class Got { Whole, Missing, Failed };

Got from_s3(FetchClient& client, const S3Location& object, CompleteOutput& out) {
    const S3Answer a = fetch_s3_object(client, object, "");
    if (a.ok) {
        out.text = a.body;
        out.source = "s3://" + object.bucket + "/" + object.key;
        out.complete = true;
        return Got::Whole;
    }
    out.why = error_sentence(a.error);
    return a.missing ? Got::Missing : Got::Failed;
}

Got from_logs(FetchClient& client, const std::string& group, const std::string& stream, CompleteOutput& out) {
    std::string text, token;
    for (int page = 0; page < kMaxLogPages; ++page) {
        const LogsAnswer a = fetch_log_events(client, group, stream, token);
        if (a.no_stream) {
            out.why = "CloudWatch Logs has no stream " + stream + " in " + group;
            out.source = "CloudWatch Logs " + group + ":" + stream + " (no stream: no output)";
            return Got::Missing;
        }
        if (!a.ok) {
            out.why = error_sentence(a.error);
            return Got::Failed;
        }
        for (const LogEvent& e : a.page.events) text += e.message;
        // The end of the stream: the service hands back the token it was given.
        if (a.page.next_token.empty() || a.page.next_token == token) {
            out.text = std::move(text);
            out.source = "CloudWatch Logs " + group + ":" + stream;
            out.complete = true;
            return Got::Whole;
        }
        token = a.page.next_token;
    }
    out.why = "CloudWatch Logs kept handing out new pages of " + stream + " after " + std::to_string(kMaxLogPages);
    return Got::Failed;
}

}  // namespace

CompleteOutput read_complete_output(FetchClient& client, const Report& report, OutputStream stream) {
    const Invocation& inv = report.invocation;
    const bool is_stdout = stream == OutputStream::Stdout;
    const Field<std::string>& content = output_content(inv, stream);
    const Field<std::string>& url = output_url(inv, stream);
    const bool cut = output_cut(report, output_member(stream)).cut();

    CompleteOutput out;
    std::string why;
    if (url.present && !url.value.empty()) {
        const S3Location object = parse_s3_url(url.value);
        if (object.ok) {
            CompleteOutput s3;
            const Got g = from_s3(client, object, s3);
            if (g == Got::Whole) return s3;
            why = s3.why;
        }
    }
    const LogOutput logs = invocation_log_output(inv);
    if (logs.enabled) {
        CompleteOutput cw;
        const Got g = from_logs(client, logs.group, is_stdout ? logs.stdout_stream : logs.stderr_stream, cw);
        // No stream while the answer has text: the logs do not hold this output (yet); keep looking.
        if (g == Got::Whole || (g == Got::Missing && content.value.empty())) {
            cw.complete = true;
            return cw;
        }
        if (why.empty()) why = cw.why;
    }
    out.text = content.value;
    out.source = "GetCommandInvocation";
    out.complete = !cut;
    if (!out.complete)
        out.why = why.empty() ? output_limit_sentence(output_member(stream)) +
                                    " The command sent its output to neither S3 nor CloudWatch Logs, so the rest is not kept."
                              : why;
    return out;
}

}  // namespace ssmview
