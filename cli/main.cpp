// cli/main.cpp: `ssmview`, the command-line front end: dispatch, and the commands that read text.
//
// Index
//   Input            read FILE or stdin, bounded by kMaxInputBytes (the rest is counted, not kept)
//   inspect          summary + diagnostics, or --json; exit 0 valid / 1 errors; --instance-id: one
//                    target of a fleet input, as the page opens it
//   link             share link for an input (optionally redacted); a fleet's within core's budgets
//                    (link_fleet); `link --fetch` -> cmd_fetch.cpp
//   open             share link -> invocation JSON as the AWS CLI prints it, or a fleet's pages
//   main             argument dispatch (fetch, follow: commands.h)
//
// The help text and usage errors are in cli_common.cpp; every exit status, and how an
// invocation's ending becomes one, in exit_codes.h.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "exit_codes.h"
#include "fetch_link.h"
#include "fleet_link.h"
#include "fleet_report.h"
#include "fleet_target.h"
#include "inspect_text.h"
#include "raw_deflate.h"
#include "redact.h"
#include "report.h"
#include "report_print.h"
#include "share_link.h"
#include "text_encoding.h"
#include "truncation.h"

using namespace ssmview;

namespace {

// ---- Input ----------------------------------------------------------------------------------

struct Input {
    std::string name, text;
    std::size_t total = 0;  // bytes in the source, even past the limit
    bool        ok = true;
    std::string error;
};

Input read_input(const std::string& path) {
    Input in;
    in.name = path.empty() || path == "-" ? "<stdin>" : path;
    FILE* f = path.empty() || path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) {
        in.ok = false;
        in.error = "cannot open " + path + ": " + std::strerror(errno);
        return in;
    }
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        if (in.total + n <= kMaxInputBytes) in.text.append(buf, n);
        in.total += n;
    }
    if (std::ferror(f)) {
        in.ok = false;
        in.error = "cannot read " + in.name + ": " + std::strerror(errno);
    }
    if (f != stdin) std::fclose(f);
    // PowerShell 5.1's `>` writes UTF-16: convert, so that a saved file opens as it is.
    if (in.ok && in.total <= kMaxInputBytes && has_utf16_bom(in.text)) {
        in.text = utf16_to_utf8(in.text);
        in.total = in.text.size();
    }
    return in;
}

Report analyze_input(const Input& in) { return in.total > kMaxInputBytes ? analyze_oversized(in.total) : analyze(in.text); }

// ---- inspect --------------------------------------------------------------------------------

// --instance-id on a fleet input: that target's report, as the page opens it from the targets
// table (core/fleet_target.h), with the note on where it came from on stderr.
int inspect_target(const Report& fleet, const std::string& name, const std::string& instance, const std::string& plugin,
                   const OutputOptions& o) {
    if (fleet.kind != ReportKind::Fleet) {
        std::fprintf(stderr, "ssmview: --instance-id picks a target of a fleet, and %s is no fleet output\n", name.c_str());
        return kExitUsage;
    }
    const FleetInvocation* inv = nullptr;
    for (const FleetInvocation& i : fleet.fleet.invocations)
        if (i.instance_id.present && i.instance_id.value == instance) inv = &i;
    if (!inv) {
        std::fprintf(stderr, "ssmview: no invocation on %s in %s (%s listed)\n", instance.c_str(), name.c_str(),
                     counted(fleet.fleet.invocations.size(), "invocation", "invocations").c_str());
        return kExitUsage;
    }
    std::size_t step = fleet_target_step(*inv);
    if (!plugin.empty()) {
        std::string steps;
        step = inv->plugins.size();
        for (std::size_t k = 0; k < inv->plugins.size(); ++k) {
            if (inv->plugins[k].name.value == plugin) step = k;
            steps += (k ? ", " : "") + inv->plugins[k].name.value;
        }
        if (step == inv->plugins.size()) {
            const std::string why = steps.empty() ? "the list has no --details" : "its steps: " + steps;
            std::fprintf(stderr, "ssmview: %s has no step %s (%s)\n", instance.c_str(), plugin.c_str(), why.c_str());
            return kExitUsage;
        }
    }
    std::fprintf(stderr, "ssmview: %s: %s\n", fleet_target_name(*inv, step).c_str(), fleet_target_note(*inv, step).c_str());
    return print_report(analyze(fleet_target_answer(*inv, step)), fleet_target_name(*inv, step), o);
}

