from __future__ import annotations

import pytest
import spacy

from claimgraph.eval.geoparse import corpus_metrics, evaluate, geowebnews, lgl, predict_toponyms
from claimgraph.resolve.gazetteer import Gazetteer
from tests.resolve.conftest import DEMONYMS, PLACES

# Two tiny corpora in the published formats, written for these tests.
GWN_TEXT = "Fighting near Sudzha spread to Kyiv, officials said."
LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[The fair in Paris drew visitors from Henry County and Xyzzy Hollow.]]></text>
    <toponyms>
      <toponym><start>12</start><end>17</end><phrase>Paris</phrase>
        <gaztag geonameid="4646571"><lat>36.302</lat><lon>-88.3267</lon></gaztag></toponym>
      <toponym><start>37</start><end>49</end><phrase>Henry County</phrase>
        <gaztag geonameid="4626334"><lat>36.33</lat><lon>-88.32</lon></gaztag></toponym>
      <toponym><start>54</start><end>66</end><phrase>Xyzzy Hollow</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture()
def data_dir(tmp_path):
    gwn = tmp_path / "geoparsing" / "geowebnews"
    (gwn / "files").mkdir(parents=True)
    (gwn / "files" / "0.txt").write_text(GWN_TEXT, encoding="utf-8")
    sudzha, kyiv = GWN_TEXT.index("Sudzha"), GWN_TEXT.index("Kyiv")
    (gwn / "gold.txt").write_text(
        f"Sudzha,,Sudzha,,51.19,,35.27,,{sudzha},,{sudzha + 6}||Kiev,,Kyiv,,50.45,,30.52,,{kyiv},,{kyiv + 4}\n",
        encoding="utf-8")
    (tmp_path / "geoparsing" / "lgl").mkdir()
    (tmp_path / "geoparsing" / "lgl" / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    return tmp_path


@pytest.fixture()
def gazetteer(tmp_path):
    gazetteer = Gazetteer(tmp_path / "g.sqlite", sources=PLACES, demonyms=DEMONYMS)
    yield gazetteer
    gazetteer.close()


def test_geoparse_reads_geowebnews(data_dir):
    [document] = geowebnews(data_dir / "geoparsing" / "geowebnews")
    assert [document.text[s:e] for s, e in (t.span for t in document.toponyms)] == ["Sudzha", "Kyiv"]
    assert document.toponyms[1].lat == 50.45


def test_geoparse_reads_lgl_with_and_without_coordinates(data_dir):
    [document] = lgl(data_dir / "geoparsing" / "lgl" / "lgl.xml")
    assert [t.text for t in document.toponyms] == ["Paris", "Henry County", "Xyzzy Hollow"]
    assert document.toponyms[2].lat is None


def test_geoparse_metrics_on_small_corpora(data_dir, gazetteer):
    blank = spacy.blank("en")  # no NER: toponyms come from gazetteer matching only
    gwn = {m.name: m.value for m in corpus_metrics(
        "gwn", geowebnews(data_dir / "geoparsing" / "geowebnews"), blank, gazetteer)}
    assert gwn["geoparse.gwn.toponym.recall"] == 1.0 and gwn["geoparse.gwn.toponym.precision"] == 1.0
    assert gwn["geoparse.gwn.resolution.gold_spans.acc161"] == 1.0
    assert gwn["geoparse.gwn.resolution.gold_spans.median_km"] < 5
    lgl_metrics = {m.name: m.value for m in corpus_metrics(
        "lgl", lgl(data_dir / "geoparsing" / "lgl" / "lgl.xml"), blank, gazetteer)}
    # found: Paris (after "in") and Henry County; missed: Xyzzy Hollow
    assert lgl_metrics["geoparse.lgl.toponym.recall"] == pytest.approx(2 / 3)
    assert lgl_metrics["geoparse.lgl.resolution.gold_spans.acc161"] == 1.0
    assert lgl_metrics["geoparse.lgl.resolution.e2e.acc161"] == 1.0


def one_article_corpus(folder, text: str, *gold: tuple[str, str, float, float]):
    """A GeoWebNews folder of one article, its gold toponyms given as (name, words in the text,
    lat, lon)."""
    gwn = folder / "gwn"
    (gwn / "files").mkdir(parents=True)
    (gwn / "files" / "0.txt").write_text(text, encoding="utf-8")
    entries = []
    for name, words, lat, lon in gold:
        start = text.index(words)
        entries.append(f"{name},,{words},,{lat},,{lon},,{start},,{start + len(words)}")
    (gwn / "gold.txt").write_text("||".join(entries) + "\n", encoding="utf-8")
    return gwn


def test_geoparse_end_to_end_over_all_gold_counts_a_toponym_not_found(tmp_path, gazetteer):
    text = "Fighting near Sudzha reached Xyzzyville."
    gwn = one_article_corpus(tmp_path, text, ("Sudzha", "Sudzha", 51.19, 35.27), ("Xyzzyville", "Xyzzyville", 50.0, 30.0))
    metrics = {m.name: m.value for m in corpus_metrics("gwn", geowebnews(gwn), spacy.blank("en"), gazetteer)}
    assert metrics["geoparse.gwn.resolution.e2e.acc161"] == 1.0  # what was found is right
    assert metrics["geoparse.gwn.resolution.e2e.all_gold.acc161"] == 0.5  # one of two gold places found


def test_geoparse_unresolved_gold_counts_as_worst_error(data_dir, tmp_path):
    empty = Gazetteer(tmp_path / "empty.sqlite", sources=[], demonyms=[])
    metrics = {m.name: m.value for m in corpus_metrics(
        "gwn", geowebnews(data_dir / "geoparsing" / "geowebnews"), spacy.blank("en"), empty)}
    assert metrics["geoparse.gwn.resolution.gold_spans.acc161"] == 0.0
    assert metrics["geoparse.gwn.resolution.gold_spans.mean_km"] == pytest.approx(20038.0)
    empty.close()


@pytest.mark.slow
@pytest.mark.evaldata
def test_geoparse_evaluate_shared_data_floor():
    from tests.conftest import EVAL_DATA

    if not (EVAL_DATA / "geoparsing").exists():
        pytest.skip("shared eval data not present")
    metrics = {m.name: m.value for m in evaluate(EVAL_DATA)}
    # floors a little under the measured figures (see the resolve report); raising them is fine,
    # lowering them is a reviewed decision
    assert metrics["geoparse.geowebnews.resolution.gold_spans.acc161"] >= 0.87
    assert metrics["geoparse.lgl.resolution.gold_spans.acc161"] >= 0.85
    assert metrics["geoparse.geowebnews.toponym.f1"] >= 0.80
    assert metrics["geoparse.lgl.toponym.f1"] >= 0.77


def test_geoparse_people_demonyms_follow_the_corpus_convention(gazetteer):
    text = "Ukrainian officials said Ukrainians fled to Kyiv."
    with_people = predict_toponyms(text, spacy.blank("en"), gazetteer)
    without = predict_toponyms(text, spacy.blank("en"), gazetteer, people=False)
    assert [p.text for p in with_people] == ["Ukrainian", "Ukrainians", "Kyiv"]
    assert [p.text for p in without] == ["Ukrainian", "Kyiv"]


def test_geoparse_a_place_inside_an_outlets_name_counts_as_found(tmp_path, gazetteer):
    text = "The Kyiv Independent reported fighting near Sudzha."
    gwn = one_article_corpus(tmp_path, text, ("Kiev", "Kyiv", 50.45, 30.52), ("Sudzha", "Sudzha", 51.19, 35.27))
    metrics = {m.name: m.value for m in corpus_metrics("gwn", geowebnews(gwn), spacy.blank("en"), gazetteer)}
    assert metrics["geoparse.gwn.resolution.e2e.all_gold.acc161"] == 1.0
