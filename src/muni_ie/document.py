"""The one data model every pipeline stage reads and enriches.

Stages work on the *normalized* text (``doc.text``) and record spans in its coordinates;
:meth:`Document.to_dict` maps every span back to the input as given, so a record's offsets
always index the original article (schema ``muni_ie/1``, see docs/OUTPUT.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text.alignment import AlignedText

SCHEMA = "muni_ie/1"
Span = tuple[int, int]

# entity labels of OUTPUT.md, by place type
PLACE_LABELS = {"province": "PROVINCE", "county": "COUNTY", "city": "CITY",
                "village": "VILLAGE", "country": "COUNTRY"}


@dataclass
class Mention:
    """One labelled span of the normalized text («شهردار همدان» → TITLE)."""

    label: str
    start: int
    end: int
    norm: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Official:
    """A person in the news, merged over all mentions (full name, surname, «وی», title-only)."""

    name: str
    titles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Place:
    name: str
    type: str
    province: str | None = None
    county: str | None = None
    id: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Organization:
    name: str
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Fact:
    """A claimed quantity: «بیش از ۸۰ درصد جمعیت استان» → 80 percent of «جمعیت استان», cmp '>'."""

    value: int | float
    unit: str
    of: str | None
    cmp: str
    start: int
    end: int
    speaker: str | None = None


@dataclass
class Statement:
    """A reporting clause: ``trigger`` is the verb («افزود»), ``content`` the reported text."""

    trigger: Span
    content: Span
    speaker: str | None = None
    speaker_mention: Span | None = None


@dataclass
class Meeting:
    """A gathering the article reports: «دومین گردهمایی شهرداران استان سمنان»."""

    name: str
    start: int
    end: int
    ordinal: int | None = None
    place: str | None = None
    venue: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Document:
    """An article and everything extracted from it.

    ``doc.text`` is the normalized text all spans refer to; ``doc.original`` the input as given.
    """

    aligned: AlignedText
    id: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    #: scratch space for stages that hand intermediate results to later stages
    user_data: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.aligned.text

    @property
    def original(self) -> str:
        return self.aligned.original

    @property
    def events(self) -> list[Statement | Meeting]:
        return [*self.statements, *self.meetings]

    def mentions(self, *labels: str) -> list[Mention]:
        return [m for m in self.entities if not labels or m.label in labels]

    def original_span(self, start: int, end: int) -> Span:
        return self.aligned.original_span(start, end)

    def to_dict(self) -> dict[str, Any]:
        """The ``muni_ie/1`` record, every offset into the original text."""
        from .record import document_record

        return document_record(self)
