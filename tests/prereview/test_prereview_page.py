"""合法性预审 page: findings beside the text, and the draft opinion letter as DOCX."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document

from fazhi.audit.models import Action, AuditEvent
from fazhi.core.review import Finding
from fazhi.prereview.views import pieces

DRAFT = """某区促进科技服务业发展办法
第一条 为促进科技服务业发展，制定本办法。
第二条 从事科技咨询服务的机构，须经区科技局审批同意后方可开展业务。
第三条 对未按规定报送材料的机构，由区科技局处五千元以上一万元以下罚款。
第四条 本办法自2021年3月1日起施行。
某区科学技术局
2021年2月1日
"""


def finding(start: int, end: int, severity: str) -> Finding:
    return Finding("x.rule", "licensing", severity, start, end, "", "", (), "")


def test_pieces_split_at_every_boundary_and_keep_the_worst_severity():
    text = "0123456789"
    result = pieces(text, [finding(2, 6, "warning"), finding(4, 8, "error")])
    assert "".join(p.text for p in result) == text
    assert [(p.text, p.findings, p.severity) for p in result] == [
        ("01", [], ""), ("23", [0], "warning"), ("45", [0, 1], "error"), ("67", [1], "error"),
        ("89", [], ""),
    ]


@pytest.fixture
def client_as(login, settings):
    settings.DEMO_MODE = True
    return login


@pytest.mark.django_db
def test_the_page_lists_findings_with_their_basis_beside_the_marked_text(client_as):
    page = client_as("drafter").post("/review/", {"text": DRAFT}).content.decode()
    assert 'class="finding sev-' in page and 'class="finding-card sev-' in page
    assert "行政许可" in page and "行政处罚" in page
    assert "《中华人民共和国行政许可法》第十七条" in page
    assert "《中华人民共和国行政处罚法》第十六条" in page
    assert "某区促进科技服务业发展办法" in page  # the document summary


@pytest.mark.django_db
def test_the_draft_opinion_lists_each_finding_and_is_audited(client_as):
    response = client_as("legal").post("/review/opinion.docx", {"text": DRAFT})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    texts = [p.text for p in Document(BytesIO(response.content)).paragraphs]
    body = "\n".join(texts)
    assert "关于《某区促进科技服务业发展办法》的" in body and "合法性审核意见（草稿）" in body
    assert "第二条中“" in body and "第三条中“" in body
    assert "依据：《中华人民共和国行政许可法》第十七条" in body
    assert "重庆市沙坪坝区科学技术局" in body  # the reviewer's unit signs
    event = AuditEvent.objects.filter(action=Action.EXPORT).latest("seq")
    assert event.actor_name == "legal" and "某区促进科技服务业发展办法" in event.object_repr


@pytest.mark.django_db
def test_hostile_and_empty_inputs_get_chinese_messages(client_as):
    import io

    client = client_as("drafter")
    bomb = io.BytesIO(b"PK\x03\x04 not really a zip")
    bomb.name = "draft.docx"
    page = client.post("/review/", {"upload": bomb}).content.decode()
    assert 'class="error"' in page
    assert "请粘贴文本或上传文件" in client.post("/review/", {"text": ""}).content.decode()
    assert client.post("/review/opinion.docx", {"text": ""}).status_code == 400


@pytest.mark.django_db
def test_text_without_structure_is_reviewed_as_plain_text_and_says_so(client_as):
    page = client_as("drafter").post("/review/", {"text": "对违反规定的，没收其违法所得并处罚款。"}).content.decode()
    assert "未识别出文件结构，已按纯文本审查" in page
