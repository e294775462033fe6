// core/invocation_reader.cpp: members onto the model.
//
// Index
//   Places          path -> offsets from the reader, for placing each diagnostic
//   Typed readers   take_string / take_int / take_bool: type check, then fill a Field
//   read_invocation the member dispatch (model members, SDK envelopes, unknown members)
#include "invocation_reader.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace ssmview {
namespace {

const char* json_type_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "an integer";
        case Json::value_t::number_float: return "a number with a fraction";
        default: return "a value";
    }
}

// ---- Places ---------------------------------------------------------------------------------

// Indexed once: every member looks its place up, and a scan per lookup made an object with
// 80,000 members take 15 s (tests/core/bad_input_test.cpp pins the linear time).
struct Places {
    std::unordered_map<std::string_view, const MemberPlace*> by_path;
    std::size_t fallback;
    Places(const std::vector<MemberPlace>& all, std::size_t fallback_offset) : fallback(fallback_offset) {
        by_path.reserve(all.size());
        for (const auto& p : all) by_path[p.path] = &p;  // duplicates: the last one is the value in force
    }
    const MemberPlace* find(const std::string& path) const {
        const auto it = by_path.find(path);
        return it == by_path.end() ? nullptr : it->second;
    }
    std::size_t value(const std::string& path) const { const auto* p = find(path); return p ? p->value_offset : fallback; }
    std::size_t key(const std::string& path) const { const auto* p = find(path); return p ? p->key_offset : fallback; }
};

// ---- Typed readers --------------------------------------------------------------------------

struct Ctx {
    const Places&   places;
    DiagnosticSink& sink;
    std::string number_as_written(std::size_t offset, const Json& v) const {
        const std::string_view text = sink.text();
        std::size_t end = offset;
        constexpr std::string_view kNumberChars = "+-0123456789.eE";
        while (end < text.size() && end - offset < 40 && kNumberChars.find(text[end]) != std::string_view::npos) ++end;
        return end > offset ? std::string(text.substr(offset, end - offset)) : v.dump();
    }
    void wrong_type(const std::string& path, const char* name, const char* expected, const Json& v) {
        sink.add(Severity::Error, "model.wrong_type",
                 std::string(name) + " must be " + expected + ", not " + json_type_name(v) + ".", path, places.value(path));
    }
    void take_string(const std::string& path, const char* name, Json& v, Field<std::string>& f) {
        if (!v.is_string()) return wrong_type(path, name, "a string", v);
        f.present = true;
        f.value = std::move(v.get_ref<std::string&>());
        f.offset = places.value(path);
    }
    void take_bool(const std::string& path, const char* name, const Json& v, Field<bool>& f) {
        if (!v.is_boolean()) return wrong_type(path, name, "true or false", v);
        f.present = true;
        f.value = v.get<bool>();
        f.offset = places.value(path);
    }
    void take_int32(const std::string& path, const char* name, const Json& v, Field<std::int64_t>& f) {
        constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min(), hi = std::numeric_limits<std::int32_t>::max();
        std::int64_t n = 0;
        bool fits = false;
        if (v.is_number_integer()) {
            n = v.get<std::int64_t>();
            fits = n >= lo && n <= hi;
        } else if (v.is_number_float() && std::isfinite(v.get<double>()) && v.get<double>() == std::trunc(v.get<double>())) {
            // 1e3 or 0.0: integral, written oddly. The range is checked on the double: converting
            // one beyond int64 (the reader keeps -19223372036854775807 as a double) is undefined.
            const double d = v.get<double>();
            fits = d >= static_cast<double>(lo) && d <= static_cast<double>(hi);
            if (fits) n = static_cast<std::int64_t>(d);
        } else {
            return wrong_type(path, name, "an integer", v);
        }
        if (!fits) {
            // The number as the text wrote it ("99999999999999999999999", not the double's
            // 9.999999999999999e+22), at most 40 characters of it.
            const std::string shown = number_as_written(places.value(path), v);
            sink.add(Severity::Error, "model.out_of_range",
                     std::string(name) + " " + shown + " does not fit the API model's 32-bit integer.", path,
                     places.value(path));
            return;
        }
        f.present = true;
        f.value = n;
        f.offset = places.value(path);
    }
};

