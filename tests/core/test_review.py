"""The review engine (fazhi.core.review) on real documents and on hand-written clauses.

What each corpus document should yield comes from reading it against the law (see
shared/corpus/README.md and the statutes in shared/reference/statutes), not from the
engine's output. Hand-written clauses test the grammar of creating vs restating.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from fazhi.core.review import Finding, ReviewReport, review_text, scan
from fazhi.core.text import normalize_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
LATER = date(2026, 11, 1)


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared reference material is absent ({path})")
    return path


def _corpus(name: str) -> str:
    raw = _shared("corpus", "normative", name).read_text(encoding="utf-8")
    return normalize_text(raw.split("----- BODY -----\n", 1)[1])


def _review(text: str, as_of: date = LATER) -> ReviewReport:
    return review_text(text, as_of=as_of)


def _scored(report: ReviewReport, category: str | None = None) -> list[Finding]:
    """Errors and warnings (what a reviewer must look at), optionally of one category."""
    return [f for f in report.findings if f.severity != "info"
            and (category is None or f.category == category)]


def _at(report: ReviewReport, needle: str, category: str) -> list[Finding]:
    """Findings of a category overlapping the first occurrence of needle."""
    start = report.text.index(needle)
    end = start + len(needle)
    return [f for f in report.findings
            if f.category == category and f.start < end and start < f.end]


# --- real documents -------------------------------------------------------------------------------


def test_town_construction_permit_is_an_error_005() -> None:
    report = _review(_corpus("005.txt"))
    # 建筑法 第七条: 施工许可证 from 县级以上人民政府建设行政主管部门; the town issues its own.
    for needle in ("核发小型建设工程施工许可证", "并发放施工许可证"):
        found = _at(report, needle, "licensing")
        assert [f.severity for f in found] == ["error"], needle
        assert "《中华人民共和国建筑法》第七条" in found[0].basis
        assert "《中华人民共和国行政许可法》第十七条" in found[0].basis
    roster = _at(report, "限额以下工程承发包实行预选承包商名录制度", "competition")
    assert roster and roster[0].severity == "warning"
    assert any("公平竞争审查条例" in b for b in roster[0].basis)
    no_term = _at(report, "本实施意见自发布之日起施行", "validity")
    assert [f.rule for f in no_term] == ["validity.no-term"]


def test_lawful_parts_of_005_are_not_flagged() -> None:
    report = _review(_corpus("005.txt"))
    # 行政许可法 第三十二条: incomplete files, with a one-time notice, may be turned away.
    assert not [f for f in _scored(report) if f.category in ("rights_obligations", "procedure")
                and "不予收件" in report.text[f.start - 10:f.end + 10]]
    # Handing a case to the district is not setting a penalty.
    assert not _at(report, "上报区相关部门进行立案处理", "penalty")
    # The territorial scope is not a local-registration condition.
    assert not _at(report, "本镇行政区域内总投资额在100万元以下的建设工程", "competition")
    # 建筑法 and 安全生产法 are in force: amended since 2020 is at most a hint.
    assert not _scored(report, "citation")


def test_retroactive_effective_date_013() -> None:
    report = _review(_corpus("013.txt"))
    assert report.document_date == date(2016, 2, 5)
    retro = [f for f in report.findings if f.rule == "validity.retroactive"]
    assert len(retro) == 1 and retro[0].severity == "error"
    assert retro[0].quote in "本办法自2014年1月1日起施行"
    assert "《中华人民共和国立法法》第一百零四条" in retro[0].basis


def test_lawful_village_housing_approvals_016() -> None:
    report = _review(_corpus("016.txt"), as_of=date(2026, 1, 1))
    # 土地管理法 第六十二条 and 城乡规划法 第四十一条 give the town these approvals.
    assert not _scored(report, "licensing")
    restated = [f for f in report.findings if f.category == "licensing"]
    assert restated and all(f.severity == "info" for f in restated)
    assert any("《中华人民共和国城乡规划法》第四十一条" in f.basis for f in restated)
    assert report.structure.expires == date(2027, 10, 31)
    assert not [f for f in report.findings if f.category == "validity"]
    later = _review(_corpus("016.txt"), as_of=date(2028, 1, 1))
    assert [f.rule for f in later.findings if f.category == "validity"] == ["validity.expired"]


def test_local_tax_conditions_and_contribution_rewards_019() -> None:
    report = _review(_corpus("019.txt"))
    for needle in ("并在本县纳税的企业", "并在我县注册纳税的企业"):
        found = _at(report, needle, "competition")
        assert found and found[0].severity == "warning", needle
    reward = _at(report, "按其年度地方经济贡献额给予五年奖励", "competition")
    assert reward and any("第十条" in b for b in reward[0].basis)
    assert _at(report, "一事一议", "competition")
    # The relocation clause names 国家高新技术企业: the art. 12 exception is noted, not applied.
    moved = _at(report, "在我县注册纳税的企业", "competition")[0]
    assert moved.severity == "warning" and "第十二条" in moved.message
    assert "《公平竞争审查条例》第十二条第（二）项" in moved.basis
    assert any(f.rule == "procedure.fair-competition-review" for f in report.findings)


def test_forced_tender_agent_and_provisional_term_011() -> None:
    report = _review(_corpus("011.txt"))
    agent = _at(report, "建设单位应委托招标代理公司", "rights_obligations")
    assert agent and "《中华人民共和国招标投标法》第十二条第二款" in agent[0].basis
    assert [f.rule for f in report.findings if f.category == "validity"] == [
        "validity.provisional-no-term"]


@pytest.mark.parametrize("name", ["003.txt", "009.txt"])
def test_documents_without_clear_violations(name: str) -> None:
    report = _review(_corpus(name))
    assert not [f for f in report.findings if f.severity == "error"]


def test_the_seed_report_is_not_a_normative_document() -> None:
    path = _shared("seed", "000_941c10f9f08c4ec0.txt")
    report = _review(normalize_text(path.read_text(encoding="utf-8")))
    assert not _scored(report)
    assert not [f for f in report.findings if f.category == "validity"]


def test_spans_quote_the_text_exactly() -> None:
    for path in sorted(_shared("corpus", "normative").glob("*.txt")):
        text = _corpus(path.name)
        report = _review(text)
        data = report.to_json()
        assert data["schema"] == 1
        for f in data["findings"]:
            assert text[f["start"]:f["end"]] == f["quote"]
            assert f["basis"] and all(isinstance(b, str) for b in f["basis"])


def test_review_is_deterministic() -> None:
    text = _corpus("005.txt")
    assert _review(text).to_json() == _review(text).to_json()


# --- LawRefBook as lawful text -------------------------------------------------------------------


def test_a_regulation_may_set_penalties() -> None:
    path = _shared("lawrefbook", "行政法规", "价格违法行为行政处罚规定(2010-12-04).md")
    text = normalize_text(path.read_text(encoding="utf-8"))
    report = _review(text)
    assert report.instrument is not None and "行政法规" in report.instrument
    assert not [f for f in _scored(report) if f.category in ("licensing", "penalty", "coercion")]
    # The same clauses in a text that is not a law are penalties created by a lower document.
    body = text.split("\n", 2)[2]
    lower = scan(body)
    assert [f for f in lower if f.category == "penalty" and f.severity == "error"]


def test_restating_clauses_from_the_law_itself() -> None:
    # 城乡规划法 第六十五条 read into a town notice: restating, not creating.
    path = _shared("lawrefbook", "行政法", "城乡规划法(2019-04-23).md")
    law = path.read_text(encoding="utf-8")
    clause = law[law.index("在乡、村庄规划区内未依法取得乡村建设规划许可证"):].split("\n", 1)[0]
    report = _review(f"依照《中华人民共和国城乡规划法》第六十五条规定，{clause}")
    stop = [f for f in report.findings if f.category == "coercion"]
    assert stop and all(f.severity == "info" for f in stop)
    assert stop[0].basis[0] == "《中华人民共和国城乡规划法》第六十五条"


# --- creating vs restating, clause by clause -----------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "category", "severity"),
    [
        ("对擅自占道经营的，由区城管局处五千元罚款。", "penalty", "error"),
        ("违反《中华人民共和国大气污染防治法》规定的，由区城管局处一万元罚款。", "penalty", "warning"),
        ("对违规企业按有关规定处以罚款。", "penalty", "warning"),
        ("依照《中华人民共和国大气污染防治法》第一百一十五条，处一万元以上十万元以下的罚款。",
         "penalty", "info"),
        ("对拒不整改的商户，由街道办事处查封其经营场所。", "coercion", "error"),
        ("逾期不缴纳的，冻结其银行账户。", "coercion", "error"),
        ("对拒不履行的住户，可以停止供水、供电。", "coercion", "error"),
        ("开办民宿的，须经街道办事处同意后方可营业。", "licensing", "warning"),
        ("依照《中华人民共和国建筑法》第七条，建设单位取得施工许可证后方可开工。", "licensing", "info"),
        ("申请人应当缴纳审核服务费500元。", "fee", "warning"),
        ("在本区注册并纳税的企业，给予一次性奖励20万元。", "competition", "warning"),
        ("政府投资项目的勘察设计统一由区规划设计研究院承担。", "competition", "warning"),
        ("建设单位必须委托招标代理机构组织招标。", "rights_obligations", "warning"),
        ("申请人须提交居委会出具的无违法犯罪记录证明。", "rights_obligations", "warning"),
        ("本通知不对外公开，由各单位内部执行。", "procedure", "warning"),
        # 未按规定 / 违反本办法 name the breach, not a law: the fine is the document's own.
        ("未按规定办理备案的，由区住建委处以五千元罚款。", "penalty", "error"),
        ("对违规停放的共享单车，由区交通委予以没收。", "penalty", "error"),
        ("对情节严重的，吊销其经营资格。", "penalty", "error"),
        ("对逾期不拆除的，由街道组织强制拆除，费用由当事人承担。", "coercion", "error"),
        ("对未按期缴纳的，每日加收万分之五的滞纳金。", "coercion", "error"),
        ("对违规商户，街道办事处可以暂扣其经营工具。", "coercion", "error"),
        ("从事网约车经营的企业须在本区设立分公司并纳税。", "competition", "warning"),
        ("本区企业参与政府采购的，评审时给予加分。", "competition", "warning"),
        ("区内重点工程所需商品混凝土，应当优先使用本区企业产品。", "competition", "warning"),
        ("对年纳税额超过500万元的企业，按其地方财力贡献的30%给予奖励。", "competition", "warning"),
        # A bar that punishes a wrongdoing is a penalty (行政处罚法 art. 2: 予以惩戒); a bar for
        # a missed deadline only reduces rights.
        ("对拒不配合检查的企业，三年内不得申报区级专项资金。", "penalty", "warning"),
        # A bar for a period punishes, whatever the sentence says the party did (行政处罚法 art. 9 (四)).
        ("逾期未申报的，两年内不得再次申请。", "penalty", "warning"),
        ("对提供虚假材料的企业，暂停其申报资格两年。", "penalty", "warning"),
        ("被投诉查实三次以上的商户，取消其今后三年的评优资格。", "penalty", "warning"),
        ("对发生安全事故的企业，暂停其享受本区各项扶持政策。", "penalty", "warning"),
        ("经营者违规收费的，区市场监管局通知其暂停营业。", "penalty", "warning"),
        ("对违约企业记入信用档案，两年内限制其参加政府采购。", "penalty", "warning"),
        # The basis given covers the first measure; the one added after 同时 has none.
        ("骗取补贴的，依照《财政违法行为处罚处分条例》第十四条的规定处理；同时由区财政局处以骗取金额一倍的罚款。",
         "penalty", "warning"),
        ("办理营业执照须提交社区出具的居住证明。", "rights_obligations", "warning"),
        ("开设网吧须经街道同意。", "licensing", "warning"),
        ("未取得区农业农村委核发的准入证的，不得进入本区批发市场销售。", "licensing", "warning"),
        ("进入市场经营的商户应当按月缴纳市场管理费。", "fee", "warning"),
        ("本办法由区发展改革委内部掌握执行，不予公开。", "procedure", "warning"),
        # Rewards computed from the local share of a tax (公平竞争审查条例 art. 10 (1)-(2)).
        ("对新落户企业，按其缴纳企业所得税县级留成部分的40%给予扶持。", "competition", "warning"),
        ("企业须承诺五年内不将注册地迁出本县，方可享受本办法扶持。", "competition", "warning"),
        ("装修企业应当在区住建局指定的检测机构进行室内空气检测。", "competition", "warning"),
        ("本县企业生产的建材，免于进场复检。", "competition", "warning"),
        ("物流企业应当加入区物流行业协会。", "rights_obligations", "warning"),
        # Statutory remedies cannot be waived by a document (行政复议法 art. 2, 行政诉讼法 arts. 2-3).
        ("企业对核定结果无异议的，视为放弃权利，不得就核定结果申请行政复议。", "rights_obligations", "error"),
        ("当事人签署承诺书后，不再向人民法院起诉。", "rights_obligations", "error"),
        ("申请人户籍须在本县，方可申请创业补贴。", "rights_obligations", "warning"),
        ("报名人员应当具有本市户籍。", "rights_obligations", "warning"),
        ("每名申请人每年申请不得超过3次，超过的不予受理。", "rights_obligations", "warning"),
        ("入驻企业须向管委会缴纳入驻保证金5万元。", "rights_obligations", "warning"),
        ("从业人员须参加区协会组织的岗前培训，培训费每人600元。", "fee", "warning"),
        ("清运费用按每车300元的标准向施工单位收取。", "fee", "warning"),
        ("对拒不整改的商户，区城管局通知供电企业停止对其经营场所供电。", "coercion", "error"),
        ("未经登记的，不得从事经营。", "licensing", "warning"),
        ("本办法的合法性审核在印发后由区司法局补充开展。", "procedure", "error"),
        ("公平竞争审查由执行单位在执行过程中开展。", "procedure", "error"),
        ("对占道堆放的物品，由街道清运至指定地点，当事人缴纳保管费后领回。", "coercion", "warning"),
        ("对列入区龙头企业名录的企业，按其年度用气量给予每立方米0.1元补贴。", "competition", "warning"),
        ("学生报名时须提供两名担保人签字的担保书。", "rights_obligations", "warning"),
        ("从业人员须参加区物业管理协会组织的岗位培训。", "competition", "warning"),
    ],
)
def test_clause(clause: str, category: str, severity: str) -> None:
    report = _review(clause)
    found = [f for f in report.findings if f.category == category]
    assert found, [(f.rule, f.severity) for f in report.findings]
    assert max(found, key=lambda f: ("info", "warning", "error").index(f.severity)).severity == severity


@pytest.mark.parametrize(
    "clause",
    [
        "不得以罚款代替日常监管。",
        "对违法企业，移送区市场监管局依法处理。",
        "工作人员违反本办法的，依法给予处分。",
        "本机关办理登记不收取任何费用。",
        "当事人逾期不履行的，依法申请人民法院强制执行。",
        "企业弄虚作假的，按照资金使用协议约定收回补贴资金。",
        "本办法适用于本区行政区域内的建设工程。",
        "评标专家从区评标专家库中随机抽取。",
        "申请材料不齐全的，不予受理，并一次性告知需要补正的全部内容。",
        "申请人对审批结果不服的，可以依法申请行政复议或者提起行政诉讼。",
        "对违反本办法规定的行为，由相关部门依照有关法律、法规予以处理。",
        "对弄虚作假骗取补贴资金的，追回已拨付资金，并依法追究相关责任。",
        "政府采购活动应当依照《中华人民共和国政府采购法》的规定进行，不得以不合理的条件对供应商实行差别待遇或者歧视待遇。",
        "任何单位和个人不得为招标人指定招标代理机构。",
        "企业应当按照规定为职工缴纳社会保险费。",
        "行政机关实施行政许可，不得向申请人收取任何费用。",
        "建设单位应当在开工前依法申领建设工程施工许可证。",
        "对拒不改正的，由区城管执法局依照《上海市市容环境卫生管理条例》第四十七条处以罚款。",
        "本办法所称企业，是指在本区依法登记注册、具有独立法人资格的企业。",
        "项目验收不合格的，不予拨付后续资金。",
        "申请人隐瞒有关情况或者提供虚假材料申请的，不予受理。",
        "供水企业因工程施工确需停止供水的，应当提前24小时通知用户。",
        "对符合条件的小微企业，按照国家规定减免相关行政事业性收费。",
        # Refusing the application at hand, or a bar the statute itself sets, is no new penalty.
        "申报单位弄虚作假的，取消其本次申报资格。",
        "依照《中华人民共和国政府采购法》第七十七条，供应商提供虚假材料的，一至三年内禁止参加政府采购活动。",
        "企业违约的，按照扶持协议约定取消其此后三年的申报资格。",
        "不得以一次违约为由取消供应商三年内参加政府采购的资格。",
        "对拒不移交资料的物业服务企业，移送区住建局依法处理。",
        "依照《中华人民共和国大气污染防治法》第一百一十八条处罚，同时责令其依法整改。",
        "企业可以自主选择具备资质的检测机构。",
        "居民应当将大件垃圾投放至街道指定的地点。",
        "本地企业和外地企业的建材适用同一检测标准。",
        "企业在享受扶持期间迁出本区的，按照扶持协议约定退还扶持资金。",
        "按照国家规定落实增值税留抵退税政策。",
        "行业协会应当为会员提供信息咨询服务，企业自愿加入。",
        "申请人对决定不服的，可以依法申请行政复议，也可以直接向人民法院提起行政诉讼。",
        "行政复议期间行政行为不停止执行。",
        "任何单位不得限制当事人申请行政复议或者提起行政诉讼。",
        "最低生活保障申请由申请人向户籍所在地乡镇人民政府提出。",
        "不得将本地户籍作为享受补贴的条件。",
        "投标人应当依法提交投标保证金。",
        "养老机构向老年人收取押金的，押金不得超过12个月的服务费。",
        "依照《保障农民工工资支付条例》第三十二条的规定存储工资保证金。",
        "参训人员伙食费每人每天100元，由培训机构承担。",
        "生活补助费每人每月500元，按季度发放。",
        "可以依照国家有关规定收取信息处理费。",
        "公平竞争审查工作在政策实施后定期评估。",
        "起草单位应当在起草阶段开展公平竞争审查。",
        "（二）行政强制案卷：实施查封、扣押是否有法律、法规依据。",
        "供电企业因检修需要停止供电的，应当提前通知用户。",
        "依照《中华人民共和国道路交通安全法》第九十三条，对违法停放的机动车，可以拖移至指定地点，当事人缴纳费用后领回。",
        "借款人申请贷款时应当提供担保人。",
        "对符合条件的工业企业，按其年度用电量给予每千瓦时0.05元补贴。",
        "燃气经营者不得有下列行为：\n（一）限定用户购买其指定的燃气器具；\n（二）拒绝向市政燃气管网覆盖范围内符合用气条件的单位或者个人供气。",
    ],
)
def test_lawful_clause(clause: str) -> None:
    report = _review(clause)
    assert not _scored(report), [(f.rule, f.quote) for f in _scored(report)]


def test_a_membership_the_law_requires_is_restated() -> None:
    report = _review("依照《中华人民共和国期货和衍生品法》第一百零二条，期货经营机构应当加入期货业协会。")
    found = [f for f in report.findings if f.rule == "rights.forced-membership"]
    assert [f.severity for f in found] == ["info"]


def test_an_exception_clause_does_not_cover_the_rest() -> None:
    # 依法 belongs to 除…外; the second deposit has no basis at all.
    report = _review("投标企业除依法缴纳投标保证金外，还须另行缴纳诚信保证金20万元。")
    deposits = [f for f in report.findings if f.rule == "rights.deposit"]
    assert [(f.quote, f.severity) for f in deposits] == [("缴纳诚信保证金", "warning")]


def test_list_items_take_the_context_of_their_heading() -> None:
    text = "申请补贴应当提交下列材料：\n（一）申请表；\n（二）派出所出具的无违法犯罪记录证明；\n"
    found = [f for f in _review(text).findings if f.category == "rights_obligations"]
    assert found and found[0].quote.endswith("证明")
    # The same item without a heading asking for it is a mere mention.
    assert not [f for f in _review("（二）派出所出具的无违法犯罪记录证明；").findings
                if f.category == "rights_obligations"]


def test_a_licence_named_after_the_town() -> None:
    text = ("枫林镇民宿管理办法\n\n第一条 经营民宿取得《枫林镇民宿经营许可证》后，方可接待游客。\n\n"
            "枫林镇人民政府\n2026年1月5日\n")
    found = [f for f in _review(text).findings if f.category == "licensing"]
    assert [f.severity for f in found] == ["error"]


def test_clawback_without_contract_is_a_hint_only() -> None:
    report = _review("企业弄虚作假的，收回已拨付的补贴资金。")
    assert [(f.category, f.severity) for f in report.findings if f.category == "penalty"] == [
        ("penalty", "info")]


# --- structure checks -----------------------------------------------------------------------------


DRAFT = """关于加强某事项管理的实施细则

