// bench/core/bench_inputs.cpp: deterministic, realistic command output for the benchmark.
//
// Index
//   Rng, Draw                splitmix64 with a fixed seed, values drawn in a fixed order: the same
//                            bytes on every run and in both builds (GCC and em++)
//   Vocabulary               words, services, Greek / Cyrillic phrases, emoji, SGR colours
//   LineGenerator            one line of terminal output at a time, stdout-like or stderr-like:
//                            coloured log lines, apt/pip progress, box-drawing tables, test runners,
//                            Windows paths (backslashes, quotes), tab-separated columns, \r progress bars
//   Escaping, counting       json_escape_aws_cli, cut_to_code_points, fnv1a64 (code points: the core's utf8_length)
//   Envelope                 the 4-space-indented, model-ordered object the AWS CLI v2 prints
//   make_maximal_invocation  (a)
//   make_large_invocation    (b)
//   make_fleet               (c)
//
// Call flow: make_*() -> generate_text(LineGenerator, budget) -> LineGenerator::line() repeatedly
// -> json_escape_aws_cli() -> envelope(). Nothing here is timed.
#include "bench_inputs.h"

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace ssmview::bench {
namespace {

// ---- Rng ------------------------------------------------------------------------------------

struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

// Eight values drawn up front, in order. Function arguments are evaluated in an unspecified
// order (GCC right to left, clang left to right), so drawing inside an argument list would give
// the native and the wasm build different documents; indexing pre-drawn values does not.
struct Draw {
    std::uint64_t v[8];
    explicit Draw(Rng& rng) {
        for (auto& x : v) x = rng.next();
    }
    int below(int k, int n) const { return static_cast<int>(v[k] % static_cast<std::uint64_t>(n)); }
    template <typename T, std::size_t N>
    const T& pick(int k, const T (&items)[N]) const { return items[v[k] % N]; }
};

// ---- Vocabulary -----------------------------------------------------------------------------

const char* const kServices[] = {"nginx", "postgresql", "redis-server", "amazon-ssm-agent", "docker", "containerd",
                                 "cloudwatch-agent", "sshd", "chronyd", "node-exporter"};
const char* const kPackages[] = {"libssl3", "openssl", "curl", "libcurl4", "tzdata", "ca-certificates", "python3.11",
                                 "linux-image-6.1.0-27-cloud-amd64", "systemd", "libc6", "git", "jq"};
const char* const kSteps[] = {"fetch artifact", "verify checksum", "stop service", "migrate schema", "render config",
                              "start service", "health check", "warm cache", "rotate logs", "prune images"};
const char* const kTests[] = {"parses ISO-8601 durations", "rejects lone surrogates", "keeps unknown members",
                              "classifies DeliveryTimedOut", "round-trips share links", "renders SGR colours",
                              "handles CRLF line ends", "reports duplicate keys"};
const char* const kGreek[] = {"Έλεγχος υπηρεσίας", "Ενημέρωση πακέτων", "Επανεκκίνηση διακομιστή",
                              "Αντίγραφο ασφαλείας βάσης", "Καθαρισμός προσωρινής μνήμης"};
const char* const kCyrillic[] = {"Проверка конфигурации узла", "Обновление пакетов", "Перезапуск службы",
                                 "Резервное копирование базы", "Очистка временных файлов"};
const char* const kCyrillicErrors[] = {"Ошибка: не удалось подключиться к базе данных", "Предупреждение: мало места на диске",
                                       "Ошибка: превышено время ожидания ответа"};
const char* const kEmoji[] = {"🚀", "✅", "⚠️", "🔥", "📦", "🐳", "🔒", "⏱️", "🧪", "💾"};
// SGR: basic, bright, bold/dim/underline combinations, 256-colour and true colour.
const char* const kColours[] = {"\x1b[32m", "\x1b[33m", "\x1b[31m", "\x1b[36m", "\x1b[1;34m", "\x1b[90m",
                                "\x1b[38;5;208m", "\x1b[38;2;255;128;0m", "\x1b[4;35m", "\x1b[2m"};
const char* const kReset = "\x1b[0m";

// ---- LineGenerator --------------------------------------------------------------------------

class LineGenerator {
public:
    explicit LineGenerator(std::uint64_t seed, bool stderr_like) : rng_{seed}, stderr_like_(stderr_like) {}

    // Appends one or a few lines (a table comes whole) to `out`.
    void line(std::string& out) {
        ms_ += 1 + rng_.next() % 900;
        if (stderr_like_) stderr_line(out);
        else stdout_line(out);
    }

private:
    Rng           rng_;
    bool          stderr_like_;
    std::uint64_t ms_ = 0;
    int           step_ = 0;

    void put(std::string& out, const char* format, ...) __attribute__((format(printf, 3, 4))) {
        char buf[512];
        va_list args;
        va_start(args, format);
        const int n = std::vsnprintf(buf, sizeof buf, format, args);
        va_end(args);
        if (n > 0) out.append(buf, static_cast<std::size_t>(n) < sizeof buf ? static_cast<std::size_t>(n) : sizeof buf - 1);
    }
    // "2026-11-20T14:03:07.512Z"-style prefix, advancing with the output.
    void stamp(std::string& out) {
        const std::uint64_t t = 7512 + ms_;
        put(out, "2026-11-20T14:%02u:%02u.%03uZ ", static_cast<unsigned>(3 + t / 60000 % 56),
            static_cast<unsigned>(t / 1000 % 60), static_cast<unsigned>(t % 1000));
    }

    void stdout_line(std::string& out) {
        const Draw d(rng_);
        const int kind = d.below(0, 20);
        if (kind < 6) {  // coloured structured log line
            stamp(out);
            static const char* const levels[] = {"\x1b[32m INFO\x1b[0m", "\x1b[36mDEBUG\x1b[0m", "\x1b[33m WARN\x1b[0m"};
            put(out, "%s [deploy] step %d/10: %s%s%s for %s\n", d.pick(1, levels), step_ % 10 + 1, d.pick(2, kColours),
                kSteps[step_ % 10], kReset, d.pick(3, kServices));
            ++step_;
        } else if (kind < 9) {  // apt
            put(out, "Get:%d http://deb.debian.org/debian bookworm/main amd64 %s amd64 %d.%d.%d-%d [%d kB]\n",
                d.below(1, 400) + 1, d.pick(2, kPackages), d.below(3, 4), d.below(4, 20), d.below(5, 30), d.below(6, 9) + 1,
                d.below(7, 9000) + 12);
        } else if (kind < 11) {  // Greek, bold
            put(out, "\x1b[1m%s\x1b[0m %s: ολοκληρώθηκε σε %d ms %s\n", d.pick(1, kGreek), d.pick(2, kServices),
                d.below(3, 5000), d.pick(4, kEmoji));
        } else if (kind < 13) {  // Cyrillic, coloured verdict
            put(out, "%s %s — \x1b[32mуспешно\x1b[0m (%d из %d)\n", d.pick(1, kCyrillic), d.pick(2, kServices),
                d.below(3, 50) + 1, 50);
        } else if (kind < 14) {  // box-drawing table, as systemctl-style tools print them
            out += "┌────────────────────┬────────────┬──────────┐\n";
            out += "│ service            │ state      │ uptime   │\n";
            out += "├────────────────────┼────────────┼──────────┤\n";
            const int rows = 2 + d.below(1, 4);
            for (int i = 0; i < rows; ++i) {
                const Draw r(rng_);
                const bool up = r.below(0, 6) != 0;
                put(out, "│ %-18s │ %s● %-8s%s │ %2dd %2dh  │\n", r.pick(1, kServices), up ? "\x1b[32m" : "\x1b[31m",
                    up ? "active" : "failed", kReset, r.below(2, 40), r.below(3, 24));
            }
            out += "└────────────────────┴────────────┴──────────┘\n";
        } else if (kind < 16) {  // test runner
            const bool ok = d.below(1, 8) != 0;
            put(out, "  %s%s%s %s \x1b[90m(%d ms)\x1b[0m\n", ok ? "\x1b[32m" : "\x1b[31m", ok ? "✔" : "✘", kReset,
                d.pick(2, kTests), d.below(3, 300));
        } else if (kind < 17) {  // progress bar redrawn with \r
            const int done = d.below(1, 21);
            std::string bar;
            for (int i = 0; i < 20; ++i) bar += i < done ? "█" : "░";
            put(out, "\r%s %s [%s] %3d%% (%d/20)\n", d.pick(2, kEmoji), d.pick(3, kPackages), bar.c_str(), done * 5, done);
        } else if (kind < 18) {  // Windows path: backslashes and quotes to escape
            put(out, "Copying \"C:\\ProgramData\\Amazon\\SSM\\InstanceData\\%s\\document\\state\\%d.json\" -> \"D:\\backup\\%s\"\n",
                d.pick(1, kServices), d.below(2, 100000), d.pick(3, kPackages));
        } else if (kind < 19) {  // tab-separated columns
            put(out, "%d\t%s\t%d.%d%%\t%d MiB\t%s\n", 1000 + d.below(1, 60000), d.pick(2, kServices), d.below(3, 100),
                d.below(4, 10), d.below(5, 4096), d.below(6, 2) ? "S" : "R");
        } else {  // emoji-heavy status line, 256 / true colour
            put(out, "%s %s%s%s deployed to %s %s\n", d.pick(1, kEmoji), d.pick(2, kColours), d.pick(3, kPackages), kReset,
                d.pick(4, kServices), d.pick(5, kEmoji));
        }
    }

    void stderr_line(std::string& out) {
        const Draw d(rng_);
        const int kind = d.below(0, 10);
        if (kind < 3) {
            stamp(out);
            put(out, "\x1b[1;31mERROR\x1b[0m %s: connection refused (attempt %d/5)\n", d.pick(1, kServices), d.below(2, 5) + 1);
        } else if (kind < 5) {
            put(out, "\x1b[33mWARNING:\x1b[0m %s is deprecated; see \"https://docs.example.com/%s\"\n", d.pick(1, kPackages),
                d.pick(2, kServices));
        } else if (kind < 7) {
            put(out, "\x1b[31m%s\x1b[0m (%s) %s\n", d.pick(1, kCyrillicErrors), d.pick(2, kServices), d.pick(3, kEmoji));
        } else if (kind < 8) {
            put(out, "Traceback (most recent call last):\n  File \"/opt/app/%s.py\", line %d, in <module>\n    main()\n"
                     "KeyError: 'Σφάλμα ρύθμισης'\n",
                d.pick(1, kServices), d.below(2, 400) + 1);
        } else if (kind < 9) {
            put(out, "E: Unable to locate package %s\n", d.pick(1, kPackages));
        } else {
            put(out, "\t at C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\%s.ps1:%d char:%d\n", d.pick(1, kServices),
                d.below(2, 200) + 1, d.below(3, 80) + 1);
        }
    }
};

// ---- Escaping, counting ---------------------------------------------------------------------

std::size_t escaped_size(std::string_view s) {
    std::size_t n = 0;
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') n += 2;
        else if (c < 0x20) n += 6;
        else n += 1;
    }
    return n;
}

// The first `chars` code points of `s`.
std::string cut_to_code_points(const std::string& s, std::size_t chars) { return s.substr(0, utf8_advance(s, 0, chars)); }

// Text of exactly `chars` code points (the last line cut where the limit falls, as the service
// cuts), then `tail`, which counts towards `chars`.
std::string text_of_chars(LineGenerator& gen, std::size_t chars, const std::string& tail) {
    const std::size_t body = chars - utf8_length(tail);
    std::string out;
    std::size_t have = 0;
    while (have < body) {
        std::string line;
        gen.line(line);
        have += utf8_length(line);
        out += line;
    }
    return cut_to_code_points(out, body) + tail;
}

// ---- Envelope -------------------------------------------------------------------------------

struct Members {
    const char* status;
    const char* status_details;
    int         response_code;
    std::string stdout_text, stderr_text;
    const char* stdout_url;
    const char* stderr_url;
};

std::string envelope(const Members& m) {
    std::string j;
    const auto member = [&](const char* key, const std::string& value_json, bool last = false) {
        j += "    \"";
        j += key;
        j += "\": ";
        j += value_json;
        j += last ? "\n" : ",\n";
    };
    const auto str = [](std::string_view s) { return "\"" + json_escape_aws_cli(s) + "\""; };
    j += "{\n";
    member("CommandId", str("7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b"));
    member("InstanceId", str("i-0770e90fd073d9458"));
    member("Comment", str("release 2026.11.20: deploy, migrate, smoke-test (Ελλάδα/Україна fleet)"));
    member("DocumentName", str("AWS-RunShellScript"));
    member("DocumentVersion", str("$DEFAULT"));
    member("PluginName", str("aws:runShellScript"));
    member("ResponseCode", std::to_string(m.response_code));
    member("ExecutionStartDateTime", str("2026-11-20T14:03:07.512Z"));
    member("ExecutionElapsedTime", str("PT4M12.318S"));
    member("ExecutionEndDateTime", str("2026-11-20T14:07:19.830Z"));
    member("Status", str(m.status));
    member("StatusDetails", str(m.status_details));
    member("StandardOutputContent", str(m.stdout_text));
    member("StandardOutputUrl", str(m.stdout_url));
    member("StandardErrorContent", str(m.stderr_text));
    member("StandardErrorUrl", str(m.stderr_url));
    j += "    \"CloudWatchOutputConfig\": {\n";
    j += "        \"CloudWatchLogGroupName\": \"/aws/ssm/AWS-RunShellScript\",\n";
    j += "        \"CloudWatchOutputEnabled\": true\n";
    j += "    }\n}\n";
    return j;
}

constexpr const char* kStdoutUrl =
    "https://s3.eu-west-1.amazonaws.com/ssm-output-123456789012/7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b/"
    "i-0770e90fd073d9458/awsrunShellScript/0.awsrunShellScript/stdout";
constexpr const char* kStderrUrl =
    "https://s3.eu-west-1.amazonaws.com/ssm-output-123456789012/7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b/"
    "i-0770e90fd073d9458/awsrunShellScript/0.awsrunShellScript/stderr";

BenchInput finish(std::string label, Members m) {
    BenchInput in;
    in.label = std::move(label);
    in.stdout_chars = utf8_length(m.stdout_text);
    in.stdout_bytes = m.stdout_text.size();
    in.stderr_chars = utf8_length(m.stderr_text);
    in.stderr_bytes = m.stderr_text.size();
    in.status = m.status;
    in.json = envelope(m);
    return in;
}

}  // namespace

