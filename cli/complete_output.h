// cli/complete_output.h: the whole output of one stream of a finished invocation, from wherever
// it is kept.
//
// Index
//   CompleteOutput        the bytes, where they came from, and whether they are the whole output
//   read_complete_output  Report + stream -> S3, else CloudWatch Logs, else the answer's own text
//
// Call flow: `ssmview fetch --complete` fetches the invocation (fetch_client.h), then calls this
// for stdout and stderr. The order follows where the whole text is surest:
//   1. S3 (StandardOutputUrl / StandardErrorUrl): the agent uploads the complete output once the
//      step ends. A missing object (AccessDenied or NoSuchKey) means an empty output or one not
//      uploaded; if the answer's own text was not cut, that text is the whole output.
//   2. CloudWatch Logs (CloudWatchOutputConfig enabled): GetLogEvents from the first event until
//      the forward token comes back unchanged; no stream means no output.
//   3. The answer's own text, whole when it was not cut (core/truncation.h output_cut).
// The layout (URL, group, stream names) is the core's (core/output_location.h); nothing here
// prints.
#pragma once
#include <string>

#include "fetch_client.h"
#include "output_location.h"
#include "report.h"

namespace ssmview {

struct CompleteOutput {
    bool        complete = false;  // false: only the answer's cut text could be had
    std::string text;              // the bytes as the agent wrote them
    std::string source;            // "s3://bucket/key", "CloudWatch Logs group:stream", "GetCommandInvocation"
    std::string why;               // when !complete: one sentence (an error's title and hint, or what is missing)
};

CompleteOutput read_complete_output(FetchClient& client, const Report& report, OutputStream stream);

}  // namespace ssmview