int inspect(const std::vector<std::string>& args) {
    std::string path, instance, plugin;
    bool json = false, no_colour = false, similar = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--instance-id" || a == "--plugin-name") {
            if (i + 1 >= args.size()) return usage_error(a + " needs a value");
            (a == "--instance-id" ? instance : plugin) = args[++i];
        } else if (a == "--json") json = true;
        else if (a == "--similar") similar = true;
        else if (a == "--no-color" || a == "--no-colour") no_colour = true;
        else if (a.size() > 1 && a[0] == '-') return usage_error("unknown option for inspect: " + a);
        else if (path.empty()) path = a;
        else return usage_error("inspect takes one input");
    }
    const Input in = read_input(path);
    if (!in.ok) { std::fprintf(stderr, "ssmview: %s\n", in.error.c_str()); return kExitUsage; }
    OutputOptions o;
    o.json = json;
    o.no_colour = no_colour;
    o.group = similar ? GroupMode::Similar : GroupMode::Exact;
    if (!plugin.empty() && instance.empty()) return usage_error("--plugin-name goes with --instance-id");
    if (similar && !instance.empty()) return usage_error("--similar groups a fleet's outputs: leave out --instance-id");
    if (!instance.empty()) return inspect_target(analyze_input(in), in.name, instance, plugin, o);
    return print_report(analyze_input(in), in.name, o);
}

// ---- link -----------------------------------------------------------------------------------

// Prints the link that carries `payload` (masked already), or why none can be made. `what`
// prefixes the length note ("plain output (no status); ").
int print_link(const std::string& payload, int masked, const std::string& base, const char* what) {
    // The page opens links within core's bounds only, and refuses to make bigger ones: so does this.
    std::string refusal = share_json_refusal(payload.size());
    const std::string compressed = refusal.empty() ? deflate_raw(payload) : std::string();
    if (refusal.empty()) refusal = share_payload_refusal(compressed.size());
    if (!refusal.empty()) {
        std::fprintf(stderr, "ssmview: %s\n", refusal.c_str());
        return kExitInvalid;
    }
    const std::string url = make_link(base, compressed);
    std::printf("%s\n", url.c_str());
    if (masked) std::fprintf(stderr, "ssmview: masked %d value(s)\n", masked);
    std::fprintf(stderr, "ssmview: %slink is %zu characters\n", what, url.size());
    return kExitOk;
}

// Plain output's link carries the text itself (masked): opened, it is plain output again.
int link_plain(std::string text, const RedactOptions& redaction, const std::string& base) {
    const int masked = redact_text(text, redaction);
    return print_link(text, masked, base, "plain output (no status); ");
}

// A fleet's link: every invocation if the compressed payload fits, else the budgets of
// core/fleet_link.h in turn, the same steps the page's share panel takes.
int link_fleet(const Fleet& fleet, const RedactOptions& redaction, const std::string& base) {
    std::size_t budget = kMaxLinkDecodedBytes;
    for (;;) {
        const FleetLinkDocument doc = fleet_link_document(fleet, redaction, budget);
        std::string refusal = share_json_refusal(doc.json.size());
        const std::string compressed = refusal.empty() ? deflate_raw(doc.json) : std::string();
        if (refusal.empty()) refusal = share_payload_refusal(compressed.size());
        if (refusal.empty()) {
            const std::string url = make_link(base, compressed);
            std::printf("%s\n", url.c_str());
            const std::string dropped = fleet_link_dropped_text(doc.dropped, doc.carried);
            if (!dropped.empty()) std::fprintf(stderr, "ssmview: %s\n", dropped.c_str());
            if (doc.replacements) std::fprintf(stderr, "ssmview: masked %d value(s)\n", doc.replacements);
            std::fprintf(stderr, "ssmview: link is %zu characters\n", url.size());
            return kExitOk;
        }
        budget = next_fleet_link_budget(doc.json.size());
        if (budget == 0) {
            std::fprintf(stderr, "ssmview: %s\n", refusal.c_str());
            return kExitInvalid;
        }
    }
}

