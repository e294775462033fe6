// core/yaml_reader.h: the AWS CLI's `--output yaml` and `yaml-stream`, read with libyaml.
//
// Index
//   YamlPages   the pages of a YAML paste, each as a JsonRead with places: `yaml` is one page,
//               `yaml-stream` one per element of its top-level list (the CLI prints a page each)
//
// Call flow (from analyze(), after locate_json found the document's lines):
//   libyaml's event parser -> node(): mappings, sequences, scalars -> Json values with the places
//   of their members (byte offsets, as read_json records them) -> the same readers as JSON:
//   read_invocation, or read_fleet with the pages as its PageSource.
// So a YAML paste becomes exactly the Invocation (or Fleet) its JSON twin does, with findings at
// their line and column; tests/core/yaml_reader_test.cpp compares every fixture with its twin.
//
// What YAML means here (the CLI writes it with ruamel.yaml, which speaks YAML 1.2):
//   - plain scalars resolve by YAML 1.2's core schema: `yes` and `on` stay strings, `0` is an
//     integer, `null` / `~` / nothing is null; quoted and block scalars are always strings;
//   - anchors are ignored, aliases (`*a`), tags other than `!!str`, and keys that are not scalars
//     are refused (yaml.unsupported): the CLI writes none, and aliases are how YAML bombs work;
//   - a key given twice keeps the last value, as in JSON (yaml.duplicate_key).
// YAML's traps are said, not guessed through (README "Diagnostics"):
//   yaml.plain_timestamp  an unquoted timestamp, which YAML 1.1 readers turn into a date
//   yaml.folded           a string written over several lines and joined with spaces
//   yaml.literal_escape   `\e[` or `\U0001F680` in a style where YAML reads no escapes
//   yaml.escape_esc, yaml.escape_astral   `\e` and `\U0001F680` read as ESC and the character
#pragma once
#include <cstddef>
#include <memory>
#include <string_view>

#include "diagnostic.h"
#include "input_format.h"
#include "json_reader.h"

namespace ssmview {

class YamlPages final : public PageSource {
public:
    // `where` is locate_json's answer for a YAML paste (read_yaml); offsets are into `text`.
    YamlPages(std::string_view text, const Located& where, DiagnosticSink& sink, ListStream* lists);
    ~YamlPages();
    YamlPages(const YamlPages&) = delete;
    YamlPages& operator=(const YamlPages&) = delete;

    // The next page into `page` (its list elements to `lists`, as read_json does), with the
    // offset of its first character. False when there are no more pages. A page that cannot be
    // read has `ok` false (the finding is in the sink), and is the last one.
    bool next(JsonRead& page, std::size_t& begin) override;

private:
    struct State;
    std::unique_ptr<State> s_;  // keeps yaml.h out of every includer
};

}  // namespace ssmview