std::string json_escape_aws_cli(std::string_view utf8) {
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(escaped_size(utf8));
    for (char ch : utf8) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {  // ESC becomes \u001b, lower-case hex like Python's json
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += ch;  // raw UTF-8 (ensure_ascii=False)
                }
        }
    }
    return out;
}

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h;
}

// ---- make_maximal_invocation ----------------------------------------------------------------

BenchInput make_maximal_invocation() {
    LineGenerator out(0x55D0u, false), err(0xE22u, true);
    Members m;
    m.status = "Failed";
    m.status_details = "Failed";
    m.response_code = 1;
    // The agent keeps the first part of a long output and appends its marker; the service then
    // returns 24,000 characters. Here the marker ends exactly at the limit.
    m.stdout_text = text_of_chars(out, 24000, "\n---Output truncated---");
    m.stderr_text = text_of_chars(err, 8000, "");
    m.stdout_url = kStdoutUrl;
    m.stderr_url = kStderrUrl;
    return finish("(a) maximal invocation", std::move(m));
}

// ---- make_large_invocation ------------------------------------------------------------------

BenchInput make_large_invocation(std::size_t total_bytes) {
    LineGenerator out(0x10BADu, false), err(0xE22u, true);
    Members m;
    m.status = "Failed";
    m.status_details = "Failed";
    m.response_code = 1;
    m.stderr_text = text_of_chars(err, 8000, "");
    m.stdout_url = kStdoutUrl;
    m.stderr_url = kStderrUrl;
    // Everything but stdout, to know stdout's escaped budget.
    const std::size_t frame = envelope(m).size();
    const std::size_t budget = total_bytes > frame ? total_bytes - frame : 0;
    std::string text;
    std::size_t escaped = 0;
    for (;;) {
        std::string line;
        out.line(line);
        const std::size_t e = escaped_size(line);
        if (escaped + e > budget) break;
        escaped += e;
        text += line;
    }
    text.append(budget - escaped, '.');  // ASCII padding: the document is `total_bytes` exactly
    m.stdout_text = std::move(text);
    return finish("(b) 10 MB input", std::move(m));
}

