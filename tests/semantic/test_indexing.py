"""Publishing embeds a page's passages in a background task; unpublishing or deleting removes
them; semantic search sees each change on its next query."""

from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from policyshare.semantic import embedder
from policyshare.semantic.models import Passage
from policyshare.semantic.search import semantic_search
from tests.factories import make_city, make_policy, make_sector

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

LEZ_BACKGROUND = (
    "<p>배출가스 5등급 차량은 평일 오전 6시부터 오후 9시까지 녹색교통지역 안에서 운행할 수 "
    "없습니다. 저공해 조치를 하지 않은 노후 경유차가 단속카메라에 찍히면 하루 10만원의 과태료를 "
    "냅니다.</p>"
)


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run a publishing action and then what it queued once committed (the embedding task)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def lez_policy(publish):
    return publish(
        make_policy,
        code="ko",
        title="5등급 차량 운행제한",
        background=LEZ_BACKGROUND,
        approach=[("paragraph", "<p>매연저감장치를 달거나 조기 폐차하면 보조금을 받습니다.</p>")],
    )


def other_pages(publish):
    """Pages on other topics in both languages, so that a match has to stand out."""
    welfare = make_sector(name="복지", slug="welfare")
    for title, text in [
        ("청년 월세 지원", "무주택 청년에게 월세를 매달 20만원씩 지원합니다."),
        ("공공도서관 확충", "동네마다 작은도서관을 열고 심야까지 문을 엽니다."),
        ("치매안심센터", "조기 검진과 인지 훈련을 무료로 제공합니다."),
    ]:
        publish(
            make_policy,
            code="ko",
            title=title,
            background=f"<p>{text}</p>",
            approach=[("paragraph", f"<p>{title} 사업은 자치구와 함께 합니다.</p>")],
            sector=welfare,
        )
    for title, summary in [
        ("Nairobi", "Capital of Kenya, a partner city for water management."),
        ("Lisbon", "A partner city sharing its tram modernisation."),
        ("Bogotá", "A partner city known for its bus rapid transit."),
    ]:
        publish(make_city, code="en", title=title, summary=summary)


def test_publishing_stores_the_passages_and_vectors(publish):
    page = lez_policy(publish)
    passages = list(Passage.objects.filter(page=page))
    assert passages, "publishing queued no embedding"
    assert {p.language for p in passages} == {"ko"}
    assert [p.ordinal for p in passages] == list(range(len(passages)))
    assert all(p.text.startswith("5등급 차량 운행제한\n") for p in passages)
    assert any("녹색교통지역" in p.text for p in passages)
    vector = embedder.from_bytes(passages[0].vector)
    assert vector.shape == (embedder.DIMENSIONS,)
    assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-3)


def test_an_english_query_finds_the_korean_only_page(publish):
    other_pages(publish)
    page = lez_policy(publish)
    ranked = [page_id for page_id, _ in semantic_search("low emission zone diesel")]
    korean = set(Passage.objects.filter(language="ko").values_list("page_id", flat=True))
    assert ranked.index(page.pk) < 3
    assert [page_id for page_id in ranked if page_id in korean][0] == page.pk


def test_unpublishing_removes_the_page_from_semantic_search(publish):
    other_pages(publish)
    page = lez_policy(publish)
    assert page.pk in dict(semantic_search("low emission zone diesel"))
    publish(page.unpublish)
    assert not Passage.objects.filter(page=page).exists()
    assert page.pk not in dict(semantic_search("low emission zone diesel"))


def test_deleting_removes_the_page_from_semantic_search(publish):
    other_pages(publish)
    page = lez_policy(publish)
    page_id = page.pk
    assert page_id in dict(semantic_search("low emission zone diesel"))
    publish(page.delete)
    assert not Passage.objects.filter(page_id=page_id).exists()
    assert page_id not in dict(semantic_search("low emission zone diesel"))


def test_republishing_unchanged_text_runs_no_model(publish, monkeypatch):
    page = lez_policy(publish)
    before = list(Passage.objects.filter(page=page).values_list("pk", flat=True))
    calls = []
    monkeypatch.setattr(embedder, "encode_passages", lambda texts: calls.append(texts))
    publish(page.save_revision().publish)
    assert calls == []
    assert list(Passage.objects.filter(page=page).values_list("pk", flat=True)) == before


def test_an_edit_replaces_the_passages(publish):
    page = lez_policy(publish)
    page.background = "<p>노후 경유차 조기폐차 보조금을 늘립니다.</p>"
    publish(page.save_revision().publish)
    texts = " ".join(Passage.objects.filter(page=page).values_list("text", flat=True))
    assert "조기폐차 보조금" in texts
    assert "단속카메라" not in texts


def test_the_embed_command_fills_and_then_reuses_the_cache(publish):
    page = make_city(code="en", title="Nairobi", summary="Capital of Kenya.")  # not embedded
    assert not Passage.objects.filter(page=page).exists()
    first = call_output(workers=1)
    assert Passage.objects.filter(page=page).exists()
    assert " embedded (" in first and "passages/s" in first
    second = call_output(workers=1)
    assert "0 embedded" in second


def test_the_embed_command_runs_on_two_worker_processes(publish):
    make_city(code="en", title="Nairobi", summary="Capital of Kenya.")
    make_city(code="en", title="Lisbon", summary="Trams and hills.")
    output = call_output(workers=2, batch_size=1)
    assert "0 from the cache" in output
    assert set(Passage.objects.values_list("page__title", flat=True)) == {"Nairobi", "Lisbon"}


def call_output(**options):
    out = StringIO()
    call_command("embed", stdout=out, **options)
    return out.getvalue()


@pytest.mark.parametrize(
    "query",
    ["", "   ", "🚲🚌", "\x00\x07\x1b[31m", "a" * 5000, '"*():^-+ NEAR OR', "\ud800 녹색 zone"],
)
def test_odd_queries_give_a_normal_answer(publish, query):
    publish(make_city, code="en", title="Nairobi", summary="Capital of Kenya.")
    results = semantic_search(query)
    assert isinstance(results, list)
    assert bool(results) == bool(query.strip())
