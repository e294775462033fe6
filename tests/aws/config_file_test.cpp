// tests/aws/config_file_test.cpp: the shared config/credentials parser, including every message.
//
// Index
//   sections      [profile x] vs [x], [default], sso-session, services, ignored sections
//   keys/values   '=' and ':', case, trimming, no inline comments, comments, CRLF, BOM
//   nesting       "s3 =" sub-sections, continued values (with a warning)
//   errors        exact messages and line numbers; secrets never quoted; bounded output that keeps errors
#include <catch2/catch.hpp>

#include "config_file.h"

using namespace ssmview::aws;

namespace {

ConfigFile config(std::string_view text) { return parse_config_file(text, ConfigFileKind::Config); }
ConfigFile credentials(std::string_view text) { return parse_config_file(text, ConfigFileKind::Credentials); }

std::string messages(const ConfigFile& f) {
    std::string out;
    for (const ConfigDiagnostic& d : f.diagnostics) out += format_config_diagnostic("f", d) + "\n";
    return out;
}

}  // namespace

TEST_CASE("config: [profile x] and [default] are profiles; sso-session and services have their own maps", "[config]") {
    const ConfigFile f = config(
        "[default]\nregion = us-east-1\n"
        "[profile dev]\nregion=eu-west-1\nsso_session = corp\n"
        "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
        "[services local]\nssm =\n  endpoint_url = http://127.0.0.1:8787\n");
    CHECK(messages(f) == "");
    REQUIRE(f.profiles.size() == 2);
    CHECK(*f.profiles.at("default").get("region") == "us-east-1");
    CHECK(*f.profiles.at("dev").get("region") == "eu-west-1");
    CHECK(f.profiles.at("dev").line == 3);
    CHECK(f.profiles.at("dev").lines.at("sso_session") == 5);
    CHECK(*f.sso_sessions.at("corp").get("sso_start_url") == "https://corp.awsapps.com/start");
    CHECK(f.services.at("local").nested.at("ssm").at("endpoint_url") == "http://127.0.0.1:8787");
}

TEST_CASE("config: [x] without 'profile' is ignored with a warning that says how to write it", "[config]") {
    const ConfigFile f = config("[dev]\nregion = us-east-1\n");
    CHECK(f.ok());
    CHECK(f.profiles.empty());
    CHECK(messages(f) == "f:1: warning: section [dev] is ignored: in the config file a profile is written [profile dev]\n");
}

TEST_CASE("credentials: [x] is the profile; [profile x] names 'profile x', with a warning", "[config]") {
    const ConfigFile f = credentials("[dev]\naws_access_key_id = A\n[profile ops]\naws_access_key_id = B\n");
    CHECK(f.ok());
    CHECK(*f.profiles.at("dev").get("aws_access_key_id") == "A");
    CHECK(f.profiles.count("profile ops") == 1);
    CHECK(messages(f) == "f:3: warning: in the credentials file, [profile ops] names a profile called 'profile ops'; write [ops]\n");
}

TEST_CASE("config: [profile default] and [default] both name the default profile; the later replaces it", "[config]") {
    const ConfigFile f = config("[default]\nregion = a\n[profile default]\noutput = json\n");
    CHECK(f.ok());
    CHECK(f.profiles.at("default").get("region") == nullptr);
    CHECK(*f.profiles.at("default").get("output") == "json");
    CHECK(messages(f) ==
          "f:3: warning: [profile default] and the section on line 1 both define the default profile; this one replaces it\n");
}

TEST_CASE("keys: '=' or ':', lowercased, trimmed; values keep inner spaces and have no inline comments", "[config]") {
    const ConfigFile f = config("[profile p]\n  Region :  us-east-1  \nOUTPUT=json\nx = a = b\ny = us-east-1 # not a comment\nz =\n");
    CHECK(messages(f) == "");
    const ConfigSection& p = f.profiles.at("p");
    CHECK(*p.get("region") == "us-east-1");
    CHECK(*p.get("output") == "json");
    CHECK(*p.get("x") == "a = b");
    CHECK(*p.get("y") == "us-east-1 # not a comment");
    CHECK(*p.get("z") == "");
    CHECK(p.get("missing") == nullptr);
}

TEST_CASE("comments, blank lines, CRLF line ends and a UTF-8 BOM are all fine", "[config]") {
    const ConfigFile f = config("\xEF\xBB\xBF# top\r\n; also\r\n\r\n[profile p]\r\n  # indented comment\r\nregion = us-east-1\r\n");
    CHECK(messages(f) == "");
    CHECK(*f.profiles.at("p").get("region") == "us-east-1");
}

TEST_CASE("an indented block under 'key =' is a sub-section; under a value it continues it, with a warning", "[config]") {
    const ConfigFile f = config("[profile p]\ns3 =\n  max_concurrent_requests = 20\n  Addressing_Style = path\n"
                                "region = us-east-1\nnote = first\n  second\n");
    const ConfigSection& p = f.profiles.at("p");
    CHECK(p.nested.at("s3").at("max_concurrent_requests") == "20");
    CHECK(p.nested.at("s3").at("addressing_style") == "path");
    CHECK(*p.get("s3") == "");
    CHECK(*p.get("region") == "us-east-1");
    CHECK(*p.get("note") == "first\nsecond");
    CHECK(f.ok());
    CHECK(messages(f) == "f:7: warning: this indented line continues the value of 'note' (line 6); indent lines only "
                         "under 'key =' to start a sub-section\n");
}

