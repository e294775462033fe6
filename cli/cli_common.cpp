// cli/cli_common.cpp: see cli_common.h.
//
// Index
//   usage_text      the commands and their options
//   print_usage     kUsage + the exit status table (kExitCodeTable)
//   usage_error, want_colour, default_viewer_base
#include "cli_common.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "exit_codes.h"
#include "fetch_link.h"

namespace ssmview {

namespace {

// Built once: the proxy's default address comes from core/fetch_link.h, not from this text.
std::string usage_text() {
    return std::string(
    "usage: ssmview inspect [FILE|-] [--json] [--no-color] [--similar]\n"
    "       ssmview inspect [FILE|-] --instance-id ID [--plugin-name NAME] [--json] [--no-color]\n"
    "       ssmview link [FILE|-] [--base URL] [--redact] [--mask TEXT]...\n"
    "       ssmview link --fetch TARGET [--proxy URL] [--base URL]\n"
    "       ssmview open LINK|-\n"
    "       ssmview fetch TARGET [CONNECTION] [--json] [--no-color]\n"
    "       ssmview fetch TARGET [CONNECTION] --complete\n"
    "       ssmview follow TARGET [CONNECTION] [--json] [--no-color]\n"
    "       ssmview follow TARGET [CONNECTION] --stream [--color | --no-color]\n"
    "       ssmview follow --command-id ID [CONNECTION] [--json] [--no-color] [--similar]\n"
    "\n"
    "Reads the output of `aws ssm get-command-invocation --output json` (a paste with a prompt\n"
    "around it is fine). Without FILE, or with -, reads standard input. inspect also reads a\n"
    "fleet: send-command, list-commands and list-command-invocations [--details] output, several\n"
    "pages one after the other included.\n"
    "\n"
    "  inspect   a readable report; --json prints one object for scripts. For a fleet: counts,\n"
    "            failures first, then each distinct output once with the instances that printed\n"
    "            it; --similar groups outputs that differ only in digits, hex ids and times;\n"
    "            --instance-id reports one target of a fleet from what the list says (the step\n"
    "            that did not succeed, or --plugin-name's)\n"
    "  link      a share link carrying the whole invocation in its #fragment (never sent to a server);\n"
    "            for a fleet, its command and invocations, failures first, and what did not fit\n"
    "            --base URL   the viewer's address (default $SSMVIEW_BASE_URL or http://127.0.0.1:8080/)\n"
    "            --redact     mask AWS access key ids and secret-looking tokens\n"
    "            --mask TEXT  mask every occurrence of TEXT (repeatable)\n"
    "            --fetch      a live link instead: it names the invocation, and whoever opens it\n"
    "                         fetches and follows it through their proxy (--proxy puts one in the link)\n"
    "  open      the invocation JSON a share link carries (a fleet's: its pages, for inspect -);\n"
    "            - reads the link from stdin (a fleet's can be longer than a command line)\n"
    "  fetch     GetCommandInvocation once, printed as inspect prints it\n"
    "  follow    poll until the invocation ends (every 5 s, backing off when throttled, no time\n"
    "            limit; Cancelling is followed to its end), one line per change on stderr, then\n"
    "            the report; the exit status says how it ended (below). Ctrl+C stops it.\n"
    "            With --command-id alone: every invocation of the command (ListCommands, then\n"
    "            ListCommandInvocations pages, paced for large fleets), the counts on stderr as\n"
    "            they change, then the fleet report; 0 when all succeeded, else 206.\n"
    "\n"
    "TARGET      --command-id ID --instance-id ID [--plugin-name NAME]  (NAME: one step of a\n"
    "            multi-step document), or --link LIVE-LINK (what `link --fetch` prints)\n"
    "CONNECTION  directly to AWS, signed with the credential chain (environment, profile,\n"
    "            credential_process, SSO/role profiles through the AWS CLI, container, IMDSv2):\n"
    "              [--region R] [--profile P] [--endpoint-url URL]\n"
    "            region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region;\n"
    "            endpoint: --endpoint-url, AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL, the profile,\n"
    "            else https://ssm.<region>.amazonaws.com (.com.cn in China)\n"
    "            or through ssmview-proxy, which holds the credentials (nothing is signed here):\n"
    "              --proxy URL [--token T | --token-file F]   (ssmview-proxy listens on ") +
           kDefaultProxyUrl + ")\n\nExit status:\n";
}

}  // namespace

void print_usage(std::FILE* to) {
    std::fputs(usage_text().c_str(), to);
    for (const ExitCodeRow& row : kExitCodeTable) std::fprintf(to, "  %-9s %s\n", row.code, row.meaning);
}

int usage_error(const std::string& message) {
    std::fprintf(stderr, "ssmview: %s\n\n", message.c_str());
    print_usage(stderr);
    return kExitUsage;
}

bool want_colour(bool no_colour_flag) { return !no_colour_flag && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"); }

std::string default_viewer_base() {
    const char* env_base = std::getenv("SSMVIEW_BASE_URL");
    return env_base && *env_base ? env_base : "http://127.0.0.1:8080/";
}

}  // namespace ssmview
