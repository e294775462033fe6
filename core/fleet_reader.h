// core/fleet_reader.h: send-command, list-commands and list-command-invocations output -> Fleet.
//
// Index
//   FleetListReader   reads a page's Commands / CommandInvocations elements while read_json reads
//                     the page (json_reader.h ListStream), so a page is never held whole
//   fleet_source_of   which fleet output a JSON object is, if any (analyze() dispatches on it)
//   JsonPages         the JSON pages pasted after the first (a yaml-stream's are YamlPages)
//   read_fleet        the first page, already read, and every page pasted after it
//
// Call flow (from analyze()):
//   read_json (first page, list elements -> FleetListReader) -> fleet_source_of -> read_fleet:
//     per page     the envelope (Command / Commands / CommandInvocations, NextToken, SDK metadata,
//                  a share link's SsmviewLink: fleet_link.h)
//     per object   member_reader.h's typed readers; shown-as-given structures checked by table
//     per plugin   split_plugin_output (plugin_output.h), classify() as for one invocation
//     per state    validate.h's check_state_members with the invocation or command vocabulary
//     across pages duplicates (overlapping pages) dropped with a warning; a trailing NextToken
//   then the next page: after white space or a line of other text (a prompt, the next command),
//   the next JSON object is read as one more page.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "diagnostic.h"
#include "fleet.h"
#include "json_reader.h"
#include "member_reader.h"

namespace ssmview {

// The elements of a page's top-level Commands or CommandInvocations list, each read into a
// FleetCommand or FleetInvocation (every member type-checked, its state classified, findings
// placed) as soon as read_json has read it; read_fleet then takes the list the page's envelope
// names. Pass one to read_json for any page that may be a fleet output.
//
// Findings are said as the elements are read. So a list the page does not use still has its
// findings said: the first of a key given twice (json.duplicate_key says the last is used), or
// Commands beside CommandInvocations (the page is list-command-invocations output).
struct FleetListReader final : ListStream {
    explicit FleetListReader(DiagnosticSink& s) : sink(s) {}
    bool wants(std::string_view list_path) override;
    void element(const std::string& path, Json& value, PlaceSpan places) override;

    bool holds_elements() const { return !commands.empty() || !invocations.empty(); }

    DiagnosticSink&              sink;
    int                          page = 0;     // FleetInvocation::page of what is read next
    std::vector<FleetCommand>    commands;     // the last Commands list of the page being read
    std::vector<FleetInvocation> invocations;  // the last CommandInvocations list
private:
    FleetSource list_ = FleetSource::ListCommandInvocations;  // the list being streamed
    Places places_;  // the element's places, the table reused from element to element
};

// SendCommand for {"Command": {...}}, ListCommands for {"Commands": [...]}, ListCommandInvocations
// for {"CommandInvocations": [...]}; nothing for any other value.
std::optional<FleetSource> fleet_source_of(const Json& root);

// The JSON pages after one that ended at `end`: after white space, the next '{'; past a prompt
// or the next command line, the next line that starts with '{' (input.text_between). Text after
// the last page is input.text_after.
class JsonPages final : public PageSource {
public:
    JsonPages(std::string_view text, std::size_t end, DiagnosticSink& sink, ListStream* lists)
        : text_(text), end_(end), sink_(sink), lists_(lists) {}
    bool next(JsonRead& page, std::size_t& begin) override;
private:
    std::string_view text_;
    std::size_t      end_;  // of the last page read
    DiagnosticSink&  sink_;
    ListStream*      lists_;
};

// Reads `first` (a page read at `first_begin` with `lists`, spent afterwards) and every page
// `more` gives after it into `out`; returns the offset one past the last page read. A page that
// breaks off ends the reading; the list elements read whole before the break are kept
// (Fleet::broken, with the warning fleet.page_broken).
std::size_t read_fleet(JsonRead& first, std::size_t first_begin, FleetListReader& lists, PageSource& more, Fleet& out,
                       DiagnosticSink& sink);

}  // namespace ssmview
