// core/plugin_output.h: a plugin's `Output` (list-command-invocations --details) split back
// into the two streams the agent joined.
//
// Index
//   PluginOutputSplit     stdout and stderr as views into the Output, whether each was cut
//   split_plugin_output   at the agent's ERROR title; markers read with truncation.h
//
// The agent writes stdout, then (when stderr is not empty) kPluginOutputErrorTitle and stderr,
// into at most kMaxPluginOutputChars characters, cutting each stream with its own marker. The
// split is at the first title: a script that prints the title itself makes the split ambiguous,
// which `titles` > 1 lets the reader say.
#pragma once
#include <string_view>

namespace ssmview {

struct PluginOutputSplit {
    std::string_view out, err;   // views into the Output given
    bool out_cut = false, err_cut = false;  // ends in a truncation marker
    int  titles = 0;             // how many ERROR titles the Output holds
};

PluginOutputSplit split_plugin_output(std::string_view output);

}  // namespace ssmview
