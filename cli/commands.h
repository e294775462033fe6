// cli/commands.h: the entry point of each `ssmview` command that lives outside main.cpp.
//
// Index
//   cmd_fetch        cmd_fetch.cpp    GetCommandInvocation once, printed as inspect prints it
//   cmd_link_fetch   cmd_fetch.cpp    `link --fetch`: the live link for an invocation
//   cmd_follow       cmd_follow.cpp   poll until the invocation ends; exit status per exit_codes.h
//   cmd_follow_fleet cmd_follow_fleet.cpp  follow without --instance-id: every invocation, grouped
//
// Call flow: main() dispatches on argv[1] and passes the remaining arguments; each returns the
// process's exit status.
#pragma once
#include <string>
#include <vector>

namespace ssmview {

int cmd_fetch(const std::vector<std::string>& args);
int cmd_link_fetch(const std::vector<std::string>& args);  // args without "--fetch"
int cmd_follow(const std::vector<std::string>& args);

struct FetchArgs;
int cmd_follow_fleet(const FetchArgs& args);  // args.fleet, already parsed by cmd_follow

}  // namespace ssmview
