"""ssm_output_layout.py: how the SSM agent names the CloudWatch Logs output of a command, for the
tests that script it (tests/support/fake_aws.py's LogsService is given these names).

Index
    log_stream_name     <CommandId>/<InstanceId>/<plugin, ':' and '*' as '-'>/<stdout|stderr>
    default_log_group   /aws/ssm/<DocumentName>, characters outside [A-Za-z0-9_\\-/.#] as '.'
    log_group_name      CloudWatchOutputConfig.CloudWatchLogGroupName when set (as it is), else
                        default_log_group

These are the SSM agent's rules (amazon-ssm-agent builds the group when it parses a send-command
payload, and cleans only the default name; a configured one was checked by SSM already). The
product's home for them is the C++ core (core/output_location.h); this copy exists because the
tests script a fake CloudWatch Logs in Python, and a test compares the two so they cannot drift
apart. Python 3 standard library only.
"""

import re

LOG_GROUP_PREFIX = "/aws/ssm/"
STREAMS = ("stdout", "stderr")

# CreateLogGroup's pattern; the agent replaces anything else in the default name with '.'.
_NOT_IN_LOG_GROUP = re.compile(r"[^A-Za-z0-9_\-/.#]")
# Stream names may not hold ':' or '*' (CreateLogStream); the agent turns both into '-', so
# "aws:runShellScript" becomes "aws-runShellScript".
_NOT_IN_LOG_STREAM = re.compile(r"[:*]")


def log_stream_name(command_id, instance_id, plugin_name, stream):
    """The stream one plugin's stdout or stderr goes to. plugin_name: the plugin's name for schema
    1.x documents ("aws:runShellScript"), the step's name for 2.x."""
    assert stream in STREAMS, stream
    return f"{command_id}/{instance_id}/{_NOT_IN_LOG_STREAM.sub('-', plugin_name)}/{stream}"


def default_log_group(document_name):
    """The group when the command did not name one."""
    return _NOT_IN_LOG_GROUP.sub(".", LOG_GROUP_PREFIX + document_name)


def log_group_name(document_name, configured=""):
    """The agent uses a configured name as given (AWS validated it at SendCommand)."""
    return configured if configured else default_log_group(document_name)
