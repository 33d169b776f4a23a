"""Serialization of a :class:`~muni_ie.document.Document` to the ``muni_ie/1`` record."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from .document import SCHEMA, Document

_START, _END = attrgetter("start"), attrgetter("end")


def document_record(doc: Document) -> dict[str, Any]:
    orig = doc.original
    to_orig = doc.aligned.original_span  # a record maps dozens of spans: no per-span wrapper
    # the mentions of officials, places, organizations and facts are entities too: mapped once
    mapped: dict[tuple[int, int], tuple[int, int]] = {}

    def spans(xs: list[tuple[int, int]]) -> list[list[int]]:
        return [list(mapped.get(x) or to_orig(*x)) for x in xs]

    entities = []
    by_position = sorted(doc.entities, key=_END, reverse=True)  # (start, -end) order in two stable sorts,
    by_position.sort(key=_START)  # cheaper than a key tuple per entity
    for m in by_position:
        a, b = mapped[m.start, m.end] = to_orig(m.start, m.end)
        if a == b:
            continue
        entities.append({"label": m.label, "start": a, "end": b, "text": orig[a:b], "norm": m.norm, **m.attrs})
    facts = []
    for f in doc.facts:
        a, b = mapped.get((f.start, f.end)) or to_orig(f.start, f.end)
        facts.append({"value": f.value, "unit": f.unit, "of": f.of, "cmp": f.cmp,
                      "text": orig[a:b], "start": a, "end": b, "speaker": f.speaker})
    events: list[dict[str, Any]] = []
    unresolved: list[dict[str, Any]] = []
    for st in doc.statements:
        a, b = to_orig(*st.trigger)
        # a speaker the article never names («رئیس کمیسیون ... گفت») is kept apart: no official to credit
        (events if st.speaker else unresolved).append(
            {"type": "statement", "speaker": st.speaker, "trigger": orig[a:b],
             "start": a, "end": b, "content": list(to_orig(*st.content))})
    for mt in doc.meetings:
        a, b = to_orig(mt.start, mt.end)
        events.append({"type": "meeting", "name": mt.name, "ordinal": mt.ordinal, "place": mt.place,
                       "venue": mt.venue, "start": a, "end": b, "mentions": spans(mt.mentions)})
    return {
        "id": doc.id,
        "schema": SCHEMA,
        "entities": entities,
        "officials": [{"name": o.name, "titles": list(o.titles), "mentions": spans(o.mentions)}
                      for o in doc.officials],
        "places": [{"name": p.name, "type": p.type, "province": p.province, "id": p.id,
                    "mentions": spans(p.mentions)} for p in doc.places],
        "organizations": [{"name": o.name, "mentions": spans(o.mentions)} for o in doc.organizations],
        "facts": facts,
        "events": events,
        "unresolved_statements": unresolved,
    }


def error_record(doc_id: Any, error: str, **extra: Any) -> dict[str, Any]:
    """The record for a document that could not be processed: nothing is dropped."""
    return {"id": doc_id, "schema": SCHEMA, "error": error, **extra}


__all__ = ["document_record", "error_record"]
