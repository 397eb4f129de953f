"""清理: the reverse index finds the documents a law change affects; campaigns and results."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.utils import timezone

from fazhi.core.catalog import Catalog, default_catalog
from fazhi.core.catalog.models import STATUS_ABOLISHED
from fazhi.documents import actions, cleanup
from fazhi.documents.models import CampaignKind, CleanupItem, State, VersionCitation

pytestmark = pytest.mark.django_db

CONTRACT_TEXT = "第一条 根据《中华人民共和国合同法》第五十二条，制定本办法。\n第二条 本办法自公布之日起施行。"
OTHER_TEXT = "第一条 根据《中华人民共和国科学技术进步法》，制定本办法。\n第二条 本办法自公布之日起施行。"


def catalog_before_the_civil_code() -> Catalog:
    """The real catalog, except that 合同法 has not (yet) been abolished."""
    laws = []
    for law in default_catalog():
        if law.id == "合同法":
            law = dataclasses.replace(law, events=[e for e in law.events if e.status != STATUS_ABOLISHED])
        laws.append(law)
    return Catalog(laws)


def test_reverse_index_rows_and_lookup(published):
    doc = published(text=CONTRACT_TEXT)
    rows = VersionCitation.objects.filter(document=doc, current=True)
    assert ("合同法", "第五十二条") in set(rows.values_list("law_id", "article"))
    assert cleanup.documents_citing("合同法") == [doc]
    assert cleanup.documents_citing("合同法", "第五十二条") == [doc]
    assert cleanup.documents_citing("合同法", "第一条") == []


def test_law_change_opens_a_campaign_with_the_affected_documents(published, make_draft):
    citing = published(title="引用合同法的办法（示例）", text=CONTRACT_TEXT)
    other = published(title="不引用合同法的办法（示例）", text=OTHER_TEXT)
    draft = make_draft(title="引用合同法的草案（示例）", text=CONTRACT_TEXT)  # not in force: not listed
    # The index was built while 合同法 was in force.
    VersionCitation.objects.filter(law_id="合同法").update(status="current")
    assert cleanup.sync_law_statuses(catalog=catalog_before_the_civil_code()) == []

    campaigns = cleanup.sync_law_statuses(today=dt.date(2026, 11, 27))
    assert len(campaigns) == 1
    campaign = campaigns[0]
    assert campaign.kind == CampaignKind.LAW_CHANGE
    items = list(CleanupItem.objects.filter(campaign=campaign))
    assert [i.document for i in items] == [citing]
    assert "引用的《中华人民共和国合同法》已废止" in items[0].reasons[0]
    listed = [i.document_id for i in items]
    assert other.pk not in listed and draft.pk not in listed
    # A second change adds to the same open campaign.
    again = cleanup.do_law_status_changed("科学技术进步法", "amended_since", note="2021年修订")
    assert [c.pk for c in again] == [campaign.pk]
    assert set(CleanupItem.objects.filter(campaign=campaign).values_list("document_id", flat=True)) == {
        citing.pk, other.pk,
    }


def test_periodic_campaign_lists_every_document_in_force_with_reasons(published, people, department):
    old = published(title="施行多年的办法（示例）", text=CONTRACT_TEXT)
    old.effective_date = dt.date(2015, 1, 1)
    old.expiry_date = timezone.localdate() + dt.timedelta(days=60)
    old.save()
    fresh = published(title="新近公布的办法（示例）", text=OTHER_TEXT)
    campaign = cleanup.do_open_campaign(people["leader"], department, title="2026年度定期清理（示例）")
    reasons = {i.document_id: i.reasons for i in campaign.items.all()}
    assert set(reasons) == {old.pk, fresh.pk}
    assert any("有效期将于" in r for r in reasons[old.pk])
    assert any("合同法》已废止" in r for r in reasons[old.pk])
    assert any("施行已满5年" in r for r in reasons[old.pk])
    with pytest.raises(actions.TransitionRefused, match="没有清理意见"):
        cleanup.do_publish_campaign(people["leader"], campaign)
    items = {i.document_id: i for i in campaign.items.all()}
    cleanup.do_decide(people["legal"], items[old.pk], "abolish", "上位法已废止。")
    cleanup.do_decide(people["legal"], items[fresh.pk], "keep", "继续适用。")
    with pytest.raises(actions.NotPermitted):
        cleanup.do_publish_campaign(people["drafter"], campaign)
    cleanup.do_publish_campaign(people["leader"], campaign)
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.state == State.ABOLISHED and old.public_status == "废止"
    assert fresh.state == State.PUBLISHED


def test_public_cleanup_result_page(client, published, people, department):
    doc = published(title="将被宣布失效的办法（示例）", text=CONTRACT_TEXT)
    campaign = cleanup.do_open_campaign(people["leader"], department, title="清理（示例）")
    cleanup.do_decide(people["leader"], campaign.items.get(), "declare_invalid", "已不适应当前工作。")
    cleanup.do_publish_campaign(people["leader"], campaign)
    doc.refresh_from_db()
    assert doc.state == State.EXPIRED
    page = client.get(f"/public/cleanups/{campaign.pk}/").content.decode()
    assert "将被宣布失效的办法" in page and "宣布失效" in page


def test_campaign_pages_decide_with_a_responsible_person(login, published, people, department, settings):
    settings.DEMO_MODE = True
    doc = published(title="页面清理测试办法（示例）", text=OTHER_TEXT)
    client = login("legal")
    response = client.post("/documents/cleanup/", {"title": "页面发起的清理（示例）", "older_than_years": 5}, follow=True)
    assert "页面清理测试办法" in response.content.decode()
    campaign = doc.cleanup_items.get().campaign
    item = campaign.items.get()
    client.post(f"/documents/cleanup/{campaign.pk}/items/{item.pk}/",
                {"decision": "revise", "reason": "需与新规定衔接。", "responsible": people["drafter"].pk})
    item.refresh_from_db()
    assert item.decision == "revise" and item.responsible == people["drafter"]
    assert login("sfj").get(f"/documents/cleanup/{campaign.pk}/").status_code == 403


def test_an_abolition_recorded_in_the_law_catalog_puts_citing_documents_on_a_campaign(
        published, login, settings, django_capture_on_commit_callbacks):
    from fazhi.documents.models import CleanupItem

    settings.DEMO_MODE = True
    doc = published(text="第一条 根据《中华人民共和国行政许可法》第十二条，制定本办法。\n第二条 本办法自公布之日起施行。")
    with django_capture_on_commit_callbacks(execute=True):
        response = login("legal").post("/laws/l/行政许可法/status/", {
            "status": "已废止", "date": "2026-01-01", "source": "演示：假设的废止决定",
        })
    assert response.status_code == 302
    item = CleanupItem.objects.get(document=doc)
    assert "行政许可法" in item.reasons[0] and "已废止" in item.reasons[0]
    assert item.campaign.organisation == doc.organisation
