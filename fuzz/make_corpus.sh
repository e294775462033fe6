#!/usr/bin/env bash
# fuzz/make_corpus.sh: (re)write the committed seed corpora in fuzz/corpus/ from tests/fixtures.
#
# Index
#   usage               fuzz/make_corpus.sh [path to a native `ssmview` CLI]   (default build/native/cli/ssmview)
#   fuzz_analyze        the AWS CLI's JSON for every state, one of each other --output format,
#                       the pasted terminal texts, the CLI's error text for a missing invocation,
#                       fleet outputs (list-commands, send-command, two steps, two pasted pages, a
#                       fleet link's pages with what it left out)
#   fuzz_json_reader    the AWS CLI's JSON, one compact API body, hand-written edge cases
#   fuzz_yaml_reader    the AWS CLI's yaml and yaml-stream behind a 1-byte header (bit 0 stream,
#                       bit 1 stream the lists), the first invocation of a fleet, YAML's traps
#   fuzz_share_link     `ssmview link` of every JSON fixture and of a fleet, as a URL, a fragment, a bare payload
#   fuzz_ansi           every non-empty StandardOutputContent / StandardErrorContent, plus one
#                       output with each kind of escape the parser removes
#   fuzz_text_doc       the same outputs and the pasted texts behind fuzz_text_doc.cpp's 3-byte header
#
# Every seed is derived from tests/fixtures (real AWS CLI v2 output, see tests/fixtures/README.md)
# or written below, so the corpora can be rebuilt and reviewed. They stay small (under 100 files,
# well under 1 MB): a seed only has to reach code, the fuzzer does the rest. No seed is over 8 KB,
# because libFuzzer's default -max_len is the largest seed and every execution pays for it: the
# 24,000-character truncated.json is replaced by small outputs that end in each of the agent's
# truncation markers (the fuzzer cannot hit the length limit itself; tests/core does). Corpora
# grown by long runs live in build/ (scripts/fuzz.sh), never here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
cli="${1:-build/native/cli/ssmview}"
[ -x "$cli" ] || { echo "fuzz/make_corpus.sh: no CLI at $cli (build the native preset first)" >&2; exit 2; }
fx=tests/fixtures
out=fuzz/corpus
states=(cancelled cancelling delayed failed in_progress pending success success_rich terminated
        timed_out_delivery timed_out_execution undeliverable windows)

# Inputs the fuzzers found (committed with their fix, named in its commit) are kept: they are no
# fixture's, and a rebuilt corpus must still reach what they reached.
found=(fuzz_analyze/duration-weeks-overflow.json)
keep=$(mktemp -d); trap 'rm -rf "$keep"' EXIT
for f in "${found[@]}"; do mkdir -p "$keep/$(dirname "$f")"; cp "$out/$f" "$keep/$f"; done
for t in fuzz_analyze fuzz_json_reader fuzz_yaml_reader fuzz_share_link fuzz_ansi fuzz_text_doc; do
  rm -rf "${out:?}/$t"; mkdir -p "$out/$t"
done
for f in "${found[@]}"; do cp "$keep/$f" "$out/$f"; done

