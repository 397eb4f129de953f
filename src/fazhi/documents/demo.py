"""Demo data for 规范性文件, loaded after `fazhi.accounts.demo.load_demo()`.

What is real comes from the seed department's 2021 report (shared/seed): its 2021 cleanup
abolished three documents, one of them named 《重庆市沙坪坝区新型研发机构培育引进实施办法》. Its
文号, dates and text are not in the report, so they are left empty. Every other record here is
invented for the demonstration: marked is_demo (shown as 演示数据) and titled “（示例）”.

Call `load_documents_demo()`; it creates what is missing and never touches what exists.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.demo import DEPARTMENT
from fazhi.accounts.models import Organisation, User
from fazhi.audit.context import Actor, acting_as

from . import actions, services
from .models import (
    Adoption,
    CampaignKind,
    CampaignStatus,
    CleanupCampaign,
    CleanupDecision,
    CleanupItem,
    CollectiveDeliberation,
    Decision,
    Filing,
    FilingResult,
    LegalityReview,
    NormativeDocument,
    Opinion,
    Publication,
    Signing,
    State,
)

REAL_ABOLISHED = "重庆市沙坪坝区新型研发机构培育引进实施办法"
SEED = "《重庆市沙坪坝区科学技术局关于2021年度法治政府建设情况的报告》"
DEMO_PREFIX = "沙科局发"  # used only when the organisation has no 发文机关代字 of its own


def _text(title: str, basis: str, articles: list[str]) -> str:
    lines = [title, "", f"第一条 为{articles[0]}，根据{basis}等规定，结合本区实际，制定本办法。"]
    numerals = "二三四五六七八九十"
    for index, article in enumerate(articles[1:]):
        lines.append(f"第{numerals[index]}条 {article}")
    lines.append(f"第{numerals[len(articles) - 1]}条 本办法自公布之日起施行，有效期5年。")
    lines += ["", "（本文为演示数据，并非真实文件。）"]
    return "\n".join(lines)


IN_FORCE = [
    # (title, published, basis, articles, cites an abolished law?)
    (
        "沙坪坝区科技创新券管理办法（示例）", dt.date(2021, 12, 20),
        "《中华人民共和国科学技术进步法》《中华人民共和国合同法》",
        ["规范科技创新券的申领、使用和兑付", "本办法所称科技创新券，是指区科技主管部门向科技型企业发放、用于购买科技服务的权益凭证。",
         "科技型企业与服务机构签订技术服务合同，合同的订立和效力依照《中华人民共和国合同法》第五十二条等规定认定。",
         "区科技局负责创新券的发放、监督和绩效评价。", "申领条件和程序在区政府门户网站公开，不得设置歧视性条件。"],
    ),
    (
        "沙坪坝区科技型中小企业研发费用补助办法（示例）", dt.date(2021, 5, 10),
        "《中华人民共和国促进科技成果转化法》",
        ["鼓励科技型中小企业加大研发投入", "补助对象为在本区注册、纳税的科技型中小企业。",
         "补助资金按照企业上年度研发费用的一定比例核定，具体比例每年公布。"],
    ),
    (
        "沙坪坝区科技型企业培育实施办法（示例）", dt.date(2022, 6, 15),
        "《中华人民共和国促进科技成果转化法》",
        ["加快培育科技型企业", "区科技局建立科技型企业培育库，实行动态管理。",
         "入库企业可以按照规定申请研发费用补助，补助标准向社会公开。", "任何单位不得以培育名义向企业收取费用。"],
    ),
    (
        "沙坪坝区科学技术奖励办法（示例）", dt.date(2023, 4, 10),
        "《中华人民共和国科学技术进步法》第二十条",
        ["奖励在科学技术进步活动中做出突出贡献的组织和个人", "区科学技术奖每两年评审一次，评审结果向社会公示。",
         "评审委员会委员实行回避制度。"],
    ),
    (
        "沙坪坝区科技计划项目管理办法（示例）", dt.date(2024, 9, 2),
        "《中华人民共和国科学技术进步法》《中华人民共和国行政许可法》",
        ["规范区级科技计划项目管理", "项目申报、评审、立项和验收实行全流程留痕。",
         "项目承担单位应当按照合同约定使用财政资金。", "区科技局对项目实施情况进行抽查。"],
    ),
]

DRAFTS = [
    # (title, target state, concerns business)
    ("沙坪坝区技术合同登记服务办法（草案·示例）", State.DRAFTING, False),
    ("沙坪坝区众创空间认定管理办法（征求意见稿·示例）", State.CONSULTATION, True),
    ("沙坪坝区科普基地认定管理办法（送审稿·示例）", State.LEGALITY_REVIEW, False),
    ("沙坪坝区科技特派员管理办法（草案·示例）", State.DELIBERATION, False),
    ("沙坪坝区科技金融风险补偿资金管理办法（示例）", State.PUBLISHED, True),
    ("沙坪坝区产学研合作项目管理办法（示例）", State.FILING, False),
]


def load_documents_demo() -> bool:
    """Create the demo documents unless they exist. Returns True if anything was created."""
    department = Organisation.objects.filter(name=DEPARTMENT).first()
    if department is None or NormativeDocument.objects.filter(organisation=department).exists():
        return False
    people = {u.username: u for u in User.objects.filter(is_demo=True)}
    if not {"drafter", "legal", "leader", "disclosure", "sfj"} <= people.keys():
        return False
    with acting_as(Actor(username="demo-loader", channel="system")), transaction.atomic():
        if not department.doc_number_prefix:
            department.doc_number_prefix = DEMO_PREFIX
            department.save()
        for title, published, basis, articles in [row[:4] for row in IN_FORCE]:
            _historic(department, people, title, published, _text(title, basis, articles))
        _cleanup_2021(department, people)
        for title, target, business in DRAFTS:
            _draft(department, people, title, target, business)
        _law_change_campaign()
    return True


def _historic(department: Organisation, people: dict[str, User], title: str, published: dt.date, text: str,
              state: str = State.FILED) -> NormativeDocument:
    """A document that went through the procedure in the past (records dated accordingly)."""
    document = NormativeDocument.objects.create(
        organisation=department, title=title, kind="办法", drafting_unit="科技创新科（示例）",
        requires_consultation=False, consultation_exemption="演示数据：历史文件，征求意见记录未录入",
        validity_years=5, is_demo=True, created_by=people["drafter"],
    )
    version = services.add_version(document, text, user=people["drafter"], source_name="demo.txt")
    written = published - dt.timedelta(days=10)
    LegalityReview.objects.create(
        document=document, version=version, submitted_on=written - dt.timedelta(days=20),
        opinion=Opinion.LEGAL, opinion_text="经审核，制定主体、程序和内容合法。（演示数据）",
        reviewed_on=written - dt.timedelta(days=12),
        working_days_used=services.working_days_between(written - dt.timedelta(days=20), written - dt.timedelta(days=12)),
        reviewed_by=people["legal"],
    )
    CollectiveDeliberation.objects.create(
        document=document, meeting="局长办公会议（示例）", meeting_date=written - dt.timedelta(days=3),
        attendees="陈局长、班子成员、王起草、李法审", decision=Decision.ADOPTED, recorded_by=people["leader"],
    )
    Signing.objects.create(document=document, signed_by=people["leader"], signed_on=written)
    document.written_date = written
    document.save()
    services.allocate_number(document, written.year)
    document.refresh_from_db()
    Publication.objects.create(document=document, published_on=published, channel="区政府门户网站（示例）", published_by=people["disclosure"])
    document.published_date = document.effective_date = published
    document.expiry_date = services.add_months(published, 60) - dt.timedelta(days=1)
    if state == State.FILED and department.filing_authority is not None:
        Filing.objects.create(
            document=document, authority=department.filing_authority, submitted_on=published + dt.timedelta(days=12),
            submitted_by=people["disclosure"], result=FilingResult.FILED, result_note="予以备案。（演示数据）",
            reviewed_by=people["sfj"], reviewed_on=published + dt.timedelta(days=25),
        )
    document.state = state
    document.save()
    services.reindex(document)
    if document.expiry_date < timezone.localdate():
        actions.do_expire(None, document)
    else:
        actions._open_validity_reminder(document)
    return document


def _cleanup_2021(department: Organisation, people: dict[str, User]) -> None:
    """The seed's 2021 cleanup: three documents abolished, one of them named in the report."""
    campaign = CleanupCampaign.objects.create(
        organisation=department, title="2021年行政规范性文件清理", kind=CampaignKind.PERIODIC,
        trigger=f"据{SEED}：“及时对区科技局出台的行政规范性文件进行清理，按程序废止了《{REAL_ABOLISHED}》等3个规范性文件”。",
        status=CampaignStatus.PUBLISHED, started_on=dt.date(2021, 1, 1), published_on=None,
        created_by=people["leader"],
    )
    real = NormativeDocument.objects.create(
        organisation=department, title=REAL_ABOLISHED, kind="办法", state=State.ABOLISHED,
        requires_consultation=False, consultation_exemption=f"文号、日期和全文未收录；废止事实见{SEED}",
    )
    CleanupItem.objects.create(
        campaign=campaign, document=real, reasons=[f"见{SEED}"], decision=CleanupDecision.ABOLISH,
        decision_reason=f"按程序废止（{SEED}）。", responsible=people["leader"],
    )
    for number in ("一", "二"):
        title = f"演示数据：2021年清理中废止的未具名文件（{number}）（示例）"
        invented = NormativeDocument.objects.create(
            organisation=department, title=title, kind="办法", state=State.ABOLISHED, is_demo=True,
            requires_consultation=False, consultation_exemption="演示数据",
        )
        CleanupItem.objects.create(
            campaign=campaign, document=invented, reasons=["演示数据：报告未列出名称"],
            decision=CleanupDecision.ABOLISH, decision_reason="演示数据：报告称共废止3个规范性文件，其余2个未具名。",
            responsible=people["leader"],
        )


