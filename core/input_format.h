// core/input_format.h: what did the person paste, and where is the JSON in it?
//
// Index
//   InputFormat      what the pasted text was recognized as, and its stable name
//   Located          the recognized format and where JSON reading should start
//   locate_json      BOM, emptiness, binary data, AWS CLI yaml/yaml-stream/text/table, prompts,
//                    and plain output: text with no JSON document in it
//
// Called first by analyze(). The other AWS CLI output formats are recognized by their own
// signatures at the start of a line. YAML and yaml-stream are read (yaml_reader.h): locate_json
// finds the document's lines, leaving out a prompt before or after it. Text and table output are
// answered with the `--output json` fix; they are never guessed at, because they lose the member
// names a faithful report needs.
// Text that is no CLI document at all (what `--query StandardOutputContent --output text` prints,
// a log copied from a terminal) is plain output: no line of it starts a JSON document, and no
// signature matched. It is shown as it is, with no status (input.plain says so).
#pragma once
#include <cstddef>
#include <string_view>

#include "diagnostic.h"

namespace ssmview {

enum class InputFormat { Empty, Json, Yaml, YamlStream, Text, Table, Binary, Plain, Unknown };
// "empty", "json", "yaml", "yaml-stream", "text", "table", "binary", "plain", "unknown"
const char* input_format_name(InputFormat f);

struct Located {
    InputFormat format = InputFormat::Unknown;
    bool        read_json = false;   // go on with read_json at `begin`
    bool        read_yaml = false;   // go on with YamlPages over [begin, end) (yaml, yaml-stream)
    std::size_t begin = 0;           // byte offset of the JSON's first character (YAML: of its first
                                     // line; plain output: of the text, after a byte order mark)
    std::size_t end = 0;             // YAML: one past its last line's last character
};

Located locate_json(std::string_view text, DiagnosticSink& sink);

}  // namespace ssmview
