// fuzz/report_checks.cpp: the Report invariants (see report_checks.h).
//
// Index
//   naive_locate           offset -> line:column by walking the text from its start (the oracle)
//   json_pointer           RFC 6901 syntax
//   check_diagnostics      catalogue, severity, a sentence, a JSON pointer path, places
//   check_member_places    each Field's offset points at a value of its type
//   check_share_round_trip canonical JSON is a fixed point of analyze()
//   check_report
//
// Call flow: check_report runs the cheap structural checks first, then the two that cost a
// serialization or a second analyze(), which only inputs that produced an invocation reach.
#include "report_checks.h"

#include <string>

#include "check.h"
#include "diagnostic.h"
#include "fleet_report.h"
#include "output_groups.h"
#include "share_link.h"

namespace ssmview_fuzz {

using ssmview::Diagnostic;
using ssmview::Report;

namespace {

// ---- naive_locate ---------------------------------------------------------------------------

// Independent of core's TextLocator on purpose: a linear walk with the same definition of a line
// break (\n, \r\n as one, a lone \r) and of a column (1 + code points since the line's start).
void naive_locate(std::string_view text, std::size_t offset, int& line, int& column) {
    std::size_t line_start = 0;
    line = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        std::size_t next = 0;  // where a line starting after this break begins
        if (text[i] == '\n') next = i + 1;
        else if (text[i] == '\r') next = (i + 1 < text.size() && text[i + 1] == '\n') ? i + 2 : i + 1;
        else continue;
        if (next > offset) break;  // "\r|\n" with the offset on the \n: still the \r's line
        ++line;
        line_start = next;
        i = next - 1;
    }
    column = 1;
    for (std::size_t i = line_start; i < offset; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

// RFC 6901: "" or "/" + tokens, where '~' only ever starts "~0" or "~1".
bool json_pointer(const std::string& p) {
    if (p.empty()) return true;
    if (p[0] != '/') return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] == '~' && (i + 1 >= p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))) return false;
    return true;
}

std::string describe(const Diagnostic& d) {
    return d.code + " \"" + d.message + "\" at " + std::to_string(d.line) + ":" + std::to_string(d.column) +
           " offset " + std::to_string(d.offset);
}

// ---- check_diagnostics ----------------------------------------------------------------------

}  // namespace

void check_diagnostics(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
    const auto& catalogue = ssmview::diagnostic_catalogue();
    for (const Diagnostic& d : diagnostics) {
        const ssmview::DiagnosticCode* entry = nullptr;
        for (const auto& c : catalogue)
            if (d.code == c.code) entry = &c;
        FUZZ_CHECK(entry != nullptr, "code not in the catalogue: " + describe(d));
        FUZZ_CHECK(entry->severity == d.severity, "severity differs from the catalogue's: " + describe(d));
        FUZZ_CHECK(!d.message.empty() && (d.message.back() == '.' || d.message.back() == '?'), "not a sentence: " + describe(d));
        FUZZ_CHECK(json_pointer(d.path), "path \"" + d.path + "\" is not a JSON pointer: " + describe(d));
        FUZZ_CHECK((d.line == 0) == (d.column == 0), "line and column disagree on being placed: " + describe(d));
        if (d.line == 0) continue;
        FUZZ_CHECK(d.offset <= text.size(), "offset past the text (" + std::to_string(text.size()) + " bytes): " + describe(d));
        int line = 0, column = 0;
        naive_locate(text, d.offset, line, column);
        FUZZ_CHECK(d.line == line && d.column == column,
                   "place differs from a walk of the text (" + std::to_string(line) + ":" + std::to_string(column) +
                       "): " + describe(d));
    }
}

