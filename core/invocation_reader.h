// core/invocation_reader.h: a JSON object -> Invocation, with type checks.
//
// Index
//   read_invocation   map members onto the model; wrong types are errors, unknown members info
//
// Accepts the CLI's object, SDK-shaped objects (boto3's ResponseMetadata, AWS SDK for JS v3's
// $metadata are recognized and skipped). Fleet outputs (list-command-invocations, ...) never get
// here: analyze() hands them to fleet_reader.h.
#pragma once
#include <vector>

#include "diagnostic.h"
#include "invocation.h"
#include "json_reader.h"

namespace ssmview {

// Returns false when the value is not an object (nothing to show). Strings are moved out of
// `json.value` (a 10 MB stdout is not copied), so the JSON is spent afterwards.
bool read_invocation(JsonRead& json, std::size_t json_begin, Invocation& out, DiagnosticSink& sink);

}  // namespace ssmview
