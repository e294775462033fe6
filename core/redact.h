// core/redact.h: mask secrets before a report leaves the machine in a share link.
//
// Index
//   RedactOptions   what to mask: AWS access key ids, secret-looking tokens, strings the user names
//   redact          Invocation -> a copy with every string member masked, and a count
//
// Masking rewrites every string the link would carry (outputs, comment, URLs, unknown members),
// so nothing is missed by omission. A masked value reads "[redacted]" (user strings: "[redacted]"
// too), which keeps the surrounding text legible.
#pragma once
#include <string>
#include <vector>

#include "invocation.h"

namespace ssmview {

struct RedactOptions {
    bool                     access_key_ids = true;  // AKIA/ASIA/... followed by 16 [A-Z0-9]
    bool                     secret_tokens = true;   // 40-char secret keys, key=value secrets, JWTs, bearer tokens
    std::vector<std::string> strings;                // exact strings to mask (empty ones ignored)
};

struct RedactResult {
    Invocation invocation;
    int        replacements = 0;
};

RedactResult redact(const Invocation& inv, const RedactOptions& options);
// The same masking on one string; returns how many spans were replaced.
int redact_text(std::string& text, const RedactOptions& options);

}  // namespace ssmview
