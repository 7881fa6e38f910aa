"""The Korean message catalogue is complete, well-formed and used by the site."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

import policyshare

PACKAGE_DIR = Path(policyshare.__file__).resolve().parent
KO_CATALOGUE = PACKAGE_DIR / "locale" / "ko" / "LC_MESSAGES" / "django.po"
KO_CATALOGUE_NAME = KO_CATALOGUE.relative_to(PACKAGE_DIR.parent)
FIX = f"run `make messages`, translate the new msgids in {KO_CATALOGUE_NAME}, then `make test`"

# %(name)s as written by Django for both gettext() and {% blocktranslate %} variables.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def translations(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def describe(keys):
    return "\n".join(
        f"  {msgid!r}" + (f" (context {ctxt!r})" if ctxt else "") for ctxt, msgid, _ in sorted(keys)
    )


@pytest.fixture(scope="module")
def ko_catalogue():
    return polib.pofile(str(KO_CATALOGUE))


def test_catalogue_header_is_korean(ko_catalogue):
    assert not ko_catalogue.metadata_is_fuzzy
    assert ko_catalogue.metadata["Language"] == "ko"
    assert "charset=UTF-8" in ko_catalogue.metadata["Content-Type"]
    assert ko_catalogue.metadata["Plural-Forms"].startswith("nplurals=1;")


def test_every_msgid_has_a_korean_translation(ko_catalogue):
    entries = [entry for entry in ko_catalogue if not entry.obsolete]
    assert entries

    untranslated = [e.msgid for e in entries if not all(s.strip() for s in translations(e))]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert not untranslated, f"Untranslated msgids ({FIX}):\n" + "\n".join(untranslated)
    assert not fuzzy, f"Fuzzy msgids, check and remove the flag ({FIX}):\n" + "\n".join(fuzzy)


def test_translations_keep_the_placeholders(ko_catalogue):
    wrong = [
        f"  {entry.msgid!r} -> {msgstr!r}"
        for entry in ko_catalogue
        for msgstr in translations(entry)
        if placeholders(msgstr) != placeholders(entry.msgid)
    ]
    assert not wrong, "Placeholders differ between msgid and msgstr:\n" + "\n".join(wrong)


def test_catalogue_covers_every_string_in_the_code(ko_catalogue, tmp_path, settings, monkeypatch):
    """Extract the strings the way `make messages` does, into a copy of the package, so that
    the committed catalogue is never touched."""
    copy = tmp_path / "policyshare"
    shutil.copytree(
        PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("locale", "__pycache__", "*.pyc")
    )
    # makemessages writes into the first of LOCALE_PATHS: point it at the copy.
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)

    call_command("makemessages", locale=["ko"], no_location=True, no_obsolete=True, verbosity=0)

    extracted = polib.pofile(str(copy / "locale" / "ko" / "LC_MESSAGES" / "django.po"))
    committed = {key(entry) for entry in ko_catalogue if not entry.obsolete}
    missing = {key(entry) for entry in extracted} - committed
    assert not missing, (
        f"Strings in the code that the Korean catalogue lacks ({FIX}):\n{describe(missing)}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "text"), [("/ko/", "본문 바로가기"), ("/en/", "Skip to content")])
def test_interface_speaks_the_language_of_the_address(client, path, text):
    response = client.get(path)

    assert response.status_code == 200
    assert f'<html lang="{path.strip("/")}">' in response.content.decode()
    assert text in response.content.decode(), (
        f"{text!r} missing from {path}: are the catalogues compiled "
        "(`policyshare compilemessages --ignore '.venv/*'`)?"
    )