namespace {

// ---- check_member_places --------------------------------------------------------------------

template <typename T>
void check_place(std::string_view text, const ssmview::Field<T>& f, const char* name, const char* first_chars) {
    if (!f.present) return;
    FUZZ_CHECK(f.offset < text.size(), std::string(name) + " offset " + std::to_string(f.offset) + " is past the text");
    const char c = text[f.offset];
    FUZZ_CHECK(std::string_view(first_chars).find(c) != std::string_view::npos,
               std::string(name) + " offset " + std::to_string(f.offset) + " points at '" + std::string(1, c) +
                   "', not at its value");
}

// YAML: a value starts with its first character, whatever the style (plain, quoted, block), or
// with an anchor (&a) before it; never at a blank or a line break.
void check_member_places(std::string_view text, const ssmview::Invocation& inv, bool yaml) {
    if (yaml) {
        const auto any = [&](const auto& f, const char* name) {
            if (!f.present) return;
            FUZZ_CHECK(f.offset < text.size(), std::string(name) + " offset is past the text");
            const char c = text[f.offset];
            FUZZ_CHECK(c != ' ' && c != '\t' && c != '\r' && c != '\n', std::string(name) + " points at a blank, not at its value");
        };
        any(inv.command_id, "CommandId");
        any(inv.status, "Status");
        any(inv.standard_output_content, "StandardOutputContent");
        any(inv.cloud_watch_output_config, "CloudWatchOutputConfig");
        check_place(text, inv.response_code, "ResponseCode", "-+0123456789&");
        if (inv.cloud_watch_output_config.present)
            check_place(text, inv.cloud_watch_output_config.value.output_enabled, "CloudWatchOutputEnabled", "tTfF&");
        return;
    }
    const char* const kString = "\"";
    check_place(text, inv.command_id, "CommandId", kString);
    check_place(text, inv.instance_id, "InstanceId", kString);
    check_place(text, inv.comment, "Comment", kString);
    check_place(text, inv.document_name, "DocumentName", kString);
    check_place(text, inv.document_version, "DocumentVersion", kString);
    check_place(text, inv.plugin_name, "PluginName", kString);
    check_place(text, inv.response_code, "ResponseCode", "-0123456789");
    check_place(text, inv.execution_start_date_time, "ExecutionStartDateTime", kString);
    check_place(text, inv.execution_elapsed_time, "ExecutionElapsedTime", kString);
    check_place(text, inv.execution_end_date_time, "ExecutionEndDateTime", kString);
    check_place(text, inv.status, "Status", kString);
    check_place(text, inv.status_details, "StatusDetails", kString);
    check_place(text, inv.standard_output_content, "StandardOutputContent", kString);
    check_place(text, inv.standard_output_url, "StandardOutputUrl", kString);
    check_place(text, inv.standard_error_content, "StandardErrorContent", kString);
    check_place(text, inv.standard_error_url, "StandardErrorUrl", kString);
    check_place(text, inv.cloud_watch_output_config, "CloudWatchOutputConfig", "{");
    if (inv.cloud_watch_output_config.present) {
        const auto& cw = inv.cloud_watch_output_config.value;
        check_place(text, cw.log_group_name, "CloudWatchLogGroupName", kString);
        check_place(text, cw.output_enabled, "CloudWatchOutputEnabled", "tf");
    }
}

// ---- check_fleet ------------------------------------------------------------------------------

// Each stream's groups, exact or similar, hold every invocation that listed plugins exactly once;
// similar groups are never more than exact ones; every invocation starts inside the text; the
// counts add up; the fleet's JSON in both modes serializes.
void check_fleet(std::string_view text, const Report& r) {
    const ssmview::Fleet& f = r.fleet;
    const bool yaml = r.format == ssmview::InputFormat::Yaml || r.format == ssmview::InputFormat::YamlStream;
    std::size_t with_plugins = 0;
    for (const ssmview::FleetInvocation& inv : f.invocations) {
        with_plugins += inv.has_plugins;
        FUZZ_CHECK(inv.offset < text.size(), "an invocation placed outside the text");
        // JSON: its '{'. YAML: its first key (or the flow mapping's '{'), never a blank.
        const char c = text[inv.offset];
        FUZZ_CHECK(yaml ? (c != ' ' && c != '\n' && c != '\r' && c != '\t') : c == '{', "an invocation's place is not where it starts");
    }
    for (ssmview::OutputStream s : {ssmview::OutputStream::Stdout, ssmview::OutputStream::Stderr}) {
        const auto exact = ssmview::group_outputs(f, s, ssmview::GroupMode::Exact);
        const auto similar = ssmview::group_outputs(f, s, ssmview::GroupMode::Similar);
        FUZZ_CHECK(similar.size() <= exact.size(), "similar grouping made more groups than exact grouping");
        for (const auto* groups : {&exact, &similar}) {
            std::vector<int> seen(f.invocations.size(), 0);
            for (const ssmview::OutputGroup& g : *groups) {
                FUZZ_CHECK(!g.invocations.empty(), "an empty group");
                for (std::size_t i : g.invocations) {
                    FUZZ_CHECK(i < f.invocations.size(), "a group names an invocation that does not exist");
                    ++seen[i];
                }
            }
            std::size_t grouped = 0;
            for (std::size_t i = 0; i < seen.size(); ++i) {
                FUZZ_CHECK(seen[i] == (f.invocations[i].has_plugins ? 1 : 0), "an invocation grouped other than once");
                grouped += static_cast<std::size_t>(seen[i]);
            }
            FUZZ_CHECK(grouped == with_plugins, "groups do not cover the invocations with plugins");
        }
    }
    const ssmview::FleetCounts c = ssmview::fleet_counts(f);
    std::size_t total = 0;
    for (std::size_t n : c.by_phase) total += n;
    FUZZ_CHECK(total == f.invocations.size(), "phase counts do not add up to the invocations");
    if (is_valid_utf8(text)) (void)ssmview::fleet_to_json(r, ssmview::GroupMode::Similar).dump();
}

// ---- check_share_round_trip -----------------------------------------------------------------

void check_share_round_trip(const Report& r) {
    const std::string canonical = ssmview::canonical_json(r.invocation);
    const Report again = ssmview::analyze(canonical);
    FUZZ_CHECK(again.has_invocation, "the canonical JSON reads back without an invocation: " + canonical);
    const std::string twice = ssmview::canonical_json(again.invocation);
    FUZZ_CHECK(twice == canonical, "canonical JSON is not a fixed point:\n     first  " + canonical + "\n     second " + twice);
}

}  // namespace

