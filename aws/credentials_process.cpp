// aws/credentials_process.cpp: credentials from a program: a profile's credential_process, or the
// AWS CLI v2 for the profiles only it can resolve (SSO, role chains, web identity).
//
// Index
//   run_for_credentials        run (no shell, timeout, bounded output), check the exit status,
//                              parse the credential_process JSON; every failure says which
//   credentials_from_process   split the profile's command line, then run_for_credentials
//   credentials_from_aws_cli   `aws configure export-credentials --profile P --format process`
//                              with the same files we read (AWS_CONFIG_FILE, ...) passed on
//
// Neither stdout nor the command line ever appears in a message: stdout holds the secret, and a
// command line may carry one too (`helper --secret ...`). Only the program's name and its exit
// status are said; its stderr is never quoted either (a helper may print a token there).
#include "credentials.h"
#include "credentials_detail.h"

namespace ssmview::aws {
namespace {

SourceResult run_for_credentials(const Environment& env, ProcessRequest request, const std::string& label,
                                 const std::string& program, const std::string& not_found_hint) {
    const ProcessResult p = env.run(request);
    if (!p.started) {
        std::string why = "could not run " + program + ": " + p.error;
        if (!not_found_hint.empty()) why += not_found_hint;
        return detail::failed(why);
    }
    if (p.timed_out)
        return detail::failed(program + " did not finish within " +
                              (request.timeout_ms % 1000 == 0 ? std::to_string(request.timeout_ms / 1000) + " s"
                                                              : std::to_string(request.timeout_ms) + " ms") +
                              " and was stopped");
    if (p.output_too_large)
        return detail::failed(program + " wrote more than " + std::to_string(request.max_output_bytes) + " bytes");
    if (p.term_signal != 0)
        return detail::failed(program + " was ended by signal " + std::to_string(p.term_signal));
    if (p.exit_code != 0) {
        // Its error output is not quoted: a helper may print a token or key there, and this message
        // reaches /healthz, the proxy's 503 answers and logs, where no secret may appear.
        return detail::failed(program + " exited with status " + std::to_string(p.exit_code) +
                              " (its error output is not repeated here, since it may hold secrets: run it yourself to see it)");
    }
    Credentials c;
    std::string error;
    if (!parse_credentials_json(p.out, true, c, error)) return detail::failed(program + " printed unusable output: " + error);
    c.source = label;
    return detail::found(std::move(c));
}

}  // namespace

SourceResult credentials_from_process(const Environment& env, std::string_view command, std::string_view label,
                                      int timeout_ms) {
    ProcessRequest request;
    std::string error;
    if (!split_command_line(command, request.argv, error))
        return detail::failed("credential_process cannot be read: " + error);
    request.timeout_ms = timeout_ms;
    const std::string program = "credential_process '" + request.argv[0] + "'";
    return run_for_credentials(env, std::move(request), std::string(label), program, "");
}

SourceResult credentials_from_aws_cli(const Environment& env, const CredentialOptions& options,
                                      const SharedConfig& config, std::string_view profile, std::string_view why) {
    ProcessRequest request;
    request.argv = {options.aws_cli, "configure", "export-credentials", "--profile", std::string(profile),
                    "--format", "process"};
    request.timeout_ms = options.process_timeout_ms;
    // The CLI must read the files we read, and find its SSO cache under the same home.
    request.env.emplace_back("AWS_CONFIG_FILE", config.config_path);
    request.env.emplace_back("AWS_SHARED_CREDENTIALS_FILE", config.credentials_path);
    if (std::string home = env_value(env, "HOME"); !home.empty()) request.env.emplace_back("HOME", home);
    const std::string label = "profile " + std::string(profile) + " (AWS CLI v2)";
    const std::string hint =
        ". The profile uses " + std::string(why) +
        ", which ssmview resolves through the AWS CLI v2: install it (Debian package awscli) or give the "
        "profile static keys or a credential_process";
    return run_for_credentials(env, std::move(request), label, "the AWS CLI (" + options.aws_cli + ")", hint);
}

}  // namespace ssmview::aws
