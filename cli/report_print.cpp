// cli/report_print.cpp: see report_print.h.
//
// Index
//   print_report          text (inspect_text.h, fleet_text.h) or report_to_json / fleet_to_json
//   service_error_to_json
//   print_service_error   untrusted words pass sanitize_for_terminal before reaching a terminal
#include "report_print.h"

#include <cstdio>

#include "cli_common.h"
#include "exit_codes.h"
#include "fleet_report.h"
#include "fleet_text.h"
#include "inspect_text.h"

namespace ssmview {

int print_report(const Report& r, const std::string& input_name, const OutputOptions& o) {
    const bool fleet = r.kind == ReportKind::Fleet;
    if (o.json) {
        const Json j = fleet ? fleet_to_json(r, o.group) : report_to_json(r);
        std::printf("%s\n", j.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
    } else {
        TextStyle st;
        st.colour = want_colour(o.no_colour);
        std::fputs((fleet ? format_fleet_summary(r, st, o.group) : format_summary(r, st)).c_str(), stdout);
        const std::string diags = format_diagnostics(r, input_name, st);
        // With a report above them, diagnostics belong to it; alone, they are the error message.
        const bool reported = r.has_invocation || fleet;
        if (!diags.empty()) std::fprintf(reported ? stdout : stderr, "%s%s", reported ? "\n" : "", diags.c_str());
    }
    std::fflush(stdout);
    return r.valid() ? kExitOk : kExitInvalid;
}

Json service_error_to_json(const ServiceError& e) {
    Json out = Json::object();
    out["error"] = service_error_to_json_fields(e);  // core's one spelling of the members
    return out;
}

void print_service_error(const ServiceError& e, const OutputOptions& o) {
    if (o.json) {
        std::printf("%s\n", service_error_to_json(e).dump(2, ' ', false, Json::error_handler_t::replace).c_str());
        std::fflush(stdout);
    }
    // The person reads it on stderr either way; with --json, stdout stays one JSON document.
    std::fprintf(stderr, "ssmview: %s\n", sanitize_for_terminal(service_error_title(e)).c_str());
    if (!e.hint.empty()) std::fprintf(stderr, "hint: %s\n", e.hint.c_str());
    if (!e.request_id.empty()) std::fprintf(stderr, "request id: %s\n", sanitize_for_terminal(e.request_id).c_str());
}

}  // namespace ssmview
