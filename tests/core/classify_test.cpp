// tests/core/classify_test.cpp: every Status x StatusDetails combination, against tables written
// out here from the API reference (never computed by the code under test).
//
// Index
//   kStatusRows      Status (the model's enum) -> phase, terminal, waiter
//   kDetailColumns   StatusDetails (both spellings) -> phase and detail on their own
//   kAgreement       which StatusDetails may accompany which Status (a grid)
//   the waiter       also checked against botocore's own waiters-2.json, read at test time
//   explanations     exact text where it states a fact of the API (MaxErrors, terminal states)
//   words            normalization, canonical spellings, the vocabulary validate prints
//
// Sources: botocore ssm/2014-11-06 service-2.json (CommandInvocationStatus; the StatusDetails
// documentation of GetCommandInvocationResult) and waiters-2.json (CommandExecuted).
#include <catch2/catch.hpp>

#include <fstream>

#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

struct StatusRow { const char* status; const char* phase; bool terminal; const char* waiter; };
const StatusRow kStatusRows[] = {
    {"Pending", "pending", false, "retry"},         {"InProgress", "in_progress", false, "retry"},
    {"Delayed", "delayed", false, "retry"},         {"Success", "success", true, "success"},
    {"Cancelled", "cancelled", true, "failure"},    {"TimedOut", "timed_out", true, "failure"},
    {"Failed", "failed", true, "failure"},          {"Cancelling", "cancelling", false, "failure"},
};

// Each documented StatusDetails, in the service's spelling and (where it differs) the reference's.
struct DetailColumn { const char* service; const char* documented; const char* phase; const char* detail; };
const DetailColumn kDetailColumns[] = {
    {"Pending", nullptr, "pending", ""},
    {"InProgress", "In Progress", "in_progress", ""},
    {"Delayed", nullptr, "delayed", ""},
    {"Success", nullptr, "success", ""},
    {"DeliveryTimedOut", "Delivery Timed Out", "timed_out", "delivery_timed_out"},
    {"ExecutionTimedOut", "Execution Timed Out", "timed_out", "execution_timed_out"},
    {"Failed", nullptr, "failed", ""},
    {"Cancelled", "Canceled", "cancelled", ""},
    {"Cancelling", nullptr, "cancelling", ""},
    {"Undeliverable", nullptr, "failed", "undeliverable"},
    {"Terminated", nullptr, "cancelled", "terminated"},
};

// 'Y': the details may accompany the Status (columns in kDetailColumns' order). Undeliverable and
// Terminated invocations are counted under Failed, Terminated is also a cancellation, an execution
// time-out is reported as Failed by some agents, and a cancel in flight may still say InProgress.
const char* const kAgreement[] = {
    //  Pend InPr Dela Succ DTO ETO Fail Canc Cing Undl Term
    "Y..........",  // Pending
    ".Y.........",  // InProgress
    "..Y........",  // Delayed
    "...Y.......",  // Success
    ".......Y..Y",  // Cancelled
    "....YY.....",  // TimedOut
    ".....YY..YY",  // Failed
    ".Y......Y..",  // Cancelling
};

Invocation with(const char* status, const char* details) {
    Invocation inv;
    if (status) { inv.status.present = true; inv.status.value = status; }
    if (details) { inv.status_details.present = true; inv.status_details.value = details; }
    return inv;
}

std::string analyzed(const char* status, const char* details) {
    std::string members = std::string("\"Status\": \"") + status + "\"";
    if (details) members += std::string(", \"StatusDetails\": \"") + details + "\"";
    return invocation_with(members);
}

// botocore's CommandExecuted acceptors: Status -> waiter state.
std::vector<std::pair<std::string, std::string>> botocore_acceptors() {
    std::ifstream in("/usr/lib/python3/dist-packages/botocore/data/ssm/2014-11-06/waiters-2.json");
    if (!in) return {};
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Json j = Json::parse(text);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& a : j["waiters"]["CommandExecuted"]["acceptors"])
        if (a["matcher"] == "path" && a["argument"] == "Status") out.emplace_back(a["expected"], a["state"]);
    return out;
}

}  // namespace

TEST_CASE("Status alone gives the phase, terminal and waiter of the table", "[classify]") {
    for (const StatusRow& row : kStatusRows) {
        INFO(row.status);
        const State st = classify(with(row.status, nullptr));
        CHECK(std::string(phase_name(st.phase)) == row.phase);
        CHECK(st.terminal == row.terminal);
        CHECK(std::string(waiter_name(st.waiter)) == row.waiter);
        CHECK(st.detail == Detail::None);
        CHECK(st.status == row.status);
    }
}

