"""Pictures reserve their place before they load (width and height from the file), and a record's
own picture near the top of its page loads at once; pictures further down wait to be scrolled to."""

from __future__ import annotations

import struct
import zlib

from bs4 import BeautifulSoup

import record_content
from conftest import ROOT
from portal import database, pictures
from portal.language import Language


def test_size_of_svg_from_its_attributes_or_view_box(tmp_path):
    (tmp_path / "box.svg").write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200">', encoding="utf-8")
    (tmp_path / "sized.svg").write_text('<svg width="640px" height="400" viewBox="0 0 32 20" xmlns="http://www.w3.org/2000/svg">', encoding="utf-8")
    (tmp_path / "bare.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', encoding="utf-8")
    assert pictures.size(tmp_path / "box.svg") == (320, 200)
    assert pictures.size(tmp_path / "sized.svg") == (640, 400)
    assert pictures.size(tmp_path / "bare.svg") is None
    assert pictures.size(tmp_path / "missing.svg") is None


def test_size_of_png_and_jpeg_from_their_headers(tmp_path):
    header = struct.pack(">IIBBBBB", 1200, 800, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    (tmp_path / "photo.png").write_bytes(png)
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 600, 1024, 1) + b"\x01\x11\x00"
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" + app0 + sof + b"\xff\xd9")
    assert pictures.size(tmp_path / "photo.png") == (1200, 800)
    assert pictures.size(tmp_path / "photo.jpg") == (1024, 600)


def test_a_records_picture_loads_first_and_keeps_its_place(site):
    db = database.load(ROOT, ("vi", "en"), False)
    env = record_content._environment(str(ROOT / "overrides"), record_content._compiled(ROOT))
    picture = {"file": "cat-ba.svg", "alt": {"vi": "Vịnh Lan Hạ", "en": "Lan Ha Bay"}, "credit": "Portal", "licence": "CC-BY-4.0"}
    macro = '{% import "macros.html" as m %}{{ m.image(L, picture, lead=lead) }}'
    for lead in (True, False):
        html = env.from_string(macro).render(L=Language(db, "en", "vi", "news/2025/x/"), picture=picture, lead=lead)
        img = BeautifulSoup(html, "html.parser").img
        assert (img["width"], img["height"]) == ("320", "200")
        assert (img.get("fetchpriority"), img.get("loading")) == (("high", None) if lead else (None, "lazy"))
    further = site.html("visit/index.html").select("figure.portal-picture img")
    assert further and all(img.get("loading") == "lazy" and img.get("width") for img in further)
