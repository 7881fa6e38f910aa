"""`policyshare import` fed what an old site, a careless export or an attacker can produce:
random bytes, wrong encodings, BOMs, NULs, huge fields, mixed scripts, damaged archives.

Whatever comes in, the command either imports or stops with its documented error
(``CommandError`` with a message naming what is wrong), and a stopped import leaves no page,
revision or import record behind.
"""

import csv
import io
import json
import zipfile
from collections import Counter
from contextlib import redirect_stderr
from xml.sax.saxutils import escape

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Page, Revision

from policyshare.ingest.archive.content import FORMAT, VERSION
from policyshare.ingest.importing.tabular import FIELDS
from policyshare.ingest.models import ImportedItem
from tests.security.fuzzing import FUZZ

pytestmark = pytest.mark.django_db

runs = Counter()  # cases run, by target: reported by tests/security/conftest.py


# Any character, plus what an old Korean site mixes in: other scripts, controls, NUL, BOMs and
# no-break spaces inside the text, bidi overrides, the markup and separators of each format.
MIXED_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("가힣한글ㄱㅏ漢字abcZ0é€\u00a0\u200b\u202e\ufeff\x00\x1b\r\n\t•,;\"'<>&"),
    ),
    max_size=200,
)
HUGE_TEXT = st.integers(min_value=10_000, max_value=300_000).map(lambda n: "가나다 " * (n // 4))
FIELD_TEXT = st.one_of(MIXED_TEXT, HUGE_TEXT, st.sampled_from(["", "2020-06-11", "news", "ko"]))
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp949", "euc-kr", "utf-16", "latin-1"])
BOMS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00"])


def encode(text, encoding):
    return text.encode(encoding, errors="replace")


def counts():
    return Page.objects.count(), Revision.objects.count(), ImportedItem.objects.count()


def run_import(tmp_path_factory, data, name, source_format=None):
    """Import ``data`` as a file called ``name``; a refusal must leave the database as it was
    (any exception other than ``CommandError`` fails the test by itself)."""
    path = tmp_path_factory.mktemp("source") / name
    path.write_bytes(data)
    args = [str(path)] + (["--format", source_format] if source_format else [])
    before = counts()
    try:
        with redirect_stderr(io.StringIO()):
            call_command("import", *args, stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError as error:
        assert str(error).strip(), "the import stopped without saying why"
        assert counts() == before, "a refused import left records behind"


def counted(kind):
    runs[kind] += 1


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=4000),
        st.tuples(BOMS, st.binary(max_size=4000)).map(b"".join),
    ),
    name=st.sampled_from(["items.csv", "items.json", "feed.xml", "board.txt", "site.zip", "x"]),
    source_format=st.sampled_from([None, "feed", "csv", "json", "listing", "archive"]),
)
def test_random_bytes(tmp_path_factory, data, name, source_format):
    counted("random bytes")
    run_import(tmp_path_factory, data, name, source_format)


@FUZZ
@given(
    text=MIXED_TEXT, encoding=ENCODINGS, bom=BOMS, source_format=st.sampled_from([None, "listing"])
)
def test_text_in_any_encoding(tmp_path_factory, text, encoding, bom, source_format):
    counted("encoded text")
    data = bom + encode(f"• {text}\n  등록일 2020-06-11 글쓴이 {text[:20]}\n{text}\n", encoding)
    run_import(tmp_path_factory, data, "board.txt", source_format)


@FUZZ
@given(
    columns=st.lists(st.sampled_from(FIELDS), min_size=1, max_size=len(FIELDS), unique=True),
    rows=st.lists(st.lists(FIELD_TEXT, min_size=1, max_size=len(FIELDS) + 1), max_size=4),
    encoding=ENCODINGS,
)
def test_csv_with_odd_fields(tmp_path_factory, columns, rows, encoding):
    counted("csv")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    run_import(tmp_path_factory, encode(out.getvalue(), encoding), "items.csv", "csv")


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), FIELD_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(MIXED_TEXT, inner)),
    max_leaves=8,
)


@FUZZ
@given(
    items=st.lists(
        st.one_of(
            st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=len(FIELDS)),
            JSON_VALUES,
        ),
        max_size=4,
    ),
    lines=st.booleans(),
)
def test_json_with_odd_values(tmp_path_factory, items, lines):
    counted("json")
    if lines:
        text = "\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    else:
        text = json.dumps(items, ensure_ascii=False)
    run_import(tmp_path_factory, text.encode(), "items.json", "json")


@FUZZ
@given(
    title=FIELD_TEXT,
    date=st.one_of(MIXED_TEXT, st.sampled_from(["Thu, 11 Jun 2020 09:00:00 +0900", "2020-06-11"])),
    body=FIELD_TEXT,
    escaped=st.booleans(),
    atom=st.booleans(),
)
def test_feeds_with_odd_entries(tmp_path_factory, title, date, body, escaped, atom):
    counted("feed")
    mark = escape if escaped else str
    if atom:
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>t</title><entry><id>urn:x:{mark(title[:50])}</id><title>{mark(title)}</title>"
            f"<updated>{mark(date)}</updated><author><name>{mark(body[:30])}</name></author>"
            f"<content type='html'>{mark(body)}</content></entry></feed>"
        )
    else:
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"<item><title>{mark(title)}</title><pubDate>{mark(date)}</pubDate>"
            f"<author>{mark(body[:30])}</author><description>{mark(body)}</description>"
            "</item></channel></rss>"
        )
    run_import(tmp_path_factory, feed.encode(), "feed.xml", "feed")


ARCHIVE_ITEM = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries(
        {"kind": st.sampled_from(["page", "snippet", "image", "document", "sector", "x"])},
        optional={
            "model": st.sampled_from(["news.newspage", "policies.sector", "auth.user", "x.y"]),
            "key": FIELD_TEXT,
            "language": st.sampled_from(["ko", "en", "fr", ""]),
            "fields": st.dictionaries(MIXED_TEXT, JSON_VALUES, max_size=3),
            "parent": JSON_VALUES,
            "file": st.sampled_from(["files/a.pdf", "../../etc/passwd", ""]),
            "sha1": MIXED_TEXT,
        },
    ),
)


@FUZZ
@given(
    manifest=st.one_of(
        JSON_VALUES,
        st.fixed_dictionaries(
            {"format": st.just(FORMAT), "version": st.sampled_from([VERSION, 0, 99, "1"])},
            optional={"languages": st.lists(st.sampled_from(["ko", "en", "xx"]), max_size=2)},
        ),
    ),
    items=st.lists(ARCHIVE_ITEM, max_size=3),
    names_listed=st.booleans(),
    extra=st.binary(max_size=200),
)
def test_archives_damaged_or_forged(tmp_path_factory, manifest, items, names_listed, extra):
    counted("archive")
    names = [f"items/{number}.json" for number in range(len(items))]
    if isinstance(manifest, dict) and names_listed:
        manifest = {**manifest, "items": names}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        for name, item in zip(names, items, strict=True):
            archive.writestr(name, json.dumps(item, ensure_ascii=False))
        archive.writestr("files/a.pdf", extra)
    run_import(tmp_path_factory, buffer.getvalue(), "site.zip", "archive")
