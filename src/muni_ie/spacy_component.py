"""spaCy integration: muni_ie as a pipeline component of a spaCy ``Language``.

muni_ie's own pipeline is spaCy-shaped (named, registered stages over one Doc) but does not
import spaCy, so ``import muni_ie`` stays fast. Importing this module registers the factory
``"muni_ie"``: it runs the muni_ie pipeline on ``doc.text`` and writes its entities as
``doc.ents`` (character spans snapped to spaCy tokens) and the full record to ``doc._.muni_ie``::

    import spacy, muni_ie.spacy_component  # noqa: F401
    nlp = spacy.blank("fa")
    nlp.add_pipe("muni_ie")
    doc = nlp("شهردار همدان گفت: ...")
    [(e.text, e.label_) for e in doc.ents]
"""

# no «from __future__ import annotations»: spaCy validates factory signatures at run time
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .pipeline import Pipeline

if not Doc.has_extension("muni_ie"):
    Doc.set_extension("muni_ie", default=None)


class MuniIEComponent:
    def __init__(self, stages: list[str] | None = None) -> None:
        self.pipeline = Pipeline(stages) if stages else Pipeline()

    def __call__(self, doc: Doc) -> Doc:
        record = self.pipeline(doc.text).to_dict()
        spans = []
        for e in record["entities"]:
            span = doc.char_span(e["start"], e["end"], label=e["label"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        doc._.muni_ie = record
        return doc


@Language.factory("muni_ie", default_config={"stages": None})
def make_muni_ie(nlp: Language, name: str, stages: Optional[list[str]]) -> "MuniIEComponent":  # noqa: UP045
    return MuniIEComponent(stages)
