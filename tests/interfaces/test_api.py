"""The HTTP API in-process (TestClient) over the sample ledger in a temporary SQLite file."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st

from claimgraph.interfaces.api import STATIC_DIR, create_app
from claimgraph.resolve.gazetteer import Gazetteer, PlaceRow
from claimgraph.settings import Settings
from tests.conftest import postgres_schema_url
from tests.interfaces import ledger
from tests.strategies import api_values

TOKEN = "test-token-1234"


@pytest.fixture(scope="module")
def client(sample_store):
    return TestClient(create_app(sample_store, Settings.load(api_token="")))


@pytest.fixture
def uploads():
    return []


@pytest.fixture
def writer(fresh_store, uploads):
    def ingest(documents):
        uploads.extend(documents)
        return {"documents_added": len(documents)}

    return TestClient(create_app(fresh_store, Settings.load(api_token=TOKEN), ingest=ingest))


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(item["id"] for item in response.json()["items"])


def sample_doc_id(index: int) -> str:
    return ledger.documents()[index][0].id


def test_api_documents_list_with_total(client):
    in_order = [d["id"] for d in client.get("/api/documents").json()["items"]]
    body = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert (body["total"], body["limit"], body["offset"]) == (4, 2, 1)
    assert [d["id"] for d in body["items"]] == in_order[1:3]


def test_api_documents_full_text(client):
    body = client.get("/api/documents", params={"q": "satellite"}).json()
    assert [d["outlet"] for d in body["items"]] == ["Harbour Times"]


def test_api_document_by_id(client):
    doc_id = sample_doc_id(0)
    body = client.get(f"/api/documents/{doc_id}").json()
    assert body["outlet"] == "Northern Courier" and body["text"] == ledger.TEXT_A


@pytest.mark.parametrize("params, expected", [
    ({"status": "denied"}, 1),
    ({"event_type": "prisoners"}, 1),
    ({"source": "Ministry of Defence of Russia"}, 1),
    ({"source": "moscow"}, 1),
    ({"side": "Russia"}, 3),
    ({"date_from": "2024-08-09"}, 4),
    ({"date_to": "2024-08-07"}, 2),
    ({"date_from": "2024-08-08", "date_to": "2024-08-08"}, 1),
    ({"bbox": "35,51,36,51.3"}, 3),
    ({"q": "bridge"}, 1),
    ({"event_id": "e-station"}, 3),
    ({"status": "reported", "side": "Ukraine"}, 2),
    ({}, 7),
])
def test_api_claims_filters(client, params, expected):
    body = client.get("/api/claims", params=params).json()
    assert body["total"] == expected
    assert len(body["items"]) == expected


def test_api_claims_by_document(client):
    doc_id = sample_doc_id(1)
    assert ids(client.get("/api/claims", params={"document_id": doc_id})) == [f"{doc_id}:0", f"{doc_id}:1"]


def test_api_claims_context_gives_sentence_and_document(client):
    item = client.get("/api/claims", params={"status": "denied", "context": "true"}).json()["items"][0]
    assert item["context"]["sentence"] == "Moscow denied that the station had been lost."
    start = item["context"]["sentence_start"]
    chain_start, chain_end = item["source_chain"][0]["span"]
    assert item["context"]["sentence"][chain_start - start:chain_end - start] == "Moscow"
    assert item["context"]["document"]["outlet"] == "Steppe Monitor"
    assert "text" not in item["context"]["document"]


def test_api_claim_by_id(client):
    claim_id = f"{sample_doc_id(2)}:1"
    body = client.get(f"/api/claims/{claim_id}", params={"context": "true"}).json()
    assert body["quantities"][0]["min"] == 12
    assert body["context"]["sentence"].startswith("The General Staff said")


@pytest.mark.parametrize("params, expected", [
    ({"status": "disputed"}, ["e-station"]),
    ({"event_type": "strike"}, ["e-bridge"]),
    ({"side": "neutral"}, ["e-evacuation"]),
    ({"source": "Governor of Kursk Oblast"}, ["e-evacuation"]),
    ({"date_from": "2024-08-09", "date_to": "2024-08-09"}, ["e-station"]),
    ({"bbox": "34.5,51.3,34.7,51.4"}, ["e-bridge"]),
    ({"q": "evacuated"}, ["e-evacuation"]),
    ({}, ["e-bridge", "e-evacuation", "e-prisoners", "e-station"]),
])
def test_api_events_filters(client, params, expected):
    response = client.get("/api/events", params=params)
    assert ids(response) == expected
    assert response.json()["total"] == len(expected)


def test_api_events_newest_first_by_latest_report(client):
    # e-bridge and e-prisoners share both dates: their ids decide
    def in_order(order: str) -> list[str]:
        return [e["id"] for e in client.get("/api/events", params={"order": order}).json()["items"]]

    assert in_order("newest") == ["e-bridge", "e-prisoners", "e-station", "e-evacuation"]
    assert in_order("oldest") == ["e-evacuation", "e-station", "e-bridge", "e-prisoners"]
    assert client.get("/api/events", params={"order": "random"}).status_code == 422


STORIES = {"e-station": "s-incursion", "e-bridge": "s-incursion", "e-evacuation": "s-evacuation"}


@pytest.fixture
def story_client(fresh_store):
    """The sample ledger with stories: the station and the bridge in one, the evacuation in another."""
    stories = [e.model_copy(update={"story_id": STORIES.get(e.id)}) for e in fresh_store.all_events()]
    fresh_store.save_events(stories)
    return TestClient(create_app(fresh_store, Settings.load(api_token="")))


def test_api_stories_most_recent_first_with_their_best_backed_event_as_title(story_client):
    body = story_client.get("/api/stories").json()
    assert body["total"] == 2 and [s["id"] for s in body["items"]] == ["s-incursion", "s-evacuation"]
    incursion = body["items"][0]
    assert incursion["events"] == 2 and incursion["statuses"] == {"disputed": 1, "confirmed": 1}
    assert incursion["title"].startswith("Ukrainian forces captured the Sudzha gas metering station")
    assert (incursion["first_seen"], incursion["last_seen"]) == ("2024-08-08", "2024-08-10")
    assert story_client.get("/api/stories/s-evacuation").json()["events"] == 1
    assert story_client.get("/api/stories/nothing").status_code == 404
    assert story_client.get("/api/stats").json()["stories"] == 2


def test_api_events_of_one_story(story_client):
    response = story_client.get("/api/events", params={"story_id": "s-incursion"})
    assert ids(response) == ["e-bridge", "e-station"]


def test_api_towns_most_populous_in_the_box(sample_store, tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    Gazetteer(path, sources=[
        PlaceRow(538560, "Kursk", 51.73, 36.19, "RU", "RU.41", "PPL", 448_733, ()),
        PlaceRow(486816, "Sudzha", 51.19, 35.27, "RU", "RU.41", "PPL", 6_940, ()),
        PlaceRow(538555, "Kursk Oblast", 51.68, 36.1, "RU", "RU.41", "ADM1", 800_000, ()),
        PlaceRow(703448, "Kyiv", 50.45, 30.52, "UA", "UA.12", "PPLC", 2_952_301, ()),
    ], demonyms=[]).build()
    towns = TestClient(create_app(sample_store, Settings.load(gazetteer=str(path))))
    response = towns.get("/api/towns", params={"bbox": "34,50,37,52.5", "limit": 10})
    assert response.json() == [
        {"name": "Kursk", "lat": 51.73, "lon": 36.19, "country": "RU", "population": 448733},
        {"name": "Sudzha", "lat": 51.19, "lon": 35.27, "country": "RU", "population": 6940},
    ]
    assert [t["name"] for t in towns.get("/api/towns", params={"bbox": "-180,-90,180,90", "limit": 1}).json()] == ["Kyiv"]
    assert towns.get("/api/towns", params={"bbox": "36,50,34,52"}).status_code == 422
    assert towns.get("/api/towns").status_code == 422


def test_api_event_by_id(client):
    body = client.get("/api/events/e-station").json()
    assert body["status"] == "disputed" and [h["status"] for h in body["history"]][-1] == "disputed"


def test_api_pagination_limit_offset(client):
    in_order = [e["id"] for e in client.get("/api/events").json()["items"]]
    body = client.get("/api/events", params={"limit": 2, "offset": 1}).json()
    assert (body["total"], body["limit"], body["offset"]) == (4, 2, 1)
    assert [e["id"] for e in body["items"]] == in_order[1:3]


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": 0}, {"offset": -1}, {"limit": "many"}])
def test_api_pagination_bounds_are_422(client, params):
    assert client.get("/api/claims", params=params).status_code == 422


@pytest.mark.parametrize("path, params, words", [
    ("/api/claims", {"status": "rumoured"}, "status"),
    ("/api/events", {"status": "reported"}, "status"),
    ("/api/claims", {"event_type": "battle"}, "event_type"),
    ("/api/events", {"side": "Mars"}, "side"),
    ("/api/claims", {"date_from": "yesterday"}, "ISO date"),
    ("/api/events", {"date_from": "2024-08-10", "date_to": "2024-08-01"}, "after"),
    ("/api/claims", {"bbox": "1,2,3"}, "bbox"),
    ("/api/events", {"bbox": "a,b,c,d"}, "bbox"),
    ("/api/claims", {"bbox": "10,80,5,90"}, "bbox"),
    ("/api/claims", {"q": "!!!"}, "word"),
    ("/api/documents", {"q": "***"}, "word"),
    ("/api/report", {"since": "last week"}, "ISO date"),
])
def test_api_bad_filter_values_are_422_with_message(client, path, params, words):
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert words in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/documents/0000", "/api/claims/nope:1", "/api/events/e-none",
                                  "/api/sources/Nobody At All"])
def test_api_unknown_ids_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "no " in response.json()["detail"]


def test_api_sources_list_and_by_name(client):
    body = client.get("/api/sources").json()
    assert body["total"] == len(body["items"]) == 6
    source = client.get("/api/sources/Ministry of Defence of Russia").json()
    assert source["claims"] == 1 and source["names"] == ["Moscow"]


def test_api_stats(client):
    body = client.get("/api/stats").json()
    assert body["documents"] == 4 and body["events"]["disputed"] == 1 and body["claims"]["hedged"] == 1


def test_api_report_in_both_formats(client):
    markdown = client.get("/api/report", params={"fmt": "md", "place": "Sudzha"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "Ukrainian forces captured the gas metering station near Sudzha" in markdown.text
    assert "Glushkovo" not in markdown.text
    html = client.get("/api/report", params={"since": "2024-08-10"})
    assert html.headers["content-type"].startswith("text/html")
    assert "Glushkovo" in html.text and "residents had been evacuated" not in html.text
    assert client.get("/api/report", params={"fmt": "pdf"}).status_code == 422


@pytest.mark.parametrize("path", ["/", "/docs", "/api/stats", "/api/events/e-none", "/static/style.css", "/missing",
                                  "/api/report"])
def test_api_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_api_page_has_no_inline_script_or_handlers():
    for path in STATIC_DIR.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert not re.search(r"\son\w+\s*=", html), path
        assert "style=" not in html, path
    for path in STATIC_DIR.rglob("*.js"):  # our code; static/vendor holds libraries as npm ships them
        if "vendor" not in path.relative_to(STATIC_DIR).parts:
            assert "innerHTML" not in path.read_text(encoding="utf-8"), path


def test_api_index_page_served(client):
    response = client.get("/")
    assert response.status_code == 200 and '<script type="module" src="/static/js/main.js">' in response.text


def test_api_readme_gives_the_schema_path_the_api_serves(client):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    served = client.app.openapi_url
    assert client.get(served).status_code == 200
    assert re.findall(r"`(/[\w/]*openapi\.json)`", readme) == [served]


def test_api_openapi_lists_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/claims", "/api/claims/{claim_id}",
                 "/api/events", "/api/events/{event_id}", "/api/sources", "/api/sources/{canonical}",
                 "/api/stats", "/api/report", "/api/events/{event_id}/assessment"):
        assert path in paths


@pytest.mark.parametrize("method, path, body", [
    ("post", "/api/documents", {"text": "Something happened."}),
    ("post", "/api/events/e-station/assessment", {"status": "confirmed", "note": "checked"}),
])
def test_api_writes_forbidden_without_a_configured_token(client, method, path, body):
    response = client.request(method, path, json=body, headers=bearer())
    assert response.status_code == 403


@pytest.mark.parametrize("headers", [{}, bearer("wrong-token"), {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_api_writes_need_the_bearer_token(writer, headers):
    response = writer.post("/api/events/e-station/assessment", json={"status": "confirmed"}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_assessment_is_stored(writer):
    response = writer.post("/api/events/e-bridge/assessment", json={"status": "confirmed", "note": "geolocated"},
                           headers=bearer())
    assert response.status_code == 200
    assert writer.get("/api/events/e-bridge").json()["assessment"] == {"status": "confirmed", "note": "geolocated"}


@pytest.mark.parametrize("path, body, code", [
    ("/api/events/e-bridge/assessment", {"status": "true"}, 422),
    ("/api/events/e-bridge/assessment", {"note": "no status"}, 422),
    ("/api/events/e-none/assessment", {"status": "claimed"}, 404),
    ("/api/documents", {"text": ""}, 422),
    ("/api/documents", {"url": "https://example.org/only-a-url"}, 422),
])
def test_api_bad_writes_are_rejected(writer, path, body, code):
    assert writer.post(path, json=body, headers=bearer()).status_code == code


def test_api_upload_hands_the_document_to_ingest(writer, uploads):
    body = {"text": "The council said the school reopened.", "url": "https://example.org/school",
            "published": "2024-08-12", "outlet": "Town Crier"}
    response = writer.post("/api/documents", json=body, headers=bearer())
    assert response.status_code == 201
    assert response.json()["report"] == {"documents_added": 1}
    [document] = uploads
    assert document.id == response.json()["document_id"] and document.outlet == "Town Crier"


def test_api_upload_is_read_like_a_file(writer, uploads):
    body = {"text": "date 2024-08-13 Report by Lena Ortiz\n\nThe council said the bridge reopened.",
            "outlet": "Town Crier"}
    assert writer.post("/api/documents", json=body, headers=bearer()).status_code == 201
    [document] = uploads
    assert (document.published, document.author, document.outlet) == ("2024-08-13", "Lena Ortiz", "Town Crier")
    assert document.text == "The council said the bridge reopened." and document.language == "en"


def test_api_upload_of_unreadable_text_is_422(writer):
    response = writer.post("/api/documents", json={"text": "   \n  "}, headers=bearer())
    assert response.status_code == 422


def test_api_upload_without_pipeline_is_501(fresh_store):
    app = create_app(fresh_store, Settings.load(api_token=TOKEN))
    response = TestClient(app).post("/api/documents", json={"text": "Words."}, headers=bearer())
    assert response.status_code == 501


def test_api_cache_is_emptied_by_a_write(writer):
    assert writer.get("/api/events/e-bridge").json()["assessment"] is None
    writer.post("/api/events/e-bridge/assessment", json={"status": "disputed"}, headers=bearer())
    assert writer.get("/api/events/e-bridge").json()["assessment"] == {"status": "disputed", "note": ""}


def test_api_cache_shows_other_writers_after_it_expires(fresh_store):
    client = TestClient(create_app(fresh_store, Settings.load(), cache_seconds=0.3))
    assert client.get("/api/stats").json()["documents"] == 4
    doc = ledger.document("Another fictional dispatch about a quiet day.", published="2024-08-12")
    fresh_store.add_document(doc, [])
    assert client.get("/api/stats").json()["documents"] == 4
    time.sleep(0.4)
    assert client.get("/api/stats").json()["documents"] == 5


@pytest.fixture
def restored_garbage_collector():
    # serving_app freezes the objects made so far and changes the collection thresholds
    import gc

    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_api_server_process_calms_the_garbage_collector(tmp_path, monkeypatch, restored_garbage_collector):
    # A served process freezes its start-up objects and collects the young generation less
    # often: full collections in mid-request were the API's latency tail (bench/api_load.py).
    import gc

    from claimgraph.interfaces.api import GC_YOUNG_THRESHOLD, app_from_environment

    monkeypatch.setenv("CLAIMGRAPH_DB", f"sqlite:///{tmp_path / 'served.db'}")
    app_from_environment()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD


def test_api_served_app_takes_its_settings_as_given(tmp_path, monkeypatch, restored_garbage_collector):
    from claimgraph.interfaces.api import serving_app

    monkeypatch.delenv("CLAIMGRAPH_API_TOKEN", raising=False)
    settings = Settings.load(db=f"sqlite:///{tmp_path / 'served.db'}", api_token=TOKEN)
    served = TestClient(serving_app(settings))
    response = served.post("/api/events/e-none/assessment", json={"status": "confirmed"}, headers=bearer())
    assert response.status_code == 404  # the token was taken: without it writes answer 403


@pytest.mark.parametrize("path", ["/api/documents", "/api/claims", "/api/events", "/api/sources"])
@pytest.mark.parametrize("offset", ["9223372036854775808", str(10**40)])
def test_api_huge_offset_is_422(client, path, offset):
    response = client.get(path, params={"offset": offset})
    assert response.status_code == 422 and "offset" in response.text


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_backend_client(request, tmp_path_factory):
    """The API over the sample ledger on each database (built once: Hypothesis calls the test
    many times)."""
    from claimgraph.store import Store

    urls = postgres_schema_url() if request.param == "postgres" else sqlite_url(tmp_path_factory)
    with Store(next(urls)) as store:
        ledger.fill(store)
        yield TestClient(create_app(store, Settings.load(api_token=""), cache_seconds=0))
    urls.close()


def sqlite_url(tmp_path_factory):
    yield f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'any.db'}"


@examples(suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(["/api/documents", "/api/claims", "/api/events", "/api/sources"]), values=api_values())
def test_api_any_query_answers_200_or_422(any_backend_client, path, values):
    response = any_backend_client.get(path, params=values)
    assert response.status_code in (200, 422), (response.status_code, response.text[:300])
    body = response.json()
    assert ("items" in body) if response.status_code == 200 else body["detail"]


@pytest.mark.parametrize("path, params", [("/api/claims", {"source": "a\x00b"}), ("/api/events", {"event_id": "\x00"}),
                                          ("/api/documents/a%00b", {}), ("/api/sources/a%00", {})])
def test_api_nul_in_a_parameter_is_422_on_every_database(any_backend_client, path, params):
    response = any_backend_client.get(path, params=params)
    assert response.status_code in (404, 422) if "%00" in path else response.status_code == 422


def test_api_a_request_reads_the_ledger_through_one_connection(sample_store, client):
    from sqlalchemy import event

    taken = []
    listener = lambda *_: taken.append(1)  # noqa: E731
    event.listen(sample_store.engine.pool, "checkout", listener)
    try:
        assert client.get("/api/claims", params={"context": "true", "status": "reported"}).status_code == 200
        assert client.get("/api/events", params={"q": "bridge"}).status_code == 200
    finally:
        event.remove(sample_store.engine.pool, "checkout", listener)
    assert len(taken) == 2
