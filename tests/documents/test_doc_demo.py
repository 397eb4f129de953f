"""The demo data: loads once, every screen has something, invented records are labelled."""

from __future__ import annotations

import pytest

from fazhi.documents.demo import REAL_ABOLISHED, load_documents_demo
from fazhi.documents.models import CleanupCampaign, NormativeDocument, State

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_fills_every_screen(login, settings, client):
    settings.DEMO_MODE = True
    assert load_documents_demo() is True
    assert load_documents_demo() is False
    states = set(NormativeDocument.objects.values_list("state", flat=True))
    assert {State.DRAFTING, State.CONSULTATION, State.LEGALITY_REVIEW, State.DELIBERATION, State.PUBLISHED,
            State.FILING, State.FILED, State.EXPIRED, State.ABOLISHED} <= states
    real = NormativeDocument.objects.get(title=REAL_ABOLISHED)
    assert real.state == State.ABOLISHED and real.doc_number == "" and not real.is_demo
    for doc in NormativeDocument.objects.exclude(pk=real.pk):
        assert doc.is_demo and "示例" in doc.title
    assert CleanupCampaign.objects.filter(kind="law_change").exists()
    drafter = login("drafter")
    for doc in NormativeDocument.objects.all():
        assert drafter.get(f"/documents/{doc.pk}/").status_code == 200
    assert drafter.get("/documents/cleanup/").status_code == 200
    for campaign in CleanupCampaign.objects.all():
        assert drafter.get(f"/documents/cleanup/{campaign.pk}/").status_code == 200
    public = client.get("/public/documents/").content.decode()
    assert "失效" in public and "废止" in public and "有效" in public and "演示数据" in public
    assert "众创空间" in client.get("/public/consultations/").content.decode()
    dashboard = login("legal").get("/").content.decode()
    assert "合法性审核" in dashboard
