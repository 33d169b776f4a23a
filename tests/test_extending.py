"""The extension points docs/EXTENDING.md promises: config per stage, spaCy component."""

from __future__ import annotations

from muni_ie import Pipeline, register_stage
from muni_ie.document import Mention

TEXT = "شهردار همدان گفت: ردیف بودجه ۱۲۰ میلیارد ریالی برای مترو در نظر گرفته شد."


def test_a_configured_custom_stage_reaches_the_record_with_original_offsets():
    @register_stage("budget_lines_test", requires=("sentences",), provides=("budget_lines",))
    def make(marker: str = "ردیف"):
        def run(doc):
            for a, b in doc.sentences:
                i = doc.text.find(marker, a, b)
                if i >= 0:
                    doc.entities.append(Mention("BUDGET_LINE", i, i + len(marker), marker))
        return run

    nlp = Pipeline(config={"budget_lines_test": {"marker": "ردیف بودجه"}}).add("budget_lines_test", after="facts")
    rec = nlp(TEXT.replace("ی", "ي")).to_dict()
    [ent] = [e for e in rec["entities"] if e["label"] == "BUDGET_LINE"]
    assert ent["text"] == "رديف بودجه"


def test_spacy_component_sets_entities_and_the_record():
    import spacy

    import muni_ie.spacy_component

    nlp = spacy.blank("fa")
    nlp.add_pipe("muni_ie")
    doc = nlp(TEXT)
    assert doc._.muni_ie["schema"] == "muni_ie/1"
    assert any(e.label_ == "TITLE" and e.text == "شهردار همدان" for e in doc.ents)
    assert doc._.muni_ie == muni_ie.extract(TEXT).to_dict()
