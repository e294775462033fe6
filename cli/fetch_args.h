// cli/fetch_args.h: the arguments `fetch`, `follow` and `link --fetch` share, parsed and checked.
//
// Index
//   FetchCommand      which command is parsing (they accept different subsets)
//   FetchArgs         target (ids or a live link; follow: a command alone, the fleet), connection
//                     (direct or proxy), output
//   parse_fetch_args  argv -> FetchArgs, or the sentence a usage error prints
//
// Call flow: cmd_fetch.cpp / cmd_follow.cpp / cmd_link_fetch call parse_fetch_args first; on ""
// they connect (fetch_client.h) or print the link. Ids and proxy URLs are checked here with the
// core's one set of rules (check_fetch_target, check_proxy_url), so a typo is a usage error
// before anything is sent. --token-file is read here: an unreadable one is a usage error too.
#pragma once
#include <string>
#include <vector>

#include "fetch_link.h"
#include "report_print.h"

namespace ssmview {

enum class FetchCommand { Fetch, Follow, LinkFetch };

struct FetchArgs {
    FetchTarget   target;        // ids; target.proxy_url only for link --fetch
    std::string   proxy_url;     // fetch/follow: --proxy, else the --link's proxy; "" = directly to AWS
    std::string   token;         // the bearer token for the proxy (from --token or --token-file)
    std::string   region, profile, endpoint_url;  // direct to AWS only
    std::string   base;          // link --fetch: the viewer's address
    OutputOptions output;
    bool          complete = false;  // fetch --complete: print the whole output (S3, Logs), not the report
    bool          stream = false;    // follow --stream: the command's output as it arrives, not the report
    bool          color = false;     // follow --stream --color: keep escapes even when not a terminal
    bool          fleet = false;     // follow --command-id without --instance-id: every invocation
};

// "" when the arguments are usable, else what is wrong ("--command-id needs a value").
std::string parse_fetch_args(FetchCommand command, const std::vector<std::string>& args, FetchArgs& out);

}  // namespace ssmview
