"""The law catalog in the web: search, a law's page, local additions and status changes."""

from __future__ import annotations

import io

import pytest

from fazhi.laws.models import LawStatusChange, LocalLaw
from fazhi.laws.services import current_catalog, law_status_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(login, settings):
    settings.DEMO_MODE = True
    return login


def test_search_finds_a_law_by_short_name_with_its_status(as_user):
    page = as_user("drafter").get("/laws/", {"q": "合同法"}).content.decode()
    assert "中华人民共和国合同法" in page and "已废止" in page


def test_a_law_page_shows_its_abolition_with_successor_and_articles(as_user):
    page = as_user("drafter").get("/laws/l/合同法/").content.decode()
    assert "已废止" in page and "中华人民共和国民法典" in page and "第一千二百六十条" in page
    page = as_user("drafter").get("/laws/l/政府信息公开条例/").content.decode()
    assert "行政法规" in page and "现行有效" in page and "第三十三条" in page


def test_an_unknown_law_is_a_chinese_404(as_user):
    response = as_user("drafter").get("/laws/l/不存在的法/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()


def test_only_legal_staff_maintain_the_catalog(as_user):
    assert as_user("drafter").get("/laws/add/").status_code == 403
    assert as_user("legal").get("/laws/add/").status_code == 200
    assert as_user("sfj").get("/laws/l/合同法/status/").status_code == 200


def test_a_local_regulation_becomes_citable(as_user):
    client = as_user("legal")
    response = client.post("/laws/add/", {
        "law_id": "沙坪坝区科技创新券管理办法", "title": "重庆市沙坪坝区科技创新券管理办法",
        "level": "行政规范性文件", "issuer": "重庆市沙坪坝区科学技术局", "aliases": "创新券办法",
        "published": "2020-03-01", "effective": "2020-04-01", "source": "演示数据：区政府网站",
    })
    assert response.status_code == 302
    row = LocalLaw.objects.get()
    assert row.created_by.username == "legal" and row.organisation.name.endswith("科学技术局")
    law = current_catalog().lookup("创新券办法")
    assert [found.id for found in law] == ["沙坪坝区科技创新券管理办法"]
    page = client.post("/laws/cite/", {"text": "依据《创新券办法》第三条，申请人应当……"}).content.decode()
    assert 'data-status="current"' in page


def test_impossible_local_dates_are_refused(as_user):
    page = as_user("legal").post("/laws/add/", {
        "law_id": "x", "title": "某办法", "level": "行政规范性文件", "published": "2021-05-01",
        "effective": "2021-04-01", "source": "某处",
    }).content.decode()
    assert "施行日期不能早于公布日期" in page and not LocalLaw.objects.exists()


def test_recording_an_abolition_changes_citations_and_notifies(as_user, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, law_id, change, **kwargs):
        received.append((law_id, change.status))

    law_status_changed.connect(receiver)
    try:
        client = as_user("legal")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/laws/l/行政许可法/status/", {
                "status": "已废止", "date": "2026-01-01", "successor_id": "民法典",
                "source": "演示：假设的废止决定", "verified": "",
            })
        assert response.status_code == 302
    finally:
        law_status_changed.disconnect(receiver)
    assert received == [("行政许可法", "已废止")]
    assert LawStatusChange.objects.get().verified is False
    page = client.post("/laws/cite/", {"text": "依照《行政许可法》第十七条", "as_of": "2026-06-01"}).content.decode()
    assert 'data-status="abolished"' in page and "依据未经核实" in page


def test_a_successor_must_be_in_the_catalog(as_user):
    page = as_user("legal").post("/laws/l/行政许可法/status/", {
        "status": "已废止", "date": "2026-01-01", "successor_id": "不存在法", "source": "x",
    }).content.decode()
    assert "目录中没有“不存在法”" in page and not LawStatusChange.objects.exists()


def test_the_cite_page_marks_each_citation_with_its_status_and_article_text(as_user):
    text = ("根据《中华人民共和国合同法》第五十二条和《政府信息公开条例》第三十三条的规定，"
            "制定本办法。\n2020年3月1日")
    page = as_user("drafter").post("/laws/cite/", {"text": text}).content.decode()
    assert 'data-status="abolished"' in page and 'data-status="current"' in page
    assert "行政机关收到政府信息公开申请" in page  # the text of art. 33 on hover


def test_the_cite_page_reads_uploads_and_refuses_hostile_ones(as_user):
    client = as_user("drafter")
    upload = io.BytesIO("依照《行政处罚法》第十六条".encode("gb18030"))
    upload.name = "draft.txt"
    page = client.post("/laws/cite/", {"upload": upload}).content.decode()
    assert "中华人民共和国行政处罚法" in page
    fake = io.BytesIO(b"this is not a zip")
    fake.name = "draft.docx"
    response = client.post("/laws/cite/", {"upload": fake})
    assert response.status_code == 200 and "docx" in response.content.decode().lower()
    assert 'class="error"' in response.content.decode()
    exe = io.BytesIO(b"MZ\x90\x00")
    exe.name = "virus.exe"
    assert "仅支持" in client.post("/laws/cite/", {"upload": exe}).content.decode()
    assert "请粘贴文本或上传文件" in client.post("/laws/cite/", {"text": "  "}).content.decode()
