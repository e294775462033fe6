// cli/cmd_fetch.cpp: `ssmview fetch` and `ssmview link --fetch`.
//
// Index
//   cmd_fetch        parse -> open the client -> one GetCommandInvocation -> print
//   cmd_link_fetch   parse -> make_fetch_link (core/fetch_link.h)
//
// Exit status of fetch: what inspect returns for the answer (0 valid, 1 errors), 2 usage, and
// from exit_codes.h 210 (credentials/region/endpoint), 211 (an AWS or proxy error), 212 (cannot
// connect). fetch never waits: InvocationDoesNotExist right after send-command is an AWS error
// here (211) with the hint saying so; `follow` is the command that waits.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "exit_codes.h"
#include "fetch_args.h"
#include "fetch_client.h"
#include "report_print.h"

namespace ssmview {

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
        case FetchAnswer::Kind::Report: return print_report(answer.report, kFetchedInputName, a.output);
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
