// core/diagnostic.cpp: severities, the code catalogue, offset -> line:column.
//
// Index
//   severity_name
//   diagnostic_catalogue   every stable code with its severity (keep README's table in step)
//   TextLocator            line starts found once; columns counted in code points on demand
//   DiagnosticSink
#include "diagnostic.h"

#include <algorithm>
#include <cstring>

#include "data_limits.h"
#include "text_encoding.h"

namespace ssmview {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "error";
}

const std::vector<DiagnosticCode>& diagnostic_catalogue() {
    static const std::vector<DiagnosticCode> codes = {
        // Recognizing the input (input_format.cpp)
        {"input.empty", Severity::Error, "nothing to read: the input is empty or only white space"},
        {"input.too_large", Severity::Error, "the input is over the documented maximum size"},
        {"input.utf16", Severity::Error, "UTF-16 text (Windows PowerShell 5.1 redirection): save it as UTF-8"},
        {"input.binary", Severity::Error, "the input is binary data, not text"},
        {"input.text", Severity::Error, "AWS CLI --output text: rerun with --output json"},
        {"input.table", Severity::Error, "AWS CLI --output table: rerun with --output json"},
        {"input.no_json", Severity::Error, "no JSON object in the text"},
        {"input.plain", Severity::Warning, "not CLI JSON: shown as plain output, with no status"},
        {"input.text_before", Severity::Info, "text before the JSON or YAML (a prompt, the command line) was skipped"},
        {"input.text_after", Severity::Info, "text after the JSON or YAML (a prompt) was skipped"},
        {"input.text_between", Severity::Info, "text between two pasted pages (a prompt, a command line) was skipped"},
        {"input.bom", Severity::Info, "a UTF-8 byte order mark was skipped"},
        // JSON syntax (json_reader.cpp)
        {"json.syntax", Severity::Error, "not valid JSON at this place"},
        {"json.truncated", Severity::Error, "the JSON ends before it is complete (cut off)"},
        {"json.too_deep", Severity::Error, "JSON nested deeper than the documented maximum"},
        {"json.control_character", Severity::Error, "an unescaped control character inside a string"},
        {"json.bad_escape", Severity::Error, "an invalid escape sequence inside a string"},
        {"json.non_standard_literal", Severity::Error, "NaN or Infinity, which JSON does not allow"},
        {"json.number_out_of_range", Severity::Error, "a number too large for a double"},
        {"json.invalid_utf8", Severity::Warning, "bytes that are not UTF-8 inside a string (shown as U+FFFD)"},
        {"json.lone_surrogate", Severity::Warning, "a \\u escape for half a surrogate pair (shown as U+FFFD)"},
        {"json.duplicate_key", Severity::Warning, "a member given twice: the last value wins, as in the AWS SDKs"},
        // YAML (yaml_reader.cpp): --output yaml and yaml-stream
        {"yaml.syntax", Severity::Error, "not valid YAML at this place (libyaml's reason, in words)"},
        {"yaml.truncated", Severity::Error, "the YAML ends before it is complete (cut off)"},
        {"yaml.too_deep", Severity::Error, "YAML nested deeper than the documented maximum"},
        {"yaml.unsupported", Severity::Error, "an alias, a tag or a key that is not a name: the AWS CLI writes none"},
        {"yaml.duplicate_key", Severity::Warning, "a key given twice: the last value wins, as in JSON"},
        {"yaml.plain_timestamp", Severity::Warning, "an unquoted timestamp, which YAML 1.1 readers turn into a date: read as written"},
        {"yaml.folded", Severity::Warning, "a string written over several lines, joined with spaces: re-wrapping changes it"},
        {"yaml.literal_escape", Severity::Warning, "\\e[ or \\U0001F680 where YAML reads no escapes: shown as written"},
        {"yaml.escape_esc", Severity::Info, "\\e, YAML's escape for ESC (JSON's \\u001b), read as ESC"},
        {"yaml.escape_astral", Severity::Info, "\\U0001F680, YAML's escape for a character past U+FFFF, read as that character"},
        // The document's shape (invocation_reader.cpp)
        {"model.not_object", Severity::Error, "the JSON is not an object"},
        {"model.wrong_type", Severity::Error, "a member has the wrong JSON type for the API model"},
        {"model.out_of_range", Severity::Error, "ResponseCode does not fit the model's 32-bit integer"},
        {"model.no_members", Severity::Warning, "an object with none of GetCommandInvocation's members"},
        {"model.unknown_member", Severity::Info, "a member the API model does not define (kept, shown)"},
        {"model.sdk_metadata", Severity::Info, "SDK response metadata (ResponseMetadata, $metadata) ignored"},

        {"fleet.pages", Severity::Info, "several pages of a fleet output were read one after the other"},
        {"fleet.more_pages", Severity::Warning, "the last page ends with a NextToken: the fleet is incomplete"},
        {"fleet.link_dropped", Severity::Warning, "a share link left out some invocations to fit: how many, per Status"},
        {"fleet.page_broken", Severity::Warning, "a page's JSON breaks off: the list elements read whole before the break are kept"},
        {"fleet.duplicate_invocation", Severity::Warning, "an invocation listed twice (overlapping pages): the first is kept"},
        {"fleet.other_document", Severity::Warning, "a pasted JSON that is not a fleet output, skipped"},
        {"fleet.no_details", Severity::Info, "list-command-invocations without --details: no output to group"},
        {"fleet.output_split", Severity::Info, "plugin Outputs split back into stdout and stderr at the agent's ERROR line"},
        {"fleet.output_ambiguous", Severity::Warning, "a plugin Output with more than one ERROR line: the split is a guess"},
        {"fleet.plugin_output_cut", Severity::Info, "plugin Outputs cut by the agent at 2,500 characters"},
        {"fleet.counters", Severity::Warning, "a command's counters contradict each other"},
        {"fleet.count_mismatch", Severity::Warning, "TargetCount differs from the invocations pasted"},
        // Model constraints (validate.cpp)
        {"constraint.command_id_length", Severity::Warning, "CommandId is not 36 characters long"},
        {"constraint.instance_id_pattern", Severity::Warning, "InstanceId matches neither i-... nor mi-..."},
        {"constraint.plugin_name_length", Severity::Warning, "PluginName is shorter than 4 characters"},
        {"constraint.comment_length", Severity::Warning, "Comment is longer than 100 characters"},
        {"constraint.document_name_pattern", Severity::Warning, "DocumentName has characters the model forbids"},
        {"constraint.document_version_pattern", Severity::Warning, "DocumentVersion is not $DEFAULT, $LATEST or a number"},
        {"constraint.stdout_length", Severity::Warning, "StandardOutputContent is over 24,000 characters"},
        {"constraint.stderr_length", Severity::Warning, "StandardErrorContent is over 8,000 characters"},
        // State (validate.cpp)
        {"status.case", Severity::Warning, "Status or StatusDetails spelled with different letter case"},
        {"status.unknown", Severity::Warning, "a Status the API does not define"},
        {"status.details_unknown", Severity::Warning, "a StatusDetails the API does not document"},
        {"status.missing", Severity::Warning, "no Status and no StatusDetails: the state cannot be told"},
        {"status.contradiction", Severity::Warning, "Status and StatusDetails contradict each other"},
        {"state.success_nonzero_code", Severity::Warning, "Success with a non-zero ResponseCode"},
        {"state.failed_zero_code", Severity::Info, "Failed with ResponseCode 0: the failure was not the script's exit code"},
        {"state.finished_not_started", Severity::Warning, "a state that ran the plugin, with ResponseCode -1"},
        {"state.pending_with_output", Severity::Warning, "Pending or Delayed, yet with output or a ResponseCode"},
        // Times (validate.cpp)
        {"time.invalid", Severity::Warning, "a time that is not ISO-8601"},
        {"time.duration_invalid", Severity::Warning, "an elapsed time that is not an ISO-8601 duration"},
        {"time.missing_end", Severity::Warning, "a terminal state that ran, with no end time"},
        {"time.end_while_running", Severity::Warning, "an end time while the invocation is still running"},
        {"time.end_before_start", Severity::Warning, "the end time is before the start time"},
        {"time.elapsed_mismatch", Severity::Warning, "ExecutionElapsedTime does not match end minus start"},
        // Output (validate.cpp)
        {"output.truncated", Severity::Info,
         "stdout or stderr ends in an agent's truncation marker (---Output truncated---, ---Error truncated----, "
         "--output truncated--)"},
        {"output.at_limit", Severity::Info, "stdout or stderr is exactly at the service's size limit: probably cut"},
    };
    return codes;
}

