// core/fleet_link.h: what a share link carries of a fleet, as pages the fleet reader reads back.
//
// Index
//   kFleetLinkMember          the one member ssmview adds to a list-command-invocations page
//   FleetLinkRecords          the pages' parts, masked and serialized once per masking choice
//   FleetLinkDocument         the link's JSON, what it carries and what it left out
//   fleet_link_records        a Fleet -> its masked parts (the costly step: every string masked)
//   fleet_link_document       the parts -> the pages within a JSON budget (cheap: concatenation)
//   next_fleet_link_budget    the next, smaller budget when the compressed payload was too large
//   fleet_link_dropped_text   the sentence a link's reader and its maker show about what was left out
//
// Call flow (share panel, `ssmview link`):
//   fleet_link_records(fleet, masking) (the share panel keeps them: its count of masked spans
//   comes from them too) -> fleet_link_document(records, kMaxLinkDecodedBytes) -> compress
//   (platform) -> share_payload_refusal? -> next_fleet_link_budget(json size) ->
//   fleet_link_document again, until the payload fits or the budget reaches its floor
//   (data_limits.h). A 10,000-invocation fleet's records take 200 ms to make natively; a
//   document from them, a few.
// Opening the link is the paste path: analyze() reads the pages like any pasted fleet, with
// fleet_reader.cpp reading kFleetLinkMember into Fleet::link_dropped. So a link carries no format
// of its own to fuzz or drift: the CLI's own shapes (the commands' page, then one page of
// invocations with --details) and one member saying what was left out.
//
// Which invocations a link keeps when they do not all fit: the ones that did not succeed first,
// then the rest, each part ordered by output so that identical outputs sit side by side (deflate
// then stores a repeat as a few bytes). Whole invocations are kept or left out, never cut.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "fleet.h"
#include "redact.h"

namespace ssmview {

// {"DroppedInvocations": {"<Status>": count, ...}} in the invocations page, only when some were
// left out. (The link's "v1." prefix versions the whole format, this member included.)
constexpr const char* kFleetLinkMember = "SsmviewLink";

struct FleetLinkDocument {
    std::string      json;              // the pages, one per line
    std::size_t      carried = 0;       // invocations in the link
    FleetLinkDropped dropped;           // invocations left out, per Status
    int              replacements = 0;  // spans masked, over every invocation (carried or not)
};

struct FleetLinkRecords {
    std::string              commands;          // the commands' page and its newline; "" without commands
    std::vector<std::string> invocations;       // one record per invocation, in the fleet's order
    int                      replacements = 0;  // spans masked, over every record
};

// Every string the link carries is masked with `masking`, as redact() masks an invocation.
FleetLinkRecords fleet_link_records(const Fleet& fleet, const RedactOptions& masking);

// `records` made from `fleet`; `json_budget` bounds the JSON; the commands' page is always carried.
FleetLinkDocument fleet_link_document(const Fleet& fleet, const FleetLinkRecords& records, std::size_t json_budget);
// The two at once (`ssmview link`, which makes one document).
FleetLinkDocument fleet_link_document(const Fleet& fleet, const RedactOptions& masking, std::size_t json_budget);

// Half of the JSON that was too large once compressed; 0 when that would go under
// kMinFleetLinkJsonBytes (no smaller link is worth trying).
std::size_t next_fleet_link_budget(std::size_t json_bytes);

// "The link leaves out 7,000 of 10,000 invocations to fit (6,990 Success, 10 Failed): ..."; ""
// when nothing was left out. `carried` is how many the link holds.
std::string fleet_link_dropped_text(const FleetLinkDropped& dropped, std::size_t carried);

}  // namespace ssmview
