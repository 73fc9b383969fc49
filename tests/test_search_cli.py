"""``corroborate search`` end to end: a small store of articles in en/fr/ar, the real encoder.

The articles are written for this test (fictional events). Each claim has one passage that
answers it; the search must rank that passage first, across languages too.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.domain import Article, article_id_for
from corroborate.index.build import index_new_passages
from corroborate.ingest.passages import split_passages
from corroborate.settings import Settings
from corroborate.store.sqlite import Store

pytestmark = pytest.mark.slow

# (url, outlet, language, published, title, text): fictional news written for this test
ARTICLES = [
    ("https://harbour.example/bridge", "Harbour Times", "en", datetime(2024, 3, 4, 8, tzinfo=UTC),
     "Eastbrook bridge closed",
     "The Eastbrook suspension bridge was closed on Monday after engineers found cracks in two "
     "of its main cables. City officials said repairs would take at least six months and cost "
     "about 40 million dollars. Commuters will have to use the ferry, which is adding crossings "
     "during rush hour. Shop owners near the bridge fear a drop in trade."),
    ("https://health.example/malaria", "Health Wire", "en", datetime(2024, 2, 10, 12, tzinfo=UTC),
     "Malaria vaccine trial",
     "A malaria vaccine trial in the northern region cut infections among young children by 68 "
     "percent over two rainy seasons, researchers reported. The team vaccinated 4,000 children "
     "under five. Side effects were mild, mostly fever and a sore arm."),
    ("https://vin.example/vendanges", "Le Quotidien", "fr", datetime(2023, 8, 28, 6, tzinfo=UTC),
     "Vendanges précoces",
     "Les vendanges ont commencé en Bourgogne avec trois semaines d'avance cette année, à cause "
     "de la chaleur exceptionnelle de l'été. Les viticulteurs s'attendent à une récolte réduite "
     "d'environ 20 %, mais de grande qualité. Les saisonniers ont été appelés en urgence."),
    ("https://quotidien.example/greve", "Le Quotidien", "fr", datetime(2024, 3, 1, 9, tzinfo=UTC),
     "Grève à l'aéroport",
     "La grève des contrôleurs aériens a entraîné l'annulation de plus de mille vols à "
     "l'aéroport de Marseille vendredi. La direction de l'aviation civile a demandé aux "
     "compagnies de réduire leurs programmes de moitié. Les syndicats réclament des embauches."),
    ("https://wire.example/strike", "Wire Daily", "en", datetime(2024, 3, 2, 10, tzinfo=UTC),
     "Marseille flights cancelled",
     "More than a thousand flights were cancelled at Marseille airport on Friday as air traffic "
     "controllers went on strike. Airlines were told to halve their schedules. Unions are "
     "demanding that more controllers be hired."),
    ("https://akhbar.example/water", "Al Akhbar", "ar", datetime(2024, 1, 15, 7, tzinfo=UTC),
     "محطة تحلية جديدة",
     "افتتحت الحكومة محطة جديدة لتحلية مياه البحر في مدينة العقبة يوم الأحد. وستوفر المحطة مياه "
     "الشرب لأكثر من مئتي ألف نسمة. وقال وزير المياه إن المشروع كلف نحو ثلاثمئة مليون دولار."),
    ("https://akhbar.example/football", "Al Akhbar", "ar", datetime(2024, 2, 20, 21, tzinfo=UTC),
     "فوز المنتخب",
     "فاز المنتخب الوطني لكرة القدم على نظيره بثلاثة أهداف مقابل هدف واحد في المباراة النهائية "
     "للبطولة. وسجل المهاجم الشاب هدفين في الشوط الثاني. واحتفل آلاف المشجعين في الشوارع."),
]

# claim -> (URL of the article that answers it, words of the passage that must come first)
CLAIMS = {
    "Cracks in its cables forced the Eastbrook bridge to close": (
        "https://harbour.example/bridge",
        "cracks",
    ),
    "Le vaccin contre le paludisme a réduit les infections des enfants de 68 %": (
        "https://health.example/malaria",
        "68",
    ),
    "The grape harvest in Burgundy started three weeks early because of the heat": (
        "https://vin.example/vendanges",
        "Bourgogne",
    ),
    "تكلفة محطة تحلية المياه في العقبة بلغت ثلاثمئة مليون دولار": (
        "https://akhbar.example/water",
        "ثلاثمئة",
    ),
}
STRIKE = "Air traffic controllers' strike cancels over 1,000 flights in Marseille"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from corroborate.encoder.embed import load_encoder

    data = tmp_path_factory.mktemp("search") / "data"
    settings = Settings.load(env={}, data_dir=data)
    with Store(settings.store_path) as store:
        for url, outlet, lang, published, title, text in ARTICLES:
            aid = article_id_for(url)
            store.add_article(Article(id=aid, url=url, outlet=outlet, title=title, text=text,
                                      language=lang, published=published),
                              split_passages(aid, text, lang, max_sentences=2, min_sentences=1))
        assert index_new_passages(settings, store, load_encoder(settings)) == store.passage_count()
    return data


def run(data_dir: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["search", "--data-dir", str(data_dir), *args],
                              catch_exceptions=False)


def search_json(data_dir: Path, claim: str, *args: str) -> list[dict[str, Any]]:
    result = run(data_dir, claim, "--hits", "--json", *args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["query"] == claim
    return list(payload["hits"])


@pytest.mark.parametrize("claim", list(CLAIMS))
def test_the_answering_passage_comes_first(data_dir: Path, claim: str) -> None:
    url, words = CLAIMS[claim]
    hits = search_json(data_dir, claim, "--top-k", "3")
    assert len(hits) == 3
    first = hits[0]
    assert first["url"] == url and words in first["text"], hits
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert first["score"] >= hits[1]["score"] >= hits[2]["score"]
    assert set(first) >= {"text", "url", "title", "outlet", "language", "published", "score"}


def test_queries_file_answers_each_claim_on_one_json_line(data_dir: Path, tmp_path: Path) -> None:
    queries = tmp_path / "claims.txt"
    queries.write_text("\n".join(CLAIMS) + "\n\n", encoding="utf-8")
    result = run(data_dir, "--queries", str(queries), "--hits", "--top-k", "2")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == list(CLAIMS)
    for line in lines:
        assert len(line["hits"]) == 2
        assert line["hits"][0]["url"] == CLAIMS[line["query"]][0]


def test_filters(data_dir: Path) -> None:
    both = {h["url"] for h in search_json(data_dir, STRIKE, "--top-k", "2")}
    assert both == {"https://quotidien.example/greve", "https://wire.example/strike"}

    only_fr = search_json(data_dir, STRIKE, "--language", "fr", "--top-k", "20")
    assert {h["language"] for h in only_fr} == {"fr"} and only_fr[0]["url"].endswith("/greve")
    with Store(Settings.load(env={}, data_dir=data_dir).store_path) as store:
        n_fr = store.query("SELECT COUNT(*) FROM passages p JOIN articles a ON a.id = p.article_id "
                           "WHERE a.language = 'fr'")[0][0]
    assert len(only_fr) == n_fr  # every French passage, nothing else

    assert search_json(data_dir, STRIKE, "--exclude-outlet", "Le Quotidien")[0]["url"].endswith(
        "/strike"
    )
    assert search_json(data_dir, STRIKE, "--exclude-url", "https://wire.example/strike?utm_source=x")[0]["url"].endswith("/greve")
    outlet = search_json(data_dir, STRIKE, "--outlet", "al akhbar", "--top-k", "50")
    assert outlet and {h["outlet"] for h in outlet} == {"Al Akhbar"}

    window = search_json(
        data_dir, STRIKE, "--since", "2024-02-01", "--until", "2024-03-01", "--top-k", "50"
    )
    days = {h["published"][:10] for h in window}
    assert days and all("2024-02-01" <= d <= "2024-03-01" for d in days)
    assert window[0]["url"].endswith("/greve")  # published 1 March: the whole day counts

    # enough passages match: k results even though most of the index is filtered out
    k = search_json(data_dir, STRIKE, "--language", "en", "--top-k", "5")
    assert len(k) == 5 and {h["language"] for h in k} == {"en"}


def test_plain_output_and_errors(data_dir: Path, tmp_path: Path) -> None:
    result = run(data_dir, "Eastbrook bridge cables", "--hits", "--top-k", "1")
    assert result.exit_code == 0
    assert "Harbour Times [en] 2024-03-04  https://harbour.example/bridge" in result.output
    assert "Eastbrook bridge closed" in result.output

    empty = CliRunner().invoke(main, ["search", "--data-dir", str(tmp_path / "nothing"), "a claim"])
    assert empty.exit_code == 1
    assert "corroborate ingest" in empty.output and "Traceback" not in empty.output
    neither = run(data_dir)
    assert neither.exit_code == 2 and "give either a CLAIM or --queries FILE" in neither.output


def test_the_top_k_setting_decides_when_the_option_is_not_given(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORROBORATE_TOP_K", "4")
    assert len(search_json(data_dir, STRIKE)) == 4
    assert len(search_json(data_dir, STRIKE, "-k", "2")) == 2  # the option still wins
    bad = run(data_dir, STRIKE, "--hits", "--until", "1 March")
    assert bad.exit_code == 1 and bad.output.strip().splitlines() == [
        "Error: --until: '1 March' is not a date: use YYYY-MM-DD or an ISO 8601 datetime such "
        "as 2024-01-03T14:00"]


def test_a_slow_model_load_says_so_in_one_line_on_stderr(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborate.cli import options

    real = options.loading_notice
    # every load here takes longer than 0 seconds; the JSON on stdout stays clean
    monkeypatch.setattr("corroborate.cli.index_cmd.loading_notice", lambda: real(after=0.0))
    result = run(data_dir, "Eastbrook bridge cables", "--hits", "--json", "--top-k", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines() == [options.LOADING_NOTICE]
    assert json.loads(result.stdout)["hits"][0]["url"] == "https://harbour.example/bridge"
    # a load under the threshold says nothing
    monkeypatch.setattr("corroborate.cli.index_cmd.loading_notice", lambda: real(after=600.0))
    quiet = run(data_dir, "Eastbrook bridge cables", "--hits", "--json", "--top-k", "1")
    assert quiet.exit_code == 0 and quiet.stderr == ""