// ---- check_report ---------------------------------------------------------------------------

void check_report(std::string_view text, const Report& r) {
    check_diagnostics(text, r.diagnostics);

    const bool valid = r.valid();
    FUZZ_CHECK(valid == (r.count(ssmview::Severity::Error) == 0), "valid() disagrees with the error count");
    const bool fleet = r.kind == ssmview::ReportKind::Fleet;
    const bool plain = r.kind == ssmview::ReportKind::Plain;
    FUZZ_CHECK(r.has_invocation || fleet || plain || !valid, "no invocation, fleet or plain output, yet no error says why");
    // Plain output: exactly the text (after a byte order mark) as stdout, nothing else, and valid.
    FUZZ_CHECK(plain == (r.format == ssmview::InputFormat::Plain), "plain output and the plain format disagree");
    if (plain) {
        const std::string_view body = text.substr(text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
        FUZZ_CHECK(!r.has_invocation && valid, "plain output with an invocation, or an error");
        FUZZ_CHECK(r.invocation.standard_output_content.present && r.invocation.standard_output_content.value == body,
                   "plain output is not the text as given");
        FUZZ_CHECK(r.state.phase == ssmview::Phase::Unknown, "plain output with a status");
    }
    FUZZ_CHECK(!(fleet && r.has_invocation), "a report is a fleet or one invocation, not both");
    const bool yaml = r.format == ssmview::InputFormat::Yaml || r.format == ssmview::InputFormat::YamlStream;
    const bool document = r.format == ssmview::InputFormat::Json || yaml;
    FUZZ_CHECK(!fleet || document, std::string("a fleet from input recognized as ") + ssmview::input_format_name(r.format));
    FUZZ_CHECK(!r.has_invocation || document,
               std::string("an invocation from input recognized as ") + ssmview::input_format_name(r.format));
    FUZZ_CHECK(r.json_begin <= r.json_end && r.json_end <= text.size(),
               "JSON span [" + std::to_string(r.json_begin) + ", " + std::to_string(r.json_end) + ") outside the text");
    if (r.has_invocation) check_member_places(text, r.invocation, yaml);

    if (is_valid_utf8(text)) {
        std::string what;
        try {
            (void)ssmview::report_to_json(r).dump();  // strict: throws type_error 316 on invalid UTF-8
        } catch (const std::exception& e) {
            what = e.what();
        }
        FUZZ_CHECK(what.empty(), "valid UTF-8 in, yet the report is not valid UTF-8: " + what);
    }
    if (r.has_invocation) check_share_round_trip(r);
    if (fleet) check_fleet(text, r);
}

}  // namespace ssmview_fuzz
