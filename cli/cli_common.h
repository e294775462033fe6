// cli/cli_common.h: what every `ssmview` command shares.
//
// Index
//   print_usage         the help text, with the exit status table from exit_codes.h
//   usage_error         "ssmview: <why>" + the help text on stderr; returns 2
//   want_colour         a terminal, no --no-color, no NO_COLOR
//   default_viewer_base $SSMVIEW_BASE_URL or http://127.0.0.1:8080/ (link and link --fetch)
//
// Call flow: main.cpp dispatches to inspect/link/open (main.cpp) and fetch/follow/link --fetch
// (cmd_fetch.cpp, cmd_follow.cpp); each reports a usage problem through usage_error.
#pragma once
#include <cstdio>
#include <string>

namespace ssmview {

void        print_usage(std::FILE* to);
int         usage_error(const std::string& message);
bool        want_colour(bool no_colour_flag);
std::string default_viewer_base();

}  // namespace ssmview
