"""Chinese substring search on both databases: exact for 2 characters and more."""

from __future__ import annotations

import pytest

from fazhi.documents import services
from fazhi.documents.models import NormativeDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_draft):
    a = make_draft(title="科技创新券管理办法（示例）", text="第一条 违反本办法的，依法处以罚款。\n第二条 申请材料须经审核。")
    b = make_draft(title="科普基地认定办法（示例）", text="第一条 科普基地由区科技局认定。\n第二条 \"引号\"与'撇号'。")
    return a, b


def found(query: str) -> set[str]:
    return set(services.search(NormativeDocument.objects.all(), query).values_list("title", flat=True))


def test_two_character_queries_are_exact(corpus):
    a, b = corpus
    assert found("罚款") == {a.title}
    assert found("审核") == {a.title}
    assert found("科普") == {b.title}
    assert found("款罚") == set()


def test_longer_queries_and_edge_cases(corpus):
    a, b = corpus
    assert found("依法处以罚款") == {a.title}
    assert found("科技") == {a.title, b.title}
    assert found("创新券") == {a.title}
    assert found("处以 罚款") in (set(), {a.title})  # spaces: no error, either reading is fine
    assert found('"引号"') == {b.title} or found('"引号"') == set()
    assert found("") == {a.title, b.title}
    assert found("%") == set() and found("_") == set()
    assert found("科") >= {b.title}  # one character: at least the titles


def test_search_follows_new_versions(corpus, people):
    from fazhi.documents import actions

    a, _ = corpus
    actions.do_add_version(people["drafter"], a, text="第一条 全新的文本，不再有那个词。")
    assert found("罚款") == set()
    assert found("全新的文本") == {a.title}


def test_search_page_window_gives_the_same_pages(department, monkeypatch):
    import datetime as dt

    monkeypatch.setattr(services, "SEARCH_WINDOW", 8)
    monkeypatch.setattr(services, "SEARCH_PROBE", 3)
    for n in range(30):
        doc = NormativeDocument.objects.create(
            organisation=department, title=f"第{n}号文件（示例）", published_date=dt.date(2020, 1, 1) + dt.timedelta(days=n),
        )
        services.reindex(doc, "常见词语出现在这里。" + ("稀有词语" if n % 7 == 0 else ""))
    ordered = NormativeDocument.objects.order_by("-published_date", "-pk")
    for query in ("常见词语", "稀有词语", "常见", "稀有", "没有的词"):
        expected = list(services.search(ordered, query))
        for start in (0, 1, 5):
            assert services.search_page(ordered, query, start, start + 2) == expected[start : start + 2], query
