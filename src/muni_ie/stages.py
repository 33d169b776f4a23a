"""The built-in stages: each wraps one engine and writes its results into the Document.

Engines (``recognizers/``, ``events/``) know nothing about Documents: they take normalized text
and return mentions. The factories here are the only glue, so replacing a stage means
registering a new factory under the same name (``register_stage(..., replace=True)``).
"""

from __future__ import annotations

from .document import PLACE_LABELS, Document, Fact, Meeting, Mention
from .pipeline import register_stage
from .text.segment import paragraphs, sentences


@register_stage("segment", requires=("text",), provides=("paragraphs", "sentences"))
def make_segmenter():
    """Paragraph and sentence spans."""

    def run(doc: Document) -> None:
        doc.paragraphs = paragraphs(doc.text)
        doc.sentences = sentences(doc.text)  # those of doc.paragraphs, found in one scan

    return run


@register_stage("places", requires=("text",), provides=("places",))
def make_places(gazetteer_path: str | None = None):
    """Provinces, counties, cities and countries from the packaged gazetteer."""
    from .recognizers.places import PlaceRecognizer

    recognizer = PlaceRecognizer(gazetteer_path) if gazetteer_path else PlaceRecognizer()

    def run(doc: Document) -> None:
        found = recognizer.find(doc.text)
        doc.user_data["place_mentions"] = found
        for p in found:
            doc.entities.append(Mention(PLACE_LABELS.get(p.type, "GPE"), p.start, p.end, p.name,
                                        {"type": p.type, "province": p.province, "id": p.id}))

    return run


@register_stage("titles", requires=("text",), provides=("titles",))
def make_titles():
    """Role phrases: «معاون هماهنگی امور عمرانی استاندار سمنان»."""
    from .recognizers.titles import TitleRecognizer

    recognizer = TitleRecognizer()

    def run(doc: Document) -> None:
        for t in recognizer.find(doc.text):
            doc.entities.append(Mention("TITLE", t.start, t.end, t.text, {"head": t.head, "org": t.org}))

    return run


@register_stage("persons", requires=("titles",), provides=("persons",))
def make_persons():
    """Person names, using TITLE spans for appositions."""
    from .recognizers.persons import PersonRecognizer

    recognizer = PersonRecognizer()

    def run(doc: Document) -> None:
        titles = [(m.start, m.end) for m in doc.mentions("TITLE")]
        found = recognizer.find(doc.text, titles)
        doc.user_data["person_mentions"] = found
        for p in found:
            doc.entities.append(Mention("PERSON", p.start, p.end, p.name))

    return run


@register_stage("organizations", requires=("text",), provides=("organizations",))
def make_organizations():
    """Named bodies: «وزارت کشور», «شهرداری همدان», «شورای اسلامی شهر تهران»."""
    from .recognizers.organizations import OrganizationRecognizer

    recognizer = OrganizationRecognizer()

    def run(doc: Document) -> None:
        for o in recognizer.find(doc.text):
            doc.entities.append(Mention("ORG", o.start, o.end, o.name))

    return run


@register_stage("facts", requires=("text",), provides=("facts",))
def make_facts():
    """Numeric facts with value, unit, counted noun and comparator."""
    from .recognizers.facts import find_facts, slash_decimals_reversed

    def run(doc: Document) -> None:
        # reversed «2/8» decimals are a trait of old Arabic-lettered archives: judge on the raw text
        for f in find_facts(doc.text, slash_reversed=slash_decimals_reversed(doc.original)):
            doc.facts.append(Fact(f.value, f.unit, f.of, f.cmp, f.start, f.end))
            doc.entities.append(Mention("QUANTITY", f.start, f.end, str(f.value), {"unit": f.unit}))

    return run


@register_stage("statements", requires=("sentences",), provides=("clauses",))
def make_statements():
    """Reporting clauses (trigger, content, subject region); speakers come in ``assemble``."""
    from .events.statements import StatementFinder

    finder = StatementFinder()

    def run(doc: Document) -> None:
        doc.user_data["clauses"] = finder.find(doc.text, doc.sentences, doc.paragraphs)

    return run


@register_stage("meetings", requires=("places",), provides=("meetings",))
def make_meetings():
    """Named gatherings with ordinal, host place and venue; «این نشست» joins the last one."""
    from .events.meetings import MeetingRecognizer

    recognizer = MeetingRecognizer()

    def run(doc: Document) -> None:
        names = [p.name for p in doc.user_data.get("place_mentions", ())]
        for m in recognizer.find(doc.text, names):
            doc.meetings.append(Meeting(m.name, m.start, m.end, m.ordinal, m.place, m.venue, list(m.mentions)))
            doc.entities.append(Mention("EVENT", m.start, m.end, m.name))

    return run


@register_stage("assemble", requires=("persons", "clauses"), provides=("officials", "statements"))
def make_assembler():
    """Officials merged over mentions, statement speakers, deduplicated places and orgs."""
    from .assemble import assemble

    return assemble
