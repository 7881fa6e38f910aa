"""The vocabulary of the demo content: items described as plain data, with their texts in both
languages, and references between items resolved by the loader in the language being written."""

import datetime
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

# Every demo item's translation key is derived from this namespace and the item's key, so that
# the same item is recognised on every run and in every database.
DEMO_NAMESPACE = uuid.UUID("6f1c2a52-7d0e-4f57-9a55-5e0b7c1d2e01")
SEOUL = ZoneInfo("Asia/Seoul")


def demo_key(model, key):
    return uuid.uuid5(DEMO_NAMESPACE, f"{model._meta.label_lower}:{key}")


@dataclass(frozen=True)
class L:
    """A value in Korean and in English."""

    ko: object
    en: object


@dataclass(frozen=True)
class Ref:
    """Another demo item (a page or snippet by its key, or a picture or PDF by its key), in the
    language being written."""

    model: type
    key: str


@dataclass(frozen=True)
class Goals:
    """Sustainable Development Goals by number."""

    numbers: tuple


@dataclass(frozen=True)
class Picture:
    """A generated image: a rounded, coloured card with a short Latin label."""

    key: str
    title: str
    description: str
    label: str
    colour: str
    size: tuple = (360, 180)
    lines: tuple = ()


@dataclass(frozen=True)
class Pdf:
    """A generated PDF: a picture's card as its cover, then a page of paragraphs."""

    key: str
    title: str
    filename: str
    cover: str
    paragraphs: tuple = ()


@dataclass(frozen=True)
class Snippet:
    model: type
    key: str
    fields: dict


@dataclass(frozen=True)
class PageItem:
    """A page below ``parent``: the home page model itself, or an index page model (found below
    the language's home page). ``children`` maps a child relation (e.g. ``key_results``) to the
    field values of each child, in order. ``translated=False``: the page exists in Korean only
    (as many of a city's pages do), and its fields hold Korean values rather than :class:`L`."""

    model: type
    key: str
    parent: object
    fields: dict
    children: dict = field(default_factory=dict)
    translated: bool = True


def registered(day):
    """The registration time of an item the original site lists with a date only (등록일)."""
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=SEOUL)


def para(*paragraphs):
    """Rich text of one or more paragraphs."""
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def heading(ko, en):
    """A body block: a section heading."""
    return ("heading", L(ko, en))


def text(ko, en):
    """A body block: one paragraph (or prepared rich text when it starts with a tag)."""
    return ("paragraph", L(_rich(ko), _rich(en)))


def _rich(value):
    return value if value.startswith("<") else para(value)
