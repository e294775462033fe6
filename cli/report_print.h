// cli/report_print.h: how every command that ends with a report prints it, and how an AWS error
// is printed.
//
// Index
//   kFetchedInputName     the name a fetched answer's diagnostics carry ("<stdin>" for a paste)
//   OutputOptions         --json, --no-color, --similar
//   print_report          what `inspect` prints: summary + diagnostics, or the --json object
//   service_error_to_json {"error": {type, message, kind, hint, httpStatus, requestId}}
//   print_service_error   "<type>: <message>" + hint on stderr, or the JSON object on stdout
//
// Call flow: inspect (a file), open (a link) and fetch/follow (an answer body) all call analyze()
// and hand the Report here, so a fetched invocation reads exactly like the same JSON pasted.
// fetch/follow hand ServiceErrors (core/service_error.h) to print_service_error.
#pragma once
#include <string>

#include "output_groups.h"
#include "report.h"
#include "service_error.h"

namespace ssmview {

constexpr const char* kFetchedInputName = "<GetCommandInvocation>";

struct OutputOptions {
    bool      json = false;
    bool      no_colour = false;
    GroupMode group = GroupMode::Exact;  // a fleet's outputs: exact, or --similar
};

// Returns 0 when the report is valid, 1 otherwise (inspect's and fetch's exit status).
int  print_report(const Report& r, const std::string& input_name, const OutputOptions& o);
Json service_error_to_json(const ServiceError& e);
void print_service_error(const ServiceError& e, const OutputOptions& o);

}  // namespace ssmview
