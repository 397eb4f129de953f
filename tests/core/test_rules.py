"""Rule packs (fazhi.core.rules): every rule loads, and every legal basis is a real article.

The article texts quoted below are from shared/reference/statutes and shared/lawrefbook;
they are compared with the catalog the citation engine uses, so a rule cannot cite an
article that does not say what the rule relies on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fazhi.core.catalog import default_catalog
from fazhi.core.rules import (
    CATEGORIES,
    DATA_DIR,
    SEVERITIES,
    RuleError,
    load_rules,
    resolve_basis,
)

PACK_FILES = sorted(DATA_DIR.glob("*.toml"))


def test_every_pack_loads_with_unique_ids() -> None:
    pack = load_rules()
    ids = [r.id for r in pack.rules]
    assert len(ids) == len(set(ids))
    assert {r.category for r in pack.rules} == set(CATEGORIES)
    for rule in pack.rules:
        assert rule.severity in SEVERITIES
        assert rule.message and rule.suggestion and rule.name
        assert rule.basis or rule.dynamic_basis
        if rule.kind == "clause":
            assert rule.triggers and rule.match


def test_keywords_are_the_triggers() -> None:
    pack = load_rules()
    words = pack.keywords()
    assert words == sorted(set(words))
    assert "罚款" in words and "查封" in words and "一事一议" in words
    assert set(words) == {t for r in pack.rules for t in r.triggers}


@pytest.mark.parametrize(
    ("law", "article", "words"),
    [
        # 行政许可法 第十七条: 其他规范性文件一律不得设定行政许可
        ("行政许可法", "17", "其他规范性文件一律不得设定行政许可"),
        # 行政处罚法 第十六条: 其他规范性文件不得设定行政处罚
        ("行政处罚法", "16", "其他规范性文件不得设定行政处罚"),
        # 行政处罚法 第二条: a penalty punishes by reducing rights (penalty.restriction)
        ("行政处罚法", "2", "以减损权益或者增加义务的方式予以惩戒"),
        ("行政处罚法", "9", "限制开展生产经营活动、责令停产停业、责令关闭、限制从业"),
        # 行政强制法 第十条第四款
        ("行政强制法", "10", "法律、法规以外的其他规范性文件不得设定行政强制措施"),
        ("行政强制法", "13", "行政强制执行由法律设定"),
        ("行政强制法", "43", "不得对居民生活采取停止供水、供电、供热、供燃气等方式"),
        ("优化营商环境条例", "25", "涉企行政事业性收费、涉企保证金，应当有法律、行政法规依据"),
        ("优化营商环境条例", "64", "行政规范性文件不得减损市场主体合法权益或者增加其义务"),
        ("公平竞争审查条例", "10", "给予特定经营者选择性、差异化的财政奖励或者补贴"),
        ("公平竞争审查条例", "12", "为促进科学技术进步、增强国家自主创新能力的"),
        ("招标投标法", "12", "任何单位和个人不得强制其委托招标代理机构办理招标事宜"),
        ("建筑法", "7", "县级以上人民政府建设行政主管部门申请领取施工许可证"),
        ("行政强制法", "44", "需要强制拆除的，应当由行政机关予以公告"),
        ("行政许可法", "58", "不得收取任何费用"),
        ("优化营商环境条例", "17", "不得强制或者变相强制市场主体参加评比、达标、表彰、培训"),
        ("优化营商环境条例", "44", "证明事项应当有法律、法规或者国务院决定依据"),
        ("优化营商环境条例", "62", "向社会公开征求意见的期限一般不少于30日"),
        ("公平竞争审查条例", "9", "排斥、限制或者变相限制外地经营者参加本地政府采购、招标投标"),
        ("公平竞争审查条例", "11", "违法干预实行市场调节价的商品、要素的价格水平"),
        ("立法法", "104", "规章不溯及既往"),
        ("优化营商环境条例", "17", "市场主体有权自主决定加入或者退出行业协会商会"),
        ("行政复议法", "2", "向行政复议机关提出行政复议申请"),
        ("行政诉讼法", "2", "有权依照本法向人民法院提起诉讼"),
        ("行政诉讼法", "3", "行政机关及其工作人员不得干预、阻碍人民法院受理行政案件"),
        ("优化营商环境条例", "12", "应当依法平等对待各类市场主体"),
        ("行政强制法", "9", "扣押财物"),
        ("公平竞争审查条例", "8", "限定经营、购买或者使用特定经营者提供的商品或者服务"),
        ("公平竞争审查条例", "9", "阻碍本地经营者迁出"),
        ("公平竞争审查条例", "9", "在资质标准、监管执法等方面对外地经营者在本地投资经营设置歧视性要求"),
        ("公平竞争审查条例", "10", "给予特定经营者税收优惠"),
        ("公平竞争审查条例", "11", "强制或者变相强制经营者实施垄断行为"),
        # Bases of the rules derived from the statutes item by item.
        ("行政处罚法", "9", "警告、通报批评"),
        ("行政处罚法", "9", "暂扣许可证件、降低资质等级、吊销许可证件"),
        ("行政处罚法", "9", "行政拘留"),
        ("行政处罚法", "20", "行政机关不得委托其他组织或者个人实施行政处罚"),
        ("行政处罚法", "21", "依法成立并具有管理公共事务职能"),
        ("行政强制法", "9", "限制公民人身自由"),
        ("行政强制法", "9", "冻结存款、汇款"),
        ("行政强制法", "12", "拍卖或者依法处理查封、扣押的场所、设施或者财物"),
        ("行政强制法", "12", "排除妨碍、恢复原状"),
        ("行政许可法", "14", "法律可以设定行政许可"),
        ("行政许可法", "15", "地方性法规可以设定行政许可"),
        ("行政许可法", "16", "不得增设行政许可"),
        ("优化营商环境条例", "14", "禁止在法律、法规规定之外要求市场主体提供财力、物力或者人力的摊派行为"),
        ("优化营商环境条例", "12", "不得制定或者实施歧视性政策措施"),
        ("优化营商环境条例", "62", "应当通过报纸、网络等向社会公开征求意见"),
        ("公平竞争审查条例", "8", "违法设置或者授予特许经营权"),
        ("公平竞争审查条例", "8", "设置不合理或者歧视性的准入、退出条件"),
        ("公平竞争审查条例", "9", "限制外地或者进口商品、要素进入本地市场"),
        ("公平竞争审查条例", "10", "行政事业性收费、政府性基金、社会保险费等方面的优惠"),
        ("公平竞争审查条例", "11", "超越法定权限制定政府指导价、政府定价"),
    ],
)
def test_bases_rules_rely_on_say_so(law: str, article: str, words: str) -> None:
    pack = load_rules()
    cited = {(b.law_id, b.article) for r in pack.rules for b in r.basis}
    cited |= {(s.basis.law_id, s.basis.article) for s in pack.statutory}
    cited |= {(n.basis.law_id, n.basis.article) for r in pack.rules for n in r.notes if n.basis}
    law_id = default_catalog().lookup(law)[0].id
    assert (law_id, article) in cited
    text = default_catalog().get(law_id).latest_version().articles.get(article)  # type: ignore[union-attr]
    if text is None:
        pytest.skip(f"the catalog ships no text for {law}")
    assert words in text


def test_unverified_bases_say_so() -> None:
    for rule in load_rules().rules:
        for basis in rule.basis:
            if not basis.verified:
                assert basis.text.endswith("（未核实）")
            elif basis.law_id is None and basis.document is None:
                pytest.fail(f"{rule.id}: a basis that is neither a law nor a 文号 must be unverified")


def test_a_basis_naming_a_missing_article_is_refused() -> None:
    catalog = default_catalog()
    with pytest.raises(RuleError, match="没有第九百九十九条"):
        resolve_basis({"law": "行政许可法", "article": "999"}, catalog, "test")
    with pytest.raises(RuleError, match="找不到"):
        resolve_basis({"law": "不存在的管理条例"}, catalog, "test")
    with pytest.raises(RuleError, match="verified = false"):
        resolve_basis({"text": "某地规定"}, catalog, "test")
    resolved = resolve_basis({"law": "行政强制法", "article": "10", "clause": 4}, catalog, "t")
    assert resolved.text == "《中华人民共和国行政强制法》第十条第四款"


def _write(tmp_path: Path, body: str) -> list[Path]:
    grammar = DATA_DIR / "grammar.toml"
    path = tmp_path / "custom.toml"
    path.write_text(body, encoding="utf-8")
    return [grammar, path]


def test_a_new_pack_file_adds_a_rule(tmp_path: Path) -> None:
    paths = _write(tmp_path, """