DRAFT_TEXT = [
    "第一条 为{purpose}，根据《中华人民共和国科学技术进步法》等规定，结合本区实际，制定本办法。",
    "第二条 本办法适用于本区行政区域内的相关管理和服务活动。",
    "第三条 区科技局负责组织实施本办法，有关部门按照职责做好相关工作。",
    "第四条 申请人应当提交申请书和相关证明材料。",
    "第五条 本办法自公布之日起施行，有效期5年。",
    "",
    "（本文为演示数据，并非真实文件。）",
]


def _draft(department: Organisation, people: dict[str, User], title: str, target: str, business: bool) -> None:
    drafter, legal, leader, disclosure = people["drafter"], people["legal"], people["leader"], people["disclosure"]
    consult = target == State.CONSULTATION
    document = actions.do_create_document(
        drafter, department, title=title, kind="办法", drafting_unit="科技创新科（示例）",
        concerns_business=business, requires_consultation=consult,
        consultation_exemption="" if consult else "演示数据：不直接涉及群众切身利益", validity_years=5, is_demo=True,
    )
    purpose = title.split("（")[0].replace("沙坪坝区", "规范").replace("办法", "工作")
    text = "\n".join(DRAFT_TEXT).format(purpose=purpose)
    actions.do_add_version(drafter, document, text=text, filename="初稿.txt", note="初稿")
    if target == State.DRAFTING:
        actions.do_add_version(drafter, document, text=text.replace("申请书和相关证明材料", "申请书；已通过政务共享获取的材料不再要求提交"),
                               note="按照减证便民要求修改第四条")
        return
    if consult:
        consultation = actions.do_open_consultation(drafter, document)
        samples = [
            ("张先生", "建议明确众创空间的面积标准。"), ("某孵化器", "建议对新设立的众创空间给予一年的过渡期。"),
            ("李女士", "建议明确众创空间的面积标准。"), ("", "建议明确众创空间的面积标准！"),
        ]
        for name, text_ in samples:
            actions.do_submit_comment(document, text=text_, name=name, ip="192.0.2.10")
        first = consultation.comments.order_by("pk").first()
        assert first is not None
        actions.do_answer_comment(drafter, first, Adoption.ADOPTED, "已在第四条补充面积标准。（演示数据）")
        return
    if business:
        actions.do_record_fair_competition(
            drafter, document, "exception", "为促进科技成果转化设立风险补偿，仅限合作银行按公开条件申请，实施期限三年。（演示数据）",
            exception_ground="为促进科学技术进步、增强国家自主创新能力的",
        )
    actions.do_submit_legality_review(drafter, document)
    if target == State.LEGALITY_REVIEW:
        return
    actions.do_record_legality_opinion(legal, document, Opinion.LEGAL, "经审核，合法。（演示数据）")
    actions.do_submit_deliberation(drafter, document)
    if target == State.DELIBERATION:
        return
    actions.do_record_deliberation(leader, document, meeting="局长办公会议（示例）", meeting_date=timezone.localdate(),
                                   attendees="陈局长、班子成员", decision=Decision.ADOPTED)
    actions.do_sign(leader, document)
    actions.do_number(disclosure, document)
    actions.do_publish(disclosure, document, validity_years=5)
    if target == State.FILING:
        actions.do_submit_filing(disclosure, document)


def _law_change_campaign() -> None:
    """The catalog shows 合同法 abolished (民法典 第一千二百六十条): the index finds who cites it."""
    from fazhi.core.catalog import default_catalog

    from . import cleanup

    law = default_catalog().get("合同法")
    event = law.end_event(timezone.localdate()) if law is not None else None
    if event is None:
        return
    for campaign in cleanup.do_law_status_changed("合同法", "abolished", note=event.source):
        campaign.is_demo = True
        campaign.save()
