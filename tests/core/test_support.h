// tests/core/test_support.h: small helpers shared by the core's tests.
//
// Index
//   read_fixture     a file under tests/fixtures (path baked in at build time)
//   codes / has_code / first_with   look into a report's diagnostics
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "report.h"

namespace ssmview_test {

inline std::string read_fixture(const std::string& relative) {
    std::ifstream in(std::string(SSMVIEW_FIXTURES) + "/" + relative, std::ios::binary);
    if (!in) throw std::runtime_error("fixture not found: " + relative);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::vector<std::string> codes(const ssmview::Report& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(d.code);
    return out;
}

inline bool has_code(const ssmview::Report& r, const std::string& code) {
    for (const auto& d : r.diagnostics)
        if (d.code == code) return true;
    return false;
}

inline const ssmview::Diagnostic* first_with(const ssmview::Report& r, const std::string& code) {
    for (const auto& d : r.diagnostics)
        if (d.code == code) return &d;
    return nullptr;
}

// A compact invocation with the given members spliced in (a JSON object body without braces).
inline std::string invocation_with(const std::string& members) {
    return "{\"CommandId\":\"1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\",\"InstanceId\":\"i-0802cc9316fe86d8a\"" +
           (members.empty() ? std::string() : "," + members) + "}";
}

}  // namespace ssmview_test