// ---- make_fleet -----------------------------------------------------------------------------

BenchInput make_fleet(std::size_t invocations) {
    Rng rng{0xF1EE7u};
    const auto str = [](std::string_view v) { return "\"" + json_escape_aws_cli(v) + "\""; };
    const char* const command = "d93a7e15-0c48-4b6f-a2e9-5f81c6b3d704";
    std::string j = "{\n    \"CommandInvocations\": [\n";
    for (std::size_t i = 0; i < invocations; ++i) {
        const Draw d(rng);
        char instance[24];
        std::snprintf(instance, sizeof instance, "i-0%016llx", static_cast<unsigned long long>(d.v[0]));
        const int kind = d.below(1, 100);  // 0: undelivered, 1-3: failed, 4-15: outdated, else current
        const bool delivered = kind != 0;
        const char* status = !delivered ? "TimedOut" : kind <= 3 ? "Failed" : "Success";
        const char* details = !delivered ? "DeliveryTimedOut" : status;
        std::string output;
        if (kind >= 4) {
            output = "web.service: active\nrelease " + std::string(kind <= 15 ? "2026.11.3 (2026.11.4 is staged; restart pending)" : "2026.11.4") +
                     "\nhealthz: 200 OK in " + std::to_string(3 + d.below(2, 38)) + " ms\nconnections: " +
                     std::to_string(20 + d.below(3, 400)) + "\n";
        } else if (delivered) {
            output = "web.service: active\n\n----------ERROR-------\ncurl: (7) Failed to connect to 127.0.0.1 port 8080 after " +
                     std::to_string(d.below(2, 5)) + " ms: Couldn't connect to server\nfailed to run commands: exit status 7";
        }
        char start[48], end[48];
        std::snprintf(start, sizeof start, "2026-11-20T14:%02d:%02d.%06d+00:00", 3 + d.below(4, 10), d.below(5, 60), d.below(6, 1000000));
        std::snprintf(end, sizeof end, "2026-11-20T14:%02d:%02d.%06d+00:00", 14 + d.below(4, 10), d.below(5, 60), d.below(7, 1000000));
        j += "        {\n";
        j += "            \"CommandId\": " + str(command) + ",\n";
        j += "            \"InstanceId\": " + str(instance) + ",\n";
        j += "            \"InstanceName\": " + str("ip-10-40-" + std::to_string(i / 250) + "-" + std::to_string(i % 250 + 4) + ".ec2.internal") + ",\n";
        j += "            \"Comment\": \"web fleet health check\",\n";
        j += "            \"DocumentName\": \"AWS-RunShellScript\",\n";
        j += "            \"DocumentVersion\": \"$DEFAULT\",\n";
        j += "            \"RequestedDateTime\": \"2026-11-20T14:03:00.112000+00:00\",\n";
        j += std::string("            \"Status\": \"") + status + "\",\n";
        j += std::string("            \"StatusDetails\": \"") + details + "\",\n";
        j += "            \"StandardOutputUrl\": \"\",\n";
        j += "            \"StandardErrorUrl\": \"\",\n";
        j += "            \"CommandPlugins\": [\n                {\n";
        j += "                    \"Name\": \"aws:runShellScript\",\n";
        j += std::string("                    \"Status\": \"") + status + "\",\n";
        j += std::string("                    \"StatusDetails\": \"") + details + "\",\n";
        j += "                    \"ResponseCode\": " + std::string(!delivered ? "-1" : kind <= 3 ? "7" : "0") + ",\n";
        if (delivered) {
            j += std::string("                    \"ResponseStartDateTime\": \"") + start + "\",\n";
            j += std::string("                    \"ResponseFinishDateTime\": \"") + end + "\",\n";
        }
        j += "                    \"Output\": " + str(output) + ",\n";
        j += "                    \"StandardOutputUrl\": \"\",\n";
        j += "                    \"StandardErrorUrl\": \"\",\n";
        j += "                    \"OutputS3Region\": \"us-east-1\",\n";
        j += "                    \"OutputS3BucketName\": \"\",\n";
        j += "                    \"OutputS3KeyPrefix\": \"\"\n";
        j += "                }\n            ],\n";
        j += "            \"ServiceRole\": \"\",\n";
        j += "            \"NotificationConfig\": {\n                \"NotificationArn\": \"\",\n"
             "                \"NotificationEvents\": [],\n                \"NotificationType\": \"\"\n            },\n";
        j += "            \"CloudWatchOutputConfig\": {\n                \"CloudWatchLogGroupName\": \"\",\n"
             "                \"CloudWatchOutputEnabled\": false\n            }\n";
        j += i + 1 < invocations ? "        },\n" : "        }\n";
    }
    j += "    ]\n}\n";
    BenchInput in;
    in.label = "(c) fleet of " + std::to_string(invocations) + " invocations";
    in.json = std::move(j);
    in.invocations = invocations;
    // Current release, previous release, failure, no output (the undelivered).
    in.similar_groups = 4;
    return in;
}

}  // namespace ssmview::bench