TEST_CASE("every Status x StatusDetails: phase from Status, detail only where the grid agrees", "[classify]") {
    for (std::size_t s = 0; s < std::size(kStatusRows); ++s) {
        const StatusRow& row = kStatusRows[s];
        for (std::size_t c = 0; c < std::size(kDetailColumns); ++c) {
            const DetailColumn& col = kDetailColumns[c];
            const bool agree = kAgreement[s][c] == 'Y';
            for (const char* spelling : {col.service, col.documented}) {
                if (!spelling) continue;
                INFO(row.status << " x " << spelling);
                const State st = classify(with(row.status, spelling));
                CHECK(std::string(phase_name(st.phase)) == row.phase);
                CHECK(st.terminal == row.terminal);
                CHECK(std::string(waiter_name(st.waiter)) == row.waiter);
                CHECK(std::string(detail_name(st.detail)) == (agree ? col.detail : ""));
                CHECK(status_and_details_agree(status_phase(row.status), spelling) == agree);
                // validate() says so exactly where the grid has no 'Y'.
                const Report r = analyze(analyzed(row.status, spelling));
                CHECK(has_code(r, "status.contradiction") == !agree);
                CHECK_FALSE(has_code(r, "status.case"));
                CHECK_FALSE(has_code(r, "status.details_unknown"));
            }
        }
    }
}

TEST_CASE("the contradiction message names both words", "[classify]") {
    const Report r = analyze(analyzed("Success", "Undeliverable"));
    const Diagnostic* d = first_with(r, "status.contradiction");
    REQUIRE(d);
    CHECK(d->message == "Status \"Success\" and StatusDetails \"Undeliverable\" contradict each other; the phase follows Status.");
    CHECK(d->path == "/StatusDetails");
    CHECK(classify(with("Success", "Undeliverable")).detail == Detail::None);
}

TEST_CASE("StatusDetails stands in for an absent Status; the waiter, which reads Status, retries", "[classify]") {
    for (const DetailColumn& col : kDetailColumns) {
        for (const char* spelling : {col.service, col.documented}) {
            if (!spelling) continue;
            INFO(spelling);
            const State st = classify(with(nullptr, spelling));
            CHECK(std::string(phase_name(st.phase)) == col.phase);
            CHECK(std::string(detail_name(st.detail)) == col.detail);
            CHECK(std::string(waiter_name(st.waiter)) == "retry");
        }
    }
    const State nothing = classify(with(nullptr, nullptr));
    CHECK(nothing.phase == Phase::Unknown);
    CHECK_FALSE(nothing.terminal);
    CHECK(nothing.waiter == Waiter::Retry);
}

TEST_CASE("an unknown Status is unknown, not terminal, and keeps a known detail", "[classify]") {
    const State st = classify(with("Rebooting", "Undeliverable"));
    CHECK(st.phase == Phase::Unknown);
    CHECK_FALSE(st.terminal);
    CHECK(st.waiter == Waiter::Retry);
    CHECK(st.detail == Detail::Undeliverable);
    const Report r = analyze(analyzed("Rebooting", "Undeliverable"));
    CHECK_FALSE(has_code(r, "status.contradiction"));
    const Diagnostic* d = first_with(r, "status.unknown");
    REQUIRE(d);
    CHECK(d->message == "Status \"Rebooting\" is not one the API defines (Pending, InProgress, Delayed, Success, Cancelled, "
                        "TimedOut, Failed, Cancelling). It is shown as given.");
    // Unknown details: no detail, no contradiction, a warning of their own.
    const Report u = analyze(analyzed("InProgress", "Rebooting"));
    CHECK(classify(with("InProgress", "Rebooting")).detail == Detail::None);
    CHECK(has_code(u, "status.details_unknown"));
    CHECK_FALSE(has_code(u, "status.contradiction"));
}

TEST_CASE("waiter matches botocore's CommandExecuted acceptors, exact spelling included", "[classify]") {
    const auto acceptors = botocore_acceptors();
    REQUIRE(acceptors.size() == std::size(kStatusRows));  // python3-botocore is installed by scripts/setup.sh
    for (const auto& [status, state] : acceptors) {
        INFO(status);
        CHECK(std::string(waiter_name(classify(with(status.c_str(), nullptr)).waiter)) == state);
    }
    // No acceptor matches a differently-cased or unknown Status: the real waiter keeps polling.
    const State shouted = classify(with("SUCCESS", "SUCCESS"));
    CHECK(shouted.phase == Phase::Success);
    CHECK(shouted.waiter == Waiter::Retry);
}