第一条 为加强管理，根据《中华人民共和国合同法》第五十二条，制定本细则。
第三条 本办法自2022年3月1日起施行，有效期8年。

某区某局
2022年2月1日
"""


def test_structure_and_citation_checks() -> None:
    report = _review(DRAFT)
    rules = {f.rule: f for f in report.findings}
    # 民法典 第一千二百六十条 abolished the 合同法 on 2021-01-01, before this draft.
    assert rules["citation.abolished"].severity == "error"
    assert any("民法典" in b for b in rules["citation.abolished"].basis)
    assert rules["form.numbering"].quote == "第三条"
    assert rules["form.self-name"].quote == "本办法"
    assert rules["validity.term-too-long"].quote == "有效期8年"


def test_numbered_mention_of_an_unnumbered_attachment() -> None:
    text = ("某区管理办法\n\n第一条 申请人应当提交附件1所列材料。\n"
            "第二条 本办法自2026年1月1日起施行，有效期3年。\n\n附件：申请材料清单\n\n"
            "某区某局\n2025年12月1日\n")
    found = [f for f in _review(text).findings if f.rule == "form.attachment"]
    assert [f.quote for f in found] == ["附件1"]


def test_two_digit_years_in_doc_numbers() -> None:
    report = _review("根据《某区规范性文件管理办法》（东陵府规〔26〕1号），制定本细则。")
    assert [f.quote for f in report.findings if f.rule == "form.doc-number"] == ["东陵府规〔26〕1号"]
    assert not [f for f in _review("根据沪府办〔2018〕14号文件精神。").findings
                if f.rule == "form.doc-number"]


def test_citing_a_superseded_version() -> None:
    # 科学技术进步法 was revised in 2021 (in force 2022-01-01); naming the 2007 text is stale.
    report = _review("某区科技创新券管理办法\n\n第一条 根据《中华人民共和国科学技术进步法》（2007年修订），"
                     "制定本办法。\n\n某区科学技术委员会\n2026年3月1日\n")
    assert [f.severity for f in report.findings if f.rule == "citation.old-version"] == ["warning"]
    plain = _review("某区管理办法\n\n第一条 根据《中华人民共和国科学技术进步法》，制定本办法。\n\n"
                    "某区科学技术委员会\n2026年3月1日\n")
    assert not [f for f in plain.findings if f.category == "citation"]


def test_citing_a_superseded_version_by_its_order_number() -> None:
    # 国务院令第492号 is the 2007 text of the disclosure regulation; 第711号 (2019) replaced it.
    old = _review("某区依申请公开办理规程\n\n第一条 根据《中华人民共和国政府信息公开条例》（国务院令第492号），"
                  "制定本规程。\n\n某区人民政府办公室\n2026年3月1日\n")
    assert [f.severity for f in old.findings if f.rule == "citation.old-version"] == ["warning"]
    current = _review("某区依申请公开办理规程\n\n第一条 根据《中华人民共和国政府信息公开条例》（国务院令第711号），"
                      "制定本规程。\n\n某区人民政府办公室\n2026年3月1日\n")
    assert not [f for f in current.findings if f.category == "citation"]


def test_expired_on_its_face() -> None:
    text = "某区管理办法\n\n第一条 本办法自印发之日起施行，有效期至2020年1月1日。\n\n某区某局\n2021年3月1日\n"
    rules = [f.rule for f in _review(text).findings]
    assert "validity.expired-on-face" in rules


def test_a_draft_whose_term_is_over_before_it_can_be_issued() -> None:
    draft = "某区管理办法\n\n第一条 本办法自印发之日起施行，有效期至2025年12月31日。\n"
    found = [(f.rule, f.severity) for f in _review(draft).findings if f.category == "validity"]
    assert found == [("validity.expired-on-face", "warning")]
    # With a 成文日期 the document was issued in time and has since expired: only a note.
    issued = draft + "\n某区某局\n2024年3月1日\n"
    assert [(f.rule, f.severity) for f in _review(issued).findings if f.category == "validity"] == [
        ("validity.expired", "info")]


def test_a_binding_notice_without_dates() -> None:
    text = ("某区城市管理局关于加强店招管理的通知\n\n各街道办事处：\n\n"
            "一、商户应当保持店招整洁。\n二、店招不得遮挡消防通道。\n"
            "三、商户应当定期检查店招安全。\n四、不得在店招上发布违法广告。\n\n"
            "某区城市管理局\n2026年3月1日\n")
    report = _review(text)
    # A 通知 takes effect on issue; a binding one still needs a term.
    assert [f.rule for f in report.findings if f.category == "validity"] == ["validity.no-term"]
    forever = _review(text.replace("四、", "五、本通知长期有效。\n四、"))
    assert "validity.indefinite" in [f.rule for f in forever.findings]


def test_plain_text_is_still_reviewed() -> None:
    report = _review("对擅自占道经营的处五千元罚款")
    assert report.structure.plain_text
    assert any(f.rule == "form.plain-text" for f in report.findings)
    assert any("纯文本" in note for note in report.notes)
    assert any(f.category == "penalty" and f.severity == "error" for f in report.findings)
    empty = _review("")
    assert empty.to_json()["document"]["chars"] == 0


def _rules(text: str, category: str) -> list[str]:
    """The rule ids of the findings of one category, in order."""
    return [f.rule for f in _review(text).findings if f.category == category]


def test_a_provisional_plan_needs_a_term() -> None:
    text = ("某区种植补贴实施方案（试行）\n\n一、补贴对象为本区种植户。\n二、本方案自印发之日起试行。\n\n"
            "某区农业农村局\n2026年3月1日\n")
    assert _rules(text, "validity") == ["validity.provisional-no-term"]


def test_a_trial_period_is_a_term() -> None:
    # 试行期N年 is the term of a provisional text: judged by its length, never "no term".
    text = ("某县食品小作坊登记管理办法（试行）\n\n一、从事小作坊生产加工应当办理登记。\n"
            "二、本办法自2027年1月1日起试行，试行期六年。\n\n某县市场监督管理局\n2026年10月1日\n")
    assert _rules(text, "validity") == ["validity.term-too-long"]
    assert _rules(text.replace("试行期六年", "试行期四年"), "validity") == [
        "validity.provisional-term-too-long"]
    assert not _rules(text.replace("试行期六年", "试行期两年"), "validity")


def test_a_start_given_with_the_term_or_from_today_is_an_effective_date() -> None:
    # 有效期自A至B names the start; 即日起实施 takes effect on issue.
    text = ("某县关于加大招商引资力度的若干政策\n\n一、企业应当如实申报投资额。\n"
            "二、本政策有效期自2026年12月1日至2028年11月30日。\n\n某县人民政府\n2026年11月20日\n")
    assert not _rules(text, "validity")
    assert _rules(text.replace("2028年11月30日", "2035年12月31日"), "validity") == [
        "validity.term-too-long"]
    today = text.replace("本政策有效期自2026年12月1日至2028年11月30日",
                         "本政策即日起实施，有效期至2027年12月31日")
    assert not _rules(today, "validity")


def test_an_internal_work_rule_needs_no_term() -> None:
    text = ("某区市场监督管理局案卷评查办法\n\n局机关各科室、各市场监管所：\n"
            "一、评查本局上一年度办结的案卷。\n二、本办法自印发之日起施行。\n\n"
            "某区市场监督管理局\n2026年2月3日\n")
    assert not _rules(text, "validity")
    public = text.replace("局机关各科室、各市场监管所", "各街道办事处，区政府各部门")
    assert _rules(public, "validity") == ["validity.no-term"]


def test_a_comment_period_given_as_dates() -> None:
    head = "某区管理办法（征求意见稿）\n\n公开征求意见时间："
    assert _rules(head + "2026年9月3日至2026年9月5日。\n", "procedure") == ["procedure.comment-period"]
    assert "procedure.comment-period" not in _rules(head + "2026年9月3日至10月5日。\n", "procedure")


def test_a_licence_a_regulation_names_is_restated_not_created() -> None:
    head = "某县林木采伐管理办法\n\n第一条 为规范林木采伐，制定本办法。\n"
    restated = _review(head + "第二条 由县林业和草原局审核后核发林木采伐许可证。\n")
    found = [f for f in restated.findings if f.rule == "licensing.licence-issued"]
    assert [f.severity for f in found] == ["info"]
    assert any(b.startswith("《中华人民共和国森林法》") or "森林法" in b for b in found[0].basis)
    invented = _review(head + "第二条 由县林业和草原局审核后核发古树认养许可证。\n")
    assert [f.severity for f in invented.findings if f.rule == "licensing.licence-issued"] == ["warning"]


def test_an_internal_office_named_as_the_issuer_in_the_body() -> None:
    head = "某县扬尘污染防治管理办法\n\n第一条 为防治扬尘污染，制定本办法。\n"
    office = head + "第二条 本办法由某县生态环境分局大气环境科制定并发布，自2027年1月1日起施行，有效期3年。\n"
    assert _rules(office, "procedure") == ["procedure.internal-issuer"]
    for lawful in ("第二条 本办法由县人民政府办公室印发，自2027年1月1日起施行，有效期3年。\n",
                   "第二条 本办法由县生态环境局法规科负责解释，自2027年1月1日起施行，有效期3年。\n"):
        assert "procedure.internal-issuer" not in _rules(head + lawful, "procedure")


def test_an_article_of_a_cited_statute_repeated_without_its_citation() -> None:
    # The preamble cites 殡葬管理条例; art. 22's sanction is repeated word for word further on.
    head = "第一条 根据《殡葬管理条例》，结合本县实际，制定本办法。\n"
    copy = ("第十八条 制造、销售封建迷信殡葬用品的，由县民政局会同县市场监督管理局予以没收，"
            "可以并处制造、销售金额1倍以上3倍以下的罚款。\n")
    found = {f.rule: f for f in _review(head + copy).findings if f.category == "penalty"}
    assert found["penalty.fine"].severity == "info"
    assert any("第二十二条" in b for b in found["penalty.fine"].basis)
    # Another multiple is no copy; nor is the same sanction where the statute is never cited.
    changed = copy.replace("1倍以上3倍以下", "5倍以上10倍以下")
    assert [f.severity for f in _review(head + changed).findings if f.rule == "penalty.fine"] == ["error"]
    uncited = "第一条 为规范殡葬管理，制定本办法。\n" + copy
    assert [f.severity for f in _review(uncited).findings if f.rule == "penalty.fine"] == ["error"]


def test_a_measure_of_a_cited_statute_with_the_organ_renamed_is_restated() -> None:
    # 城市道路管理条例 art. 31, with the organs named as the city calls them.
    text = ("第一条 根据《城市道路管理条例》，制定本办法。\n第十一条 因特殊情况需要临时占用城市道路的，"
            "须经市城市管理局和公安机关交通管理部门批准，方可按照规定占用。\n")
    found = [f for f in _review(text).findings if f.rule == "licensing.approval-precondition"]
    assert [f.severity for f in found] == ["info"] and "第三十一条" in found[0].message


def test_the_restated_article_named_does_not_depend_on_string_hashing() -> None:
    # 药品管理法 arts. 41 and 51 both state the 批准: which one the finding names must not
    # vary with the set order of character pairs, i.e. with PYTHONHASHSEED (seed 4 differed).
    script = ("from fazhi.core.review import review_text\n"
              "text = ('第一条 根据《中华人民共和国药品管理法》，制定本办法。\\n第四条 从事药品零售活动，'\n"
              "        '应当经所在地县级以上药品监督管理部门批准，取得药品经营许可证。\\n')\n"
              "print([f.basis[0] for f in review_text(text).findings\n"
              "       if f.rule == 'licensing.approval-precondition'])\n")
    named = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout
             for seed in ("1", "4")}
    assert len(named) == 1 and "药品管理法" in named.pop()


def test_a_figure_of_a_cited_article_moved_the_wrong_way() -> None:
    head = "第一条 根据《城市道路管理条例》，制定本办法。\n"
    repair = ("第九条 埋设在城市道路下的管线发生故障需要紧急抢修的，可以先行破路抢修，并同时通知市城市管理局和"
              "公安机关交通管理部门，在{}内按照规定补办批准手续。\n")
    found = [f for f in _review(head + repair.format("12小时")).findings if f.rule == "rights.altered-figure"]
    assert [f.quote for f in found] == ["12小时"] and "24小时" in found[0].message
    # The party's own time, as the regulation gives it or longer, is no cut.
    for hours in ("24小时", "二十四小时", "48小时"):
        assert "rights.altered-figure" not in [f.rule for f in _review(head + repair.format(hours)).findings]
    # A fine outside the range the cited article sets; within it, a lawful specification.
    fund = "第一条 根据《医疗保障基金使用监督管理条例》，制定本办法。\n"
    fine = ("第七条 定点医药机构分解住院、挂床住院，造成医疗保障基金损失的，由县医保局责令退回，"
            "处造成损失金额{}的罚款。\n")
    found = [f for f in _review(fund + fine.format("3倍")).findings if f.rule == "penalty.altered-range"]
    assert [f.quote for f in found] == ["3倍"]
    assert "penalty.altered-range" not in [f.rule for f in _review(fund + fine.format("1倍以上2倍以下")).findings]


def test_a_clause_about_a_new_object_after_a_semicolon_stands_alone() -> None:
    text = ("未办理许可运输建筑垃圾的，依照《某市市容环境卫生管理条例》第六十六条规定处罚；"
            "对查获的运输车辆，一律予以暂扣。")
    found = [f for f in _review(text).findings if f.rule == "coercion.measure"]
    assert [f.severity for f in found] == ["error"]
    chained = ("未办理许可运输建筑垃圾的，依照《某市市容环境卫生管理条例》第六十六条规定责令改正；"
               "拒不改正的，予以暂扣。")
    assert [f.severity for f in _review(chained).findings if f.rule == "coercion.measure"] == ["info"]
    # 对单位养犬的，… is a case of the same article, not a new object.
    cases = ("未办理养犬登记的，依照《某市养犬管理条例》第十九条规定，对个人可以处二百元罚款；"
             "对单位养犬的，可以处一千元以上三千元以下罚款。")
    assert {f.severity for f in _review(cases).findings if f.rule == "penalty.fine"} == {"info"}


def test_a_citation_does_not_cover_a_measure_its_statute_lacks() -> None:
    # 殡葬管理条例 has no 扣押 anywhere: citing it before the ； lends the seizure no basis.
    text = ("违反规定土葬的，由县民政局依照《殡葬管理条例》第二十条规定责令限期改正；拒不改正的，"
            "由乡镇人民政府扣押其丧葬用品。")
    found = [f for f in _review(text).findings if f.rule == "coercion.measure"]
    assert [f.severity for f in found] == ["error"] and "未规定“扣押”" in found[0].message
    # The statute provides the confiscation: the citation restates it.
    lawful = ("制造、销售封建迷信殡葬用品的，由县民政局依照《殡葬管理条例》第二十二条规定予以没收，"
              "可以并处制造、销售金额1倍以上3倍以下的罚款。")
    found = [f for f in _review(lawful).findings if f.rule == "penalty.confiscation"]
    assert [f.severity for f in found] == ["info"]


def test_an_old_order_number_is_the_part_reported() -> None:
    text = "根据《农药管理条例》（国务院令第216号）等规定，制定本办法。"
    found = [f for f in _review(text).findings if f.rule == "citation.old-version"]
    assert [f.quote for f in found] == ["《农药管理条例》（国务院令第216号）"]


def test_each_certificate_asked_for_in_a_sentence_is_reported() -> None:
    text = "申请人应当提交户籍所在地派出所出具的无犯罪记录证明，以及居委会出具的无自有住房证明。"
    found = [f.quote for f in _review(text).findings if f.rule == "rights.certificate"]
    assert len(found) == 2 and "无自有住房证明" in found[1]


def test_an_item_of_a_list_run_into_one_sentence_reads_its_heading() -> None:
    text = "申报人应当提交下列材料：1.身份证件；2.劳动合同；3.户籍所在地公安派出所出具的无犯罪记录证明。"
    assert "rights.certificate" in [f.rule for f in _review(text).findings]


def test_a_certificate_asked_for_is_reported_once() -> None:
    # The needless certificate says it better than "an added licence condition"; a consent
    # letter, which is no certificate, stays an added condition.
    text = "申请人除提交建设方案外，还应当提交居住地社区出具的居住证明。"
    assert [f.rule for f in _scored(_review(text))] == ["rights.certificate"]
    consent = "申请人除提交建设方案外，还应当提交所在村民小组的书面同意书。"
    assert "licensing.extra-conditions" in [f.rule for f in _scored(_review(consent))]


def test_conditions_added_in_a_list_cover_its_items() -> None:
    text = ("第六条 申请瓶装燃气经营许可的企业，除应当具备《城镇燃气管理条例》第十五条规定的条件外，"
            "还应当符合下列条件：\n（一）注册资本不低于1000万元；\n（二）在本市设有储配站。\n"
            "第七条 燃气经营者应当建立安全管理制度。\n")
    found = [f for f in _review(text).findings if f.rule == "licensing.added-conditions"]
    assert len(found) == 1
    assert found[0].quote.endswith("（二）在本市设有储配站。")
    assert "第七条" not in found[0].quote


def test_custody_borne_by_the_organ_is_no_fee() -> None:
    text = "因扣押车辆发生的保管费用由实施扣押的部门承担，不得向当事人收取。"
    assert "fee.custody-cost" not in _rules(text, "fee")
    # The costs of the owner's own delay are his.
    late = "扣留的车辆经通知后当事人逾期未领取的，逾期产生的停车费用由当事人承担。"
    assert "fee.custody-cost" not in _rules(late, "fee")
    assert _rules(text.replace("由实施扣押的部门承担，不得向当事人收取", "由车辆所有人承担"), "fee") == [
        "fee.custody-cost"]


def test_an_internal_office_as_the_masthead() -> None:
    # The 发文机关标志 line above the 文号 names a 科: the first place the issuer shows.
    body = ("\n\n关于印发《某区人才公寓配租细则》的通知\n\n各街镇：\n\n"
            "一、人才公寓面向在本区就业的人才配租。\n二、本细则自2027年1月1日起施行，有效期3年。\n\n")
    office = "某区住房保障和房屋管理局住房保障科\n\n某房保〔2026〕4号" + body + "某区住房保障和房屋管理局\n2026年12月1日\n"
    found = [f for f in _review(office).findings if f.rule == "procedure.internal-issuer"]
    assert [f.quote for f in found] == ["某区住房保障和房屋管理局住房保障科"]
    organ = office.replace("局住房保障科\n", "局\n", 1)
    assert "procedure.internal-issuer" not in _rules(organ, "procedure")


def test_a_repeated_number_is_one_slip() -> None:
    text = ("某区管理办法\n\n一、总则\n二、范围\n三、内容\n三、方式\n五、附则：本办法自2026年1月1日起施行，"
            "有效期3年。\n\n某区某局\n2025年12月1日\n")
    assert [f.quote for f in _review(text).findings if f.rule == "form.numbering"] == ["三、"]


def test_a_notice_issuing_measures_may_say_ben_cuoshi() -> None:
    text = ("某区人民政府办公室关于印发某区促进消费若干措施的通知\n\n各街道办事处：\n"
            "一、本措施适用于本区。\n二、本措施自2026年1月1日起施行，有效期2年。\n\n"
            "某区人民政府办公室\n2025年12月1日\n")
    assert "form.self-name" not in _rules(text, "form")


def test_the_attachment_of_a_notice_issuing_one_document() -> None:
    text = ("某区农业农村局关于印发《某区养殖场备案管理办法》的通知\n\n各镇人民政府：\n"
            "现将《某区养殖场备案管理办法》印发给你们，请认真贯彻执行。\n\n附件：某区养殖场登记管理细则\n\n"
            "某区农业农村局\n2026年3月1日\n")
    found = [f for f in _review(text).findings if f.rule == "form.attachment"]
    assert [f.quote for f in found] == ["某区养殖场登记管理细则"]
    same = text.replace("附件：某区养殖场登记管理细则", "附件：某区养殖场备案管理办法")
    assert not [f for f in _review(same).findings if f.rule == "form.attachment"]
    form = text.replace("附件：某区养殖场登记管理细则", "附件：备案申请表")
    assert not [f for f in _review(form).findings if f.rule == "form.attachment"]


def test_training_by_a_public_body_is_no_designated_supplier() -> None:
    # 应当参加消防救援机构组织的培训 may still be compulsory training (a warning of its own),
    # but a public body is not a supplier the firms are tied to.
    report = _review("单位消防安全责任人应当参加消防救援机构组织的消防安全培训。")
    assert not [f for f in report.findings if f.category == "competition"]


# --- coverage from the statutes: every kind the law enumerates, in ordinary drafting words ---------
# Each measure has two phrasings that create it and near-misses that do not (restated with the
# statute, 依法, agreed in a contract, internal to the organ, or forbidden).

STATUTE_POSITIVES = [
    # 行政处罚法 art. 9 (一): 警告、通报批评.
    ("对违规企业，在全区范围内予以通报批评。", "penalty.warning"),
    ("经营者未按要求整改的，由区商务局给予书面警告。", "penalty.warning"),
    # art. 9 (二): 罚款, 没收.
    ("对在禁烟场所吸烟的，每次罚200元。", "penalty.fine"),
    ("对违规经营的商户，给予500元经济处罚。", "penalty.fine"),
    ("对无证摊贩，由城管中队收缴其经营工具。", "penalty.confiscation"),
    ("对违规销售的，没收其全部商品。", "penalty.confiscation"),
    # art. 9 (三): 暂扣许可证件、降低资质等级、吊销许可证件.
    ("对违规企业，降低其信用等级。", "penalty.licence-sanction"),
    ("对发生安全事故的企业，资质等级降一级。", "penalty.licence-sanction"),
    ("对违规运营的车辆，暂扣其道路运输证。", "penalty.licence-sanction"),
    # art. 9 (四): 限制开展生产经营活动、责令停产停业、责令关闭、限制从业.
    ("对屡次违规的施工企业，限制其在本区开展生产经营活动。", "penalty.licence-sanction"),
    ("对拒不整改的企业，限制其生产经营。", "penalty.licence-sanction"),
    ("对违规的养老机构，关闭其经营场所。", "penalty.licence-sanction"),
    ("对存在重大隐患的，责令其停业。", "penalty.licence-sanction"),
    ("对违规的从业人员，三年内不得从事家政服务工作。", "penalty.licence-sanction"),
    # art. 9 (五): 行政拘留.
    ("对拒不改正的，由公安机关予以拘留。", "penalty.licence-sanction"),
    ("情节严重的，处以行政拘留。", "penalty.licence-sanction"),
    # 行政强制法 art. 9: 查封、扣押、冻结、限制人身自由.
    ("对违规操作的企业，街道可以封存其生产设备。", "coercion.measure"),
    ("对违章搭建的，执法人员可以张贴封条。", "coercion.measure"),
    ("对拒不缴纳的，扣划其账户资金。", "coercion.measure"),
    ("对欠缴的企业，冻结其专项资金账号。", "coercion.measure"),
    ("对醉酒滋事人员，可以将其留置至清醒。", "coercion.measure"),
    # art. 12: 拍卖或者依法处理; 排除妨碍、恢复原状; 代履行.
    ("逾期未认领的物品，由街道统一拍卖处置。", "coercion.measure"),
    ("超期不领取的车辆，由管理处变卖。", "coercion.measure"),
    ("对违规用户强制清理其堆放物品。", "coercion.measure"),
    ("对侵占绿地的，由街道强制恢复原状。", "coercion.measure"),
    ("逾期不整改的，由街道代为拆除，所需费用由当事人承担。", "coercion.measure"),
    ("拒不清理的，由环卫所代为清运，费用由违法者承担。", "coercion.measure"),
    # art. 43 ¶2: 停止供水、供电、供热、供燃气.
    ("对拒不整改的住户，采取断水断电措施。", "coercion.utility-cutoff"),
    ("逾期未拆除的，对其停水停电。", "coercion.utility-cutoff"),
    # 行政许可法 arts. 14-17: a licence under another name (准入证, 资格确认, 认定, 年检).
    ("开办托育机构须取得区卫健委核发的《托育服务准入证》后方可开展服务。", "licensing.disguised"),
    ("取得区文旅局出具的《资格确认书》后，方可收住游客。", "licensing.disguised"),
    ("从业人员须持有区协会颁发的上岗证后方可上岗。", "licensing.disguised"),
    ("对本区网约车实行准入管理制度。", "licensing.disguised"),
    ("电动自行车经营者每年须参加区市场监管局组织的年检。", "licensing.disguised"),
    ("未通过年审的，不得继续运营。", "licensing.disguised"),
    ("经区商务局认定后方可开展预付卡业务。", "licensing.approval-precondition"),
    ("未经区住建局认定的，不得承接本区工程。", "licensing.approval-precondition"),
    ("举办促销活动须报街道办事处审核。", "licensing.approval-precondition"),
    ("设置户外广告应当经区城管局审定。", "licensing.approval-precondition"),
    # 国办发〔2018〕37号 一（一）: 循环证明、重复证明、无谓证明.
    ("申请人须提供户籍所在地村委会出具的家庭情况证明。", "rights.certificate"),
    ("申请人须提供户籍地和居住地两地社区分别出具的收入证明。", "rights.certificate"),
    # 优化营商环境条例 art. 14 ¶3: 摊派.
    ("各商户须按营业面积分摊节日亮化费用。", "rights.levy"),
    ("辖区企业每家须赞助文化节活动经费不少于5000元。", "rights.levy"),
    ("街道向辖区商户摊派创建经费。", "rights.levy"),
    # 37号: 人身权、财产权、人格权、劳动权、休息权.
    ("对拖欠物业费的业主，在小区公开栏张贴其姓名和房号。", "rights.basic-rights"),
    ("对违规的网约车司机，公开曝光其姓名和照片。", "rights.basic-rights"),
    ("对不文明养犬的居民，在社区公示其姓名。", "rights.basic-rights"),
    ("对未完成拆迁任务的村民，停发其养老金。", "rights.basic-rights"),
    ("区属企业不得录用外地户籍人员。", "rights.basic-rights"),
    ("春节期间辖区内企业一律照常上班。", "rights.basic-rights"),
    # 37号: 应由市场调节、企业和社会自律、公民自我管理的事项.
    ("辖区商户营业时间统一为早8时至晚10时。", "rights.self-governance"),
    ("商业街商户门头招牌须统一样式和颜色。", "rights.self-governance"),
    ("婚宴桌数不得超过20桌。", "rights.self-governance"),
    # 优化营商环境条例 art. 64: rights tied to an unrelated duty.
    ("对拖欠物业费的业主，暂停办理不动产登记。", "rights.linked-refusal"),
    ("未签订拆迁协议的，不予办理其子女入学手续。", "rights.linked-refusal"),
    # 37号 一（一）: benefits withdrawn or compensation refused as a sanction.
    ("对违规用火的农户，取消其当年生态公益林补偿资金和各类惠农补贴发放资格。", "rights.benefit-forfeiture"),
    ("养殖场应当于2027年6月30日前自行关闭；逾期未关闭的，不予补偿。", "rights.benefit-forfeiture"),
    ("须由其就读学校出具同意参训证明，培训机构凭证明办理报名。", "rights.certificate"),
    # 民法典 art. 944 ¶3 and art. 506 (一).
    ("业主拒不交纳物业费超过6个月的，物业服务企业可以对其采取暂停供水等措施，直至其交清欠费。", "rights.utility-dunning"),
    ("服务协议中应当约定，老年人因自身原因发生摔倒等意外伤害的，养老机构不承担任何赔偿责任。", "rights.liability-waiver"),
    # 行政处罚法 art. 9 (三): a licence withdrawn for a wrongdoing; bars on applying again.
    ("存放量超过限制存放量的，收回其零售许可证，下一年度不再受理其申请。", "penalty.licence-withdrawal"),
    ("一年内被有效投诉三次以上的，注销其网约车驾驶员证，五年内不得重新申领。", "penalty.licence-withdrawal"),
    ("年度考核不合格的，列入维保单位黑名单，一年内不得在本市承接电梯维保业务。", "penalty.bar"),
    ("年度检查不合格的，由县教育和体育局责令其停止招生一年。", "penalty.restriction"),
    ("诊所违反本通知规定的，由区卫生健康委员会暂停其执业三个月。", "penalty.restriction"),
    ("兽药经营企业未建立购销记录的，由县农业农村局处以3000元罚款；拒不改正的，依照《兽药管理条例》吊销兽药经营许可证。",
     "penalty.fine"),
    ("对逾期未整改的，每逾期一日加处二千元罚款。", "coercion.measure"),
    ("对未按期动工的，可以函告供水、供电单位暂停该宗地施工用水用电，直至动工。", "coercion.utility-cutoff-arranged"),
    # 行政许可法 art. 16 ¶4: minimums set for applicants.
    ("申请经营游泳项目的，游泳场馆水面面积不得少于800平方米。", "licensing.quantitative-condition"),
    ("在本区设置诊所的主要负责医师，应当在医疗卫生机构中执业满八年。", "licensing.quantitative-condition"),
    # 公平竞争审查条例 arts. 8 (三)(四), 9 (一)(二), 11 (三).
    ("新设诊所与已有诊所的直线距离不得少于300米。", "competition.quantity-limit"),
    ("每个街道诊所总数原则上不超过10家，新设网点应当报备。", "competition.quantity-limit"),
    ("床位运营补贴仅限本县户籍人员投资举办的养老机构申请。", "competition.residence-condition"),
    ("全县零售经营者统一从瑞丰烟花爆竹批发有限公司进货。", "competition.designated-supplier"),
    ("监测设备由区智慧环保平台运营单位统一提供并安装。", "competition.designated-supplier"),
    ("报废车辆统一组织交售给源再生资源回收利用有限公司，其他回收企业不得承接。", "competition.designated-supplier"),
    ("园区企业采购本县企业生产的原材料，年度采购额超过100万元的，按采购额的2%给予奖励。",
     "competition.outsider-discrimination"),
    ("网约车起步价及里程单价不得低于本市巡游出租汽车运价标准的1.2倍。", "competition.price-intervention"),
    # 公平竞争审查条例 art. 18; 37号 二（六）.
    ("鉴于本政策属于招商引资政策，不适用公平竞争审查。", "procedure.skipped-review"),
    # 行政许可法 arts. 14–17: yearly reviews and steps before the statutory application.
    ("取得燃气经营许可证的企业实行年度审验制度，企业应当每年申请年审。", "licensing.annual-review"),
    ("印刷企业应当于每年3月底前报送经营情况，参加年度核验。", "licensing.annual-review"),
    ("申请登记卡的，应当先取得所在社区居民委员会出具的同意设摊意见，并经街道办事处签字盖章后，再向市场监管所提出申请。",
     "licensing.pre-step"),
    ("申请印刷经营许可证前，经区文化广电和旅游局现场核查并出具初审同意意见后方可报送。", "licensing.pre-step"),
    ("应当先向县消防救援大队申请检查，取得《消防安全检查合格意见书》后，方可提交安全许可申请。", "licensing.pre-step"),
    ("市外建筑业企业首次进入我市承揽工程的，应当向市住房和城乡建设局办理入市登记。", "licensing.disguised"),
    ("取得资格证后方可对外承接业务。", "licensing.disguised"),
    ("县外旅行社组织旅游团队游览的，应当提前报送团队行程，经备案确认后方可接团入园。", "licensing.approval-precondition"),
    # 行政处罚法 art. 9: fines, confiscation and deposits kept under other names.
    ("建设单位按每人每日200元从应付工程款中扣除违约金，由市住房和城乡建设局统一收缴。", "penalty.fine"),
    ("建房户未按批准的面积、层数建设的，保证金不予退还。", "penalty.deposit-deduction"),
    ("涉案渔船一律集中拆解，不予返还。", "penalty.confiscation"),
    ("对一年内两次以上被查处的食品摊贩，注销其登记卡，两年内不予重新登记。", "penalty.licence-withdrawal"),
    ("评级结果为D级的，暂停其新增担保业务6个月。", "penalty.restriction"),
    ("对违法建设的建房户，可以对其家庭成员暂停发放村集体经济组织收益分配。", "rights.benefit-forfeiture"),
    ("药品零售企业应当向市场监督管理局缴存药品质量保证金5万元。", "rights.deposit"),
    # 公平竞争审查条例 arts. 8 (三), 9 (一)(三), 11 (三).
    ("瓶装燃气经营者应当从县人民政府确定的气源企业统一采购液化石油气。", "competition.designated-supplier"),
    ("人员密集场所应当与县消防协会推荐名单内的维护保养单位签订维保合同。", "competition.designated-supplier"),
    ("购房补贴仅限于购买列入人才安居房源目录内开发企业的新建商品住房。", "competition.designated-supplier"),
    ("未纳入供应商库的供应商不得参与。", "competition.designated-supplier"),
    ("新开办药品零售企业应当加盟本市注册的药品零售连锁企业。", "competition.outsider-discrimination"),
    ("进入本县农贸市场销售的鲜猪肉，应当来自本县定点屠宰厂（场）。", "competition.outsider-discrimination"),
    ("在我县景区从事讲解服务的导游人员，应当具有本县户籍。", "competition.residence-condition"),
    ("景区对旅行社团队的门票优惠不得低于挂牌价格的八折。", "competition.price-intervention"),
    ("住房租赁企业续租时租金年度涨幅不得超过5%。", "competition.price-intervention"),
    ("本办法于2025年12月1日至12月3日在县政府门户网站公开征求意见。", "procedure.comment-period"),
    # From the fifth held-out set's phenomena.
    ("施工单位应当从区房管局公布的维修工程施工单位推荐名录中选定。", "competition.designated-supplier"),
    ("主要建筑材料由县住房和城乡建设局统一招标确定的供应商供应。", "competition.designated-supplier"),
    ("未入库的企业不得在本县承揽分布式光伏安装业务。", "competition.designated-supplier"),
    ("（二）县人社局指定的第三方人力资源服务机构出具的用工情况核查报告；", "competition.designated-supplier"),
    ("剧本应当从区剧本娱乐行业协会建立的“合规剧本库”中选用。", "competition.designated-supplier"),
    ("充电设施由县城市发展投资集团有限公司统一投资建设和运营。", "competition.designated-supplier"),
    ("县城投集团下属砂石公司作为全县砂石统一经营主体。", "competition.exclusive-right"),
    ("申请资格证书的企业应当在本区已建成运营不少于50个充电终端。", "competition.entry-condition"),
    ("农家乐不得向旅游者提供非本县企业生产的桶装饮用水。", "competition.outside-goods-ban"),
    ("户用光伏项目须取得乡镇人民政府出具的同意建设意见后，方可办理备案手续。", "licensing.pre-step"),
    ("应当取得区发展和改革局核发的《充电设施运营资格证书》。", "licensing.disguised"),
    ("申请办理《小型工程开工核准书》，未取得核准书的，不得开工建设。", "licensing.licence-issued"),
    ("申请领取施工许可证，应当具备《中华人民共和国建筑法》第八条规定的条件，并同时提交完税证明。",
     "licensing.added-conditions"),
    ("骗取补贴的，三年内取消其享受各类社会救助和福利补贴的资格。", "penalty.bar"),
    ("对未批先建的建设单位，一年内暂停受理其在本区所有项目的施工许可申请。", "penalty.bar"),
    ("入场经营者应当在签订摊位租赁合同时，向县市场监管局指定账户缴纳食品安全保证金5000元。", "rights.deposit"),
    # From the sixth and seventh held-out sets' phenomena.
    ("主播发布虚假宣传信息的，列入直播电商负面名单，一年内不得在本区开展直播活动。", "penalty.bar"),
    ("对违反规定的，二年内不予受理其新的道路挖掘申请。", "penalty.bar"),
    ("对考核不合格的运营企业，责令其停止新增投放，情节严重的取消其在本区的运营资格。", "penalty.licence-withdrawal"),
    ("代建单位应当约定由施工单位先行垫付不低于合同价款30%的工程款。", "rights.advance-funding"),
    ("定点评估工作委托县医药行业协会组织实施，由协会作出是否纳入定点的决定。", "procedure.power-delegation"),
    ("县人民政府授权县民宿协会负责全县民宿等级评定和经营资格年度复核。", "procedure.power-delegation"),
    ("区房屋征收事务中心可以会同供水、供电企业暂停其房屋的供水、供电。", "coercion.utility-cutoff-arranged"),
    ("逾期不改正的，由乡镇人民政府组织有关部门强制起棺火化。", "coercion.measure"),
    ("审查确认后方可制作安装。", "licensing.approval-precondition"),
    ("经审核纳入名录后方可在本区开展经纪业务。", "licensing.approval-precondition"),
    ("区内二手车交易原则上应当在经区商务局认定的二手车交易市场内进行。", "competition.designated-supplier"),
    ("入园企业应当在园区内注册独立法人企业，并承诺在园区纳税。", "competition.local-condition"),
    ("申请纳入名录的机构应当在本区连续经营满三年。", "competition.entry-condition"),
    ("本办法所称补贴对象为具有秦岭县户籍的城乡劳动者。", "rights.residence-condition"),
    ("校服价格实行统一指导，夏装每套不低于120元。", "competition.price-intervention"),
    ("区财政按照土地出让价款的60%给予企业基础设施建设补助。", "competition.land-price"),
    ("检测费用由养殖场按每次800元缴纳至区水产技术推广站。", "fee.charge"),
    # From the eighth and ninth held-out sets' phenomena.
    ("中介机构违规的，予以清退出库，12个月内不得重新入驻。", "penalty.bar"),
    ("暂停受理其购买许可申请三个月，并在全市民爆行业内通报批评。", "penalty.bar"),
    ("对违反婚事办理标准大操大办的群众，由镇人民政府在全镇范围内通报批评。", "penalty.warning"),
    ("经验收合格取得当年度《游泳场所开放合格证》后方可对外开放。", "licensing.disguised"),
    ("商户须向区城市管理综合行政执法局申领《夜市摊位经营许可证》。", "licensing.licence-issued"),
    ("包装物一律向市农投农产品包装有限公司定制采购。", "competition.designated-supplier"),
    ("村民建房应当使用县农房建材集中供应中心统一配送的产品。", "competition.designated-supplier"),
    ("职业健康检查统一由市职业病防治院承担，其他医疗卫生机构出具的检查报告不予认可。", "competition.designated-supplier"),
    ("享受补贴的冷库主要设备须采购省内生产企业的产品。", "competition.outsider-discrimination"),
    ("养殖户应当承诺按期关闭搬迁并放弃对补偿标准提出异议的权利。", "rights.remedy-waiver"),
    ("申请人应当提交计划生育情况证明和新型农村合作医疗缴费证明。", "rights.certificate"),
    ("本方案暂不履行合法性审核程序，先行组织实施。", "procedure.skipped-review"),
    ("逾期不改正的，由镇综合行政执法队组织起尸火化，费用由丧属承担。", "coercion.measure"),
    ("本规定公平竞争审查工作将在实施后结合评估一并开展。", "procedure.skipped-review"),
    ("应当向区商务委缴纳不低于上年度预收资金余额20%的风险保证金。", "rights.deposit"),
    # 公平竞争审查条例 art. 8 (二), (四); art. 9 (一), (三); art. 10 (一), (三); art. 11.
    ("授予区城投公司全区公共停车场独家经营权。", "competition.exclusive-right"),
    ("区文旅集团作为全区唯一的旅游运营主体。", "competition.exclusive-right"),
    ("授予甲公司排他性经营权。", "competition.exclusive-right"),
    ("注册资本不低于5000万元的企业方可承接本区市政工程。", "competition.entry-condition"),
    ("投标人须具有本市同类工程业绩。", "competition.entry-condition"),
    ("禁止外地生猪进入本区市场销售。", "competition.outsider-discrimination"),
    ("本县原煤不得销往外地。", "competition.outsider-discrimination"),
    ("本项目仅限本区注册企业参加投标。", "competition.outsider-discrimination"),
    ("对新引进的总部企业，前三年免征城镇土地使用税。", "competition.tax-preference"),
    ("对列入重点企业名单的企业，社会保险费单位缴纳部分由区财政全额补贴。", "competition.tax-preference"),
    ("由区驾培协会统一分配学员。", "competition.cartel"),
    ("辖区内物业企业统一执行每平方米2元的服务价格。", "competition.cartel"),
    ("停车收费标准由区城管局统一核定。", "competition.price-setting"),
    ("培训机构实行最低限价，每课时不得低于100元。", "competition.price-setting"),
    # 37号 一（一）: 增加法律、法规规定之外的行政权力事项 (行政处罚法 arts. 20-21 on entrusting).
    ("委托区物业服务企业行使小区违法搭建的执法权。", "procedure.power-delegation"),
    ("村民委员会可以对乱倒垃圾的村民处以罚款。", "procedure.power-delegation"),
    ("由区停车管理公司负责违停车辆的查处。", "procedure.power-delegation"),
    # 优化营商环境条例 art. 17: 评比、达标、表彰、培训、考核、考试 imposed; membership forced.
    ("辖区全部餐饮企业一律参加区商务局组织的星级评选。", "rights.forced-activity"),
    ("组织辖区所有商户参加文明商户创建活动。", "rights.forced-activity"),
    ("企业未参加年度考核的，不得申报本区扶持资金。", "rights.forced-activity"),
    ("物流企业须成为区物流协会会员。", "rights.forced-membership"),
    ("非会员企业不得参加区家具协会组织的展销会。", "rights.forced-membership"),
    # art. 12 ¶2: no discrimination by ownership.
    ("区产业基金仅限国有企业申报。", "competition.ownership-discrimination"),
    ("民营企业不得申报本专项资金。", "competition.ownership-discrimination"),
    # art. 62 ¶2: public comment.
    ("因时间紧迫，本办法不再公开征求意见。", "procedure.no-comment"),
    ("本措施无需向社会征求意见，自印发之日起施行。", "procedure.no-comment"),
    ("本措施经主任办公会审议通过，即日起实施，不再另行征求企业意见。", "procedure.no-comment"),
    ("本办法经局务会研究通过后印发执行，不再向社会公开发布。", "procedure.unpublished"),
    ("新增定点零售药店，原则上从县医药有限责任公司所属连锁门店中择优确定。", "competition.designated-supplier"),
    ("机关食堂采购豆制品的，应当优先从本县登记的小作坊中选购。", "competition.outsider-discrimination"),
    ("研发费用补助按企业缴纳的增值税区级留存部分的30%核定。", "competition.tax-reward"),
    # 行政许可法 art. 16 ¶4, 37号 一（一）: conditions added on top of a statutory licence.
    ("申请人在提交申请材料时，另需附区体育总会出具的行业推荐意见。", "licensing.extra-conditions"),
    ("申请登记的，并须提交所在社区出具的同意经营承诺书。", "licensing.extra-conditions"),
    ("申请人除具备《道路运输条例》第二十一条规定的条件外，还应当符合以下要求：", "licensing.added-conditions"),
    ("申请开办的，除符合法定条件以外，还须满足本区制定的下列标准。", "licensing.added-conditions"),
    # 公平竞争审查条例 art. 9: local plates or a local record as a condition of taking part.
    ("投入运营的车辆须在本区公安交管部门登记上牌。", "competition.local-condition"),
    ("参加竞买的，应当为在本县登记注册满三年的企业。", "competition.local-condition"),
    # art. 8 (三): a named local firm or centre as the only provider.
    ("委托检测的，应委托区体育发展有限公司下属检测中心进行。", "competition.designated-supplier"),
    ("企业年度评估须委托县产业发展公司所属评估中心实施。", "competition.designated-supplier"),
    # 行政强制法 art. 43 ¶2: the supply named by what is supplied, or cut through the utility.
    ("拒不缴纳保洁费的农户，由镇政府暂停其自来水供应。", "coercion.utility-cutoff"),
    ("对拒不整改的企业，由街道通知供电、供水单位对其生产经营场所停止供电、供水。",
     "coercion.utility-cutoff-arranged"),
    # 行政强制法 arts. 13, 46 ¶3: goods sold to cover the organ's costs.
    ("逾期未清理的，清除物品由镇人民政府变卖抵作清运费用。", "coercion.sale-for-costs"),
    ("暂扣的货物逾期未处理的，由执法队拍卖所得款项抵缴保管费。", "coercion.sale-for-costs"),
    # 公平竞争审查条例 art. 11: a price floor an organ or association publishes.
    ("旅游旺季期间，客房价格实行市场调节价，但不得低于县民宿协会公布的最低指导价。",
     "competition.price-intervention"),
    ("驾驶培训报价不低于区交通运输局公布的指导价格。", "competition.price-intervention"),
    # art. 10 (三): a land-price rebate under another name.
    ("依法足额缴纳土地出让价款后，县财政按土地出让价款的60%以基础设施配套补助名义拨付企业。",
     "competition.land-price"),
    ("按出让金的五成给予企业项目建设扶持。", "competition.land-price"),
    # A basis inside 除…外 covers the exception only; a status required 并 after a lawful one.
    ("申请人除符合《网络预约出租汽车经营服务管理暂行办法》规定的条件外，还应当具有本市户籍。",
     "licensing.added-conditions"),
    ("除前款材料外，申请人还应当提交第三方机构出具的风险评估报告。", "licensing.extra-conditions"),
    # A contract signed earlier in the sentence does not cover a fee charged further on.
    ("经营者应当与收运企业签订协议，并将协议报区城管局备案，领取登记证，每证收取工本费10元。",
     "fee.licensing-fee"),
    # 行政许可法 art. 58, 产品质量法 art. 15: the organ's review or sampling paid by the reviewed.
    ("区市场监管局每季度组织抽检，检验费每批次600元由被抽检企业承担。", "fee.cost-shifting"),
    ("审查过程中需要专家论证的，论证费由申请人承担。", "fee.cost-shifting"),
    # A private party's consent in the sentence does not hide the organ's approval after it.
    ("物业企业调整收费标准的，应当经业主大会同意后，报区发展改革局审核同意后方可对外公布。",
     "licensing.approval-precondition"),
    ("养老机构经年度评估合格后方可继续收住老人。", "licensing.approval-precondition"),
    ("办理借阅证的，应当提供本区户籍证明。", "rights.residence-condition"),
    ("贷款银行须为区财政局确定的合作银行。", "competition.designated-supplier"),
    ("新建充电站优先支持国家电网所属企业建设。", "competition.designated-supplier"),
    ("参与竞标的企业应当为区属国有控股企业。", "competition.ownership-discrimination"),
    ("外地进入本区的物业企业，信用基础分按60分计算。", "competition.outsider-discrimination"),
    ("在本区年纳税额超过100万元的，每超过100万元加1分。", "competition.local-condition"),
    ("投标人还应当提交诚信投标保证金。", "rights.deposit"),
    ("本县保留农民工工资保证金和文明施工保证金。", "rights.deposit"),
    ("发卡企业应当将预收款的20%作为风险保证金，存入指定账户。", "rights.deposit"),
    # The wrongdoing heads the sentence, the sanction follows a ；.
    ("竞买人串通报价的，成交无效；同时取消其两年内参加本县产权交易的资格。", "penalty.restriction"),
    ("对销售不合格油品的加油站，通知供油企业暂停向其供油一个月。", "penalty.restriction"),
    ("对故意损坏公共设施的村民，取消其当年的惠农补贴资格。", "rights.benefit-forfeiture"),
    # Fees with their tariff; the organ's inspection paid by the inspected.
    ("标识牌制作费按照每块80元的标准，由商户向区市场协会缴纳。", "fee.charge"),
    ("年度检查费用按照每家企业500元的标准由企业承担。", "fee.cost-shifting"),
    # One provider, the others shut out; a provider an organ names for everyone.
    ("燃气报警器由区燃气行业协会统一采购、统一安装，用户不得自行购买其他品牌。",
     "competition.designated-supplier"),
    ("进场交易的农产品应当统一送县农产品检测站进行检测。", "competition.designated-supplier"),
    ("参训学员应当统一购买由区人社局选定的保险公司承保的意外伤害保险。",
     "competition.designated-supplier"),
    ("应当委托本市辖区内具有资质的企业承担运输。", "competition.outsider-discrimination"),
    # A bar on doing business for a period; 被依法处理 says what happened, not the new measure's basis.
    ("被取消资格的企业五年内不得在本区从事渣土运输经营。", "penalty.bar"),
    ("养殖户因违规排污被依法处理的，三年内不予办理补贴申请。", "penalty.bar"),
    ("此件不公开发布，印发至各成员单位执行。", "procedure.unpublished"),
    ("鉴于任务紧迫，本办法未再组织向社会公开征求意见。", "procedure.no-comment"),
    ("本办法的合法性审核意见在报送备案时一并补充完善。", "procedure.skipped-review"),
    # Remedies waived by a promise; proofs of a negative; papers and consents from neighbours.
    ("申请人应当书面承诺对评审结果不申请行政复议、不提起行政诉讼。", "rights.remedy-waiver"),
    ("申请补助应当提交户籍所在地村民委员会出具的无违章建房证明。", "rights.certificate"),
    ("申请材料包括门店周边五户以上商户出具的经营情况证明。", "rights.certificate"),
    ("申请人应当提交小区全体业主同意安装的书面意见。", "rights.neighbour-consent"),
    ("取得同一楼层相邻住户签字同意后，方可申请办理。", "rights.neighbour-consent"),
    ("对捐资企业，按捐资额的30%以奖励形式返还其当年缴纳的区级税收。", "competition.tax-reward"),
    ("企业应当承诺五年内注册地和纳税关系不迁出本县。", "competition.exit-barrier"),
    ("县城管局将辖区内占道经营的查处职能委托县市政服务有限公司行使。", "procedure.power-delegation"),
    ("小区物业应当为每台充电桩按年度投保财产损失保险。", "rights.insurance"),
    ("保洁服务费不得低于区城市管理局每年公布的最低指导价。", "competition.price-intervention"),
    ("本方案属内部工作方案，不予对外公开。", "procedure.unpublished"),
    ("外省市注册的施工企业初始信用等级按C级确定。", "competition.outsider-discrimination"),
    ("逾期不迁的，由镇人民政府组织予以强制迁移。", "coercion.demolition"),
    ("拒不拆除的，其家庭成员不得纳入最低生活保障范围。", "rights.linked-refusal"),
    ("项目负责人应当在本县连续缴纳社会保险满一年，方可申请补贴。", "competition.local-condition"),
    ("终端统一由区交通运输局确定的运营商供货并安装。", "competition.designated-supplier"),
    ("贷款由本县农村商业银行发放，其他银行发放的贷款不予贴息。", "competition.designated-supplier"),
    ("对重点项目实行“一园一策”，支持政策由管委会研究确定。", "competition.case-by-case"),
    ("考核不合格的企业两年内不得在本区投放车辆。", "penalty.bar"),
    ("申请人除符合国家规定的资质标准外，还应当在本区设有固定办公场所。", "licensing.added-conditions"),
    ("评审费按照核定奖励金额的2%从奖励资金中扣除。", "fee.cost-shifting"),
    ("供水单位在水费中附加收取管网维护费，每立方米0.1元。", "fee.charge"),
    ("船舶应当经审核取得《出港许可单》后方可离港。", "licensing.licence-issued"),
    ("拒不整改的，由供电企业对其生产场所停止供电。", "coercion.utility-cutoff-arranged"),
    ("投标保证金按照采购项目预算金额的5%收取。", "rights.bid-deposit"),
    ("投标保证金一律以现金形式缴入指定账户。", "rights.bid-deposit"),
    ("未办理登记备案的房屋租赁合同无效。", "rights.contract-validity"),
    ("街道执法队发现问题的，可以先行查封经营场所，再移交区市场监管局处理。", "coercion.measure"),
    ("企业应当先取得区应急管理局出具的安全条件初审意见。", "licensing.disguised"),
    ("纳入重点监管名单，不得参加年度评优评先。", "penalty.bar"),
    ("民宿客房价格实行最低限价。", "competition.price-intervention"),
    ("门票由市文旅集团有限公司统一分销。", "competition.designated-supplier"),
    ("从业人员中本县户籍人员应当不少于百分之六十。", "competition.residence-condition"),
    ("每人每次支付预约服务费二元。", "fee.charge"),
    ("经营者应当向区城管局申请取得《夜市摊位设置许可证》。", "licensing.licence-issued"),
    ("企业应当先向县发展改革委申请办理《县光伏项目准入证》。", "licensing.disguised"),
    ("入驻企业应当向园区管委会办理入园经营备案。", "licensing.disguised"),
    ("未经认定的示范社，不得以“示范社”名义开展宣传。", "licensing.approval-precondition"),
    ("变更负责人、调整经营范围的，应当事先报区商务局审批。", "licensing.approval-precondition"),
    ("文明施工保证金按照工程合同价的1%缴存至指定账户。", "rights.deposit"),
    ("申请奖补的，应当向区农业农村局缴纳项目履约保证金。", "rights.deposit"),
    ("工资保证金应当以现金存储，不得以金融机构保函替代。", "rights.deposit"),
    ("未按时缴纳服务费的，学校暂不为其办理转学手续。", "rights.linked-refusal"),
    ("拒不整改的，可以直接通知供电单位对其实施限电、停电。", "coercion.utility-cutoff-arranged"),
    ("检索费每件200元由申请人承担。", "fee.tariff"),
    ("考核不合格的，给予承办单位通报批评。", "penalty.warning"),
    ("拒不退还的，由区财政局从企业银行账户中直接扣划。", "coercion.measure"),
    ("被查获无证经营两次的，责令其停业整顿三个月。", "penalty.licence-sanction"),
    # 农村集体经济组织法 art. 18, 妇女权益保障法 art. 56.
    ("外嫁女户口未迁出但长期在外居住的，不再参与本村集体收益分配。", "rights.collective-membership"),
    ("因服刑不在本村居住的人员，暂停其股份分红。", "rights.collective-membership"),
    ("非本市户籍人员须在本市连续缴纳社会保险满三年，方可申请补贴。", "rights.residence-condition"),
    ("征收项目的房地产价格评估机构由区房屋征收办公室直接指定。", "rights.expropriation-appraisal"),
    ("被征收房屋价值按照区政府公布的基准价格确定，不再委托评估。", "rights.expropriation-appraisal"),
    ("投标保证金不得超过投标报价的10%。", "rights.bid-deposit"),
    ("对屡次违规停放的车主，将其姓名、车牌号在小区公告栏予以公示。", "rights.basic-rights"),
    ("在景区内乱扔烟头的，由景区管理人员当场收取100元罚款。", "penalty.fine"),
    ("对弄虚作假的申请人，三年内不受理其补贴申请。", "penalty.bar"),
    ("逾期未签约的，区征收办可以协调供水、供电企业暂缓提供服务。", "coercion.utility-cutoff-arranged"),
    ("网约车驾驶员除符合《网络预约出租汽车经营服务管理暂行办法》和《道路运输条例》规定的条件外，还应当具有本市户籍。",
     "licensing.added-conditions"),
    ("开发企业应当申请办理《地质灾害风险准入意见书》；未取得意见书的，有关部门不予办理施工许可。",
     "licensing.disguised"),
    ("未取得区人社局颁发的岗前培训合格证书的，不得上岗。", "licensing.disguised"),
    ("街道对备案材料进行审核，经审核通过的，出具《民宿经营备案回执》。", "licensing.disguised"),
    ("经营者应当每年办理经营许可证年度审验。", "licensing.annual-review"),
    ("本办法印发后，由区商务局会同区市场监管局开展公平竞争审查。", "procedure.review-postponed"),
    ("承包地连续两年撂荒的，由村集体经济组织收回其承包地，另行发包。", "rights.contract-land-reclaim"),
    ("超载过牧拒不改正的，由乡镇人民政府收回其承包草原。", "rights.contract-land-reclaim"),
    ("本措施出台后，由市发展改革委适时组织开展公平竞争审查。", "procedure.review-postponed"),
    ("对涉嫌非法营运的车辆，执法人员可以暂扣车辆及驾驶员的驾驶证。", "coercion.measure"),
    ("对擅自挖掘道路的，执法人员可以暂扣施工机具，待当事人接受处理后返还。", "coercion.measure"),
    ("对考核不合格的机构，暂停其招收新学员六个月。", "penalty.restriction"),
    # What follows a ； about another thing lends the measure no 依法.
    ("抽检样品由被抽样经营者无偿提供，检验费用由被抽样经营者承担。", "rights.free-samples"),
    ("被查处2次以上的运输企业，列入全市危险货物运输重点监管企业名单，名单有效期内不得承接本市政府投资项目。",
     "penalty.bar"),
    ("被评为D级的企业，一年内不得参加本市物业项目招投标；其已承接的项目，由街道办事处督促业主大会依法解聘。",
     "penalty.bar"),
    ("累计记满12分的，取消其在本市从事道路运输服务的资格。", "penalty.restriction"),
    ("发生安全事故的，该机构举办者3年内不得在本县重新举办同类机构。", "penalty.bar"),
    ("主发起人应当为在本市注册登记满3年的企业。", "competition.local-condition"),
    ("申请人应当在本县依法办理市场主体登记，且近三年在本县年均缴纳税收不低于50万元。", "competition.local-condition"),
    ("参与遴选的企业应当在本县设有生产基地。", "competition.local-condition"),
    ("企业须承诺其产值、税收全部在本区核算缴纳。", "competition.local-condition"),
    ("平台应当优先接纳在本区登记注册的餐饮服务提供者。", "competition.outsider-discrimination"),
    ("申请人应当符合下列条件：\n1.在本市连续开办医疗机构满三年；\n2.具有相应的专业技术人员。", "competition.entry-condition"),
    ("从事煤炭经营的企业应当具备下列条件：\n（一）注册资本不低于1000万元；\n（二）有固定的经营场所。", "competition.entry-condition"),
    ("为防止恶性竞争，本市典当行的综合费率不得低于月1.5%。", "competition.price-intervention"),
    ("未按规定代收维修资金的，区住建委暂停受理其其他项目的预售许可申请。", "penalty.bar"),
    ("对拒不改正的经营者，在区政府网站和新闻媒体予以曝光。", "penalty.warning"),
    ("申请人应当提交县物流行业协会出具的入会证明。", "rights.certificate"),
    ("对逾期不整改的，县气象局可以商请供电企业对其采取限制用电措施。", "coercion.utility-cutoff-arranged"),
    ("电子计价秤检定合格后，还应当办理准用登记，加贴准用标识后方可投入使用。", "licensing.approval-precondition"),
    ("按每笔10元收取账户管理费。", "fee.charge"),
    ("冠名使用费由申请单位向市民政局缴纳。", "fee.charge"),
    ("社会投资建设的停车场，所得收益的30%上缴县财政。", "rights.levy"),
    ("电煤采购应当通过市煤炭交易服务中心进场交易。", "competition.designated-supplier"),
    ("配送站点应当接入区商务委确定的换电服务运营企业的换电网络。", "competition.designated-supplier"),
    ("市场开办者应当为经营者配备由市计量所推荐品牌的电子秤。", "competition.designated-supplier"),
    ("本地企业产品进场销售占比达到40%以上的市场，给予奖励10万元。", "competition.outsider-discrimination"),
    ("煤炭运出本市的，应当随车携带调运单；无调运单的，不予放行。", "competition.outsider-discrimination"),
    ("企业在享受奖补期满后五年内，将注册地迁出本县的，应当全额退还已享受的奖补资金。", "competition.exit-barrier"),
    ("由县财政按照出让价款的50%以基础设施配套补助名义拨付企业。", "competition.land-price"),
    ("招商引资项目涉及的行政事业性收费实行零收费，由县财政统一代缴。", "competition.fee-waiver"),
    ("对存在严重事故隐患且拒不整改的电梯，县市场监管局可以通知供电企业对该电梯停止供电。",
     "coercion.utility-cutoff-arranged"),
    ("设置人一年内违反本规定两次以上的，由市城市管理局予以通报批评。", "penalty.warning"),
    ("县内超市销售的鲜猪肉，应当来源于本县生猪定点屠宰厂。", "competition.outsider-discrimination"),
    ("外地生猪产品进入本县销售的，经复检合格并加盖本县复检章后方可上市销售。", "competition.outsider-discrimination"),
    ("设置方案应当由本市具有相应资质的设计单位出具。", "competition.outsider-discrimination"),
    ("同一宗地报价相同的，本区现有规模以上工业企业优先取得。", "competition.outsider-discrimination"),
    ("未在本市建立信用档案的外地企业，按C级计分。", "competition.outsider-discrimination"),
    ("委托施工的，应当从本县企业名录中选择，不得委托外地施工队伍承建。", "competition.outsider-discrimination"),
    ("新建加油站原则上由中国石化、中国石油在本市的销售企业建设经营。", "competition.designated-supplier"),
    ("享受补贴的车型应当为列入《东湖区新能源汽车推广车型目录》的车型。", "competition.designated-supplier"),
    ("站点周边的地下商业空间由市城市建设投资集团有限公司统一开发、统一运营管理。", "competition.designated-supplier"),
    ("进村快件末端派送费不得低于每件0.8元。", "competition.price-intervention"),
    ("营利性民办学校学费标准原则上不得高于公办学校生均培养成本的3倍。", "competition.price-intervention"),
    ("信用评价费用由参评企业按每个项目2000元的标准承担。", "fee.cost-shifting"),
    ("成本监审费用由学校承担。", "fee.cost-shifting"),
    ("移交时按工程造价的3%缴纳照明设施接管维护费。", "fee.charge"),
    ("地下空间投入使用前，应当申请核发《地下空间使用证》。", "licensing.disguised"),
    ("项目负责人应当持有市物业管理协会颁发的岗位培训合格证书。", "licensing.disguised"),
    ("辖区道路保洁原则上委托区城市服务发展有限公司承担。", "competition.designated-supplier"),
    ("合作医疗机构由县卫健局从县医药有限公司及其连锁门店中确定。", "competition.designated-supplier"),
    ("年度审计由市财政局统一选定会计师事务所实施。", "competition.designated-supplier"),
    ("检测报告须由区住建局确定的检测机构出具。", "competition.designated-supplier"),
    ("车载终端由县交通运输局确定的服务商统一安装。", "competition.designated-supplier"),
    ("墓碑由县公墓管理所统一供应。", "competition.designated-supplier"),
    ("学校采购食材应当优先采购本县合作社生产的农产品。", "competition.outsider-discrimination"),
    ("每个县（市、区）原则上只保留一家殡仪服务企业。", "competition.quantity-limit"),
    ("全市蜂种由市蜂业技术推广中心统一供应，自行外购蜂种的不予补助。", "competition.designated-supplier"),
    ("收购茶青应当通过镇茶叶专业合作社统一收购，不得直接向茶农收购。", "competition.designated-supplier"),
    ("物业企业应当从区住建局发布的电梯维保单位推荐名录中选聘维保单位。", "competition.designated-supplier"),
    ("名录以外的检测机构不得承接本县农房安全鉴定业务。", "competition.designated-supplier"),
    ("每个街道原则上只设置1个二手车交易市场。", "competition.quantity-limit"),
    ("运营主体确定后，特许期内不再向其他企业授予经营权。", "competition.exclusive-right"),
    ("回收网点由县再生资源公司统一建设，其他经营者不得在镇村设立回收网点。", "competition.exclusive-right"),
    ("市外企业在本市投资光伏项目的，应当与市属国有企业组建合资公司。", "competition.outsider-discrimination"),
    ("依法被扣留的车辆存放于指定停车场，停车保管费按每日30元由车辆所有人承担。", "fee.custody-cost"),
    ("对违规停放的货车，可以组织将其拖移至指定停车场，拖车费和停车保管费由车辆所有人承担。",
     "fee.custody-cost"),
    ("暂扣的经营工具，当事人缴清保管费用后方予返还。", "fee.custody-cost"),
    # What 另 adds after an agreed clawback is not agreed.
    ("企业提前迁出的，除按照约定退回奖励资金外，由区商务局另处奖励金额一倍的罚款。", "penalty.fine"),
    # The liability clause after ； lends no basis to the fine before it.
    ("出具虚假报告的，并处三万元罚款；检测机构依照《建设工程质量管理条例》第六十五条的规定承担相应法律责任。",
     "penalty.fine"),
]

STATUTE_NEGATIVES = [
    "依照《中华人民共和国食品安全法》第一百二十六条，对违法企业责令停产停业。",
    "对拒不改正的，依法予以拘留。",
    "遇停电时，应当启用备用电源。",
    "供电企业因检修停电的，应当提前通知。",
    "企业应当加强内部管理，限制生产成本过快增长。",
    "鼓励企业开展生产经营活动。",
    "任何人不得强行进入施工现场。",
    "不得以罚款代替日常监管。",
    "工作人员违反本办法的，予以通报批评。",
    "对违规企业，移送区市场监管局依法处理。",
    "承租人逾期不清理的，出租人可以代为清理，费用由承租人承担，具体按照租赁合同约定执行。",
    # Costs a court's award puts on the losing party; a supplier's own cut-off for an accident.
    "鉴定费用，待案件审结后根据人民法院的裁决由当事人承担。",
    "因事故停电的，供电企业应当及时抢修。",
    # The organ buying its samples; a party asking for its own test.
    "抽样检验应当购买抽取的样品，不得向经营者收取检验费用。",
    "经营者自愿委托检验的，样品由其免费提供。",
    # A report to the organ that approved; an approval the law requires, by whoever it names;
    # a proxy's papers.
    "项目建设内容发生变更的，建设单位应当向原批准机关书面报告。",
    "场馆开展培训等服务确需收取费用的，收费项目和标准应当报经有关部门批准。",
    "申请人委托他人办理的，还应当提供委托书和被委托人身份证明。",
    # The owners' choice of appraiser, by agreement or lot, is the statute's own way.
    "房地产价格评估机构由被征收人协商选定；协商不成的，由征收部门组织被征收人投票决定。",
    "投标保证金不得超过招标项目估算价的2%。",
    # Fines paid at the bank, a supplier's own repairs, a subsidy's own conditions.
    "当事人应当自收到处罚决定书之日起十五日内缴纳罚款。",
    "供电企业因检修暂缓提供服务的，应当提前公告。",
    "申请人除符合本办法第五条规定的条件外，还应当具有相应的专业技术人员。",
    # The villagers' own 一事一议 scheme; state capital's returns; a supplier's own safety stop.
    "村级公益事业建设一事一议财政奖补资金由县财政统筹安排。",
    "国有企业应当将国有资本收益的30%上缴市财政。",
    "供电企业发现用户设施存在安全隐患的，可以中止供电。",
    "动物运出本县的，货主应当附有动物检疫证明。",
    # A rate cap as a subsidy's term; the scope of newly registered firms.
    "贷款利率不超过同期贷款市场报价利率的，给予贴息。",
    "在本市新设立的融资担保公司，应当建立风险管理制度。",
    # The statute's own protection of married, divorced or widowed women.
    "承包期内，妇女结婚，在新居住地无承包地的，发包方不得收回其原承包地。",
    # A fee described, or a case of charging named, is no fee set.
    "收取的费用应当用于场馆的维护和管理，不得挪作他用。",
    # A household returning its land of its own will; a law's own case, cited.
    "承包农户自愿交回承包地的，可以获得合理补偿。",
    "承包期内，发包方不得收回承包地。",
    # Reviewing before issue, and evaluating measures in force, are what the regulation asks.
    "本办法已经公平竞争审查，自印发之日起施行。",
    "政策措施实施后，起草单位应当定期评估其对公平竞争的影响，评估中发现违反公平竞争审查标准的，及时调整。",
    # An inspection is no yearly re-licensing; a statutory licence is the licence rules' own.
    "培训机构应当参加年度检查，并报送年度报告。",
    "未取得食品经营许可证的，不得从事食品经营。",
    # Suspending a driving licence is a penalty the traffic laws set, not a seizure of the car.
    "对违法行为人处以暂扣机动车驾驶证处罚的，由公安机关交通管理部门依法作出处罚决定。",
    # An organ commissioning its own reviewer pays for it; lawful firms named by kind, not name.
    "施工图实行联合审查，由区住房城乡建设局统一委托审查机构进行审查。",
    "经营户应当向市场服务中心申领摊位租赁凭证后入场经营。",
    "建设单位原则上委托具有相应资质的检测机构承担检测工作。",
    # Going through a public service platform is no designated trader; nobody unlicensed may
    # set up shop; a cap on seats is no cap on firms.
    "申请人应当通过区政务服务平台统一在线办理。",
    "除管护单位外，其他单位和个人不得擅自进入水源保护区从事养殖。",
    "自学用车不得搭载随车指导人员以外的其他人员。",
    "每个教室只设置1个紧急出口的，应当加装应急照明。",
    # A car park's own price is no custody cost.
    "公共停车场的停车费由车主按照明码标价支付。",
    "违法行为人在暂停电话号码使用期间接受处理的，恢复其电话号码使用功能。",
    "当事人逾期不履行的，依法申请人民法院强制执行。",
    "依照《中华人民共和国道路运输条例》第二十四条，申请人取得道路运输经营许可证后方可从事经营。",
    "深化审批制度改革，对低风险项目实行告知承诺制。",
    "企业取得营业执照后即可开展经营。",
    "对绿色食品实行认证管理，具体依照《绿色食品标志管理办法》执行。",
    "区工会每年对职工进行年度考核。",
    "不再对托育机构实行年检制度。",
    "供应商取得认证证书后方可供货，具体按照采购合同约定执行。",
    "申请人无需提供收入证明。",
    "依照《中国公民收养子女登记办法》第七条，子女由三代以内同辈旁系血亲收养的，还应当提交公安机关出具的或者经过公证的与收养人有亲属关系的证明。",
    "鼓励企业自愿捐赠。",
    "企业应当按照公司章程约定出资。",
    "倡导婚事新办，宴席不超过15桌。",
    "居民公约约定，彩礼不得超过3万元。",
    "根据《中华人民共和国噪声污染防治法》，夜间施工时间不得超过晚10时。",
    "中标候选人公示期间公开其名称。",
    "企业应当依法公示年度报告。",
    "机关工作人员春节期间照常上班，做好应急值守。",
    "对违法犯罪嫌疑人可以依法搜查。",
    "申请材料不齐全的，暂停办理不动产登记，并一次性告知需要补正的材料。",
    "按照国家规定落实小微企业房产税减免政策。",
    "政府采购项目最高限价为100万元。",
    "依照《基础设施和公用事业特许经营管理办法》授予特许经营权。",
    "不得授予任何经营者独家经营权。",
    "打破垄断经营，引入竞争。",
    "义务教育阶段实行划片入学。",
    "各单位统一执行《政府定价目录》规定的收费标准。",
    "本区企业和外地企业均可参加投标。",
    "对首次获得国家级科技奖项的企业给予奖励。",
    "物业服务企业发现违法搭建的，应当及时劝阻并报告街道。",
    "依照《中华人民共和国行政处罚法》第二十条，区城管局书面委托街道综合执法队实施行政处罚。",
    "居民委员会协助开展垃圾分类检查。",
    "项目资金使用须报区财政局审核。",
    # Fees set by the price authority, charged by a business at marked prices, refused.
    "申请人应当按照价格主管部门核定的标准缴纳不动产登记费。",
    "停车场经营者应当按照明码标价收取停车费。",
    "培训经费由区财政承担，不向企业收取费用。",
    "检测机构收取检测费用的，应当执行国家规定的收费标准。",
    "不动产登记费按照国家规定的收费标准收取，小微企业依照国家有关规定予以减免。",
    # Shaming is not the 公示 of recipients; technical help is not a handed-over power.
    "拟录用人员名单公示其姓名、性别和毕业院校。",
    "在政府网站公示受助人员姓名，接受社会监督。",
    "由第三方机构负责执法辅助工作。",
    "区、镇两级按1:1比例分摊项目资金。",
    # A subsidy's own conditions and an agreed clawback are not sanctions.
    "骗取补贴的，取消其补贴资格并追回已发放资金。",
    "不再符合条件的，取消其低保待遇。",
    "企业违反协议约定的，取消其奖补资格，按照协议约定收回资金。",
    "征收补偿依照《国有土地上房屋征收与补偿条例》执行，逾期未签约的依法作出补偿决定。",
    "申报人员应当提交学校出具的学历证明。",
    "草案应当征求有关部门意见。",
    "物业服务人不得采取停止供电、供水等方式催交物业费。",
    "因受害人故意造成人身损害的，经营者不承担责任。",
    "许可证有效期届满未延续的，由发证机关依法注销其许可证。",
    "依照《中华人民共和国劳动合同法》第五十七条，经营劳务派遣业务，注册资本不得少于人民币二百万元。",
    "申报补贴的企业，注册资本不低于100万元。",
    "竞买人应当按照出让公告的规定缴纳竞买保证金。",
    "本办法实施后开展评估。",
    "中小学校园周围200米范围内不得设立互联网上网服务营业场所。",
    "低保申请人须为本县户籍。",
    "企业违反协议的，收回补贴资金。",
    "承租人转租的，应当经出租人同意。",
    "业主将住宅改变为经营性用房的，应当经有利害关系的业主一致同意。",
    "企业上市需要出具的无违法违规证明，原则上以公共信用信息报告代替。",
    "装修人对街道办事处作出的责令改正、罚款等处理决定不服的，可以依法申请复核。",
    "全县无证开采点全部关停取缔。",
    "按照谁受益、谁出资原则，积极推动居民出资参与改造。",
    "对投保出口信用保险的企业给予保费补助。",
    "本市企业和非本市企业生产的产品同等对待。",
    "服务券可以在区民政局公布的服务机构名录内自主选择使用。",
    "对征收范围内认定为违法建筑的，不予补偿。",
    "居（村）民委员会出具证明实行清单管理，清单以外的证明事项不再出具。",
    "二手车交易市场收取的交易服务费应当明码标价。",
    "政府投资项目不得由施工单位垫资建设。",
    "按照租赁合同约定收取押金。",
    "投标人在投标截止后撤销投标文件的，投标保证金不予退还。",
    "取得《建设用地规划许可证》后，方可向县级以上人民政府土地主管部门申请用地。",
    "机动车应当按照国家规定参加安全技术检验。",
    "企业应当于每年6月30日前报送年度报告。",
    "停车场收费执行价格主管部门核定的收费标准，不得超过政府指导价。",
    "企业依法注册登记后即可开展经营。",
    # Risk levels, emergency production limits and the rules for former officials are no sanction.
    "通过整改降低风险等级。",
    "风险等级降为低风险。",
    "重污染天气应急期间，对B级企业限制生产。",
    "领导干部离职后三年内不得从事与原工作业务直接相关的营利性活动。",
    "对企业投资项目实行核准和备案管理。",
    "逾期未领取的证书由发证机关统一处理。",
    "停车收费标准由区发展改革委按照定价权限核定。",
    "对向企业摊派的单位，企业可以向审计机关检举。",
    "收藏单位应当尊重捐赠人的意愿。",
    "县级以上地方人民政府应当明确防范和处置非法集资工作机制的牵头部门。",
    "使馆的馆舍免受搜查、征用。",
    "义务兵退出现役后，由乡镇人民政府妥善安排他们的生产和生活。",
    "公共体育场馆向学生免费或者无偿使用开放。",
    "受捐赠单位应当将捐赠资金的使用情况向社会公示。",
    "隐瞒不报，情节较重的，予以警告、记过或者记大过。",
    # How a fine is paid or receipted sets no fine.
    "执法人员实施罚款应当出具财政部门统一制发的罚款收据。",
    "当事人应当自收到行政处罚决定书之日起十五日内到指定银行缴纳罚款。",
    "申请人应当向区民政局提交审核材料。",
    "企业自愿参加培训。",
    "不得强制企业参加评比达标表彰活动。",
    "本办法涉及国家秘密，不公开征求意见。",
    "推进国有企业混合所有制改革。",
    "各类所有制企业平等享受本办法扶持政策。",
    "行业协会应当为会员提供信息咨询服务，企业自愿入会。",
    "申请人应当提交营业执照复印件和法定代表人身份证明。",
    "申请人应当具备《道路运输条例》第二十一条规定的条件。",
    "申请人除具备前款规定的条件外，还应当符合法律、行政法规规定的其他条件。",
    "申请人无需另行提交社区出具的证明材料。",
    "车辆可以在任何地方登记上牌，本区不设限制。",
    "参加竞买的企业不得附加本地注册年限等条件。",
    "企业可以自行委托具有资质的检测机构进行检测。",
    "不得强制企业委托区属公司下属检测中心进行检测。",
    "供水单位因管网检修暂停自来水供应的，应当提前公告。",
    "行政机关不得暂停居民的自来水供应迫使其履行义务。",
    "依照《中华人民共和国行政强制法》第四十六条，将查封的财物依法拍卖抵缴罚款。",
    "拍卖所得价款全额上缴国库。",
    "客房价格实行市场调节价，由经营者自主定价。",
    "旅游旺季客房价格不得高于经营者明码标示的价格。",
    "土地出让价款按规定全额缴入国库。",
    "土地出让价款的60%用于保障性住房建设。",
    "建设单位应当与防治单位签订白蚁防治合同，缴纳白蚁防治费用。",
    "房屋安全鉴定费用由委托人承担。",
    "监督抽检所需检验费用由区财政承担。",
    "对没有法律依据设立的保证金，一律停止收取。",
    "保留投标保证金、履约保证金、工程质量保证金、农民工工资保证金。",
    "供水企业因故需要停止供水的，应当提前通知用户。",
    "转租房屋的，应当经出租人书面同意后方可转租。",
    "职业健康检查费用由用人单位承担。",
    "生活垃圾处理费按照本市价格主管部门核定的标准收取。",
    "住户可以自主选择燃气报警器的品牌和安装单位。",
    "依照《中华人民共和国行政处罚法》第二十八条，对违法所得依法予以没收。",
    "申请人无需提供无犯罪记录证明，由受理部门内部核查。",
    "改变共有部分用途的，应当经业主大会依法表决同意。",
    "设置前应当在周边住户中公示，听取相邻业主的意见。",
    "用户应当按时缴纳水费。",
    "本办法自印发之日起施行，有效期五年，至上级另有规定时从其规定。",
    "企业违反协议约定迁出的，应当按照约定退回奖励资金。",
    "投标保证金不超过采购项目预算金额的2%，可以保函形式提交。",
    "未办理租赁合同登记备案的，不影响合同的效力。",
    "对违规经营的，移交区市场监管局依法查封。",
    "成员不因就学、服役、务工、经商、离婚、丧偶、服刑等原因而丧失成员身份。",
    "已经取得其他农村集体经济组织成员身份的，不再享有本组织成员权益。",
    "幼儿园应当为适龄儿童办理入园手续。",
    "（六）转变保证金缴纳方式。",
    "工资保证金可以用金融机构保函替代。",
    "检测费每批次300元，由区财政承担。",
    "对无证无照经营的，依法予以取缔。",
    "未经消费者同意的，经营者不得向其发送商业信息。",
]


@pytest.mark.parametrize(("clause", "rule"), STATUTE_POSITIVES)
def test_statutory_measure_is_recognised(clause: str, rule: str) -> None:
    report = _review(clause)
    found = [f for f in _scored(report) if f.rule == rule]
    assert found, [(f.rule, f.severity, f.quote) for f in report.findings]


@pytest.mark.parametrize("clause", STATUTE_NEGATIVES)
def test_statutory_near_miss(clause: str) -> None:
    report = _review(clause)
    assert not _scored(report), [(f.rule, f.quote) for f in _scored(report)]


def test_a_notice_arranging_the_organs_work_needs_no_term() -> None:
    # Duties given to the organs themselves (各街道应当…, 区住建局应当牵头…) arrange work; only
    # obligations on citizens and firms make a 通知 a normative document that needs a term.
    text = ("某区应急管理局关于做好2026年春节期间安全生产工作的通知\n\n各街道办事处，区政府各部门：\n\n"
            "一、各街道办事处应当加强辖区巡查。\n二、区住建局应当牵头开展建筑工地检查。\n"
            "三、各部门要严格落实值班制度，不得擅离职守。\n四、各单位应当于2月1日前报送工作总结。\n"
            "五、区市场监管局应当加强对商场超市的检查。\n\n某区应急管理局\n2026年1月10日\n")
    assert not _rules(text, "validity")
    binding = text.replace("一、各街道办事处应当加强辖区巡查。", "一、商户应当配备灭火器。").replace(
        "二、区住建局应当牵头开展建筑工地检查。", "二、施工单位不得在春节期间动火作业。").replace(
        "五、区市场监管局应当加强对商场超市的检查。", "五、商场超市应当每日开展安全自查。\n六、燃放烟花爆竹不得在楼道内进行。")
    assert _rules(binding, "validity") == ["validity.no-term"]


def test_a_one_off_task_notice_needs_no_term() -> None:
    # 行政规范性文件 are applied repeatedly; a notice arranging one inspection is not one.
    text = ("某区住建局关于开展2026年建筑施工安全大检查的通知\n\n各建筑施工企业：\n\n"
            "一、检查时间为2026年4月1日至4月30日。\n二、各企业应当开展自查。\n"
            "三、各企业应当于4月10日前报送自查报告。\n四、检查中发现的问题应当限期整改。\n"
            "五、企业不得拒绝检查。\n\n某区住建局\n2026年3月1日\n")
    assert not _rules(text, "validity")
    standing = text.replace("关于开展2026年建筑施工安全大检查的通知", "关于加强建筑施工安全管理的通知")
    assert _rules(standing, "validity") == ["validity.no-term"]


def test_a_cover_note_without_the_issued_text() -> None:
    # 现将《X》印发给你们 alone: the issued text, which carries the dates, is not in the input.
    text = ("某区人民政府办公室关于印发《某区促进消费若干措施》的通知\n\n各街道办事处，区政府各部门：\n\n"
            "《某区促进消费若干措施》已经区政府同意，现印发给你们，请认真贯彻执行。\n\n"
            "某区人民政府办公室\n2026年3月1日\n")
    assert not _rules(text, "validity")


# citation.article-content: what a draft attributes to an article, against the article's text.
ARTICLE_CONTENT_POSITIVES = [
    # 城市道路管理条例: the fees are in art. 37, art. 33 is the digging approval.
    ("依照《城市道路管理条例》第三十三条的规定，挖掘单位应当缴纳城市道路挖掘修复费。", "第三十七条"),
    # 保障农民工工资支付条例: the wage deposit is art. 32, art. 30 the subcontractor's duty.
    ("根据《保障农民工工资支付条例》第三十条的规定，施工总承包单位按合同额的2%存储工资保证金。",
     "第三十二条"),
    # No measure word: the wording is compared (the twenty days are art. 42's).
    ("依照《中华人民共和国行政许可法》第四十条的规定，行政机关应当自受理行政许可申请之日起二十日内"
     "作出行政许可决定。", "第四十二条"),
    # The wrongdoing named before the citation: blasting and well-digging are 水法 art. 72's.
    ("在水利工程保护范围内从事爆破、打井、采石、取土等活动的，由县水务局依照《中华人民共和国水法》"
     "第六十五条的规定，责令停止违法行为，处一万元以上五万元以下的罚款。", "第七十二条"),
    ("第九条 违反本办法规定，使用未取得校车标牌的车辆提供校车服务的，由县公安局交通警察大队依照"
     "《校车安全管理条例》第四十四条的规定扣留该机动车，处1万元以上2万元以下的罚款。", "第四十五条"),
    # A clause after the citation too short to tell is read with the next: the basements are
    # art. 22's.
    ("根据《中华人民共和国人民防空法》第二十三条规定，城市新建民用建筑，按照国家有关规定修建战时可用于防空的地下室。",
     "第二十二条"),
]
ARTICLE_CONTENT_NEGATIVES = [
    # A sanction article that names the duty it enforces (房地产管理法 art. 68 → art. 45).
    "未取得商品房预售许可证明预售商品房的，由市住建局依照《中华人民共和国城市房地产管理法》第六十八条的规定，"
    "责令停止预售活动，没收违法所得。",
    # The wrongdoing is the cited article's.
    "在水利工程保护范围内从事爆破、打井、采石、取土等活动的，由县水务局依照《中华人民共和国水法》"
    "第七十二条的规定，责令停止违法行为，处一万元以上五万元以下的罚款。",
    # A list of cases introduced by 下列情形 names no single wrongdoing.
    "有下列情形之一的，由县水务局依照《中华人民共和国水法》第六十五条的规定处理。",
    # The right article.
    "依照《城市道路管理条例》第三十七条的规定缴纳城市道路占用费。",
    # The article provides the approval the draft names first; the 许可证 follows from it.
    "依照《城市道路管理条例》第三十三条的规定经批准后，取得挖掘许可证方可施工。",
    # Cited as the rule broken, or as the source of a condition, not of the measure.
    "违反《城市道路管理条例》第三十三条规定挖掘的，处以罚款。",
    "未依照《城市道路管理条例》第三十三条规定办理的，由区城管局处以罚款。",
    "依照《城市道路管理条例》第三十三条规定挖掘道路的，由区城管局收取占用费。",
    # Articles cited together.
    "依照《城市道路管理条例》第三十三条、第三十七条的规定缴纳城市道路挖掘修复费。",
    "依照《中华人民共和国行政许可法》第四十二条的规定，行政机关应当自受理行政许可申请之日起二十日内"
    "作出行政许可决定。",
    # Cited for the first clause only; what follows comes from elsewhere.
    "依照《中华人民共和国民办教育促进法》第十二条的规定审批，批准正式设立的，发给办学许可证。",
    # The closest article is the one that itself refers to the cited one (医师法 art. 20 → art. 11).
    "依照《中华人民共和国医师法》第十一条第二款规定取得中医医师资格的人员，按照考核内容进行执业注册后，"
    "即可在注册的执业范围内个体行医。",
]


@pytest.mark.parametrize(("clause", "article"), ARTICLE_CONTENT_POSITIVES)
def test_a_measure_the_cited_article_does_not_provide(clause: str, article: str) -> None:
    found = [f for f in _review(clause).findings if f.rule == "citation.article-content"]
    assert len(found) == 1 and found[0].severity == "warning", found
    assert article in found[0].message and any(article in b for b in found[0].basis)


@pytest.mark.parametrize("clause", ARTICLE_CONTENT_NEGATIVES)
def test_an_article_cited_for_what_it_provides(clause: str) -> None:
    found = [f for f in _review(clause).findings if f.rule == "citation.article-content"]
    assert not found, [(f.quote, f.message) for f in found]


def test_a_missing_effective_date_is_reported_where_the_clause_belongs() -> None:
    text = ("白河县农村供水工程管理办法\n\n第一条 为了加强农村供水工程管理，制定本办法。\n\n"
            "第二条 本办法适用于本县农村供水工程。\n\n第三条 本办法由县水利局负责解释。\n")
    found = [f for f in _review(text).findings if f.rule == "validity.no-effective-date"]
    assert len(found) == 1 and found[0].quote == "第三条 本办法由县水利局负责解释。"
