"""Read the text layer of a PDF written by Qt, without any PDF library: the pages in order, each
page's glyph codes mapped to characters through its fonts' ToUnicode maps.

Qt writes one ``Tj`` per glyph and no space glyphs, so the text comes back without spaces between
words; ``squeeze`` removes white space from both sides before comparing.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_REF = rb"(\d+) 0 R"


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(number): body for number, body in _OBJECT.findall(data)}


def _stream(body: bytes) -> bytes:
    start = body.index(b"stream") + len(b"stream")
    start += 2 if body[start : start + 2] == b"\r\n" else 1
    raw = body[start : body.rindex(b"endstream")].rstrip(b"\r\n")
    return zlib.decompress(raw) if b"/FlateDecode" in body[:start] else raw


def _ref(body: bytes, key: bytes) -> int:
    found = re.search(re.escape(key) + rb"\s+" + _REF, body)
    assert found is not None, f"{key!r} not found"
    return int(found.group(1))


def _hex_text(code: bytes) -> str:
    return bytes.fromhex(code.decode()).decode("utf-16-be")


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(source, 16)] = _hex_text(target)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, rest in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block
        ):
            first, last = int(low, 16), int(high, 16)
            if rest.startswith(b"["):
                targets = re.findall(rb"<([0-9A-Fa-f]+)>", rest)
                for offset, target in enumerate(targets):
                    mapping[first + offset] = _hex_text(target)
            else:
                base = int(rest[1:-1], 16)
                for code in range(first, last + 1):
                    mapping[code] = chr(base + code - first)
    return mapping


def _page_text(objects: dict[int, bytes], page: bytes) -> str:
    resources = objects[_ref(page, b"/Resources")]
    fonts_block = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
    maps: dict[bytes, dict[int, str]] = {}
    if fonts_block is not None:
        for name, number in re.findall(rb"/(\w+)\s+" + _REF, fonts_block.group(1)):
            font = objects[int(number)]
            maps[name] = _cmap(_stream(objects[_ref(font, b"/ToUnicode")]))
    content = _stream(objects[_ref(page, b"/Contents")])
    out: list[str] = []
    current: dict[int, str] = {}
    for token in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]+)>\s*Tj|\bET\b", content):
        if token.group(1) is not None:
            current = maps.get(token.group(1), {})
        elif token.group(2) is not None:
            hexcode = token.group(2)
            for i in range(0, len(hexcode), 4):
                out.append(current.get(int(hexcode[i : i + 4], 16), "\ufffd"))
        else:
            out.append("\n")
    return "".join(out)


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page, in page order."""
    objects = _objects(data)
    catalog = next(body for body in objects.values() if b"/Type /Catalog" in body)
    pages = objects[_ref(catalog, b"/Pages")]
    kids = re.search(rb"/Kids\s*\[(.*?)\]", pages, re.S)
    assert kids is not None
    return [_page_text(objects, objects[int(n)]) for n in re.findall(_REF, kids.group(1))]


def squeeze(text: str) -> str:
    """``text`` without white space (the PDF's text has no space glyphs)."""
    return "".join(text.split())
