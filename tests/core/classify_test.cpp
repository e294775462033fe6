// tests/core/classify_test.cpp: every Status x StatusDetails combination.
//
// The expected phase comes from Status alone (StatusDetails only when Status is absent), the
// detail from StatusDetails, terminal from the phase, and the waiter from botocore's own
// waiters-2.json, read at test time so the test follows the real reference, not our copy of it.
#include <catch2/catch.hpp>

#include <fstream>

#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

const char* const kStatuses[] = {"Pending", "InProgress", "Delayed", "Success", "Cancelled", "TimedOut", "Failed", "Cancelling"};
const Phase kStatusPhase[] = {Phase::Pending,   Phase::InProgress, Phase::Delayed, Phase::Success,
                              Phase::Cancelled, Phase::TimedOut,   Phase::Failed,  Phase::Cancelling};
struct DetailCase { const char* text; Phase phase_alone; Detail detail; };
const DetailCase kDetails[] = {
    {"Pending", Phase::Pending, Detail::None},
    {"InProgress", Phase::InProgress, Detail::None},
    {"In Progress", Phase::InProgress, Detail::None},
    {"Delayed", Phase::Delayed, Detail::None},
    {"Success", Phase::Success, Detail::None},
    {"DeliveryTimedOut", Phase::TimedOut, Detail::DeliveryTimedOut},
    {"Delivery Timed Out", Phase::TimedOut, Detail::DeliveryTimedOut},
    {"ExecutionTimedOut", Phase::TimedOut, Detail::ExecutionTimedOut},
    {"Execution Timed Out", Phase::TimedOut, Detail::ExecutionTimedOut},
    {"Failed", Phase::Failed, Detail::None},
    {"Cancelled", Phase::Cancelled, Detail::None},
    {"Canceled", Phase::Cancelled, Detail::None},
    {"Cancelling", Phase::Cancelling, Detail::None},
    {"Undeliverable", Phase::Failed, Detail::Undeliverable},
    {"Terminated", Phase::Cancelled, Detail::Terminated},
};

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

Invocation with(const char* status, const char* details) {
    Invocation inv;
    if (status) { inv.status.present = true; inv.status.value = status; }
    if (details) { inv.status_details.present = true; inv.status_details.value = details; }
    return inv;
}

}  // namespace

TEST_CASE("phase follows Status for every Status x StatusDetails combination", "[classify]") {
    for (std::size_t s = 0; s < 8; ++s) {
        for (const DetailCase& d : kDetails) {
            INFO(kStatuses[s] << " x " << d.text);
            const State st = classify(with(kStatuses[s], d.text));
            CHECK(st.phase == kStatusPhase[s]);
            CHECK(st.terminal == phase_is_terminal(kStatusPhase[s]));
            // A detail is used only where it agrees with Status.
            if (status_and_details_agree(kStatusPhase[s], d.text)) CHECK(st.detail == d.detail);
            else CHECK(st.detail == Detail::None);
            CHECK_FALSE(st.explanation.empty());
        }
        const State alone = classify(with(kStatuses[s], nullptr));
        CHECK(alone.phase == kStatusPhase[s]);
        const State unknown_details = classify(with(kStatuses[s], "Rebooting"));
        CHECK(unknown_details.phase == kStatusPhase[s]);
        CHECK(unknown_details.detail == Detail::None);
    }
}

TEST_CASE("StatusDetails stands in for an absent Status", "[classify]") {
    for (const DetailCase& d : kDetails) {
        INFO(d.text);
        const State st = classify(with(nullptr, d.text));
        CHECK(st.phase == d.phase_alone);
        CHECK(st.detail == d.detail);
        CHECK(st.waiter == Waiter::Retry);  // the real waiter reads Status only
    }
    const State nothing = classify(with(nullptr, nullptr));
    CHECK(nothing.phase == Phase::Unknown);
    CHECK_FALSE(nothing.terminal);
}

TEST_CASE("terminal is true exactly for success, failed, timed_out and cancelled", "[classify]") {
    CHECK(phase_is_terminal(Phase::Success));
    CHECK(phase_is_terminal(Phase::Failed));
    CHECK(phase_is_terminal(Phase::TimedOut));
    CHECK(phase_is_terminal(Phase::Cancelled));
    CHECK_FALSE(phase_is_terminal(Phase::Pending));
    CHECK_FALSE(phase_is_terminal(Phase::InProgress));
    CHECK_FALSE(phase_is_terminal(Phase::Delayed));
    CHECK_FALSE(phase_is_terminal(Phase::Cancelling));
    CHECK_FALSE(phase_is_terminal(Phase::Unknown));
}

TEST_CASE("waiter matches botocore's CommandExecuted acceptors, exact spelling included", "[classify]") {
    const auto acceptors = botocore_acceptors();
    REQUIRE(acceptors.size() == 8);  // python3-botocore is installed by scripts/setup.sh
    for (const auto& [status, state] : acceptors) {
        INFO(status);
        CHECK(std::string(waiter_name(classify(with(status.c_str(), nullptr)).waiter)) == state);
    }
    // No acceptor matches a differently-cased or unknown Status: the real waiter keeps polling.
    const State shouted = classify(with("SUCCESS", "SUCCESS"));
    CHECK(shouted.phase == Phase::Success);
    CHECK(shouted.waiter == Waiter::Retry);
    CHECK(classify(with("Rebooting", nullptr)).waiter == Waiter::Retry);
}

TEST_CASE("an unknown Status is classified unknown and not terminal", "[classify]") {
    const State st = classify(with("Rebooting", "Rebooting"));
    CHECK(st.phase == Phase::Unknown);
    CHECK_FALSE(st.terminal);
    CHECK(st.explanation.find("not one the API documents") != std::string::npos);
}

TEST_CASE("status words are compared without case, spaces or US spelling", "[classify]") {
    CHECK(normalize_status_word("Delivery Timed Out") == normalize_status_word("DeliveryTimedOut"));
    CHECK(normalize_status_word("CANCELED") == "cancelled");
    CHECK(normalize_status_word("in_progress") == "inprogress");
    CHECK(status_phase("timed out") == Phase::TimedOut);
    CHECK(status_is_canonical("TimedOut"));
    CHECK_FALSE(status_is_canonical("timedout"));
}

TEST_CASE("ResponseCode is explained: -1 never started, 0 success, signals, reboot requests", "[classify]") {
    auto meaning = [](std::int64_t code) {
        Invocation inv;
        inv.response_code.present = true;
        inv.response_code.value = code;
        return classify(inv).response_code_meaning;
    };
    CHECK(meaning(-1).find("has not started") != std::string::npos);
    CHECK(meaning(0).find("successfully") != std::string::npos);
    CHECK(meaning(127).find("not found") != std::string::npos);
    CHECK(meaning(137).find("SIGKILL") != std::string::npos);
    CHECK(meaning(139).find("signal 11") != std::string::npos);
    CHECK(meaning(3010).find("reboot") != std::string::npos);
    CHECK(meaning(42).rfind("42:", 0) == 0);
    CHECK(classify(Invocation{}).response_code_meaning.empty());
}
