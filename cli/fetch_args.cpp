// cli/fetch_args.cpp: see fetch_args.h.
//
// Index
//   Options       the value options and which command takes each
//   read_token    --token-file: one line, visible ASCII, bounded
//   parse_fetch_args
#include "fetch_args.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli_common.h"

namespace ssmview {

namespace {

// ---- Options ----------------------------------------------------------------------------------

enum Slot { kCommandId, kInstanceId, kPluginName, kLink, kProxy, kToken, kTokenFile, kRegion, kProfile, kEndpointUrl, kBase, kSlots };

struct ValueOption {
    const char* name;
    Slot        slot;
    bool        fetch;  // fetch and follow take it
    bool        link;   // link --fetch takes it
};
constexpr ValueOption kValueOptions[] = {
    {"--command-id", kCommandId, true, true},   {"--instance-id", kInstanceId, true, true},
    {"--plugin-name", kPluginName, true, true}, {"--link", kLink, true, false},
    {"--proxy", kProxy, true, true},            {"--token", kToken, true, false},
    {"--token-file", kTokenFile, true, false},  {"--region", kRegion, true, false},
    {"--profile", kProfile, true, false},       {"--endpoint-url", kEndpointUrl, true, false},
    {"--base", kBase, false, true},
};

const char* command_name(FetchCommand c) {
    switch (c) {
        case FetchCommand::Fetch: return "fetch";
        case FetchCommand::Follow: return "follow";
        case FetchCommand::LinkFetch: return "link --fetch";
    }
    return "fetch";
}

// ---- read_token -------------------------------------------------------------------------------

// A token is sent in a header: anything outside visible ASCII (a CR, a space) would either break
// the request or be a mistake. Tokens are short; a large file is the wrong file.
constexpr std::size_t kMaxTokenBytes = 4096;

std::string check_token(const std::string& token, const std::string& where) {
    if (token.empty()) return where + " is empty.";
    if (token.size() > kMaxTokenBytes) return where + " is longer than " + std::to_string(kMaxTokenBytes) + " bytes.";
    for (char c : token)
        if (c < 0x21 || c > 0x7e) return where + " has characters a bearer token cannot have (spaces, control or non-ASCII characters).";
    return {};
}

std::string read_token_file(const std::string& path, std::string& token) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return "cannot open --token-file " + path + ": " + std::strerror(errno);
    char buf[kMaxTokenBytes + 2];
    const std::size_t n = std::fread(buf, 1, sizeof buf, f);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return "cannot read --token-file " + path;
    token.assign(buf, n);
    // One line, as `openssl rand -hex 32 > token` writes it: the line end is not part of it.
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
    return check_token(token, "the token in " + path);
}

}  // namespace

// ---- parse_fetch_args -------------------------------------------------------------------------

