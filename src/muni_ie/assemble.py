"""Document assembly: from mentions to the one-entry-per-referent lists of the record.

Officials are merged across name variants, surnames, pronouns and title-only mentions
(:mod:`muni_ie.events.speakers`); places and organizations are deduplicated by their
spelling-insensitive key with all their mentions (a short organization name joins the full one);
a fact inside a statement's content gets that statement's speaker.
"""

from __future__ import annotations

from .document import Document, Mention, Organization, Place
from .events.speakers import SpeakerResolver, _TitleMention
from .recognizers.organizations import short_forms
from .text.keys import key


def assemble(doc: Document) -> None:
    by_label: dict[str, list[Mention]] = {"TITLE": [], "ORG": [], "PERSON": []}
    for m in doc.entities:  # one pass instead of one per label
        if m.label in by_label:
            by_label[m.label].append(m)
    titles = [_TitleMention(m.start, m.end, m.norm) for m in by_label["TITLE"]]
    orgs = [(m.start, m.end) for m in by_label["ORG"]]
    resolver = SpeakerResolver(doc, doc.user_data.get("person_mentions", []), titles, orgs)
    doc.statements = resolver.resolve(doc.user_data.get("clauses", []))
    doc.officials = resolver.officials()
    _add_surname_mentions(doc, by_label["PERSON"])
    doc.places = _dedupe_places(doc)
    doc.organizations = _dedupe_orgs(by_label["ORG"])
    _link_facts(doc)


def _add_surname_mentions(doc: Document, persons: list[Mention]) -> None:
    """Every official mention becomes a PERSON entity (surname-only ones included)."""
    have = {(m.start, m.end) for m in persons}
    for o in doc.officials:
        for a, b in o.mentions:
            if (a, b) not in have:
                doc.entities.append(Mention("PERSON", a, b, o.name, {"ref": o.name}))


def _dedupe_places(doc: Document) -> list[Place]:
    places: dict[tuple[str, str], Place] = {}
    for p in doc.user_data.get("place_mentions", []):
        k = (key(p.name), p.type)
        if k not in places:
            places[k] = Place(p.name, p.type, p.province, p.county, p.id)
        places[k].mentions.append((p.start, p.end))
    return list(places.values())


def _dedupe_orgs(mentions: list[Mention]) -> list[Organization]:
    """One entry per body: mentions with one key, and a short name («مجلس») with the full name it
    stands for when the document has that too («مجلس شورای اسلامی»)."""
    orgs: dict[str, Organization] = {}
    for m in mentions:
        k = key(m.norm)
        if k not in orgs:
            orgs[k] = Organization(m.norm)
        orgs[k].mentions.append((m.start, m.end))
    full_of = short_forms()
    short = [k for k in orgs if full_of.get(k) in orgs]
    for k in short:
        full = orgs[full_of[k]]
        full.mentions = sorted(full.mentions + orgs.pop(k).mentions)
    out = list(orgs.values())
    if short:  # still in order of first mention
        out.sort(key=lambda o: o.mentions[0])
    return out


def _link_facts(doc: Document) -> None:
    for f in doc.facts:
        for st in doc.statements:
            a, b = st.content
            if a <= f.start < b:
                f.speaker = st.speaker
                break
