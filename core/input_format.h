// core/input_format.h: what did the person paste, and where is the JSON in it?
//
// Index
//   InputFormat      what the pasted text was recognized as, and its stable name
//   Located          the recognized format and where JSON reading should start
//   locate_json      BOM, emptiness, binary data, AWS CLI yaml/yaml-stream/text/table, prompts
//
// Called first by analyze(). The other AWS CLI output formats are recognized by their own
// signatures at the start of a line and answered with the `--output json` fix; they are never
// guessed at, because text and table output lose the member names a faithful report needs.
#pragma once
#include <cstddef>
#include <string_view>

#include "diagnostic.h"

namespace ssmview {

enum class InputFormat { Empty, Json, Yaml, YamlStream, Text, Table, Binary, Unknown };
const char* input_format_name(InputFormat f);  // "empty", "json", "yaml", "yaml-stream", "text", "table", "binary", "unknown"

struct Located {
    InputFormat format = InputFormat::Unknown;
    bool        read_json = false;   // go on with read_json at `begin`
    std::size_t begin = 0;           // byte offset of the JSON's first character
};

Located locate_json(std::string_view text, DiagnosticSink& sink);

}  // namespace ssmview
