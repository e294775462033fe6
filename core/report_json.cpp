// core/report_json.cpp: the report as one JSON object (`ssmview inspect --json`).
//
// Index
//   diagnostics_to_json [{"severity","code","message","path","line","column"}]
//   report_to_json      {"kind","valid","format","invocation","state","times","diagnostics"}, or a fleet's
//                       (fleet_report.cpp)
//
// The shape is a contract with scripts: keys are only ever added, never renamed. The view's state
// JSON (window.ssmview.state()) calls diagnostics_to_json too, so the page and
// `ssmview inspect --json` write each finding the same way.
#include "report.h"

#include "fleet_report.h"

namespace ssmview {

Json diagnostics_to_json(const std::vector<Diagnostic>& diagnostics) {
    Json out = Json::array();
    for (const Diagnostic& d : diagnostics) {
        Json j = Json::object();
        j["severity"] = severity_name(d.severity);
        j["code"] = d.code;
        j["message"] = d.message;
        j["path"] = d.path;
        j["line"] = d.line;
        j["column"] = d.column;
        out.push_back(std::move(j));
    }
    return out;
}

namespace {

Json time_to_json(const Timestamp& t) {
    if (!t.valid) return nullptr;
    return Json{{"epochMs", t.epoch_ms}, {"utc", format_timestamp_utc(t.epoch_ms)}};
}

}  // namespace

Json report_to_json(const Report& r) {
    if (r.kind == ReportKind::Fleet) return fleet_to_json(r, GroupMode::Exact);
    Json j = Json::object();
    j["kind"] = report_kind_name(r.kind);
    j["valid"] = r.valid();
    j["format"] = input_format_name(r.format);
    j["invocation"] = r.has_invocation ? invocation_to_json(r.invocation) : Json(nullptr);
    if (r.has_invocation) {
        Json st = Json::object();
        st["status"] = r.invocation.status.present ? Json(r.state.status) : Json(nullptr);
        st["statusDetails"] = r.invocation.status_details.present ? Json(r.state.status_details) : Json(nullptr);
        st["phase"] = phase_name(r.state.phase);
        st["detail"] = r.state.detail == Detail::None ? Json(nullptr) : Json(detail_name(r.state.detail));
        st["terminal"] = r.state.terminal;
        st["waiter"] = waiter_name(r.state.waiter);
        st["explanation"] = r.state.explanation;
        st["responseCodeMeaning"] = r.state.response_code_meaning.empty() ? Json(nullptr) : Json(r.state.response_code_meaning);
        j["state"] = std::move(st);
        Json t = Json::object();
        t["start"] = time_to_json(r.times.start);
        t["end"] = time_to_json(r.times.end);
        t["elapsedMs"] = r.times.elapsed.valid ? Json(r.times.elapsed.ms) : Json(nullptr);
        j["times"] = std::move(t);
    } else {
        j["state"] = nullptr;
        j["times"] = nullptr;
    }
    // Plain output: the text as it came, since there is no invocation to carry it.
    if (r.kind == ReportKind::Plain) j["output"] = r.invocation.standard_output_content.value;
    j["diagnostics"] = diagnostics_to_json(r.diagnostics);
    return j;
}

}  // namespace ssmview
