#!/usr/bin/env python3
"""Writes the TrueType fonts the PDF reports embed (crates/server/pdf/fonts).

Latin: the pages' WOFF2 subsets of Noto Sans unpacked (Typst reads no WOFF2), the Latin
and Latin Extended subsets merged into one font so that a Latvian word is one run of one
font. Arabic: Noto Sans Arabic whole, from Debian's fonts-noto-core (the pages' Arabic
subset loses the map from joined letters back to text, so a PDF's Arabic could not be
searched or copied). Needs `pip install fonttools brotli` and `apt-get install
fonts-noto-core`."""
import shutil
import os
import tempfile

from fontTools.merge import Merger
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "crates", "server", "static", "fonts")
OUT = os.path.join(HERE, "..", "crates", "server", "pdf", "fonts")


def unpacked(name, tmp):
    t = TTFont(os.path.join(SRC, name))
    t.flavor = None
    path = os.path.join(tmp, name.replace(".woff2", ".ttf"))
    t.save(path)
    return path


def named(font, family, style):
    name = font["name"]
    name.removeNames(nameID=16)
    name.removeNames(nameID=17)
    name.setName(family, 1, 3, 1, 0x409)
    name.setName("Regular", 2, 3, 1, 0x409)
    name.setName(family, 16, 3, 1, 0x409)
    name.setName(style, 17, 3, 1, 0x409)
    name.setName(f"{family} {style}", 4, 3, 1, 0x409)
    name.setName(f"{family}-{style}".replace(" ", ""), 6, 3, 1, 0x409)
    return font


with tempfile.TemporaryDirectory() as tmp:
    for weight, style in (("400", "Regular"), ("600", "SemiBold")):
        latin = Merger().merge(
            [unpacked(f"noto-sans-{s}-{weight}-normal.woff2", tmp) for s in ("latin", "latin-ext")]
        )
        named(latin, "Noto Sans", style).save(os.path.join(OUT, f"noto-sans-{weight}.ttf"))
    for weight, style in (("400", "Regular"), ("700", "Bold")):
        shutil.copy(
            f"/usr/share/fonts/truetype/noto/NotoSansArabic-{style}.ttf",
            os.path.join(OUT, f"noto-sans-arabic-{weight}.ttf"),
        )
