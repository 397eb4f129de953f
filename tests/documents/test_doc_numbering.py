"""统一编号: unique and gap-free per organisation and year, even under concurrent requests."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection

from fazhi.documents import actions
from fazhi.documents.models import NormativeDocument, NumberCounter, Signing, State

THREADS = 8


def signed_documents(people, department, count: int) -> list[NormativeDocument]:
    documents = []
    for index in range(count):
        doc = NormativeDocument.objects.create(
            organisation=department, title=f"并发编号测试文件{index}（示例）", state=State.SIGNED,
            written_date=dt.date(2026, 3, 1),
        )
        Signing.objects.create(document=doc, signed_by=people["leader"], signed_on=dt.date(2026, 3, 1))
        documents.append(doc)
    return documents


@pytest.mark.django_db
def test_numbers_follow_on_per_organisation_and_year(people, department):
    first, second, third = signed_documents(people, department, 3)
    assert actions.do_number(people["disclosure"], first) == "沙科局发〔2026〕1号"
    assert actions.do_number(people["disclosure"], second) == "沙科局发〔2026〕2号"
    assert actions.do_number(people["disclosure"], third, year=2027) == "沙科局发〔2027〕1号"


@pytest.mark.django_db
def test_a_failed_numbering_gives_the_number_back(people, department, monkeypatch):
    first, second = signed_documents(people, department, 2)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(actions, "_move", broken)
    with pytest.raises(RuntimeError):
        actions.do_number(people["disclosure"], first)
    monkeypatch.undo()
    assert actions.do_number(people["disclosure"], second) == "沙科局发〔2026〕1号"


@pytest.mark.django_db(transaction=True)
def test_concurrent_numbering_is_unique_and_gap_free(people, department):
    documents = signed_documents(people, department, THREADS)
    barrier = threading.Barrier(THREADS)
    numbers: list[str] = []
    errors: list[BaseException] = []
    disclosure = people["disclosure"]

    def work(doc: NormativeDocument) -> None:
        try:
            barrier.wait()
            numbers.append(actions.do_number(disclosure, doc))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(doc,)) for doc in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    serials = sorted(int(n.split("〕")[1].rstrip("号")) for n in numbers)
    assert serials == list(range(1, THREADS + 1))
    assert NumberCounter.objects.get(organisation=department, year=2026).last_serial == THREADS
    stored = sorted(NormativeDocument.objects.exclude(doc_number="").values_list("number_serial", flat=True))
    assert stored == list(range(1, THREADS + 1))
