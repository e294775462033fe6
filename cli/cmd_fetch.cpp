// cli/cmd_fetch.cpp: `ssmview fetch` and `ssmview link --fetch`.
//
// Index
//   cmd_fetch        parse -> open the client -> one GetCommandInvocation -> print
//   print_complete   --complete: the whole stdout and stderr (complete_output.h), to stdout/stderr
//   cmd_link_fetch   parse -> make_fetch_link (core/fetch_link.h)
//
// Exit status of fetch: what inspect returns for the answer (0 valid, 1 errors), 2 usage, and
// from exit_codes.h 210 (credentials/region/endpoint), 211 (an AWS or proxy error), 212 (cannot
// connect). fetch never waits: InvocationDoesNotExist right after send-command is an AWS error
// here (211) with the hint saying so; `follow` is the command that waits. With --complete: 205
// when a stream's whole output could not be had (what was printed is the cut text; stderr says
// why), 1 when the answer has errors, else 0.
#include <cstdio>

#include "cli_common.h"
#include "complete_output.h"
#include "commands.h"
#include "exit_codes.h"
#include "fetch_args.h"
#include "fetch_client.h"
#include "inspect_text.h"
#include "report_print.h"

namespace ssmview {

namespace {

// The command's own bytes, unchanged (ANSI escapes and all, like `ssh host cmd`), stdout to
// stdout and stderr to stderr; ssmview's own words only when something is missing, prefixed.
int print_complete(FetchClient& client, const Report& report) {
    if (!report.valid()) {
        print_report(report, kFetchedInputName, {});
        return kExitInvalid;
    }
    if (!report.state.terminal) {
        std::fprintf(stderr, "ssmview: the invocation has not ended (%s): its output is not complete yet; "
                             "`ssmview follow` waits for the end\n",
                     sanitize_for_terminal(report.state.status.empty() ? "no Status" : report.state.status).c_str());
        return kExitOutputCut;
    }
    const CompleteOutput out = read_complete_output(client, report, OutputStream::Stdout);
    const CompleteOutput err = read_complete_output(client, report, OutputStream::Stderr);
    std::fwrite(out.text.data(), 1, out.text.size(), stdout);
    std::fflush(stdout);
    std::fwrite(err.text.data(), 1, err.text.size(), stderr);
    int code = kExitOk;
    for (const CompleteOutput* o : {&out, &err}) {
        if (o->complete) continue;
        std::fprintf(stderr, "ssmview: %s is cut: %s\n", o == &out ? "stdout" : "stderr", sanitize_for_terminal(o->why).c_str());
        code = kExitOutputCut;
    }
    return code;
}

}  // namespace

int cmd_fetch(const std::vector<std::string>& args) {
    FetchArgs a;
    const std::string bad = parse_fetch_args(FetchCommand::Fetch, args, a);
    if (!bad.empty()) return usage_error(bad);
    FetchClient client;
    const std::string cannot = open_fetch_client(a, client);
    if (!cannot.empty()) {
        std::fprintf(stderr, "ssmview: %s\n", cannot.c_str());
        return kExitCredentials;
    }
    const FetchAnswer answer = fetch_invocation(client, a.target);
    switch (answer.kind) {
        case FetchAnswer::Kind::Report:
            if (a.complete) return print_complete(client, answer.report);
            return print_report(answer.report, kFetchedInputName, a.output);
        case FetchAnswer::Kind::Error:
            print_service_error(answer.error, a.output);
            return exit_code_for_error(answer.error);
        case FetchAnswer::Kind::NoCredentials:
            std::fprintf(stderr, "ssmview: %s\n", answer.credentials_error.c_str());
            return kExitCredentials;
    }
    return kExitAwsError;
}

int cmd_link_fetch(const std::vector<std::string>& args) {
    FetchArgs a;
    const std::string bad = parse_fetch_args(FetchCommand::LinkFetch, args, a);
    if (!bad.empty()) return usage_error(bad);
    std::printf("%s\n", make_fetch_link(a.base, a.target).c_str());
    return kExitOk;
}

}  // namespace ssmview