void read_cloudwatch(Ctx& ctx, Json& v, Field<CloudWatchOutputConfig>& f) {
    const std::string base = "/CloudWatchOutputConfig";
    if (!v.is_object()) return ctx.wrong_type(base, "CloudWatchOutputConfig", "an object", v);
    f.present = true;
    f.offset = ctx.places.value(base);
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& key = it.key();
        Json& member = it.value();
        const std::string path = base + "/" + json_pointer_token(key);
        if (key == "CloudWatchLogGroupName") ctx.take_string(path, "CloudWatchLogGroupName", member, f.value.log_group_name);
        else if (key == "CloudWatchOutputEnabled") ctx.take_bool(path, "CloudWatchOutputEnabled", member, f.value.output_enabled);
        else {
            ctx.sink.add(Severity::Info, "model.unknown_member",
                         "\"" + key + "\" is not a member of CloudWatchOutputConfig in the API model; it is kept and shown.", path,
                         ctx.places.key(path));
            f.value.unknown.emplace_back(key, std::move(member));
        }
    }
}

}  // namespace

bool read_invocation(JsonRead& json, std::size_t json_begin, Invocation& inv, DiagnosticSink& sink) {
    Json& root = json.value;
    if (!root.is_object()) {
        sink.add(Severity::Error, "model.not_object",
                 std::string("The JSON is ") + json_type_name(root) +
                     "; `aws ssm get-command-invocation` prints an object ({ \"CommandId\": ... }).",
                 "", json_begin);
        return false;
    }
    Places places{json.places, json_begin};
    Ctx ctx{places, sink};
    int known = 0;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string& key = it.key();
        Json& v = it.value();
        const std::string path = "/" + json_pointer_token(key);
        // Compared as strings, never as C strings: "Status\u0000" is another member, not Status
        // (strcmp stopped at the NUL: found by fuzz_analyze).
        const char* k = key.c_str();  // only for messages: the name up to a NUL
        auto is = [&](const char* name) { return key == name ? (++known, true) : false; };
        if (is("CommandId")) ctx.take_string(path, k, v, inv.command_id);
        else if (is("InstanceId")) ctx.take_string(path, k, v, inv.instance_id);
        else if (is("Comment")) ctx.take_string(path, k, v, inv.comment);
        else if (is("DocumentName")) ctx.take_string(path, k, v, inv.document_name);
        else if (is("DocumentVersion")) ctx.take_string(path, k, v, inv.document_version);
        else if (is("PluginName")) ctx.take_string(path, k, v, inv.plugin_name);
        else if (is("ResponseCode")) ctx.take_int32(path, k, v, inv.response_code);
        else if (is("ExecutionStartDateTime")) ctx.take_string(path, k, v, inv.execution_start_date_time);
        else if (is("ExecutionElapsedTime")) ctx.take_string(path, k, v, inv.execution_elapsed_time);
        else if (is("ExecutionEndDateTime")) ctx.take_string(path, k, v, inv.execution_end_date_time);
        else if (is("Status")) ctx.take_string(path, k, v, inv.status);
        else if (is("StatusDetails")) ctx.take_string(path, k, v, inv.status_details);
        else if (is("StandardOutputContent")) ctx.take_string(path, k, v, inv.standard_output_content);
        else if (is("StandardOutputUrl")) ctx.take_string(path, k, v, inv.standard_output_url);
        else if (is("StandardErrorContent")) ctx.take_string(path, k, v, inv.standard_error_content);
        else if (is("StandardErrorUrl")) ctx.take_string(path, k, v, inv.standard_error_url);
        else if (is("CloudWatchOutputConfig")) read_cloudwatch(ctx, v, inv.cloud_watch_output_config);
        else if (key == "ResponseMetadata" || key == "$metadata") {
            sink.add(Severity::Info, "model.sdk_metadata",
                     "\"" + key + "\" is SDK response metadata, not part of the invocation; it is skipped.", path, places.key(path));
        } else if (key == "CommandInvocations") {
            sink.add(Severity::Error, "model.list_output",
                     "This is `aws ssm list-command-invocations` output. ssmview reads one invocation: run "
                     "`aws ssm get-command-invocation --command-id ID --instance-id ID --output json`.",
                     path, places.key(path));
            return false;
        } else {
            sink.add(Severity::Info, "model.unknown_member",
                     "\"" + key + "\" is not a member of GetCommandInvocationResult in the API model; it is kept and shown.",
                     path, places.key(path));
            inv.unknown.emplace_back(key, std::move(v));
        }
    }
    if (known == 0)
        sink.add(Severity::Warning, "model.no_members",
                 "This object has none of GetCommandInvocation's members (CommandId, Status, ...): is it the right output?",
                 "", json_begin);
    return true;
}

}  // namespace ssmview
