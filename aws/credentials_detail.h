// aws/credentials_detail.h: helpers the credential sources share (internal to aws/).
//
// Index
//   found, not_configured, failed   SourceResult constructors
//   credential_text_problem         keys and tokens must be printable, without spaces (they go
//                                   into HTTP headers); names the member, never its value
//   error_document_summary          "Code: Message" from an error JSON's code/message members only
//   last_line                       small text helper
#pragma once
#include <string>
#include <string_view>

#include "credentials.h"

namespace ssmview::aws::detail {

inline SourceResult found(Credentials c) {
    SourceResult r;
    r.outcome = SourceResult::Outcome::Found;
    r.credentials = std::move(c);
    return r;
}
inline SourceResult not_configured(std::string why) {
    SourceResult r;
    r.outcome = SourceResult::Outcome::NotConfigured;
    r.detail = std::move(why);
    return r;
}
inline SourceResult failed(std::string why) {
    SourceResult r;
    r.outcome = SourceResult::Outcome::Failed;
    r.detail = std::move(why);
    return r;
}

// "" when the three strings can go into headers; else which one cannot ("the secret access key").
std::string credential_text_problem(const Credentials& c);

// From {"code"/"Code": ..., "message"/"Message": ...}: "code: message" (cut to 300 bytes), or ""
// when the body is not such an object. Nothing else of the body is ever quoted.
std::string error_document_summary(std::string_view body);


// The last non-empty line of a program's stderr, trimmed and cut to 300 bytes: enough to carry
// "Error loading SSO Token: Token for x does not exist" without dumping a whole log.
std::string last_line(std::string_view text);

}  // namespace ssmview::aws::detail
