// tests/proxy/simulate_timeline.cpp: print every distinct GetCommandInvocation answer of every simulated invocation.
//
// Index
//   main   for each target of simulate_walk.h: one JSON line per distinct answer
//          {"key": "CommandId InstanceId[ PluginName]", "t": ms, "status": 200|400,
//           "error": "InvocationDoesNotExist"|"", "body": "<the answer body, as sent>"}
//
// simulate_cli_test.py runs it and hands each body to `ssmview inspect --json`, so the
// simulator's answers are checked by the CLI users run, not only by the core in-process.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "simulate_walk.h"

int main() {
    for (const auto& target : ssmview_test::targets()) {
        for (const auto& o : ssmview_test::walk(target)) {
            nlohmann::json line = {{"key", ssmview_test::target_key(target)},
                                   {"t", o.t_ms},
                                   {"status", o.status},
                                   {"error", o.error_type},
                                   {"body", o.body}};
            std::puts(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict).c_str());
        }
    }
    return 0;
}