TEST_CASE("errors name the line and the problem, exactly", "[config]") {
    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"region = x\n", "f:1: 'key = value' before any [section] header\n"},
        {"junk\n", "f:1: expected a [section] header, 'key = value' or a comment\n"},
        {"[profile p\n", "f:1: a section header must end with ']'\n"},
        {"[ ]\n", "f:1: empty section name '[]'\n"},
        {"[profile]\n", "f:1: section [profile] has no name after 'profile'\n"},
        {"[profile p]\na=1\n[profile p]\n", "f:3: section [profile p] appears twice (first on line 1)\n"},
        {"[profile p]\nregion = a\nREGION = b\n", "f:3: key 'region' appears twice in this section (first on line 2)\n"},
        {"[profile p]\nno equals sign here\n", "f:2: expected 'key = value' (this line has no '=')\n"},
        {"[profile p]\n= value\n", "f:2: a line starts with '=': the key name is missing\n"},
        {"[profile p]\ns3 =\n  not a pair\n", "f:3: expected 'key = value' inside the sub-section 's3' (line 2)\n"},
        {"[profile p]\ns3 =\n  a = 1\n  a = 2\n", "f:4: key 'a' appears twice in the sub-section 's3'\n"},
        {"[profile p]\ns3 =\n  = 1\n", "f:3: a line inside the sub-section 's3' has no key name before '='\n"},
        {"[profile my dev]\n", "f:1: warning: section [profile my dev] is ignored: names cannot contain spaces\n"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(messages(config(c.text)) == c.message);
    }
}

TEST_CASE("a NUL byte stops the parse with an error", "[config]") {
    static const char raw[] = "[profile p]\na = 1\0\nb = 2\n";
    const std::string text(raw, sizeof raw - 1);
    const ConfigFile f = config(text);
    CHECK(messages(f) == "f:2: the line holds a NUL byte (is this a text file?)\n");
    CHECK_FALSE(f.ok());
}

TEST_CASE("a mistyped line holding a secret is reported without quoting it", "[config]") {
    const ConfigFile f = credentials("[p]\naws_secret_access_key wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"
                                     "wJalrXUtnFEMI/K7MDENG\n");
    CHECK_FALSE(f.ok());
    CHECK(messages(f).find("wJalr") == std::string::npos);
    CHECK(messages(f) == "f:2: expected 'key = value' (this line has no '=')\n"
                         "f:3: expected 'key = value' (this line has no '=')\n");
}

TEST_CASE("the parser's output is bounded: a huge file is refused, endless junk gives 50 messages", "[config]") {
    const ConfigFile big = config(std::string(kMaxConfigFileBytes + 1, '#'));
    CHECK(messages(big) == "f: the file is larger than 1048576 bytes\n");
    std::string junk;
    for (int i = 0; i < 10000; ++i) junk += "junk\n";
    const ConfigFile f = config(junk);
    CHECK(f.diagnostics.size() == 50);
    CHECK_FALSE(f.ok());
}

TEST_CASE("the 50-message cap never hides an error: after 50 warnings a bad sub-section line still fails the file", "[config]") {
    // Found by fuzz/fuzz_aws_config: 50 indented lines under a value (50 warnings) filled the list,
    // the error on line 54 was dropped and ok() called the file usable. botocore 1.29's
    // raw_config_parse refuses this file: ConfigParseError ("not enough values to unpack" from
    // _parse_nested on " n"), as it refuses it with 49 or with 1 continued line.
    std::string text = "[profile p]\nn = x\n";
    for (int i = 0; i < 50; ++i) text += " a\n";  // lines 3..52
    text += "r =\n n\n";                           // lines 53, 54
    const ConfigFile f = config(text);
    CHECK_FALSE(f.ok());
    REQUIRE(f.diagnostics.size() == 50);
    std::string expected;
    for (int line = 3; line <= 51; ++line)
        expected += "f:" + std::to_string(line) + ": warning: this indented line continues the value of 'n' (line 2); "
                    "indent lines only under 'key =' to start a sub-section\n";
    expected += "f:54: expected 'key = value' inside the sub-section 'r' (line 53)\n";
    CHECK(messages(f) == expected);
    REQUIRE(f.first_error() != nullptr);
    CHECK(f.first_error()->line == 54);
    std::string n = "x";
    for (int i = 0; i < 50; ++i) n += "\na";
    const ConfigSection& p = f.profiles.at("p");
    CHECK(p.values == std::map<std::string, std::string>{{"n", n}, {"r", ""}});
    // One warning fewer: the error fits in the list without replacing anything.
    std::string text49 = "[profile p]\nn = x\n";
    for (int i = 0; i < 49; ++i) text49 += " a\n";
    text49 += "r =\n n\n";
    const ConfigFile f49 = config(text49);
    CHECK_FALSE(f49.ok());
    CHECK(f49.diagnostics.size() == 50);
    CHECK(f49.diagnostics.back().message == "expected 'key = value' inside the sub-section 'r' (line 52)");
}

TEST_CASE("errors and warnings are told apart: warnings leave the file usable", "[config]") {
    CHECK(config("[dev]\n").ok());
    CHECK_FALSE(config("[profile p]\nx\n").ok());
    CHECK(config("[profile p]\nx\n").first_error()->line == 2);
    CHECK(config("").ok());
    CHECK(config("").first_error() == nullptr);
}
