"""The parts of the workbench, one per rule-of-law mechanism, in navigation order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    summary: str


SECTIONS: tuple[Section, ...] = (
    Section(
        "documents",
        "规范性文件",
        "行政规范性文件的起草、征求意见、合法性审核、公平竞争审查、集体审议、统一编号、公布、备案与清理。",
    ),
    Section(
        "decisions",
        "重大行政决策",
        "重大行政决策事项目录、公众参与、专家论证、风险评估、合法性审查与集体讨论决定。",
    ),
    Section(
        "counsel",
        "法律顾问",
        "法律顾问与公职律师参与涉法事项，出具法律意见书后方可提交党组会、局长办公会。",
    ),
    Section(
        "disclosure",
        "政务公开",
        "主动公开目录、依申请公开办理与法定期限、政府信息公开工作年度报告。",
    ),
    Section(
        "study",
        "学法普法",
        "领导干部学法、集中学法、普法宣传活动、述法与第一责任人职责履行记录。",
    ),
    Section(
        "indicators",
        "指标与计划",
        "法治政府建设考核指标、存在的问题与下一年度工作计划，逐年延续跟踪。",
    ),
    Section(
        "reports",
        "年度报告",
        "依据本系统记录生成法治政府建设年度报告（GB/T 9704 公文格式 DOCX）。",
    ),
)

SECTION_BY_KEY = {section.key: section for section in SECTIONS}