# ---- fuzz_analyze
for s in "${states[@]}"; do cp "$fx/aws-cli/$s.json" "$out/fuzz_analyze/$s.json"; done
for f in yaml yaml-stream text; do cp "$fx/aws-cli/success.$f" "$out/fuzz_analyze/success.$f"; done
cp "$fx/aws-cli/undeliverable.table" "$out/fuzz_analyze/undeliverable.table"
for f in "$fx"/pasted/*; do
  case "$(basename "$f")" in fleet-*) ;; *) cp "$f" "$out/fuzz_analyze/" ;; esac  # the fleet pages are 23 KB: below
done
# Fleets: list-commands, send-command, a two-step fleet, and two small pages with a prompt between.
for f in fleet-deploy.list-commands.json fleet-deploy.send-command.json fleet-steps.details.json; do
  cp "$fx/aws-cli/$f" "$out/fuzz_analyze/$f"
done
python3 - "$fx" "$out/fuzz_analyze" <<'PY'
import json, sys
fx, out = sys.argv[1], sys.argv[2]
invs = json.load(open(f"{fx}/aws-cli/fleet-deploy.details.json", encoding="utf-8"))["CommandInvocations"]
first = {"CommandInvocations": [invs[0], invs[9]], "NextToken": "page-1"}
second = {"CommandInvocations": [invs[11]]}
with open(f"{out}/fleet-two-pages.txt", "w", encoding="utf-8") as f:
    f.write("$ aws ssm list-command-invocations --details --max-items 2\n" + json.dumps(first, indent=4, ensure_ascii=False) +
            "\n$ aws ssm list-command-invocations --details --starting-token page-1\n" + json.dumps(second, indent=4, ensure_ascii=False) + "\n$ ")
# A fleet's share link as it inflates (core/fleet_link.h): two invocations kept, the rest counted.
link = {"CommandInvocations": [invs[9], invs[0]], "SsmviewLink": {"DroppedInvocations": {"Success": 9, "Failed": 1}}}
with open(f"{out}/fleet-link-dropped.json", "w", encoding="utf-8") as f:
    f.write(json.dumps(link, separators=(",", ":"), ensure_ascii=False) + "\n")
PY
cp "$fx/aws-cli/error-invocation-does-not-exist-with-message.stderr" "$out/fuzz_analyze/"
# Cut outputs, small: success.json / failed.json with each marker at the end of the member the
# agent writes it to (core/truncation.h), printed the way the AWS CLI prints (4 spaces, raw UTF-8).
python3 - "$fx" "$out/fuzz_analyze" <<'PY'
import json, sys
fx, out = sys.argv[1], sys.argv[2]
for base, member, marker, name in (
        ("success", "StandardOutputContent", "\n---Output truncated---", "stdout-truncated"),
        ("failed", "StandardErrorContent", "\n---Error truncated----", "stderr-truncated"),
        ("success", "StandardOutputContent", "--output truncated--", "old-agent-truncated")):
    inv = json.load(open(f"{fx}/aws-cli/{base}.json", encoding="utf-8"))
    inv[member] = inv[member] + marker
    with open(f"{out}/{base}-{name}.json", "w", encoding="utf-8") as f:
        f.write(json.dumps(inv, indent=4, ensure_ascii=False) + "\n")
PY

# ---- fuzz_json_reader
for s in "${states[@]}"; do cp "$fx/aws-cli/$s.json" "$out/fuzz_json_reader/$s.json"; done
cp "$fx/invocations/success_rich.json" "$out/fuzz_json_reader/api-body-success_rich.json"
printf '[0,-0,0.5,-1.5E-3,1e308,1e400,9223372036854775807,9223372036854775808,-9223372036854775809,18446744073709551616]' \
  > "$out/fuzz_json_reader/numbers.json"
printf '{"a":"\\uD83D\\uDE00 \\uD800 \\uDC00x \\u00e9 \\u0000 \\"\\\\\\/\\b\\f\\n\\r\\t","b":"\xc3\xa9 \xff \xed\xa0\x80 \xc0\xaf"}' \
  > "$out/fuzz_json_reader/strings.json"
printf '{"Status":"Success","Status":"Failed","CloudWatchOutputConfig":{"CloudWatchOutputEnabled":true,"CloudWatchOutputEnabled":false}}' \
  > "$out/fuzz_json_reader/duplicate-keys.json"
python3 -c 'import sys; sys.stdout.write("[" * 520 + "]" * 520)' > "$out/fuzz_json_reader/too-deep.json"
printf '{"CommandId": "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7",\n  "Status": "Succ' > "$out/fuzz_json_reader/cut-off.json"

# ---- fuzz_yaml_reader
for s in "${states[@]}"; do
  [ -f "$fx/aws-cli/$s.yaml" ] || continue  # windows: JSON only
  { printf '\x00'; cat "$fx/aws-cli/$s.yaml"; } > "$out/fuzz_yaml_reader/$s.yaml"
  { printf '\x01'; cat "$fx/aws-cli/$s.yaml-stream"; } > "$out/fuzz_yaml_reader/$s.yaml-stream"
done
python3 - "$fx" "$out/fuzz_yaml_reader" <<'PY'
import sys
fx, out = sys.argv[1], sys.argv[2]
# A fleet's first invocation only (the whole outputs are 25 KB), its list streamed (header bit 1).
for ext, header, element in (("yaml", b"\x02", "\n- CloudWatchOutputConfig:"), ("yaml-stream", b"\x03", "\n  - CloudWatchOutputConfig:")):
    text = open(f"{fx}/aws-cli/fleet-deploy.details.{ext}", encoding="utf-8").read()
    first = text.find(element)
    cut = text.find(element, first + 1)
    with open(f"{out}/fleet-first.{ext}", "wb") as f:
        f.write(header + text[:cut + 1].encode("utf-8"))
traps = {
    "plain-timestamp": "Status: Success\nExecutionEndDateTime: 2026-11-20T14:03:07.512Z\n",
    "literal-escape": "StandardOutputContent: '\\e[31mred\\e[0m \\U0001F680'\n",
    "surrogate-pair": "Comment: \"\\ud83d\\ude80\"\n",
    "folded-and-kept": "Comment: 'one\n\n  two'\nStandardOutputContent: \"a long\n  line\\\n  \\ joined\"\n",
    "block-scalars": "StandardOutputContent: |\n  line 1\n  line 2\nStandardErrorContent: >-\n  folded\n  text\n",
    "schema": "A: yes\nB: 0x1F\nC: 0o17\nD: 1e3\nE: .inf\nF: ~\nG: ''\nH: 99999999999999999999\nI: -0\n",
    "flow": "CloudWatchOutputConfig: {CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false}\nL: [1, 'a', {b: c}]\n",
    "anchors": "Comment: &a x\nStatus: *a\nTagged: !!str 1\n",
    "duplicate": "Status: Pending\nStatus: Success\n",
    "documents": "---\nStatus: Success\n...\n---\nStatus: Failed\n",
}
for name, text in traps.items():
    with open(f"{out}/{name}.yaml", "wb") as f:
        f.write(b"\x00" + text.encode("utf-8"))
PY

# ---- fuzz_share_link
# truncated.json too: deflated, its 24,000 characters at the service's limit fit in 4 KB.
for s in "${states[@]}" truncated; do "$cli" link "$fx/aws-cli/$s.json" 2>/dev/null > "$out/fuzz_share_link/$s.link"; done
"$cli" link "$fx/aws-cli/fleet-steps.details.json" 2>/dev/null > "$out/fuzz_share_link/fleet-steps.link"  # a fleet's pages
link="$(cat "$out/fuzz_share_link/success.link")"
printf '#%s' "${link#*#}" > "$out/fuzz_share_link/success.fragment"
printf '  %s\n' "${link#*#}" > "$out/fuzz_share_link/success.bare-with-blanks"
"$cli" link --redact "$fx/aws-cli/success_rich.json" 2>/dev/null > "$out/fuzz_share_link/success_rich-redacted.link"

# ---- fuzz_ansi, fuzz_text_doc: the outputs as the view receives them (JSON-decoded)
python3 - "$fx" "$out" "${states[@]}" <<'PY'
import json, sys
fx, out, states = sys.argv[1], sys.argv[2], sys.argv[3:]
def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
# Header bytes of fuzz_text_doc: flags (1 case-sensitive, 2 raw doc, 4 query from the text),
# query length mod 33, query place in the display text (/256).
headers = [b"\x00\x05\x00", b"\x05\x08\x80", b"\x04\x03\x40", b"\x01\x00\x00"]
n = 0
for s in states:
    inv = json.load(open(f"{fx}/aws-cli/{s}.json", encoding="utf-8"))
    for member, short in (("StandardOutputContent", "stdout"), ("StandardErrorContent", "stderr")):
        text = inv.get(member, "").encode("utf-8")
        if not text:
            continue
        write(f"{out}/fuzz_ansi/{s}.{short}", text)
        h = headers[n % len(headers)]
        query = b"error" if h[0] & 4 == 0 else b""
        write(f"{out}/fuzz_text_doc/{s}.{short}", h[:1] + bytes([len(query)]) + h[2:] + query + text if query else h + text)
        n += 1
escapes = (b"plain \x1b[1;31mred bold\x1b[0m \x1b[38;5;208m256\x1b[39m \x1b[38;2;10;20;30mrgb\x1b[m "
           b"\x1b[38:2::1:2:3mcolon\x1b[0m \x1b]0;title\x07osc \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ "
           b"\x1bPdcs payload\x1b\\ \xc2\x9b32mc1-csi\xc2\x9b0m \xc2\x9d0;t\xc2\x9c \x1b[>4m \x1b(B \x1b7\x1b8 "
           b"\x1b[2K\r progress 50%\r progress 100%\n\x1b[31 cut \x1b\x1b[0m\x1b")
write(f"{out}/fuzz_ansi/every-escape.out", escapes)
write(f"{out}/fuzz_text_doc/every-escape.out", b"\x05\x04\x20" + escapes)
write(f"{out}/fuzz_text_doc/controls.out",
      b"\x00\x03\x00tab\ttab\there\x00nul \x7f del \xe2\x80\x8bzwsp \xef\xbb\xbfbom \xc3\xa9 \xff bad \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb\r\n")
for name in ("terminal-prompt.txt", "terminal-prompt-crlf.txt", "powershell-redirect-utf16le.json"):
    write(f"{out}/fuzz_text_doc/raw-{name}", b"\x02\x04\x00" + b"json" + open(f"{fx}/pasted/{name}", "rb").read())
PY

du -sh "$out"; for d in "$out"/*/; do printf '%-22s %3d files\n' "$(basename "$d")" "$(ls "$d" | wc -l)"; done
