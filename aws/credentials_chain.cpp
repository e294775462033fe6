// aws/credentials_chain.cpp: the chain over the sources, and the caching provider.
//
// Index
//   resolve_credentials   environment -> profile -> container -> IMDSv2 (order and rules in
//                         credentials.h); records one "source: outcome" line per source
//   CredentialProvider    cache, refresh window, failure back-off, one resolver at a time
#include <cassert>

#include "credentials.h"
#include "credentials_detail.h"
#include "iso_time.h"

namespace ssmview::aws {

CredentialResult resolve_credentials(const Environment& env, const CredentialOptions& options) {
    CredentialResult r;
    const ProfileSelection profile = select_profile(env, options.profile);

    // Returns true when the chain stops here.
    auto consider = [&](const std::string& name, SourceResult s) {
        switch (s.outcome) {
        case SourceResult::Outcome::Found: {
            const std::int64_t now = env.now_ms();
            if (s.credentials.expires_at_ms != 0 && s.credentials.expires_at_ms <= now) {
                s.outcome = SourceResult::Outcome::Failed;
                s.detail = "the credentials it returned expired at " + format_timestamp_utc(s.credentials.expires_at_ms);
                break;
            }
            r.ok = true;
            r.credentials = std::move(s.credentials);
            r.tried.push_back(name + ": found");
            return true;
        }
        case SourceResult::Outcome::NotConfigured:
            r.tried.push_back(name + ": " + s.detail);
            return false;
        case SourceResult::Outcome::Failed:
            break;
        }
        r.tried.push_back(name + ": " + s.detail);
        r.error = "AWS credentials from " + name + " failed: " + s.detail;
        return true;
    };

    if (profile.source == "--profile") {
        r.tried.push_back("environment: skipped, --profile was given");
    } else if (consider("environment", credentials_from_environment(env))) {
        return r;
    }
    const SharedConfig config = load_shared_config(env);
    if (consider("profile " + profile.name, credentials_from_profile(env, options, config, profile))) return r;
    if (consider("container", credentials_from_container(env, options))) return r;
    if (consider("IMDSv2", credentials_from_imds(env, options))) return r;

    r.error = "no AWS credentials found. Tried, in order: ";
    for (std::size_t i = 0; i < r.tried.size(); ++i) r.error += (i ? "; " : "") + r.tried[i];
    return r;
}

CredentialProvider::CredentialProvider(Environment env, CredentialOptions options)
    : env_(std::move(env)), options_(std::move(options)) {}

CredentialResult CredentialProvider::get() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        const std::int64_t now = env_.now_ms();
        const std::int64_t expires = cached_.credentials.expires_at_ms;
        const bool valid = have_cached_ && (expires == 0 || now < expires);
        const bool fresh = have_cached_ && (expires == 0 || now < expires - options_.refresh_before_ms);
        if (fresh) return cached_;
        if (have_failure_ && now - failed_at_ms_ < options_.retry_after_failure_ms) return valid ? cached_ : failure_;
        if (resolving_) {
            if (valid) return cached_;  // keep serving while another thread refreshes
            resolved_.wait(lock);
            continue;
        }
        resolving_ = true;
        lock.unlock();
        CredentialResult r = resolve_credentials(env_, options_);
        lock.lock();
        resolving_ = false;
        const std::int64_t after = env_.now_ms();
        if (r.ok) {
            cached_ = r;
            have_cached_ = true;
            have_failure_ = false;
        } else {
            failure_ = r;
            have_failure_ = true;
            failed_at_ms_ = after;
            const std::int64_t e = cached_.credentials.expires_at_ms;
            if (have_cached_ && e != 0 && after >= e) have_cached_ = false;  // expired: never serve
        }
        resolved_.notify_all();
        if (r.ok || !have_cached_) return r;
        return cached_;  // refresh failed, the old ones are still valid for a while
    }
}

void CredentialProvider::invalidate() {
    std::lock_guard<std::mutex> lock(mutex_);
    have_cached_ = false;
    have_failure_ = false;
}

std::string CredentialProvider::source() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return have_cached_ ? cached_.credentials.source : std::string();
}

}  // namespace ssmview::aws
