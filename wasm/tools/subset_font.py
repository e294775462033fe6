#!/usr/bin/python3
"""wasm/tools/subset_font.py: DejaVu Sans Mono cut down to the glyph ranges the view rasterizes.

Usage: subset_font.py FONT.ttf VIEW_FONTS_CPP OUT.ttf

Index
  read_ranges   the kRanges table of view/fonts.cpp (the view's ImGui glyph ranges), so the font
                and the atlas never disagree about which code points exist
  main          fontTools.subset (Debian python3-fonttools) with what ImGui does not use dropped

Why: ImGui's stb_truetype reads only glyph outlines and horizontal metrics. Hinting, OpenType
layout (GSUB/GPOS: ImGui does no shaping) and glyphs outside the atlas's ranges are bytes every
visitor downloads for nothing. Run by wasm/CMakeLists.txt at build time, with /usr/bin/python3
(the Debian interpreter that has fontTools, whatever python3 is first on PATH).
"""
import re
import sys

from fontTools import subset


def read_ranges(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"kRanges\[\]\s*=\s*\{(.*?)\};", text, re.S)
    if not m:
        sys.exit(f"subset_font.py: no kRanges table in {path}")
    body = re.sub(r"//[^\n]*", "", m.group(1))
    numbers = [int(n, 16) for n in re.findall(r"0x[0-9A-Fa-f]+", body)]
    if len(numbers) < 2 or len(numbers) % 2:
        sys.exit(f"subset_font.py: kRanges in {path} is not a list of pairs")
    return list(zip(numbers[0::2], numbers[1::2]))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    font, view_fonts, out = sys.argv[1:]
    ranges = read_ranges(view_fonts)
    unicodes = ",".join(f"U+{a:04X}-{b:04X}" for a, b in ranges)
    subset.main([
        font,
        f"--unicodes={unicodes}",
        f"--output-file={out}",
        "--no-hinting",            # stb_truetype ignores hints
        "--layout-features=",      # no shaping in ImGui
        "--drop-tables+=GSUB,GPOS,GDEF,kern,FFTM",
        "--name-IDs=0,1,2,3,4,5,6,13,14",  # keep copyright and license records
        "--notdef-outline",        # .notdef keeps its box: a missing glyph never vanishes
    ])


if __name__ == "__main__":
    main()
