// view/header_panel.cpp: which command, on which instance, from which document; where the rest lives.
//
// Index
//   name_cell           a new row with the member's name
//   value_row           a member's value (wording.h's field_text: "(absent)", "(empty)" or
//                       clipped) with a Copy button
//   url_row             StandardOutputUrl / StandardErrorUrl: as given + the S3 console
//   known_region        the region an S3 URL names, for the CloudWatch console link
//   draw_header_panel   a three-column table: name, value, copy; last the CloudWatch log group
//                       (console link; region from the S3 URL when it says)
#include <string>

#include "links.h"
#include "panels.h"
#include "view_layout.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

namespace {

void name_cell(const char* name) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", name);
    ImGui::TableNextColumn();
}

void value_row(Frame& f, const char* name, const Field<std::string>& field, const char* control, bool wrap = false) {
    name_cell(name);
    const std::string shown = field_text(field, wrap ? kClipSentence : kClipValue);
    if (!field.present || field.value.empty()) { ImGui::TextDisabled("%s", shown.c_str()); ImGui::TableNextColumn(); return; }
    text_any_script(shown, wrap);
    if (!wrap && ImGui::IsItemHovered() && ImGui::GetItemRectMax().x > ImGui::GetWindowPos().x + ImGui::GetWindowWidth())
        ImGui::SetTooltip("%s", clip_for_display(field.value, kClipSentence).c_str());
    ImGui::TableNextColumn();
    copy_button(f, name, field.value, name, control);
}

void url_row(Frame& f, const char* name, const Field<std::string>& field, const char* control) {
    if (!field.present || field.value.empty()) return;
    name_cell(name);
    const S3Location loc = parse_s3_url(field.value);
    const float console_w = loc.ok ? ImGui::CalcTextSize("(S3 console)").x + ImGui::GetStyle().ItemSpacing.x : 0.0f;
    link_text(f, name, field.value, field.value, control, ImGui::GetContentRegionAvail().x - console_w);
    if (loc.ok) {
        ImGui::SameLine();
        link_text(f, (std::string(name) + ".console").c_str(), "(S3 console)", s3_console_url(loc));
    }
    ImGui::TableNextColumn();
    copy_button(f, name, field.value, name);
}

std::string known_region(const Invocation& inv) {
    for (const Field<std::string>* u : {&inv.standard_output_url, &inv.standard_error_url}) {
        if (!u->present) continue;
        const S3Location loc = parse_s3_url(u->value);
        if (loc.ok && !loc.region.empty()) return loc.region;
    }
    return {};
}

}  // namespace

void draw_header_panel(Frame& f) {
    const Invocation& inv = f.s.report.invocation;
    // Name and Copy columns fit their content; the value column takes the rest and clips.
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##header", 3, flags)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("copy", ImGuiTableColumnFlags_WidthFixed);
    value_row(f, "CommandId", inv.command_id, "header.copy.CommandId");
    value_row(f, "InstanceId", inv.instance_id, "header.copy.InstanceId");
    value_row(f, "DocumentName", inv.document_name, "header.copy.DocumentName");
    value_row(f, "DocumentVersion", inv.document_version, "header.copy.DocumentVersion");
    value_row(f, "PluginName", inv.plugin_name, "header.copy.PluginName");
    value_row(f, "Comment", inv.comment, "header.copy.Comment", true);
    url_row(f, "StandardOutputUrl", inv.standard_output_url, "header.link.StandardOutputUrl");
    url_row(f, "StandardErrorUrl", inv.standard_error_url, "header.link.StandardErrorUrl");
    if (inv.cloud_watch_output_config.present) {
        const CloudWatchOutputConfig& cw = inv.cloud_watch_output_config.value;
        const std::string note = cloudwatch_text(cw);
        name_cell("CloudWatch");
        if (cw.log_group_name.present && !cw.log_group_name.value.empty()) {
            const std::string& group = cw.log_group_name.value;
            const float note_w = ImGui::CalcTextSize("(output not enabled)").x + ImGui::GetStyle().ItemSpacing.x;
            link_text(f, "cloudwatch", group, cloudwatch_log_group_url(group, known_region(inv)),
                      "header.link.CloudWatchLogGroupName", ImGui::GetContentRegionAvail().x - note_w);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", note.c_str());
            ImGui::TableNextColumn();
            copy_button(f, "CloudWatchLogGroupName", group, "CloudWatchLogGroupName");
        } else {
            ImGui::TextDisabled("%s", note.c_str());
            ImGui::TableNextColumn();
        }
    }
    ImGui::EndTable();
}

}  // namespace ssmview
