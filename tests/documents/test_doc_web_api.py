"""Pages, the public side and the API of the documents module."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from fazhi.documents import actions
from fazhi.documents.models import NormativeDocument, PublicComment, State

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.DEMO_MODE = True


def test_section_shows_the_list_for_every_role(login, make_draft):
    doc = make_draft()
    for username in ["admin", "drafter", "legal", "leader", "sfj", "auditor"]:
        response = login(username).get("/s/documents/")
        assert response.status_code == 200
        body = response.content.decode()
        assert "<h1>规范性文件</h1>" in body
        assert (doc.title in body) == (username != "sfj")  # a draft is not the 司法局's


def test_detail_shows_timeline_and_refusal(login, make_draft):
    doc = make_draft()
    client = login("drafter")
    body = client.get(reverse("documents:detail", args=[doc.pk])).content.decode()
    assert "合法性审核" in body and "未核实" in body
    response = client.post(reverse("documents:transition", args=[doc.pk]), {"to": "deliberation"}, follow=True)
    assert "未经合法性审核，不得提交集体审议" in response.content.decode()
    doc.refresh_from_db()
    assert doc.state == State.DRAFTING


def test_upload_docx_and_diff(login, make_draft):
    from docx import Document

    doc = make_draft()
    buffer = io.BytesIO()
    word = Document()
    word.add_paragraph("第一条 为规范管理，根据《中华人民共和国行政许可法》，制定本办法。")
    word.add_paragraph("第二条 本办法自公布之日起施行。")
    word.save(buffer)
    buffer.seek(0)
    buffer.name = "draft.docx"
    client = login("drafter")
    response = client.post(
        reverse("documents:upload", args=[doc.pk]),
        {"file": buffer, "note": "第二稿", "lock_version": doc.lock_version}, follow=True,
    )
    assert "已保存第2稿" in response.content.decode()
    assert doc.citations.filter(current=True, law_id="行政许可法").exists()
    diff = client.get(reverse("documents:diff", args=[doc.pk])).content.decode()
    assert "第1稿" in diff and "diff_" in diff


def test_hostile_uploads_are_refused(login, make_draft):
    doc = make_draft()
    client = login("drafter")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<" + "a" * 30_000_000 + ">")
    for name, data in [("bomb.docx", bomb.getvalue()), ("x.exe", b"MZ..."), ("fake.pdf", b"%PDF-1.4 garbage"),
                       ("big.txt", b"a" * (11 * 1024 * 1024))]:
        upload = io.BytesIO(data)
        upload.name = name
        doc.refresh_from_db()
        response = client.post(reverse("documents:upload", args=[doc.pk]),
                               {"file": upload, "lock_version": doc.lock_version}, follow=True)
        assert response.status_code == 200, name
        assert doc.versions.count() == 1, name
        assert 'class="error"' in response.content.decode(), name


def test_second_save_of_a_stale_form_is_refused(login, make_draft):
    doc = make_draft()
    client = login("drafter")
    url = reverse("documents:upload", args=[doc.pk])
    stale = doc.lock_version
    first = client.post(url, {"text": "甲的修改稿：第一条 甲。", "lock_version": stale}, follow=True)
    assert "已保存第2稿" in first.content.decode()
    second = client.post(url, {"text": "乙的修改稿：第一条 乙。", "lock_version": stale}, follow=True)
    assert "他人已修改" in second.content.decode()
    assert doc.versions.count() == 2
    assert doc.versions.order_by("-number").first().text.startswith("甲的修改稿")
    edit = client.post(reverse("documents:edit", args=[doc.pk]),
                       {"title": "乙改的标题", "kind": "办法", "lock_version": stale, "requires_consultation": "",
                        "consultation_exemption": "理由"})
    assert "他人已修改" in edit.content.decode()
    doc.refresh_from_db()
    assert doc.title != "乙改的标题"


def test_public_pages_show_only_published(client, published, make_draft):
    doc = published()
    draft = make_draft(title="尚在起草的草案（示例）")
    body = client.get("/public/documents/").content.decode()
    assert doc.title in body and draft.title not in body and "有效" in body
    assert client.get(f"/public/documents/{draft.pk}/").status_code == 404
    page = client.get(f"/public/documents/{doc.pk}/?q=x").content.decode()
    assert "科技创新券" in page
    assert doc.title in client.get("/public/documents/", {"q": "创新券"}).content.decode()
    assert doc.title not in client.get("/public/documents/", {"q": "不存在的词语"}).content.decode()


def test_public_comment_escaped_rate_limited_grouped(client, make_draft, people):
    doc = make_draft(requires_consultation=True, consultation_exemption="")
    actions.do_open_consultation(people["drafter"], doc)
    url = f"/public/consultations/{doc.pk}/"
    assert doc.title in client.get("/public/consultations/").content.decode()
    evil = "<script>alert(1)</script>建议删除第二条"
    for _ in range(2):
        assert client.post(url, {"text": evil}).status_code == 302
    comment = PublicComment.objects.first()
    actions.do_answer_comment(people["drafter"], comment, "not_adopted", "第二条有上位法依据，予以保留。")
    assert PublicComment.objects.filter(answer="").count() == 0  # the duplicate answered too
    page = client.get(url).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "相同意见 2 条" in page
    for _ in range(3):
        client.post(url, {"text": "另一条意见"})
    refused = client.post(url, {"text": "第六条意见"}).content.decode()
    assert "提交过于频繁" in refused
    summary = actions.adoption_summary(doc.consultations.get())
    assert "不予采纳2条" in summary and "相同意见2条" in summary


def test_api_transition_refused_with_409(login, make_draft):
    doc = make_draft()
    client = login("drafter")
    response = client.post(f"/api/v1/documents/{doc.pk}/transitions/", {"to": "deliberation"}, content_type="application/json")
    assert response.status_code == 409
    assert response.json() == {"detail": "未经合法性审核，不得提交集体审议。", "missing": ["合法性审核"]}
    ok = client.post(f"/api/v1/documents/{doc.pk}/transitions/", {"to": "legality_review"}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["state"] == "legality_review"
    wrong_role = login("leader").post(f"/api/v1/documents/{doc.pk}/transitions/", {"to": "drafting"}, content_type="application/json")
    assert wrong_role.status_code == 200
    signer = client.post(f"/api/v1/documents/{doc.pk}/transitions/", {"to": "signed"}, content_type="application/json")
    assert signer.status_code == 409


def test_api_versions_and_stale_lock(login, make_draft):
    doc = make_draft()
    client = login("drafter")
    listing = client.get(f"/api/v1/documents/{doc.pk}/versions/")
    assert listing.status_code == 200 and listing.json()[0]["number"] == 1
    stale = doc.lock_version
    first = client.post(f"/api/v1/documents/{doc.pk}/versions/", {"text": "新文本，引用《中华人民共和国合同法》。", "lock_version": stale}, content_type="application/json")
    assert first.status_code == 201
    second = client.post(f"/api/v1/documents/{doc.pk}/versions/", {"text": "另一人", "lock_version": stale}, content_type="application/json")
    assert second.status_code == 409 and "他人已修改" in second.json()["detail"]
    citing = client.get("/api/v1/documents/citing/", {"law": "合同法"}).json()
    assert [d["id"] for d in citing] == [doc.pk]


def test_openapi_schema_still_valid(login):
    response = login("admin").get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/documents/{id}/transitions/" in response.json()["paths"]


def test_sfj_sees_only_filed_documents(login, published, make_draft, people):
    doc = published()
    draft = make_draft()
    client = login("sfj")
    assert client.get(reverse("documents:detail", args=[draft.pk])).status_code == 403
    assert client.get(reverse("documents:detail", args=[doc.pk])).status_code == 403
    actions.do_submit_filing(people["disclosure"], doc)
    assert client.get(reverse("documents:detail", args=[doc.pk])).status_code == 200
    client.post(reverse("documents:record", args=[doc.pk, "filing"]), {"result": "filed", "note": ""})
    assert NormativeDocument.objects.get(pk=doc.pk).state == State.FILED


def test_each_version_is_pre_reviewed(login, make_draft):
    doc = make_draft(text="第一条 根据《中华人民共和国合同法》，制定本办法。\n第二条 违反本办法的，处以五千元罚款。")
    version = doc.current_version()
    page = login("drafter").get(reverse("documents:detail", args=[doc.pk])).content.decode()
    assert version.review_engine == "review" and version.findings_count >= 1
    assert "预审引擎出错" not in page
    assert doc.citations.filter(current=True, law_id="合同法", status="abolished").exists()


def test_a_failing_review_engine_does_not_lose_the_upload(login, make_draft, people, monkeypatch):
    from fazhi.documents import services

    def broken(text, **kwargs):
        raise RuntimeError("rules being edited")

    monkeypatch.setattr(services, "review_text", broken)
    doc = make_draft()
    version = actions.do_add_version(people["drafter"], doc, text="第一条 依据《中华人民共和国合同法》制定。")
    assert version.review_engine == "citations" and version.findings_count == 0
    assert doc.citations.filter(current=True, law_id="合同法").exists()
    page = login("drafter").get(reverse("documents:detail", args=[doc.pk])).content.decode()
    assert "预审引擎出错" in page


def test_citing_an_unpublished_or_abolished_document_is_a_finding(make_draft, published, people):
    draft = make_draft(title="沙坪坝区某某管理办法（示例）")
    citing = make_draft(title="引用草案的文件（示例）", text="第一条 根据《沙坪坝区某某管理办法（示例）》，制定本细则。")
    findings = [f for f in services_findings(citing) if f["rule"] == "documents.not-in-force"]
    assert findings and "尚未公布" in findings[0]["message"] and "不得作为行政管理依据" in findings[0]["message"]
    assert draft.pk != citing.pk
    in_force = published(title="沙坪坝区另一管理办法（示例）")
    ok = make_draft(title="引用有效文件的文件（示例）", text=f"第一条 根据《{in_force.title}》，制定本细则。")
    assert not [f for f in services_findings(ok) if f["rule"] == "documents.not-in-force"]


def services_findings(document):
    from fazhi.documents.services import findings_of

    return findings_of(document.current_version())


def test_legality_review_by_the_justice_bureau(login, make_draft, people):
    doc = make_draft()
    client = login("sfj")
    assert client.get(reverse("documents:detail", args=[doc.pk])).status_code == 403
    actions.do_submit_legality_review(people["drafter"], doc, body="justice_bureau")
    page = client.get(reverse("documents:detail", args=[doc.pk])).content.decode()
    assert "出具合法性审核意见" in page
    with pytest.raises(actions.NotPermitted):
        actions.do_record_legality_opinion(people["legal"], doc, "legal", "本单位不是审核机构")
    client.post(reverse("documents:record", args=[doc.pk, "legality"]),
                {"opinion": "legal_after_revision", "opinion_text": "第三条删除后合法。"})
    review = doc.legality_reviews.get()
    assert review.opinion == "legal_after_revision" and review.reviewed_by == people["sfj"]
