// core/redact.cpp: masking for share links.
//
// Index
//   Spans            find what to mask: access key ids, secret-looking tokens, user strings
//   redact_text      apply the spans to one string (non-overlapping, left to right)
//   redact           every string of an invocation, unknown members included
#include "redact.h"
#include "ascii.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ssmview {
namespace {

const char kMask[] = "[redacted]";

struct Span { std::size_t begin, end; };

bool upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool b64_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '+'; }
bool token_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

// ---- Spans ----------------------------------------------------------------------------------

// AKIA/ASIA/... + 16 upper-case letters or digits, standing alone.
void access_key_ids(std::string_view t, std::vector<Span>& out) {
    static const char* const prefixes[] = {"AKIA", "ASIA", "AIDA", "AROA", "AGPA", "ANPA", "ANVA", "AIPA", "ABIA", "ACCA"};
    for (std::size_t i = 0; i + 20 <= t.size(); ++i) {
        if (t[i] != 'A' || (i > 0 && upper_or_digit(t[i - 1]))) continue;
        bool prefix = false;
        for (const char* p : prefixes) prefix = prefix || t.compare(i, 4, p) == 0;
        if (!prefix) continue;
        std::size_t j = i + 4;
        while (j < t.size() && j < i + 20 && upper_or_digit(t[j])) ++j;
        if (j == i + 20 && (j == t.size() || !upper_or_digit(t[j]))) out.push_back({i, j});
    }
}

// 40 base64 characters with upper, lower and digits, standing alone: the shape of a secret
// access key. Also: values after secret-sounding names, JWTs, bearer tokens, GitHub/Slack tokens.
void secret_tokens(std::string_view t, std::vector<Span>& out) {
    for (std::size_t i = 0; i < t.size();) {
        if (!b64_char(t[i]) || (i > 0 && b64_char(t[i - 1]))) { ++i; continue; }
        std::size_t j = i;
        bool up = false, low = false, dig = false;
        while (j < t.size() && b64_char(t[j])) {
            up |= std::isupper(static_cast<unsigned char>(t[j])) != 0;
            low |= std::islower(static_cast<unsigned char>(t[j])) != 0;
            dig |= std::isdigit(static_cast<unsigned char>(t[j])) != 0;
            ++j;
        }
        if (j - i == 40 && up && low && dig) out.push_back({i, j});
        i = j;
    }
    static const char* const names[] = {"password", "passwd", "secret", "token", "api_key", "apikey", "api-key",
                                        "secret_access_key", "session_token", "private_key", "authorization"};
    const std::string lower = ascii_lower(t);
    for (const char* name : names) {
        const std::size_t n = std::strlen(name);
        for (std::size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + n)) {
            std::size_t k = at + n;
            while (k < t.size() && (t[k] == '"' || t[k] == '\'' || t[k] == ' ')) ++k;
            if (k >= t.size() || (t[k] != '=' && t[k] != ':')) continue;
            ++k;
            while (k < t.size() && (t[k] == ' ' || t[k] == '"' || t[k] == '\'')) ++k;
            std::size_t e = k;
            while (e < t.size() && !std::isspace(static_cast<unsigned char>(t[e])) && t[e] != '"' && t[e] != '\'' && t[e] != ',' &&
                   t[e] != ';' && t[e] != '&')
                ++e;
            if (e - k >= 4) out.push_back({k, e});
        }
    }
    static const char* const token_prefixes[] = {"eyJ", "ghp_", "gho_", "ghs_", "github_pat_", "xoxb-", "xoxp-", "Bearer "};
    for (const char* p : token_prefixes) {
        const std::size_t n = std::strlen(p);
        for (std::size_t at = t.find(p); at != std::string_view::npos; at = t.find(p, at + n)) {
            if (at > 0 && token_char(t[at - 1])) continue;
            std::size_t e = at + n;
            while (e < t.size() && (token_char(t[e]) || t[e] == '=')) ++e;
            if (e - at - n >= 10) out.push_back({p[0] == 'B' ? at + n : at, e});
        }
    }
}

void user_strings(std::string_view t, const std::vector<std::string>& strings, std::vector<Span>& out) {
    for (const auto& s : strings) {
        if (s.empty()) continue;
        for (std::size_t at = t.find(s); at != std::string_view::npos; at = t.find(s, at + s.size()))
            out.push_back({at, at + s.size()});
    }
}

void redact_json(Json& v, const RedactOptions& o, int& count) {
    if (v.is_string()) count += redact_text(v.get_ref<std::string&>(), o);
    else if (v.is_array() || v.is_object())
        for (auto& item : v) redact_json(item, o, count);
}

}  // namespace

// ---- redact_text ----------------------------------------------------------------------------

int redact_text(std::string& text, const RedactOptions& options) {
    std::vector<Span> spans;
    if (options.access_key_ids) access_key_ids(text, spans);
    if (options.secret_tokens) secret_tokens(text, spans);
    user_strings(text, options.strings, spans);
    if (spans.empty()) return 0;
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin || (a.begin == b.begin && a.end > b.end); });
    std::string out;
    out.reserve(text.size());
    std::size_t cursor = 0;
    int count = 0;
    for (const Span& s : spans) {
        if (s.begin < cursor) {  // overlaps the previous mask: extend it instead
            cursor = std::max(cursor, s.end);
            continue;
        }
        out.append(text, cursor, s.begin - cursor);
        out += kMask;
        cursor = s.end;
        ++count;
    }
    out.append(text, cursor, std::string::npos);
    text = std::move(out);
    return count;
}

// ---- redact ---------------------------------------------------------------------------------

RedactResult redact(const Invocation& inv, const RedactOptions& options) {
    RedactResult r{inv, 0};
    Invocation& out = r.invocation;
    for (Field<std::string>* f : {&out.command_id, &out.instance_id, &out.comment, &out.document_name, &out.document_version,
                                  &out.plugin_name, &out.execution_start_date_time, &out.execution_elapsed_time,
                                  &out.execution_end_date_time, &out.status, &out.status_details, &out.standard_output_content,
                                  &out.standard_output_url, &out.standard_error_content, &out.standard_error_url,
                                  &out.cloud_watch_output_config.value.log_group_name})
        if (f->present) r.replacements += redact_text(f->value, options);
    for (auto& member : out.unknown) redact_json(member.second, options, r.replacements);
    for (auto& member : out.cloud_watch_output_config.value.unknown) redact_json(member.second, options, r.replacements);
    return r;
}

}  // namespace ssmview