std::string parse_fetch_args(FetchCommand command, const std::vector<std::string>& args, FetchArgs& out) {
    out = FetchArgs{};
    std::string values[kSlots];
    bool        given[kSlots] = {};
    const std::string cmd = command_name(command);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (command != FetchCommand::LinkFetch && a == "--json") { out.output.json = true; continue; }
        if (command == FetchCommand::Fetch && a == "--complete") { out.complete = true; continue; }
        if (command == FetchCommand::Follow && a == "--stream") { out.stream = true; continue; }
        if (command == FetchCommand::Follow && (a == "--color" || a == "--colour")) { out.color = true; continue; }
        if (command == FetchCommand::Follow && a == "--similar") { out.output.group = GroupMode::Similar; continue; }
        if (command != FetchCommand::LinkFetch && (a == "--no-color" || a == "--no-colour")) { out.output.no_colour = true; continue; }
        const ValueOption* opt = nullptr;
        for (const ValueOption& o : kValueOptions)
            if (a == o.name && (command == FetchCommand::LinkFetch ? o.link : o.fetch)) opt = &o;
        if (!opt) {
            if (a.size() > 1 && a[0] == '-') return "unknown option for " + cmd + ": " + a;
            return cmd + " takes no positional arguments (got \"" + a + "\"); name the invocation with --command-id and --instance-id";
        }
        if (i + 1 >= args.size()) return a + " needs a value";
        if (given[opt->slot]) return a + " is given twice";
        given[opt->slot] = true;
        values[opt->slot] = args[++i];
    }

    // The target: ids, or a live link (whose proxy becomes the connection unless --proxy says otherwise).
    if (given[kLink]) {
        if (given[kCommandId] || given[kInstanceId] || given[kPluginName])
            return "--link names the invocation already; leave out --command-id, --instance-id and --plugin-name";
        const FetchLinkParse parsed = parse_fetch_link(values[kLink]);
        if (!parsed.ok) return "--link: " + parsed.error;
        out.target = parsed.target;
        out.proxy_url = given[kProxy] ? values[kProxy] : out.target.proxy_url;
        out.target.proxy_url.clear();
    } else {
        if (!given[kCommandId]) return cmd + " needs --command-id";
        // `follow --command-id` alone follows every invocation of the command (the fleet).
        out.fleet = command == FetchCommand::Follow && !given[kInstanceId];
        if (!given[kInstanceId] && !out.fleet) return cmd + " needs --instance-id";
        if (out.fleet && given[kPluginName]) return "--plugin-name names a step of one invocation: add --instance-id";
        out.target.command_id = values[kCommandId];
        out.target.instance_id = values[kInstanceId];
        out.target.plugin_name = values[kPluginName];
        out.proxy_url = values[kProxy];
    }
    if (given[kPluginName] && values[kPluginName].empty()) return "--plugin-name is empty";
    if (out.stream && out.output.json) return "--stream prints the command's own output; --json prints a report: choose one";
    if (out.color && !out.stream) return "--color keeps the command's colours in --stream output; it needs --stream";
    if (out.complete && out.output.json) return "--complete prints the command's own output; --json prints a report: choose one";
    if (given[kProxy] && values[kProxy].empty()) return "--proxy is empty";
    if (out.fleet && out.stream)
        return "--stream follows one invocation's output: add --instance-id (without it, follow reports the whole fleet)";
    if (out.output.group == GroupMode::Similar && !out.fleet) return "--similar groups a fleet's outputs: leave out --instance-id";
    const std::string bad_target = out.fleet ? check_command_id(out.target.command_id) : check_fetch_target(out.target);
    if (!bad_target.empty()) return bad_target;
    if (!out.proxy_url.empty()) {
        const std::string bad_proxy = check_proxy_url(out.proxy_url);
        if (!bad_proxy.empty()) return "--proxy: " + bad_proxy;
    }

    if (command == FetchCommand::LinkFetch) {
        out.target.proxy_url = out.proxy_url;
        out.base = given[kBase] ? values[kBase] : default_viewer_base();
        return {};
    }

    // The connection: through a proxy nothing is signed here, so AWS settings would be ignored.
    if (!out.proxy_url.empty()) {
        for (Slot s : {kRegion, kProfile, kEndpointUrl})
            if (given[s]) {
                const char* name = s == kRegion ? "--region" : s == kProfile ? "--profile" : "--endpoint-url";
                return std::string(name) + " has no effect through a proxy (ssmview-proxy signs with its own settings); "
                       "leave it out, or leave out the proxy to call AWS directly";
            }
        if (given[kToken] && given[kTokenFile]) return "give --token or --token-file, not both";
        if (given[kToken]) {
            const std::string bad = check_token(values[kToken], "--token");
            if (!bad.empty()) return bad;
            out.token = values[kToken];
        } else if (given[kTokenFile]) {
            const std::string bad = read_token_file(values[kTokenFile], out.token);
            if (!bad.empty()) return bad;
        }
    } else {
        if (given[kToken] || given[kTokenFile]) return "--token and --token-file are for a proxy: add --proxy URL";
        out.region = values[kRegion];
        out.profile = values[kProfile];
        out.endpoint_url = values[kEndpointUrl];
        if (given[kRegion] && out.region.empty()) return "--region is empty";
        if (given[kProfile] && out.profile.empty()) return "--profile is empty";
        if (given[kEndpointUrl] && out.endpoint_url.empty()) return "--endpoint-url is empty";
    }
    return {};
}

}  // namespace ssmview
