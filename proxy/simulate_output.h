// proxy/simulate_output.h: what one stream (stdout or stderr) of a simulated step writes, and when.
//
// Index
//   Line      the authoring form: a piece of text and when it is written (ms after the step's start)
//   Output    the whole text, held once, and the instants it grows at: until(t) is a prefix of it
//
// Why one string. A step of the catalog writes 200,000 lines (the export). Every answer about a
// step is a slice of its text: GetCommandInvocation's first 24,000 bytes, a CloudWatch Logs event,
// an S3 object or a range of one. The text is built once with the catalog (which lives as long as
// the program), so no request concatenates lines and views into it stay valid.
//
// Call flow: simulate_catalog.cpp writes each step's Output (an initializer list of Lines for the
// scripted stories, write() in loops for the long ones); view_step reads until(t);
// simulate_uploads.cpp cuts the marks into CloudWatch events and serves text() as S3 objects.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace ssmview::proxy {

struct Line {
    std::int64_t at_ms;  // after the step's start
    std::string  text;   // as the script wrote it (ANSI escapes, CRLF and all)
};

class Output {
public:
    // One write: the text up to `end` (a byte offset) exists from `at_ms` on.
    struct Mark {
        std::int64_t at_ms;
        std::size_t  end;
    };

    Output() = default;
    Output(std::initializer_list<Line> lines);

    // Appends. Writes come in time order (asserted): a stream is written front to back.
    void write(std::int64_t at_ms, std::string_view text);

    std::string_view         text() const { return text_; }
    bool                     empty() const { return text_.empty(); }
    const std::vector<Mark>& marks() const { return marks_; }
    // Everything written at or before `elapsed_ms` (a binary search; a view into text()).
    std::string_view until(std::int64_t elapsed_ms) const;

private:
    std::string       text_;
    std::vector<Mark> marks_;
};

}  // namespace ssmview::proxy
