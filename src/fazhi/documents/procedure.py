"""The procedure for normative documents, as data.

Each rule carries its legal basis and how far that basis was verified, as recorded in the
project's research notes (shared/reference/legal-requirements.md): "verified" (the text was
read), "partial" (an excerpt or a local copy of the national text), "unverified" (widely cited,
text not retrieved — shown as 未核实 in the interface). Nothing here is enforced anywhere
else: `actions.py` reads these tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fazhi.accounts.models import Role

from .models import State

VERIFIED = "verified"
PARTIAL = "partial"
UNVERIFIED = "unverified"
VERIFICATION_LABELS = {VERIFIED: "已核实", PARTIAL: "部分核实", UNVERIFIED: "未核实"}


@dataclass(frozen=True)
class Basis:
    text: str
    verification: str = VERIFIED

    @property
    def verification_label(self) -> str:
        return VERIFICATION_LABELS[self.verification]

    def __str__(self) -> str:
        suffix = "" if self.verification == VERIFIED else f"（{self.verification_label}）"
        return self.text + suffix


# -- legal bases -------------------------------------------------------------------------------

B37_PROCEDURE = Basis(
    "国办发〔2018〕37号 二(三)：重要的行政规范性文件要严格执行评估论证、公开征求意见、合法性审核、集体审议决定、向社会公开发布等程序"
)
B37_ASSESSMENT = Basis("国办发〔2018〕37号 二(五) 评估论证", UNVERIFIED)
B37_CONSULTATION = Basis(
    "国办发〔2018〕37号 二(四)：涉及群众切身利益或者对公民、法人和其他组织权利义务有重大影响的，要向社会公开征求意见",
    UNVERIFIED,
)
B_CONSULT_GENERAL = Basis(
    "法治政府建设示范创建指标第24项：公开征求意见期限一般不少于7个工作日", PARTIAL
)
B_CONSULT_MARKET = Basis(
    "优化营商环境条例（国务院令第722号）第六十二条第二款：与市场主体生产经营活动密切相关的行政规范性文件，征求意见的时间一般不少于30日"
)
B37_LEGALITY_GATE = Basis(
    "国办发〔2018〕37号 二(六)：未经合法性审核或者经审核不合法的，不得提交集体审议"
)
B115_REVIEW = Basis("国办发〔2018〕115号：书面审核意见（合法 / 不合法 / 修改后合法）", UNVERIFIED)
B115_TIME = Basis(
    "国办发〔2018〕115号：审核时间原则上不少于5个工作日，最长不超过15个工作日", UNVERIFIED
)
B_FCR_GATE = Basis(
    "公平竞争审查条例第十八条：政策措施未经公平竞争审查，或者经公平竞争审查认为违反本条例第八条至第十一条规定且不符合第十二条规定情形的，不得出台"
)
B_FCR_SELF = Basis("公平竞争审查条例第十三条：起草单位在起草阶段开展公平竞争审查；第十七条：作出审查结论")
B_FCR_EXCEPTION = Basis(
    "公平竞争审查条例第十二条：符合例外情形且没有对公平竞争影响更小的替代方案、并明确实施期限或者终止条件的，可以出台；须在审查结论中说明（第十七条第二款）"
)
B37_DELIBERATION = Basis("国办发〔2018〕37号 二(七)：经制定机关办公会议等集体审议决定", UNVERIFIED)
B37_ISSUE = Basis("国办发〔2018〕37号 二(八)：统一登记、统一编号、统一印发", UNVERIFIED)
B_PUBLISH = Basis(
    "优化营商环境条例第六十四条第二款：涉及市场主体权利义务的行政规范性文件应当按照法定要求和程序予以公布，未经公布的不得作为行政管理依据"
)
B_FILING = Basis(
    "国办发〔2018〕37号 三：按照规定程序和时限报送备案（国家未规定天数；地方规定通常为公布之日起30日内，重庆市规定的期限未核实，本系统默认30日，可配置）",
    UNVERIFIED,
)
B_VALIDITY = Basis(
    "地方规定通行做法：有效期一般不超过5年，届满前6个月评估（重庆市规定未核实）", UNVERIFIED
)
B_CLEANUP = Basis(
    "国办发〔2018〕37号 三：根据上位法立改废等情况及时清理，清理结果向社会公布；规范性文件一般每隔2年清理一次",
    PARTIAL,
)

# Art. 12 exception grounds of 公平竞争审查条例 (text as in the reference notes).
FAIR_COMPETITION_EXCEPTIONS = [
    "为维护国家安全和发展利益的",
    "为促进科学技术进步、增强国家自主创新能力的",
    "为实现节能环保、救灾救助等社会公共利益的",
    "法律、行政法规规定的其他情形",
]

# Periods (amount, unit, basis). Units are core.clock's: "workdays" / "days".
CONSULTATION_GENERAL = (7, "workdays", B_CONSULT_GENERAL)
CONSULTATION_MARKET = (30, "days", B_CONSULT_MARKET)
LEGALITY_REVIEW_MIN = (5, "workdays", B115_TIME)
LEGALITY_REVIEW_MAX = (15, "workdays", B115_TIME)
FILING_DEFAULT_DAYS = 30  # settings.DOCUMENTS_FILING_DAYS overrides it
VALIDITY_REVIEW_MONTHS_BEFORE = 6


# -- gates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gate:
    key: str
    step: str  # the missing step, as named in a refusal
    message: str  # the refusal, in the words of the rule
    basis: Basis


GATES: dict[str, Gate] = {
    g.key: g
    for g in [
        Gate("has_text", "上传文件文本", "尚未上传文件文本，不能进入下一程序。", B37_PROCEDURE),
        Gate(
            "consultation_done",
            "公开征求意见",
            "未公开征求意见（或未说明不公开征求意见的理由），不得提交合法性审核。",
            B37_CONSULTATION,
        ),
        Gate(
            "consultation_period_over",
            "征求意见期限届满",
            "公开征求意见期限尚未届满，不得结束征求意见。",
            B_CONSULT_GENERAL,
        ),
        Gate(
            "comments_answered",
            "逐条答复公众意见",
            "公众意见尚未逐条答复，不能结束征求意见。",
            B37_CONSULTATION,
        ),
        Gate("assessment_recorded", "记录评估论证", "尚未记录评估论证的内容和结论。", B37_ASSESSMENT),
        Gate(
            "legality_reviewed",
            "合法性审核",
            "未经合法性审核，不得提交集体审议。",
            B37_LEGALITY_GATE,
        ),
        Gate(
            "legality_not_illegal",
            "修改后重新送合法性审核",
            "经审核不合法的，不得提交集体审议。",
            B37_LEGALITY_GATE,
        ),
        Gate(
            "fair_competition_done",
            "公平竞争审查",
            "涉及经营者经济活动的，未经公平竞争审查不得出台，不得提交集体审议。",
            B_FCR_GATE,
        ),
        Gate(
            "fair_competition_passed",
            "公平竞争审查结论为可以出台",
            "经公平竞争审查不符合审查标准且不符合例外规定的，不得出台。",
            B_FCR_GATE,
        ),
        Gate("deliberation_adopted", "集体审议通过", "未经集体审议通过，不得签发。", B37_DELIBERATION),
        Gate("signed", "负责人签发", "未经签发，不得登记编号印发。", B37_ISSUE),
        Gate("numbered", "统一登记编号", "未统一登记、编号，不得公布。", B37_ISSUE),
        Gate("published", "公布", "未经公布，不得报送备案。", B_PUBLISH),
        Gate("has_filing_authority", "确定备案审查机关", "本单位未设定备案审查机关，无法报送备案。", B_FILING),
        Gate("filing_result", "备案审查结果", "备案审查机关尚未作出审查结果。", B_FILING),
        Gate("term_ended", "有效期届满或清理宣布失效", "有效期尚未届满且未经清理宣布失效，不能标记为失效。", B_VALIDITY),
        Gate("cleanup_abolish", "清理决定废止", "废止须有清理中作出的废止决定。", B_CLEANUP),
    ]
}


# -- transitions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    to: str
    label: str  # the button
    sources: tuple[str, ...]
    roles: tuple[str, ...]  # roles in the document's organisation (司法局 roles: at its filing authority)
    gates: tuple[str, ...] = ()
    basis: Basis = B37_PROCEDURE
    # gates that apply only when the document concerns business activity
    business_gates: tuple[str, ...] = field(default=())


D = Role.DRAFTER
L = Role.LEGAL_REVIEWER
LEAD = Role.LEADER
PUB = Role.DISCLOSURE_OFFICER
J = Role.JUSTICE_REVIEWER
BEFORE_REVIEW = (State.DRAFTING, State.ASSESSMENT, State.CONSULTATION)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(State.ASSESSMENT, "开展评估论证", (State.DRAFTING,), (D,), ("has_text",), B37_ASSESSMENT),
    Transition(
        State.CONSULTATION, "公开征求意见", (State.DRAFTING, State.ASSESSMENT), (D,), ("has_text",),
        B37_CONSULTATION,
    ),
    Transition(
        State.LEGALITY_REVIEW, "提交合法性审核", BEFORE_REVIEW, (D,),
        ("has_text", "consultation_done", "consultation_period_over", "comments_answered"),
        B37_LEGALITY_GATE,
    ),
    Transition(
        State.FAIR_COMPETITION, "提交公平竞争审查", (State.LEGALITY_REVIEW,), (D, L),
        ("legality_reviewed", "legality_not_illegal"), B_FCR_SELF,
    ),
    Transition(
        State.DELIBERATION, "提交集体审议", (*BEFORE_REVIEW, State.LEGALITY_REVIEW, State.FAIR_COMPETITION),
        (D, L), ("has_text", "legality_reviewed", "legality_not_illegal"), B37_LEGALITY_GATE,
        business_gates=("fair_competition_done", "fair_competition_passed"),
    ),
    Transition(
        State.DRAFTING, "退回修改",
        (State.ASSESSMENT, State.CONSULTATION, State.LEGALITY_REVIEW, State.FAIR_COMPETITION, State.DELIBERATION),
        (D, L, LEAD), (), B37_PROCEDURE,
    ),
    Transition(State.SIGNED, "签发", (State.DELIBERATION,), (LEAD,), ("deliberation_adopted",), B37_DELIBERATION),
    Transition(State.NUMBERED, "统一登记编号印发", (State.SIGNED,), (PUB, LEAD), ("signed",), B37_ISSUE),
    Transition(State.PUBLISHED, "公布", (State.NUMBERED,), (PUB,), ("numbered",), B_PUBLISH),
    Transition(
        State.FILING, "报送备案", (State.PUBLISHED,), (PUB, D, LEAD), ("published", "has_filing_authority"),
        B_FILING,
    ),
    Transition(State.FILED, "予以备案", (State.FILING,), (J,), ("filing_result",), B_FILING),
    Transition(
        State.EXPIRED, "标记失效", (State.PUBLISHED, State.FILING, State.FILED), (LEAD, PUB), ("term_ended",),
        B_VALIDITY,
    ),
    Transition(
        State.ABOLISHED, "废止", (State.PUBLISHED, State.FILING, State.FILED), (LEAD,), ("cleanup_abolish",),
        B_CLEANUP,
    ),
)
TRANSITION_TO: dict[str, Transition] = {t.to: t for t in TRANSITIONS}

# The timeline shown on a document's page: (state, step name, basis, optional?).
TIMELINE: tuple[tuple[str, str, Basis, bool], ...] = (
    (State.DRAFTING, "起草", B37_PROCEDURE, False),
    (State.ASSESSMENT, "评估论证", B37_ASSESSMENT, True),
    (State.CONSULTATION, "公开征求意见", B37_CONSULTATION, False),
    (State.LEGALITY_REVIEW, "合法性审核", B37_LEGALITY_GATE, False),
    (State.FAIR_COMPETITION, "公平竞争审查", B_FCR_GATE, False),
    (State.DELIBERATION, "集体审议", B37_DELIBERATION, False),
    (State.SIGNED, "签发", B37_DELIBERATION, False),
    (State.NUMBERED, "统一登记、统一编号、统一印发", B37_ISSUE, False),
    (State.PUBLISHED, "公布", B_PUBLISH, False),
    (State.FILING, "报送备案", B_FILING, False),
    (State.FILED, "备案审查", B_FILING, False),
)
