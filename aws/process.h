// aws/process.h: run a credential helper program safely: no shell, a timeout, bounded output.
//
// Index
//   split_command_line   `credential_process` text -> argv (POSIX shell quoting, no expansion)
//   ProcessRequest       argv, extra environment, timeout, output bound
//   ProcessResult        exit status, captured stdout/stderr, or why it could not run
//   run_process          posix_spawnp + pipes + poll; kills the process group on timeout
//
// Call flow: credentials_process.cpp splits the profile's `credential_process` value (or builds
// `aws configure export-credentials ...`) into argv and calls Environment::run, which is
// run_process outside tests. Nothing goes through /bin/sh, so a value like `helper; rm -rf ~`
// runs `helper` with the arguments "rm", "-rf", "~" instead of a second command. The AWS SDKs do
// the same (botocore splits with shlex and runs without a shell).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ssmview::aws {

// Words split like a POSIX shell splits them, but with nothing expanded: '...' is literal,
// "..." allows \" \\ \$ \` escapes, a backslash outside quotes escapes the next character.
// Returns false with `error` set ("unterminated double quote") when the text cannot be split.
bool split_command_line(std::string_view text, std::vector<std::string>& argv, std::string& error);

struct ProcessRequest {
    std::vector<std::string>                         argv;  // argv[0] is looked up on PATH
    std::vector<std::pair<std::string, std::string>> env;   // set in the child, on top of ours
    int         timeout_ms = 60000;
    std::size_t max_output_bytes = 1u << 20;                // per stream; more is an error
};

struct ProcessResult {
    bool        started = false;    // false: could not start (error says why)
    bool        timed_out = false;  // killed after timeout_ms
    bool        output_too_large = false;
    int         exit_code = -1;     // when it exited normally
    int         term_signal = 0;    // when a signal ended it
    std::string out;                // stdout
    std::string err;                // stderr
    std::string error;              // "No such file or directory" when it did not start
};

ProcessResult run_process(const ProcessRequest& request);

}  // namespace ssmview::aws