[[rule]]
id = "fee.parking"
category = "fee"
severity = "warning"
name = "停车收费"
triggers = ["停车费"]
match = ['收取[^。]{0,6}停车费']
message = "文件设定停车收费。"
suggestion = "写明依据。"
basis = [{ law = "优化营商环境条例", article = "25" }]
""")
    pack = load_rules(paths)
    assert [r.id for r in pack.rules] == ["fee.parking"]
    assert pack.keywords() == ["停车费"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('id = "penalty.x"\ncategory = "fee"', "id 应以类别开头"),
        ('id = "fee.x"\ncategory = "fee"\nseverity = "fatal"', "严重程度无效"),
        ('id = "fee.x"\ncategory = "fees"', "类别无效"),
        ('id = "fee.x"\ncategory = "fee"\nseverity = "error"\nname = "n"\nmessage = "m"\n'
         'suggestion = "s"\nbasis = [{ law = "行政许可法", article = "58" }]\n'
         'triggers = ["收费"]\nmatch = ["收费("]', "正则表达式无效"),
        ('id = "fee.x"\ncategory = "fee"\nseverity = "error"\nname = "n"\nmessage = "m"\n'
         'suggestion = "s"\nbasis = [{ law = "行政许可法", article = "58" }]\n'
         'triggers = ["押金"]\nmatch = ["收费"]', "不出现在任何 match 模式中"),
        ('id = "fee.x"\ncategory = "fee"\nseverity = "error"\nname = "n"\nmessage = "m"\n'
         'suggestion = "s"\nbasis = []\ntriggers = ["收费"]\nmatch = ["收费"]', "至少需要一项法律依据"),
        ('id = "fee.x"\ncategory = "fee"\nseverity = "error"\nname = "n"\nmessage = "m"\n'
         'suggestion = "s"\nbasis = [{ law = "行政许可法", article = "58" }]\n'
         'triggers = ["收费"]\nmatch = ["收费"]\ncontext_grammar = ["restate"]', "context_grammar 无效"),
        ('id = "fee.x"\ncategory = "fee"\nseverity = "error"\nname = "n"\nmessage = "m"\n'
         'suggestion = "s"\nbasis = [{ law = "行政许可法", article = "58" }]\n'
         'triggers = ["收费"]\nmatch = ["收费"]\nyields_to = ["fee.nowhere"]', "yields_to 指向未知规则"),
    ],
)
def test_bad_rules_are_refused(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(RuleError, match=re.escape(message)):
        load_rules(_write(tmp_path, "[[rule]]\n" + body + "\n"))


def test_statutory_licences_carry_real_articles() -> None:
    pack = load_rules()
    names = {s.name: s for s in pack.statutory}
    assert names["建设工程施工许可证"].authority == "county"
    assert names["建设工程施工许可证"].basis.text == "《中华人民共和国建筑法》第七条"
    # 城乡规划法 第四十一条: 乡、镇人民政府 take the application for 乡村建设规划许可证.
    assert names["乡村建设规划许可证"].authority == "town"
    assert names["乡村建设规划许可证"].basis.text == "《中华人民共和国城乡规划法》第四十一条"


@pytest.mark.parametrize("path", PACK_FILES, ids=[p.name for p in PACK_FILES])
def test_pack_files_are_commented(path: Path) -> None:
    # A pack explains its legal ground in its header (why, not just what).
    first = path.read_text(encoding="utf-8").lstrip().splitlines()[0]
    assert first.startswith("#") or path.name == "procedure.toml"


def test_every_kind_the_statutes_enumerate_has_a_rule() -> None:
    # 行政处罚法 art. 9, 行政强制法 arts. 9 and 12: each kind is recognised by some trigger word.
    words = set(load_rules().keywords())
    kinds = {
        "警告", "通报批评", "罚款", "没收", "暂扣", "降低", "吊销", "限制开展", "责令停产", "责令关闭",
        "限制从业", "拘留",  # 行政处罚法 art. 9
        "限制人身自由", "查封", "扣押", "冻结",  # 行政强制法 art. 9
        "加处罚款", "滞纳金", "划拨", "未认领", "强制恢复", "强制排除", "代履行",  # art. 12
        "断水", "停电",  # art. 43 ¶2
        "准入", "年检", "核准",  # 行政许可法 arts. 14-17, licences by other names
        "摊派", "独家", "特许经营",  # 优化营商环境条例 art. 14; 公平竞争审查条例 art. 8 (二)
    }
    assert kinds <= words, sorted(kinds - words)
