// core/output_location.cpp: see output_location.h.
//
// Index
//   Helpers                 starts_with/ends_with, split on '/', segment checks
//   output_stream_name, output_stream_index, output_stream_at, output_content, output_url
//   parse_s3_url            scheme -> host -> path-style or virtual-hosted -> key percent-decoded
//   s3_bucket_name_ok, s3_output_key_ok, s3_proxy_path, s3_object_size
//   log_group_name_ok, default_log_group
//   log_stream_segment, log_stream_name, log_stream_name_ok, log_stream_prefix_ok
//   invocation_log_output
#include "output_location.h"

#include <cassert>
#include <vector>

#include "data_limits.h"
#include "ids.h"
#include "percent_encoding.h"

namespace ssmview {

namespace {

// ---- Helpers --------------------------------------------------------------------------------

// CloudWatch Logs' and S3's own bounds (API references), in bytes: the names are ASCII.
constexpr std::size_t kMaxLogGroupChars = 512;
constexpr std::size_t kMaxLogStreamChars = 512;
constexpr std::size_t kMaxS3KeyBytes = 1024;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

std::vector<std::string_view> split_slash(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = s.find('/', start);
        out.push_back(s.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) return out;
        start = slash + 1;
    }
}

bool has_control(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
    return false;
}

bool fail(std::string* why, const char* text) {
    if (why) *why = text;
    return false;
}

bool is_stream_leaf(std::string_view s) { return s == "stdout" || s == "stderr"; }

// "s3.us-east-2", "s3-us-west-1", "s3", "s3.dualstack.eu-west-1" -> region ("" for plain s3).
std::string host_region(std::string_view label) {
    if (starts_with(label, "s3.dualstack.")) return std::string(label.substr(13));
    if (starts_with(label, "s3.") || starts_with(label, "s3-")) return std::string(label.substr(3));
    return {};
}

}  // namespace

const char* output_stream_name(OutputStream s) { return s == OutputStream::Stdout ? "stdout" : "stderr"; }
int output_stream_index(OutputStream s) { return s == OutputStream::Stdout ? 0 : 1; }
OutputStream output_stream_at(int index) {
    assert(index == 0 || index == 1);
    return index == 0 ? OutputStream::Stdout : OutputStream::Stderr;
}
const Field<std::string>& output_content(const Invocation& inv, OutputStream s) {
    return s == OutputStream::Stdout ? inv.standard_output_content : inv.standard_error_content;
}
Field<std::string>& output_content(Invocation& inv, OutputStream s) {
    return s == OutputStream::Stdout ? inv.standard_output_content : inv.standard_error_content;
}
const Field<std::string>& output_url(const Invocation& inv, OutputStream s) {
    return s == OutputStream::Stdout ? inv.standard_output_url : inv.standard_error_url;
}

// ---- parse_s3_url ---------------------------------------------------------------------------

S3Location parse_s3_url(std::string_view url) {
    S3Location loc;
    if (starts_with(url, "s3://")) {
        std::string_view rest = url.substr(5);
        const std::size_t slash = rest.find('/');
        loc.bucket = std::string(rest.substr(0, slash));
        loc.key = slash == std::string_view::npos ? std::string() : std::string(rest.substr(slash + 1));
        loc.ok = !loc.bucket.empty();
        return loc;
    }
    std::string_view rest;
    if (starts_with(url, "https://")) rest = url.substr(8);
    else if (starts_with(url, "http://")) rest = url.substr(7);
    else return loc;
    const std::size_t slash = rest.find('/');
    std::string_view host = rest.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    const std::size_t q = path.find_first_of("?#");
    if (q != std::string_view::npos) path = path.substr(0, q);
    std::string_view base;
    if (ends_with(host, ".amazonaws.com")) base = host.substr(0, host.size() - 14);
    else if (ends_with(host, ".amazonaws.com.cn")) base = host.substr(0, host.size() - 17);
    else return loc;
    if (starts_with(base, "s3") && (base.size() == 2 || base[2] == '.' || base[2] == '-')) {
        // Path style: https://s3.REGION.amazonaws.com/BUCKET/KEY (what the agent writes)
        const std::size_t s = path.find('/');
        loc.bucket = std::string(path.substr(0, s));
        loc.key = s == std::string_view::npos ? std::string() : percent_decode_lenient(path.substr(s + 1));
        loc.region = host_region(base);
    } else {
        // Virtual-hosted style: https://BUCKET.s3.REGION.amazonaws.com/KEY
        const std::size_t at = base.find(".s3");
        if (at == std::string_view::npos) return loc;
        loc.bucket = std::string(base.substr(0, at));
        loc.region = host_region(base.substr(at + 1));
        loc.key = percent_decode_lenient(path);
    }
    loc.ok = !loc.bucket.empty();
    return loc;
}

// ---- s3_bucket_name_ok, s3_output_key_ok ----------------------------------------------------

bool s3_bucket_name_ok(std::string_view b) {
    if (b.size() < 3 || b.size() > 255) return false;
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    for (char c : b)
        if (!alnum(c) && c != '.' && c != '-' && c != '_') return false;
    return alnum(b.front()) && alnum(b.back());
}