int link(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i)
        if (args[i] == "--fetch") {
            std::vector<std::string> rest(args);
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
            return cmd_link_fetch(rest);
        }
    std::string path;
    std::string base = default_viewer_base();
    RedactOptions redaction;
    redaction.access_key_ids = redaction.secret_tokens = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--base" || a == "--mask") {
            if (i + 1 >= args.size()) return usage_error(a + " needs a value");
            if (a == "--base") base = args[++i];
            else redaction.strings.push_back(args[++i]);
        } else if (a == "--redact") {
            redaction.access_key_ids = redaction.secret_tokens = true;
        } else if (a.size() > 1 && a[0] == '-') {
            return usage_error("unknown option for link: " + a);
        } else if (path.empty()) {
            path = a;
        } else {
            return usage_error("link takes one input");
        }
    }
    const Input in = read_input(path);
    if (!in.ok) { std::fprintf(stderr, "ssmview: %s\n", in.error.c_str()); return kExitUsage; }
    const Report r = analyze_input(in);
    if (r.kind == ReportKind::Fleet) return link_fleet(r.fleet, redaction, base);
    if (r.kind == ReportKind::Plain) return link_plain(r.invocation.standard_output_content.value, redaction, base);
    if (!r.has_invocation) {
        std::fputs(format_diagnostics(r, in.name, TextStyle{}).c_str(), stderr);
        std::fprintf(stderr, "ssmview: no invocation to link\n");
        return kExitInvalid;
    }
    const RedactResult redacted = redact(r.invocation, redaction);
    return print_link(canonical_json(redacted.invocation), redacted.replacements, base, "");
}

// ---- open -----------------------------------------------------------------------------------

int open_link(const std::vector<std::string>& args) {
    if (args.size() != 1) return usage_error("open takes one link");
    // A fleet's link can be megabytes, past what a command line holds: "-" reads it from stdin.
    std::string link = args[0];
    if (link == "-") {
        const Input in = read_input("-");
        if (!in.ok) { std::fprintf(stderr, "ssmview: %s\n", in.error.c_str()); return kExitUsage; }
        link = in.text;
    }
    if (is_fetch_link(link)) {
        // A live link carries ids, not a report: say what opens it instead of "not an ssmview link".
        std::fprintf(stderr, "ssmview: this is a live link: it names an invocation to fetch, not a report. "
                             "Run: ssmview fetch --link '<the link>' (or follow).\n");
        return kExitInvalid;
    }
    const LinkPayload payload = extract_link_payload(link);
    if (!payload.ok) { std::fprintf(stderr, "ssmview: %s\n", payload.error.c_str()); return kExitInvalid; }
    const Inflated inflated = inflate_raw(payload.compressed, kMaxLinkDecodedBytes);
    if (!inflated.ok) { std::fprintf(stderr, "ssmview: the link is damaged: %s.\n", inflated.error.c_str()); return kExitInvalid; }
    const Report r = analyze(inflated.data);
    if (r.kind == ReportKind::Fleet) {
        // The pages as the link carries them: `ssmview inspect -` reads them back as a paste.
        std::fputs(inflated.data.c_str(), stdout);
        std::fputs(format_diagnostics(r, "<link>", TextStyle{}).c_str(), stderr);
        return r.valid() ? kExitOk : kExitInvalid;
    }
    if (r.kind == ReportKind::Plain) {
        // The text the link carries, as it was: `ssmview inspect -` reads it back the same way.
        std::fputs(r.invocation.standard_output_content.value.c_str(), stdout);
        std::fputs(format_diagnostics(r, "<link>", TextStyle{}).c_str(), stderr);
        return kExitOk;
    }
    if (!r.has_invocation) {
        std::fputs(format_diagnostics(r, "<link>", TextStyle{}).c_str(), stderr);
        return kExitInvalid;
    }
    // Four-space indent and raw UTF-8: what `aws ssm get-command-invocation --output json` prints.
    std::printf("%s\n", invocation_to_json(r.invocation).dump(4, ' ', false, Json::error_handler_t::replace).c_str());
    std::fputs(format_diagnostics(r, "<link>", TextStyle{}).c_str(), stderr);
    return r.valid() ? kExitOk : kExitInvalid;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage_error("a command is needed");
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "-h" || command == "--help" || command == "help") { print_usage(stdout); return kExitOk; }
    if (command == "inspect") return inspect(args);
    if (command == "link") return link(args);
    if (command == "open") return open_link(args);
    if (command == "fetch") return cmd_fetch(args);
    if (command == "follow") return cmd_follow(args);
    return usage_error("unknown command: " + command);
}
