// core/diagnostic.h: what the core says about an input, and where.
//
// Index
//   Severity, Diagnostic      one finding: severity, stable code, message, JSON path, line:column
//   DiagnosticCode            the catalogue of stable codes (tests walk it; docs list it)
//   TextLocator               byte offset -> 1-based line and column (columns count code points)
//   DiagnosticSink            collects findings while the pipeline runs, resolving offsets lazily
//
// Call flow: each pipeline stage (input_format, json_reader, invocation_reader, validate) pushes
// findings into one DiagnosticSink with a byte offset into the pasted text; the sink turns the
// offset into line and column through a TextLocator built once for that text. Codes are stable
// strings so scripts (`ssmview inspect --json`) and the view can key on them; messages are for
// people and may improve over time.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ssmview {

enum class Severity { Error, Warning, Info };
const char* severity_name(Severity s);  // "error", "warning", "info"

struct Diagnostic {
    Severity    severity = Severity::Error;
    std::string code;     // stable, e.g. "json.syntax" (see DiagnosticCode)
    std::string message;  // one sentence a person can act on
    std::string path;     // JSON pointer of the member concerned ("" = the document itself)
    int         line = 0;    // 1-based; 0 when the finding has no place in the text
    int         column = 0;  // 1-based, in Unicode code points
    std::size_t offset = 0;  // byte offset into the analyzed text (for the view's raw-input jump)
};

// The catalogue. Every code the core can emit is listed once, with its severity, so tests can
// prove that each one is reachable and documentation can be generated from it.
struct DiagnosticCode {
    const char* code;
    Severity    severity;
    const char* summary;
};
const std::vector<DiagnosticCode>& diagnostic_catalogue();

// Offsets to line:column. Built once per analyzed text; O(log lines) per lookup.
class TextLocator {
public:
    explicit TextLocator(std::string_view text);
    void locate(std::size_t offset, int& line, int& column) const;
private:
    std::string_view         text_;
    std::vector<std::size_t> line_starts_;  // byte offset where each line begins (\n, \r\n, lone \r)
};

class DiagnosticSink {
public:
    explicit DiagnosticSink(std::string_view text) : text_(text) {}
    // Adds a finding placed at a byte offset of the text.
    void add(Severity s, std::string code, std::string message, std::string path, std::size_t offset);
    // Adds a finding with no place in the text (line and column stay 0).
    void add_unplaced(Severity s, std::string code, std::string message, std::string path = {});
    // The findings, with one closing note per code whose repeats were held back.
    std::vector<Diagnostic> take();
    // The text the offsets point into (a message may quote a token as it was written).
    std::string_view text() const { return text_; }
private:
    // Each code keeps kMaxPerCode places (data_limits.h), then a count: a hostile input can repeat
    // one problem a million times, and locating each one costs a scan of its line. A capped
    // error still leaves kMaxPerCode errors listed, so validity never depends on the cap.
    bool admit(const std::string& code);

    // Built on the first placed finding: a clean input never pays for the line index.
    const TextLocator& locator();
    std::string_view                        text_;
    std::unique_ptr<TextLocator>            locator_;
    std::vector<Diagnostic>                 items_;
    std::vector<std::pair<std::string, int>> per_code_;  // code -> times seen (few distinct codes)
};

}  // namespace ssmview
