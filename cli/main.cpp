// cli/main.cpp: `ssmview`, the command-line front end.
//
// Index
//   Usage            the help text (also printed on usage errors, exit 2)
//   Input            read FILE or stdin, bounded by kMaxInputBytes (the rest is counted, not kept)
//   inspect          summary + diagnostics, or --json; exit 0 valid / 1 errors
//   link             share link for an input (optionally redacted)
//   open             share link -> invocation JSON, as the AWS CLI prints it
//   main             argument dispatch
//
// Exit codes: 0 valid input, 1 input with errors (or a link that cannot be opened), 2 usage.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "inspect_text.h"
#include "raw_deflate.h"
#include "redact.h"
#include "report.h"
#include "share_link.h"
#include "text_encoding.h"

using namespace ssmview;

namespace {

// ---- Usage ----------------------------------------------------------------------------------

const char kUsage[] =
    "usage: ssmview inspect [FILE|-] [--json] [--no-color]\n"
    "       ssmview link [FILE|-] [--base URL] [--redact] [--mask TEXT]...\n"
    "       ssmview open LINK\n"
    "\n"
    "Reads the output of `aws ssm get-command-invocation --output json` (a paste with a prompt\n"
    "around it is fine). Without FILE, or with -, reads standard input.\n"
    "\n"
    "  inspect   a readable report; --json prints one object for scripts\n"
    "  link      a share link carrying the whole invocation in its #fragment (never sent to a server)\n"
    "            --base URL   the viewer's address (default $SSMVIEW_BASE_URL or http://127.0.0.1:8080/)\n"
    "            --redact     mask AWS access key ids and secret-looking tokens\n"
    "            --mask TEXT  mask every occurrence of TEXT (repeatable)\n"
    "  open      the invocation JSON a share link carries\n"
    "\n"
    "Exit status: 0 valid, 1 the input has errors, 2 usage error.\n";

int usage_error(const std::string& message) {
    std::fprintf(stderr, "ssmview: %s\n\n%s", message.c_str(), kUsage);
    return 2;
}

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

bool want_colour(bool no_colour_flag) { return !no_colour_flag && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"); }

// ---- inspect --------------------------------------------------------------------------------

int inspect(const std::vector<std::string>& args) {
    std::string path;
    bool json = false, no_colour = false;
    for (const auto& a : args) {
        if (a == "--json") json = true;
        else if (a == "--no-color" || a == "--no-colour") no_colour = true;
        else if (a.size() > 1 && a[0] == '-') return usage_error("unknown option for inspect: " + a);
        else if (path.empty()) path = a;
        else return usage_error("inspect takes one input");
    }
    const Input in = read_input(path);
    if (!in.ok) { std::fprintf(stderr, "ssmview: %s\n", in.error.c_str()); return 2; }
    const Report r = analyze_input(in);
    if (json) {
        std::printf("%s\n", report_to_json(r).dump(2, ' ', false, Json::error_handler_t::replace).c_str());
    } else {
        TextStyle st;
        st.colour = want_colour(no_colour);
        std::fputs(format_summary(r, st).c_str(), stdout);
        const std::string diags = format_diagnostics(r, in.name, st);
        if (!diags.empty()) std::fprintf(r.has_invocation ? stdout : stderr, "%s%s", r.has_invocation ? "\n" : "", diags.c_str());
    }
    return r.valid() ? 0 : 1;
}

// ---- link -----------------------------------------------------------------------------------

int link(const std::vector<std::string>& args) {
    std::string path;
    const char* env_base = std::getenv("SSMVIEW_BASE_URL");
    std::string base = env_base && *env_base ? env_base : "http://127.0.0.1:8080/";
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
    if (!in.ok) { std::fprintf(stderr, "ssmview: %s\n", in.error.c_str()); return 2; }
    const Report r = analyze_input(in);
    if (!r.has_invocation) {
        std::fputs(format_diagnostics(r, in.name, TextStyle{}).c_str(), stderr);
        std::fprintf(stderr, "ssmview: no invocation to link\n");
        return 1;
    }
    const RedactResult redacted = redact(r.invocation, redaction);
    const std::string url = make_link(base, deflate_raw(canonical_json(redacted.invocation)));
    std::printf("%s\n", url.c_str());
    if (redacted.replacements) std::fprintf(stderr, "ssmview: masked %d value(s)\n", redacted.replacements);
    std::fprintf(stderr, "ssmview: link is %zu characters\n", url.size());
    return 0;
}

// ---- open -----------------------------------------------------------------------------------

int open_link(const std::vector<std::string>& args) {
    if (args.size() != 1) return usage_error("open takes one link");
    const LinkPayload payload = extract_link_payload(args[0]);
    if (!payload.ok) { std::fprintf(stderr, "ssmview: %s\n", payload.error.c_str()); return 1; }
    const Inflated inflated = inflate_raw(payload.compressed, kMaxLinkDecodedBytes);
    if (!inflated.ok) { std::fprintf(stderr, "ssmview: the link is damaged: %s.\n", inflated.error.c_str()); return 1; }
    const Report r = analyze(inflated.data);
    if (!r.has_invocation) {
        std::fputs(format_diagnostics(r, "<link>", TextStyle{}).c_str(), stderr);
        return 1;
    }
    // Four-space indent and raw UTF-8: what `aws ssm get-command-invocation --output json` prints.
    std::printf("%s\n", invocation_to_json(r.invocation).dump(4, ' ', false, Json::error_handler_t::replace).c_str());
    std::fputs(format_diagnostics(r, "<link>", TextStyle{}).c_str(), stderr);
    return r.valid() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage_error("a command is needed");
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "-h" || command == "--help" || command == "help") { std::fputs(kUsage, stdout); return 0; }
    if (command == "inspect") return inspect(args);
    if (command == "link") return link(args);
    if (command == "open") return open_link(args);
    return usage_error("unknown command: " + command);
}
