// view/fetch_panel.cpp: fetching and following, as the person sees it.
//
// Index
//   error_lines        "<__type>: <message>" coloured by whether following goes on, the hint under
//                      it, and for an unreachable proxy the origin this page must be allowed as
//   how_to_start       what to run when no proxy answers
//   draw_fetch_bar     above the summary: a live link's question, what is followed (countdown,
//                      Pause/Resume, Stop, live link), or what the proxy offers (one-click Follow)
//   draw_commands      ListCommands: newest first, each with Follow and Pick
//   draw_steps         ListCommandInvocations (Details): instances and steps, each step followable
//   draw_fetch_panel   the Fetch tab: proxy URL, bearer token, ids, Follow; the lists
//
// Both panels read FetchState and act only through fetch_ops.h; they never send anything
// themselves (the requests leave through ViewActions.fetches at the end of the frame).
#include <algorithm>
#include <string>

#include "classify.h"
#include "fetch_ops.h"
#include "iso_time.h"
#include "panels.h"
#include "view_layout.h"
#include "widgets.h"

namespace ssmview {

namespace {

ImVec4 col(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::string short_id(const std::string& id) { return id.size() > 13 ? id.substr(0, 8) + "\xe2\x80\xa6" : id; }

void error_lines(Frame& f, const ServiceError& e) {
    ImGui::PushStyleColor(ImGuiCol_Text, col(e.retry ? f.pal.warning : f.pal.error));
    text_any_script(clip_for_display(service_error_title(e), kClipFetchError), true);  // AWS's message may quote input
    ImGui::PopStyleColor();
    if (!e.hint.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, col(f.pal.text_dim));
        ImGui::TextWrapped("%s", e.hint.c_str());
        ImGui::PopStyleColor();
    }
    if (e.kind == ErrorKind::Unreachable && !f.s.fetch.page_origin.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, col(f.pal.text_dim));
        ImGui::TextWrapped("This page's origin is %s: a running proxy must allow it (ssmview-proxy --allow-origin %s).",
                           f.s.fetch.page_origin.c_str(), f.s.fetch.page_origin.c_str());
        ImGui::PopStyleColor();
    }
}

void how_to_start(Frame& f) {
    const FetchState& fs = f.s.fetch;
    ImGui::TextWrapped("To fetch and follow commands, run a proxy on this machine; the page never holds AWS credentials, "
                       "the proxy signs each request:");
    note_control(f, "fetch.how_to_start");
    ImGui::BulletText("bash scripts/run.sh            serves this page and a simulated SSM proxy (no AWS account)");
    ImGui::BulletText("ssmview-proxy --simulate       the simulated SSM alone, on %s", kDefaultProxyUrl);
    ImGui::BulletText("ssmview-proxy                  signs with your AWS credentials (environment, profile, SSO)");
    if (!fs.page_origin.empty())
        ImGui::BulletText("add --allow-origin %s so the proxy answers this page", fs.page_origin.c_str());
}

bool small(Frame& f, const char* label, const char* control) {
    const bool clicked = ImGui::SmallButton(label);
    note_control(f, control);
    return clicked;
}

bool button(Frame& f, const char* label, const char* control) {
    const bool clicked = ImGui::Button(label);
    note_control(f, control);
    return clicked;
}

void copy_live_link(Frame& f, const char* control) {
    if (button(f, "Copy live link", control)) {
        f.a.copy_text = fetch_live_link(f.s.fetch);
        show_note(f, "Copied live link (opens this follow elsewhere)");
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A link with the ids only: whoever opens it fetches the current state through their own "
                          "proxy. Share \xe2\x80\x94 Copy link shares a snapshot instead.");
}

// ---- the bar's three faces ------------------------------------------------------------------------

void bar_confirm(Frame& f) {
    FetchState& fs = f.s.fetch;
    ImGui::PushStyleColor(ImGuiCol_Text, col(f.pal.warning));
    ImGui::TextWrapped("This live link asks to fetch through %s, which is not your proxy (%s).",
                       clip_for_display(fs.confirm_target.proxy_url, kClipFetchProxyAsked).c_str(), fs.proxy_url.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("Nothing has been sent. Whoever runs that proxy would see the ids and could answer anything; "
                       "your bearer token is never sent there.");
    const std::string through = "Fetch through " + clip_for_display(fs.confirm_target.proxy_url, kClipFetchProxyButton);
    if (button(f, through.c_str(), "fetch.confirm.accept")) fetch_confirm_accept(f.s);
    ImGui::SameLine();
    if (button(f, "Use my proxy instead", "fetch.confirm.mine")) fetch_confirm_use_mine(f.s);
    ImGui::SameLine();
    if (button(f, "Cancel", "fetch.confirm.cancel")) fetch_confirm_cancel(fs);
}

void bar_following(Frame& f) {
    FetchState& fs = f.s.fetch;
    const FollowState& fo = fs.follow;
    const bool shown = fs.loads > 0 && f.s.source == LoadSource::Fetch;
    if (shown) {
        // A whole command's badge is the command's Status (its own vocabulary, command_state.h).
        const FleetCommand* command = fs.fleet && !f.s.report.fleet.commands.empty() ? &f.s.report.fleet.commands.front() : nullptr;
        const Phase phase = command ? command->state.phase : f.s.report.state.phase;
        const std::string& status = command ? command->status.value : f.s.report.state.status;
        ImU32 bg, fg;
        phase_colors(phase, f.dark, bg, fg);
        const std::string st = status.empty() ? std::string("?") : clip_for_display(status, kClipFetchBadge);
        badge(st.c_str(), bg, fg);
        ImGui::SameLine();
    }
    ImGui::AlignTextToFramePadding();
    if (fs.fleet)
        ImGui::Text("%s every invocation of %s via %s", fo.done ? "Followed" : "Following", short_id(fs.target.command_id).c_str(),
                    clip_for_display(fs.target.proxy_url, kClipFetchProxy).c_str());
    else
        ImGui::Text("%s %s on %s%s%s via %s", fo.done ? "Followed" : "Following", short_id(fs.target.command_id).c_str(),
                    fs.target.instance_id.c_str(), fs.target.plugin_name.empty() ? "" : ", step ",
                    clip_for_display(fs.target.plugin_name, kClipFetchStep).c_str(), clip_for_display(fs.target.proxy_url, kClipFetchProxy).c_str());
    note_control(f, "fetch.bar.title");
    if (!shown && !fo.done) {
        // Until the first answer, what is shown below is something else (a sample, a paste).
        ImGui::SameLine();
        ImGui::TextDisabled("(nothing fetched yet)");
    }

    // The buttons first, at fixed places (a countdown changing width must not move Stop under
    // the pointer), then what happens next.
    const float toggle_w = std::max(ImGui::CalcTextSize("Resume").x, ImGui::CalcTextSize("Pause").x) +
                           ImGui::GetStyle().FramePadding.x * 2.0f;
    if (!fo.done) {
        if (fo.paused) {
            if (ImGui::Button("Resume", ImVec2(toggle_w, 0.0f))) fetch_resume(fs);
            note_control(f, "fetch.bar.resume");
        } else {
            if (ImGui::Button("Pause", ImVec2(toggle_w, 0.0f))) fetch_pause(fs);
            note_control(f, "fetch.bar.pause");
        }
        ImGui::SameLine();
        if (button(f, "Stop", "fetch.bar.stop")) fetch_stop(fs);
    } else {
        if (button(f, "Follow again", "fetch.bar.again")) fetch_follow(f.s, fs.target);
        ImGui::SameLine();
        if (button(f, "Close", "fetch.bar.close")) fetch_close(fs);
    }
    ImGui::SameLine();
    if (!fs.fleet) {  // a live link names one invocation
        copy_live_link(f, "fetch.bar.live_link");
        ImGui::SameLine();
    }

    const std::string phase = fetch_phase_name(fs);
    std::string next;
    if (phase == "requesting") next = "asking the proxy\xe2\x80\xa6";
    else if (phase == "paused") next = "paused";
    else if (phase == "done" && fs.fleet) next = "finished after " + std::to_string(fo.polls) + (fo.polls == 1 ? " request" : " requests");
    else if (phase == "done") next = "finished after " + std::to_string(fo.polls) + (fo.polls == 1 ? " poll" : " polls");
    else if (phase == "stopped") next = fs.stop_reason.empty() ? std::string("stopped") : fs.stop_reason;
    else {
        const int left = follow_seconds_left(fo, fs.now_ms);
        next = (fo.backoff_streak > 0 ? "backing off: next try in " : fs.fleet ? "next round in " : "next poll in ") +
               std::to_string(left) + " s";
        const char* unit = fs.fleet ? (fo.polls == 1 ? " request so far)" : " requests so far)") : (fo.polls == 1 ? " poll so far)" : " polls so far)");
        if (fo.polls > 0) next += " (" + std::to_string(fo.polls) + unit;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, col(f.pal.text_dim));
    ImGui::TextUnformatted(next.c_str());
    ImGui::PopStyleColor();
    note_control(f, "fetch.bar.next");
    if (fs.fleet && fs.fleet_follow.rounds > 0) ImGui::TextUnformatted(fleet_follow_summary(fs.fleet_follow.report).c_str());

    if (fs.has_error) error_lines(f, fs.last_error);
    else if (!fs.answer_problem.empty()) ImGui::TextColored(col(f.pal.warning), "%s", fs.answer_problem.c_str());
}

void bar_offer(Frame& f, const CommandSummary& c) {
    FetchState& fs = f.s.fetch;
    ImGui::AlignTextToFramePadding();
    const std::size_t n = fs.commands.items.size();
    ImGui::Text("The proxy at %s lists %zu command%s.", clip_for_display(fs.proxy_url, kClipFetchProxy).c_str(), n, n == 1 ? "" : "s");
    ImGui::SameLine();
    // What a person recognizes first: their comment, else the document.
    const std::string what = c.comment.empty() ? clip_for_display(c.document_name, kClipFetchOffer) : "\"" + clip_for_display(c.comment, kClipFetchOffer) + "\"";
    const std::string label = "Follow " + what + " (" + clip_for_display(c.status, kClipFetchOfferStatus) + ", " + short_id(c.command_id) + ")";
    ImGui::PushStyleColor(ImGuiCol_Button, col(f.pal.link));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    if (button(f, label.c_str(), "fetch.bar.follow")) fetch_pick_command(f.s, c, true);
    ImGui::PopStyleColor(2);
    ImGui::SameLine();
    if (button(f, "Choose another\xe2\x80\xa6", "fetch.bar.choose")) f.s.ui.tab = ViewTab::Fetch;
}

// ---- the Fetch tab's lists -------------------------------------------------------------------------

void draw_commands(Frame& f) {
    FetchState& fs = f.s.fetch;
    if (fs.commands.items.empty()) {
        ImGui::TextDisabled("The proxy lists no commands.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##commands", 5, flags)) return;
    ImGui::TableSetupColumn("Document", ImGuiTableColumnFlags_WidthStretch, 0.30f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 0.14f);
    ImGui::TableSetupColumn("Requested", ImGuiTableColumnFlags_WidthStretch, 0.18f);
    ImGui::TableSetupColumn("CommandId / comment", ImGuiTableColumnFlags_WidthStretch, 0.38f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    CommandSummary picked;
    int action = 0;  // 1 follow, 2 pick: acted on after the loop (it changes the list's owner)
    for (std::size_t i = 0; i < fs.commands.items.size() && i < 50; ++i) {
        const CommandSummary& c = fs.commands.items[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(clip_for_display(c.document_name, kClipFetchDocument).c_str());
        ImGui::TableNextColumn();
        text_any_script(clip_for_display(c.status, kClipFetchStatus));
        ImGui::TableNextColumn();
        if (c.requested_epoch_s > 0) {
            const std::int64_t requested_ms = static_cast<std::int64_t>(c.requested_epoch_s * 1000.0);
            ImGui::TextUnformatted(format_relative(requested_ms, f.env.now_ms).c_str());
            request_redraw(f, relative_redraw_ms(f.env.now_ms - requested_ms));
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(clip_for_display(c.command_id, kClipValue).c_str());
        if (!c.comment.empty()) ImGui::TextDisabled("%s", clip_for_display(c.comment, kClipFetchComment).c_str());
        ImGui::TableNextColumn();
        const std::string base = "fetch.command." + std::to_string(i);
        if (small(f, "Follow", (base + ".follow").c_str())) { picked = c; action = 1; }
        ImGui::SameLine();
        if (small(f, "Pick", (base + ".pick").c_str())) { picked = c; action = 2; }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (action != 0) fetch_pick_command(f.s, picked, action == 1);
}

void draw_steps(Frame& f) {
    FetchState& fs = f.s.fetch;
    if (fs.steps.phase == ListPhase::None) return;
    ImGui::SeparatorText("Instances and steps");
    if (fs.steps.phase == ListPhase::Loading) {
        ImGui::TextDisabled("Listing the invocations of %s\xe2\x80\xa6", clip_for_display(fs.steps_command, kClipValue).c_str());
        return;
    }
    if (fs.steps.phase == ListPhase::Failed) {
        if (!fs.steps.read_error.empty()) ImGui::TextColored(col(f.pal.error), "%s", fs.steps.read_error.c_str());
        else error_lines(f, fs.steps.error);
        return;
    }
    if (fs.steps.items.empty()) {
        ImGui::TextDisabled("No invocations of %s yet (the command may still be starting).",
                            clip_for_display(fs.steps_command, kClipValue).c_str());
        return;
    }
    std::string cmd, inst, plugin;
    bool go = false;
    for (std::size_t i = 0; i < fs.steps.items.size() && i < 50; ++i) {
        const InvocationSummary& inv = fs.steps.items[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(clip_for_display(inv.instance_id, kClipValue).c_str());
        if (!inv.instance_name.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("(%s)", clip_for_display(inv.instance_name, kClipFetchName).c_str());
        }
        ImGui::SameLine();
        text_any_script(clip_for_display(inv.status, kClipFetchStatus));
        ImGui::SameLine();
        if (small(f, "Follow", ("fetch.instance." + std::to_string(i)).c_str())) {
            go = true;
            cmd = inv.command_id.empty() ? fs.steps_command : inv.command_id;
            inst = inv.instance_id;
            plugin.clear();
        }
        if (inv.plugins.size() > 1) {
            ImGui::Indent();
            ImGui::TextDisabled("Steps (this document has %zu; GetCommandInvocation shows one at a time):", inv.plugins.size());
            for (std::size_t k = 0; k < inv.plugins.size(); ++k) {
                const PluginSummary& p = inv.plugins[k];
                if (k > 0) ImGui::SameLine();
                const std::string label = clip_for_display(p.name, kClipFetchName) + " (" + clip_for_display(p.status, kClipFetchStepStatus) + ")";
                ImGui::PushID(static_cast<int>(k));
                const bool current = fs.following && fs.target.instance_id == inv.instance_id && fs.target.plugin_name == p.name;
                if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
                if (small(f, label.c_str(), ("fetch.step." + std::to_string(i) + "." + std::to_string(k)).c_str())) {
                    go = true;
                    cmd = inv.command_id.empty() ? fs.steps_command : inv.command_id;
                    inst = inv.instance_id;
                    plugin = p.name;
                }
                if (current) ImGui::PopStyleColor();
                ImGui::PopID();
            }
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    if (go) fetch_pick_step(f.s, cmd, inst, plugin);
}

}  // namespace

// ---- draw_fetch_bar ---------------------------------------------------------------------------------

void draw_fetch_bar(Frame& f) {
    FetchState& fs = f.s.fetch;
    const CommandSummary* offer = fs.following || fs.confirm_pending ? nullptr : fetch_suggested_command(fs);
    const bool resolving = fetch_resolving(fs);
    if (!fs.confirm_pending && !fs.following && !offer && !resolving) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, col(f.pal.banner_bg));
    if (ImGui::BeginChild("##fetch_bar", ImVec2(0.0f, 0.0f), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY,
                          ImGuiWindowFlags_NoScrollbar)) {
        if (fs.confirm_pending) bar_confirm(f);
        else if (fs.following) bar_following(f);
        else if (resolving) ImGui::TextDisabled("Finding the invocations of %s\xe2\x80\xa6", clip_for_display(fs.steps_command, kClipValue).c_str());
        else bar_offer(f, *offer);
    }
    ImGui::EndChild();
    note_control(f, "fetch.bar");
    ImGui::PopStyleColor();
    ImGui::Spacing();
}

// ---- draw_fetch_panel -------------------------------------------------------------------------------

void draw_fetch_panel(Frame& f) {
    FetchState& fs = f.s.fetch;
    // Its own scrolling region below the tabs: the lists and the how-to can be longer than the
    // room the summary leaves (the main window itself never scrolls).
    if (!ImGui::BeginChild("##fetch_panel", ImVec2(0.0f, 0.0f))) {
        ImGui::EndChild();
        return;
    }
    ImGui::TextWrapped("Fetch an invocation through ssmview-proxy (or any proxy speaking the SSM JSON protocol) and follow "
                       "it until it ends: a poll every %d s, backing off when throttled, no polls while paused.",
                       static_cast<int>(kFollowIntervalMs / 1000));
    // The form: two fields a row when there is room (the lists below need the height), one when
    // narrow. A table keeps the labels aligned either way.
    const bool wide = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 60.0f;
    if (ImGui::BeginTable("##fetch_form", wide ? 4 : 2, ImGuiTableFlags_SizingStretchProp)) {
        for (int c = 0; c < (wide ? 2 : 1); ++c) {
            ImGui::TableSetupColumn(c == 0 ? "label" : "label2", ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(c == 0 ? "field" : "field2", ImGuiTableColumnFlags_WidthStretch);
        }
        auto field = [&](const char* label, const char* id, std::string& value, const char* control,
                         ImGuiInputTextFlags flags, const char* hint) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1.0f);
            input_text_any_script(id, hint, value, flags);
            note_control(f, control);
        };
        field("Proxy", "##proxy", fs.proxy_url, "fetch.proxy_url", 0, kDefaultProxyUrl);
        field("Token", "##token", fs.token, "fetch.token", ImGuiInputTextFlags_Password,
              "bearer token: only off loopback; kept in memory only");
        field("CommandId", "##command", fs.command_id, "fetch.command_id", 0, "36 characters, from send-command");
        field("InstanceId", "##instance", fs.instance_id, "fetch.instance_id", 0, "i-0123456789abcdef0 or mi-...");
        field("PluginName", "##plugin", fs.plugin_name, "fetch.plugin_name", 0, "optional: the step of a multi-step document");
        ImGui::EndTable();
    }

    if (button(f, "Follow", "fetch.follow")) fetch_follow_form(f.s);
    ImGui::SameLine();
    if (button(f, "List commands", "fetch.list_commands")) fetch_list_commands(fs);
    ImGui::SameLine();
    copy_live_link(f, "fetch.live_link");
    if (!fs.form_error.empty()) ImGui::TextColored(col(f.pal.error), "%s", fs.form_error.c_str());

    ImGui::SeparatorText("Recent commands");
    switch (fs.commands.phase) {
    case ListPhase::None:
        ImGui::TextDisabled("Not asked yet: List commands asks the proxy (ListCommands).");
        how_to_start(f);
        break;
    case ListPhase::Loading: ImGui::TextDisabled("Asking %s\xe2\x80\xa6", fs.proxy_url.c_str()); break;
    case ListPhase::Failed:
        if (!fs.commands.read_error.empty()) ImGui::TextColored(col(f.pal.error), "%s", fs.commands.read_error.c_str());
        else error_lines(f, fs.commands.error);
        if (fs.commands.error.kind == ErrorKind::Unreachable) how_to_start(f);
        break;
    case ListPhase::Ok:
        ImGui::TextDisabled("As listed %s; List commands asks again.",
                            format_relative(fs.commands.answered_ms, f.env.now_ms).c_str());
        request_redraw(f, relative_redraw_ms(f.env.now_ms - fs.commands.answered_ms));
        draw_commands(f);
        break;
    }
    draw_steps(f);
    ImGui::EndChild();
}

}  // namespace ssmview