// ---- TextLocator ----------------------------------------------------------------------------

TextLocator::TextLocator(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    if (std::memchr(text.data(), '\r', text.size()) == nullptr) {  // the common case: \n only, memchr is fast
        const char* const begin = text.data();
        const char* const end = begin + text.size();
        for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p)
            line_starts_.push_back(static_cast<std::size_t>(p - begin) + 1);
        return;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            line_starts_.push_back(i + 1);
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CRLF is one line end
            line_starts_.push_back(i + 1);
        }
    }
}

void TextLocator::locate(std::size_t offset, int& line, int& column) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    line = static_cast<int>(index + 1);
    // Columns count code points, as editors do.
    column = static_cast<int>(utf8_length(text_, line_starts_[index], offset)) + 1;
}

// ---- DiagnosticSink -------------------------------------------------------------------------

const TextLocator& DiagnosticSink::locator() {
    if (!locator_) locator_ = std::make_unique<TextLocator>(text_);
    return *locator_;
}

bool DiagnosticSink::admit(const std::string& code) {
    for (auto& entry : per_code_)
        if (entry.first == code) return ++entry.second <= kMaxPerCode;
    per_code_.emplace_back(code, 1);
    return true;
}

std::vector<Diagnostic> DiagnosticSink::take() {
    for (const auto& entry : per_code_) {
        if (entry.second <= kMaxPerCode) continue;
        const auto first = std::find_if(items_.begin(), items_.end(),
                                        [&](const Diagnostic& d) { return d.code == entry.first; });
        Diagnostic more = *first;
        more.message = std::to_string(entry.second - kMaxPerCode) + " more like this are not listed.";
        more.line = more.column = 0;
        more.path.clear();
        items_.push_back(std::move(more));
    }
    per_code_.clear();
    return std::move(items_);
}

void DiagnosticSink::add(Severity s, std::string code, std::string message, std::string path, std::size_t offset) {
    if (!admit(code)) return;
    Diagnostic d{s, std::move(code), std::move(message), std::move(path), 0, 0, offset};
    locator().locate(offset, d.line, d.column);
    items_.push_back(std::move(d));
}

void DiagnosticSink::add_unplaced(Severity s, std::string code, std::string message, std::string path) {
    if (!admit(code)) return;
    items_.push_back(Diagnostic{s, std::move(code), std::move(message), std::move(path), 0, 0, 0});
}

}  // namespace ssmview
