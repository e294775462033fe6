// core/fleet_follow.cpp: the rounds of following a whole command (fleet_follow.h has the rules).
//
// Index
//   helpers              counters_key (what must move before the pages are read again), backoff
//   finish_round         join, analyze, decide whether it ended, schedule the next round
//   fleet_follow_*       start, request, due, answer, error, seconds_left
//   fleet_follow_summary the one-line counts
#include "fleet_follow.h"

#include <algorithm>
#include <cassert>

#include "data_limits.h"
#include "fleet_report.h"
#include "follow.h"
#include "json_reader.h"
#include "ssm_api.h"
#include "truncation.h"

namespace ssmview {

namespace {

// A round reads at most this many pages: 10,000 targets is the largest fleet a command reaches
// (50,000 with rate control is a target *list*; the service caps a command's invocations), and a
// NextToken chain longer than that is a service bug or a loop, not a fleet.
constexpr int kMaxPagesPerRound = 1000;

// ---- helpers --------------------------------------------------------------------------------

const FleetCommand* find_command(const Fleet& f, const std::string& id) {
    for (const FleetCommand& c : f.commands)
        if (c.command_id.present && c.command_id.value == id) return &c;
    return nullptr;
}

std::string counters_key(const FleetCommand& c) {
    auto n = [](const Field<std::int64_t>& v) { return v.present ? std::to_string(v.value) : std::string("-"); };
    return c.status.value + "|" + c.status_details.value + "|" + n(c.target_count) + "|" + n(c.completed_count) + "|" +
           n(c.error_count) + "|" + n(c.delivery_timed_out_count);
}

std::size_t listed_of(const Fleet& f, const std::string& id) {
    return static_cast<std::size_t>(std::count_if(f.invocations.begin(), f.invocations.end(), [&](const FleetInvocation& inv) {
        return inv.command_id.present && inv.command_id.value == id;
    }));
}

void back_off(FleetFollow& s, std::int64_t now_ms, double jitter) {
    ++s.backoff_streak;
    s.backed_off = true;
    s.next_ms = now_ms + follow_backoff_wait_ms(s.backoff_streak, jitter);
}

void stop(FleetFollow& s, std::string reason) {
    s.end = FleetEnd::Stopped;
    s.stop_reason = std::move(reason);
}

// ---- finish_round ---------------------------------------------------------------------------

// `pages_changed`: this round read pages that differ from the last round's (false when it
// skipped them). Nothing changed at all: the last report stands, and `changed` says so.
void finish_round(FleetFollow& s, std::int64_t now_ms, bool pages_changed) {
    s.changed = s.rounds == 0 || pages_changed || s.commands_text != s.report_commands_text;
    if (s.changed) {
        const std::string text = s.commands_text + "\n" + s.last_pages_text;
        if (text.size() > kMaxInputBytes) {
            stop(s, "the command's " + counted(static_cast<std::size_t>(s.last_pages), "page", "pages") +
                        " of invocations hold " + with_thousands(text.size()) + " bytes, more than ssmview reads at once (" +
                        with_thousands(kMaxInputBytes) + ")");
            return;
        }
        s.report = analyze(text);
        s.report_commands_text = s.commands_text;
    }
    ++s.rounds;
    s.reading_pages = false;
    const FleetCommand* c = find_command(s.report.fleet, s.command_id);
    if (!c) {
        // The ListCommands answer listed it alone, but not read with the pages after it: the
        // pages broke the reading (fuzzing found pages that do). Say so rather than guess.
        std::string why = "the answers of this round could not be read together";
        for (const Diagnostic& d : s.report.diagnostics)
            if (d.severity == Severity::Error) {
                why += ": " + d.message;
                break;
            }
        stop(s, why);
        return;
    }
    const FleetCounts counts = fleet_counts(s.report.fleet);
    const std::size_t listed = listed_of(s.report.fleet, s.command_id);
    const bool all_listed = !c->target_count.present || static_cast<std::int64_t>(listed) >= c->target_count.value;
    if (c->state.terminal && all_listed && counts.terminal == counts.invocations) {
        s.end = FleetEnd::Ended;
        return;
    }
    const std::int64_t interval = std::max<std::int64_t>(kFollowIntervalMs, s.last_pages * kFleetMsPerPage);
    s.next_ms = std::max(s.round_started_ms + interval, now_ms + (s.backed_off ? kFollowIntervalMs : kFleetPageGapMs));
    s.round_started_ms = s.next_ms;
    s.backed_off = false;
}

}  // namespace

// ---- fleet_follow_* -------------------------------------------------------------------------

void fleet_follow_start(FleetFollow& s, std::string_view command_id, std::int64_t now_ms) {
    s = FleetFollow{};
    s.command_id = std::string(command_id);
    s.next_ms = now_ms;
    s.round_started_ms = now_ms;
}

FleetRequest fleet_follow_request(const FleetFollow& s) {
    FleetRequest r;
    if (!s.reading_pages) {
        r.action = "ListCommands";
        r.body = list_commands_request(s.command_id, kFleetPageSize, "");
    } else {
        r.action = "ListCommandInvocations";
        r.body = list_command_invocations_request(s.command_id, "", true, kFleetPageSize, s.next_token);
    }
    return r;
}

bool fleet_follow_due(const FleetFollow& s, std::int64_t now_ms) {
    return s.end == FleetEnd::Running && now_ms >= s.next_ms;
}

bool fleet_follow_answer(FleetFollow& s, std::string_view body, std::int64_t now_ms) {
    assert(s.end == FleetEnd::Running);
    ++s.requests;
    s.backoff_streak = 0;
    if (!s.reading_pages) {
        Json answer;
        if (!read_json_object(body, kMaxInputBytes, answer) || !answer.contains("Commands") || !answer["Commands"].is_array()) {
            stop(s, "ListCommands answered something that is not a list of commands");
            return false;
        }
        const Report r = analyze(body);
        const FleetCommand* c = find_command(r.fleet, s.command_id);
        if (!c) {
            stop(s, "ListCommands lists no command " + s.command_id +
                        " here: check the CommandId and the region (SSM lists commands for 30 days)");
            return false;
        }
        s.commands_text = std::string(body);
        const std::string key = counters_key(*c);
        const std::size_t listed = s.last_pages_ms < 0 ? 0 : listed_of(s.report.fleet, s.command_id);
        const bool reread = s.last_pages_ms < 0 || key != s.last_counters || now_ms - s.last_pages_ms >= kFleetRereadMs ||
                            (c->target_count.present && static_cast<std::int64_t>(listed) < c->target_count.value);
        s.last_counters = key;
        if (!reread) {
            finish_round(s, now_ms, false);
            return s.end != FleetEnd::Stopped;
        }
        s.reading_pages = true;
        s.next_token.clear();
        s.pages_text.clear();
        s.pages = 0;
        s.next_ms = now_ms + kFleetPageGapMs;
        return false;
    }

    Json page;
    if (!read_json_object(body, kMaxInputBytes, page) || !page.contains("CommandInvocations")) {
        stop(s, "ListCommandInvocations answered something that is not a page of invocations");
        return false;
    }
    s.pages_text.append(body.data(), body.size());
    s.pages_text += '\n';
    ++s.pages;
    const auto token = page.find("NextToken");
    const std::string next = token != page.end() && token->is_string() ? token->get<std::string>() : std::string();
    if (!next.empty()) {
        if (next == s.next_token || s.pages >= kMaxPagesPerRound) {
            stop(s, "ListCommandInvocations kept answering NextToken after " + counted(static_cast<std::size_t>(s.pages), "page", "pages") +
                        "; stopped rather than loop");
            return false;
        }
        s.next_token = next;
        s.next_ms = now_ms + kFleetPageGapMs;
        return false;
    }
    const bool pages_changed = s.pages_text != s.last_pages_text;
    s.last_pages_text = std::move(s.pages_text);
    s.pages_text.clear();
    s.last_pages = s.pages;
    s.last_pages_ms = now_ms;
    finish_round(s, now_ms, pages_changed);
    return s.end != FleetEnd::Stopped;
}

void fleet_follow_error(FleetFollow& s, const ServiceError& e, std::int64_t now_ms, double jitter) {
    assert(s.end == FleetEnd::Running);
    ++s.requests;
    // A token can expire between two pages of a slow round: read the pages again from the first.
    if (s.reading_pages && e.type == "InvalidNextToken") {
        s.next_token.clear();
        s.pages_text.clear();
        s.pages = 0;
        back_off(s, now_ms, jitter);
        return;
    }
    switch (poll_outcome(e)) {
        case PollOutcome::Stop:
            s.end = FleetEnd::Stopped;
            s.stop_error = e;
            return;
        case PollOutcome::NotYet:  // the lists have no "not yet"; treat it as an ordinary wait
            s.backoff_streak = 0;
            s.next_ms = now_ms + kFollowIntervalMs;
            return;
        default:
            back_off(s, now_ms, jitter);
            return;
    }
}

int fleet_follow_seconds_left(const FleetFollow& s, std::int64_t now_ms) {
    if (s.end != FleetEnd::Running || now_ms >= s.next_ms) return 0;
    return static_cast<int>((s.next_ms - now_ms + 999) / 1000);
}

// ---- fleet_follow_summary -------------------------------------------------------------------

std::string fleet_follow_summary(const Report& r) {
    const FleetCounts c = fleet_counts(r.fleet);
    const std::size_t targets = c.total > 0 ? static_cast<std::size_t>(c.total) : c.invocations;
    std::string out = with_thousands(targets) + (targets == 1 ? " target:" : " targets:");
    bool first = true;
    for (std::size_t p = 0; p < kPhaseCount; ++p) {
        if (c.by_phase[p] == 0) continue;
        std::string name = phase_name(static_cast<Phase>(p));
        std::replace(name.begin(), name.end(), '_', ' ');
        out += std::string(first ? " " : ", ") + with_thousands(c.by_phase[p]) + " " + name;
        first = false;
    }
    const std::size_t unlisted = c.total > static_cast<std::int64_t>(c.invocations) ? static_cast<std::size_t>(c.total) - c.invocations : 0;
    if (first) out += " none listed yet";
    else if (unlisted > 0) out += ", " + with_thousands(unlisted) + " not listed yet";
    return out;
}

}  // namespace ssmview