bool s3_output_key_ok(std::string_view key, std::string* why) {
    if (key.empty() || key.size() > kMaxS3KeyBytes) return fail(why, "an S3 key is 1 to 1,024 bytes");
    if (has_control(key)) return fail(why, "the key holds a control character");
    const std::vector<std::string_view> seg = split_slash(key);
    for (std::string_view s : seg)
        if (s == "." || s == "..") return fail(why, "the key holds a \".\" or \"..\" segment");
    if (!is_stream_leaf(seg.back())) return fail(why, "the key does not end in /stdout or /stderr");
    // <CommandId>/<InstanceId>/ then at least one segment before the leaf.
    for (std::size_t i = 0; i + 3 < seg.size(); ++i)
        if (uuid_shaped(seg[i]) && instance_id_ok(seg[i + 1])) return true;
    return fail(why, "the key is not <prefix>/<CommandId>/<InstanceId>/<plugin>/.../stdout|stderr");
}

// ---- s3_proxy_path, s3_object_size ----------------------------------------------------------

std::string s3_proxy_path(const S3Location& object) {
    assert(object.ok);
    const std::string region = object.region.empty() ? std::string("us-east-1") : object.region;
    return "/s3/" + region + "/" + object.bucket + "/" + percent_encode(object.key, true);
}

std::int64_t s3_object_size(std::string_view content_range, std::string_view content_length) {
    // "bytes 0-9/1234"; "bytes */1234" on a 416. A total of "*" (unknown) falls back to the length.
    std::string_view total = content_length;
    const std::size_t slash = content_range.rfind('/');
    if (slash != std::string_view::npos && content_range.substr(slash + 1) != "*") total = content_range.substr(slash + 1);
    if (total.empty() || total.size() > 18) return -1;
    std::int64_t n = 0;
    for (char c : total) {
        if (c < '0' || c > '9') return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

// ---- log_group_name_ok, default_log_group ---------------------------------------------------

namespace {
bool log_group_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '/' || c == '.' || c == '#';
}
}  // namespace

bool log_group_name_ok(std::string_view group) {
    if (group.empty() || group.size() > kMaxLogGroupChars) return false;
    for (char c : group)
        if (!log_group_char(c)) return false;
    return true;
}

std::string default_log_group(std::string_view document_name) {
    std::string g = "/aws/ssm/";
    // One '.' per character, as the agent replaces runes: a UTF-8 continuation byte adds nothing.
    for (char c : document_name) {
        if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
        g.push_back(log_group_char(c) ? c : '.');
    }
    return g;
}

// ---- log streams ----------------------------------------------------------------------------

std::string log_stream_segment(std::string_view plugin_name) {
    std::string s(plugin_name);
    for (char& c : s)
        if (c == ':' || c == '*') c = '-';
    return s;
}

std::string log_stream_name(std::string_view command_id, std::string_view instance_id, std::string_view plugin_name,
                            OutputStream stream) {
    return std::string(command_id) + "/" + std::string(instance_id) + "/" + log_stream_segment(plugin_name) + "/" +
           output_stream_name(stream);
}

namespace {
// What any stream name (or a prefix of one) may hold.
bool stream_chars_ok(std::string_view s, std::string* why) {
    if (s.size() > kMaxLogStreamChars) return fail(why, "a log stream name is at most 512 characters");
    if (has_control(s)) return fail(why, "the name holds a control character");
    if (s.find_first_of(":*") != std::string_view::npos) return fail(why, "a log stream name holds no ':' or '*'");
    return true;
}
}  // namespace

bool log_stream_name_ok(std::string_view stream, std::string* why) {
    if (!stream_chars_ok(stream, why)) return false;
    const std::vector<std::string_view> seg = split_slash(stream);
    if (seg.size() < 4 || !uuid_shaped(seg[0]) || !instance_id_ok(seg[1]) || !is_stream_leaf(seg.back()))
        return fail(why, "the stream is not <CommandId>/<InstanceId>/<plugin>/stdout|stderr");
    for (std::size_t i = 2; i + 1 < seg.size(); ++i)
        if (seg[i].empty()) return fail(why, "the stream's plugin segment is empty");
    return true;
}

bool log_stream_prefix_ok(std::string_view prefix, std::string* why) {
    if (!stream_chars_ok(prefix, why)) return false;
    if (prefix.size() <= kCommandIdChars || !uuid_shaped(prefix.substr(0, kCommandIdChars)) || prefix[kCommandIdChars] != '/')
        return fail(why, "the prefix does not start with <CommandId>/");
    return true;
}

// ---- invocation_log_output ------------------------------------------------------------------

LogOutput invocation_log_output(const Invocation& inv) {
    LogOutput out;
    const CloudWatchOutputConfig& cw = inv.cloud_watch_output_config.value;
    if (!inv.cloud_watch_output_config.present || !cw.output_enabled.present || !cw.output_enabled.value) return out;
    if (!inv.command_id.present || !inv.instance_id.present || !inv.plugin_name.present) return out;
    if (cw.log_group_name.present && !cw.log_group_name.value.empty()) out.group = cw.log_group_name.value;
    else if (inv.document_name.present) out.group = default_log_group(inv.document_name.value);
    else return out;
    out.stdout_stream = log_stream_name(inv.command_id.value, inv.instance_id.value, inv.plugin_name.value, OutputStream::Stdout);
    out.stderr_stream = log_stream_name(inv.command_id.value, inv.instance_id.value, inv.plugin_name.value, OutputStream::Stderr);
    out.enabled = true;
    return out;
}

}  // namespace ssmview
