// tests/proxy/output_layout_tool.cpp: the core's CloudWatch Logs names, printed for a Python test.
//
// Index
//   main   argv: DOCUMENT COMMAND INSTANCE PLUGIN -> three lines: default group, stdout stream,
//          stderr stream (core/output_location.h)
//
// tests/proxy/output_layout_test.py runs it for many names and compares each line with
// tests/support/ssm_output_layout.py, the copy the Python fakes use, so the two cannot drift.
#include <cstdio>

#include "output_location.h"

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: output_layout_tool DOCUMENT COMMAND INSTANCE PLUGIN\n");
        return 2;
    }
    using namespace ssmview;
    std::printf("%s\n%s\n%s\n", default_log_group(argv[1]).c_str(),
                log_stream_name(argv[2], argv[3], argv[4], OutputStream::Stdout).c_str(),
                log_stream_name(argv[2], argv[3], argv[4], OutputStream::Stderr).c_str());
    return 0;
}