TEST_CASE("differently spelled words are read, and validate names the spelling", "[classify]") {
    const Report shouted = analyze(analyzed("SUCCESS", "success"));
    CHECK(first_with(shouted, "status.case")->message ==
          "Status \"SUCCESS\" is read as \"success\", but the API spells it differently. The AWS CLI compares exactly: "
          "`aws ssm wait command-executed` would keep polling this.");
    std::vector<std::string> paths;
    for (const Diagnostic& d : shouted.diagnostics)
        if (d.code == "status.case") paths.push_back(d.path);
    CHECK(paths == std::vector<std::string>{"/Status", "/StatusDetails"});
    CHECK(classify(with(nullptr, "delivery-timed-out")).detail == Detail::DeliveryTimedOut);
    CHECK(has_code(analyze(invocation_with("\"StatusDetails\": \"delivery timed out\"")), "status.case"));
    CHECK_FALSE(has_code(analyze(invocation_with("\"StatusDetails\": \"Delivery Timed Out\"")), "status.case"));
}

TEST_CASE("explanations state the API's facts exactly", "[classify]") {
    auto explain = [](const char* status, const char* details) { return classify(with(status, details)).explanation; };
    CHECK(explain("TimedOut", "DeliveryTimedOut") ==
          "The command never reached the managed node: the delivery timeout expired first, so nothing ran there. "
          "Delivery time-outs do not count against the parent command's MaxErrors limit. This is a terminal state.");
    CHECK(explain("TimedOut", "ExecutionTimedOut") ==
          "The command started on the managed node but did not finish before the execution timeout expired, so it was "
          "stopped. Execution time-outs count as failures against the parent command's MaxErrors limit. This is a terminal "
          "state.");
    CHECK(explain("Failed", "Undeliverable") ==
          "The command could not be delivered to the managed node: the node may not exist, may be stopped, or may not be "
          "reachable (SSM Agent not running, no network path, missing permissions). Undeliverable invocations do not count "
          "against MaxErrors. This is a terminal state.");
    CHECK(explain("Cancelled", "Terminated") ==
          "The parent command exceeded its MaxErrors limit, so the system cancelled this invocation before it ran. This is "
          "a terminal state.");
    CHECK(explain("Cancelling", "InProgress") ==
          "A cancel request was sent and the invocation is stopping; it has not ended yet. Note that "
          "`aws ssm wait command-executed` stops waiting here and reports a failure.");
    CHECK(explain("Rebooting", nullptr) ==
          "This state is not one the API documents; it is shown as given. Whether the command has ended cannot be told.");
    // Every terminal phase says so; no running one does.
    for (const StatusRow& row : kStatusRows) {
        INFO(row.status);
        CHECK((explain(row.status, nullptr).find("This is a terminal state.") != std::string::npos) == row.terminal);
    }
}

TEST_CASE("status words are compared without case, spaces or US spelling", "[classify]") {
    CHECK(normalize_status_word("Delivery Timed Out") == "deliverytimedout");
    CHECK(normalize_status_word("DeliveryTimedOut") == "deliverytimedout");
    CHECK(normalize_status_word("CANCELED") == "cancelled");
    CHECK(normalize_status_word("canceling") == "cancelling");
    CHECK(normalize_status_word("in_progress") == "inprogress");
    CHECK(status_phase("timed out") == Phase::TimedOut);
    CHECK(status_phase("Rebooting") == Phase::Unknown);
    for (const StatusRow& row : kStatusRows) CHECK(status_is_canonical(row.status));
    CHECK_FALSE(status_is_canonical("timedout"));
    CHECK(status_vocabulary() == "Pending, InProgress, Delayed, Success, Cancelled, TimedOut, Failed, Cancelling");
}

TEST_CASE("ResponseCode is explained: -1 never started, 0 success, signals, reboot requests", "[classify]") {
    auto meaning = [](std::int64_t code) {
        Invocation inv;
        inv.response_code.present = true;
        inv.response_code.value = code;
        return classify(inv).response_code_meaning;
    };
    CHECK(meaning(-1) == "-1: the plugin has not started on the managed node, or its result has not been received.");
    CHECK(meaning(0) == "0: the script exited successfully.");
    CHECK(meaning(127) == "127: a command was not found (PATH, or a missing program).");
    CHECK(meaning(137) == "137: the script was killed (SIGKILL): out of memory, or stopped at a time-out.");
    CHECK(meaning(139) == "139: the script ended on signal 11.");
    CHECK(meaning(194) == "194: the script asked SSM Agent to reboot the node (Linux exit code 194).");
    CHECK(meaning(3010) == "3010: the script asked SSM Agent to reboot the node (Windows exit code 3010).");
    CHECK(meaning(42) == "42: the script exited with this non-zero code, which means failure.");
    CHECK(meaning(-2147024894) == "-2147024894: a negative exit code (on Windows, an error code such as an HRESULT).");
    CHECK(classify(Invocation{}).response_code_meaning.empty());
}
