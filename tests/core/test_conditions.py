"""Licence conditions beyond the statute's own (fazhi.core.conditions, statutory.toml).

The statutory items are checked against the statute texts in ../shared/lawrefbook; the
drafts below are hand-written: ones that add conditions (an item reported, with its span and
basis) and ones that restate or make concrete the statute's conditions (nothing reported).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.core.catalog import default_catalog
from fazhi.core.catalog.lawrefbook import parse_markdown
from fazhi.core.conditions import beyond_statute, list_items
from fazhi.core.review import Finding, review_text
from fazhi.core.rules import load_rules
from fazhi.core.structure import parse
from fazhi.core.text import normalize_text

LAWREFBOOK = Path(__file__).resolve().parents[2].parent / "shared" / "lawrefbook"
RULE = "licensing.beyond-statutory-conditions"


def _lawrefbook() -> Path:
    if not LAWREFBOOK.is_dir():
        pytest.skip(f"shared reference material is absent ({LAWREFBOOK})")
    return LAWREFBOOK


def _newest(root: Path, names: list[str]) -> Path:
    """The newest LawRefBook file of a law (files are named 道路运输条例(2023-07-20).md)."""
    files = [p for p in root.rglob("*.md") if p.stem.split("(")[0] in names]
    assert files, f"LawRefBook has no file for {names}"
    return max(files, key=lambda p: p.stem.split("(")[-1])


def _beyond(text: str) -> list[Finding]:
    return [f for f in review_text(normalize_text(text)).findings if f.rule == RULE]


def test_every_statutory_item_is_the_statute_text_verbatim() -> None:
    root = _lawrefbook()
    catalog = default_catalog()
    pack = load_rules()
    lists = [(lic, lst) for lic in pack.statutory for lst in lic.lists]
    assert len({lic.name for lic, _ in lists}) >= 30
    for lic, lst in lists:
        assert lst.basis.law_id is not None and lst.basis.article is not None
        law = catalog.get(lst.basis.law_id)
        assert law is not None
        names = [law.id, law.title, law.title.removeprefix("中华人民共和国")]
        parsed = parse_markdown(_newest(root, names), root)
        assert parsed is not None
        article = parsed.articles[lst.basis.article]
        for text in (*lst.items, *lst.also):
            assert text in article, f"{lic.name}: “{text}” is not in {lst.basis.text}"
        # Items are the article's enumerated items, in the article's order.
        positions = [article.index(t) for t in lst.items]
        assert positions == sorted(positions), lic.name


def test_unverified_entries_say_so() -> None:
    pack = load_rules()
    medical = next(lic for lic in pack.statutory if lic.name == "医疗机构执业许可证")
    assert medical.note
    assert all(lst.basis.text.endswith("（未核实）") for lst in medical.lists)
    # Every entry is a name licensing.licence-issued may find restated; five also say who issues.
    assert {s.name for s in pack.statutory if s.authority} >= {"建设工程施工许可证", "乡村建设规划许可证"}


FREIGHT = """某县交通运输局关于道路货物运输经营许可的实施办法

第一条 为规范本县道路货物运输经营许可工作，制定本办法。
第二条 申请从事道路货运经营的，应当具备下列条件：
（一）有3辆以上经检测合格的营运货车；
（二）驾驶人员取得相应的机动车驾驶证，年龄不超过60周岁；
（三）有健全的安全生产管理制度，配备专职安全管理人员；
（四）在本县注册登记满一年，并在本县依法纳税；
（五）取得县物流协会出具的推荐意见；
（六）法律、法规规定的其他条件。
第三条 本办法自2026年1月1日起施行，有效期五年。
"""


def test_added_conditions_are_reported_one_per_item() -> None:
    text = normalize_text(FREIGHT)
    found = _beyond(FREIGHT)
    assert [f.quote for f in found] == ["在本县注册登记满一年，并在本县依法纳税",
                                        "取得县物流协会出具的推荐意见"]
    first = found[0]
    assert text[first.start:first.end] == first.quote
    assert first.category == "licensing" and first.severity == "warning"
    assert "《中华人民共和国道路运输条例》第二十一条" in first.basis
    assert "《中华人民共和国行政许可法》第十六条第四款" in first.basis
    assert any("国办发〔2018〕37号" in b and "一（一）" in b for b in first.basis)
    assert "道路货物运输经营许可" in first.message
    assert "有与其经营业务相适应并经检测合格的车辆" in first.message


def test_restated_in_own_words_or_made_concrete_is_not_reported() -> None:
    gas = """某县城镇燃气经营许可管理办法

第一条 申请燃气经营许可的企业，应当具备下列条件：
（一）符合本县燃气发展规划；
（二）燃气气源和燃气设施符合国家标准；
（三）有固定的经营场所和完善的安全管理制度、经营方案；
（四）主要负责人、安全管理人员和运行维护抢修人员经专业培训考核合格。
第二条 本办法自2026年1月1日起施行。
"""
    food = """关于规范食品经营许可的实施意见

一、申请食品经营许可，应当具备下列条件：
（一）具有与经营的食品品种、数量相适应的经营场所，并与污染源保持规定的距离；
（二）配备消毒、洗涤、防蝇、防鼠设施；
（三）配备专职或者兼职的食品安全管理人员，建立食品安全管理制度；
（四）设备布局和工艺流程合理，防止交叉污染。
"""
    assert _beyond(gas) == []
    assert _beyond(food) == []


def test_food_licence_with_a_consent_added() -> None:
    food = """关于规范食品经营许可的实施意见

一、申请食品经营许可，应当具备下列条件：
（一）具有与经营的食品品种、数量相适应的经营场所；
（二）配备专职或者兼职的食品安全管理人员；
（三）取得所在社区居民委员会出具的同意经营意见。
"""
    assert [f.quote for f in _beyond(food)] == ["取得所在社区居民委员会出具的同意经营意见"]


def test_inline_items_and_a_licence_named_in_the_title() -> None:
    draft = """某县烟花爆竹零售经营许可实施细则

第三条 申请人应当具备以下条件：主要负责人经过安全知识教育；实行专店或者专柜销售，设专人负责安全管理；经营者须为本县户籍居民。
"""
    assert [f.quote for f in _beyond(draft)] == ["经营者须为本县户籍居民"]


def test_heading_citing_the_statute_article() -> None:
    draft = """关于加强燃气行业管理的通知

一、申请人应当具备《城镇燃气管理条例》第十五条规定的下列条件：
（一）符合燃气发展规划要求；
（二）有符合国家标准的燃气气源和燃气设施；
（三）在本县设立独立核算的子公司，且注册资本不低于1000万元。
"""
    found = _beyond(draft)
    assert [f.quote for f in found] == ["在本县设立独立核算的子公司，且注册资本不低于1000万元"]
    assert "《城镇燃气管理条例》第十五条" in found[0].basis


def test_conditions_added_on_top_of_the_statute() -> None:
    draft = """南湾区交通运输局关于规范道路普通货物运输经营许可的实施意见

二、申请与受理
（二）申请人除具备《道路运输条例》第二十一条规定的条件外，还应当符合以下要求：
1.在本区范围内拥有面积不少于500平方米的自有停车场地；
2.企业注册资本不低于100万元。
"""
    assert [f.quote for f in _beyond(draft)] == ["在本区范围内拥有面积不少于500平方米的自有停车场地",
                                                 "企业注册资本不低于100万元"]


def test_lists_that_are_no_statutory_licence_are_left_alone() -> None:
    unknown = """某区商贸服务管理办法

第二条 申请办理本项业务，应当具备下列条件：
（一）有固定的经营场所；
（二）在本区纳税满一年。
"""
    subsidy = """某县燃气经营许可与安全改造工作方案

三、申请燃气安全改造补贴，应当具备下列条件：
（一）已取得燃气经营许可证；
（二）在本县纳税满三年。
"""
    premises = """某县食品经营许可实施办法

第五条 经营场所应当符合下列要求：
（一）面积不少于20平方米；
（二）地面硬化，墙壁贴瓷砖。
"""
    assert _beyond(unknown) == []
    assert _beyond(subsidy) == []
    assert _beyond(premises) == []


def test_the_statute_itself_is_not_reviewed_for_this() -> None:
    root = _lawrefbook()
    for name in ("道路运输条例", "城镇燃气管理条例", "律师法"):
        text = normalize_text(_newest(root, [name]).read_text(encoding="utf-8"))
        assert _beyond(text) == [], name


def test_list_items_on_lines_and_inline() -> None:
    text = "应当具备下列条件：\n（一）甲项；\n1.细目\n（二）乙项。\n其他内容"
    assert [text[a:b] for a, b in list_items(text, text.index("：") + 1)] == ["甲项", "乙项"]
    inline = "应当提交下列材料：（一）申请书；（二）身份证明。"
    assert [inline[a:b] for a, b in list_items(inline, inline.index("：") + 1)] == ["申请书", "身份证明"]


def test_a_raised_threshold_and_a_materials_list() -> None:
    dispatch = """某县劳务派遣经营许可办事指南

一、许可条件
经营劳务派遣业务，应当具备下列条件：
1.注册资本不少于人民币300万元；
2.有与开展业务相适应的固定的经营场所和设施；
3.有符合法律、行政法规规定的劳务派遣管理制度；
4.有本县人力资源服务行业协会的推荐意见。
"""
    found = _beyond(dispatch)
    assert [f.quote for f in found] == ["注册资本不少于人民币300万元", "有本县人力资源服务行业协会的推荐意见"]
    assert "注册资本不得少于人民币二百万元" in found[0].message  # the statute's threshold
    assert "《中华人民共和国劳动合同法》第五十七条" in found[0].basis
    # The statute's own threshold, or a lower one, adds nothing.
    assert _beyond(dispatch.replace("300万元", "200万元").replace(
        "4.有本县人力资源服务行业协会的推荐意见。\n", "")) == []
    school = """某区民办幼儿园审批管理办法

第六条 申请筹设民办幼儿园，举办者应当向区教育局提交下列材料：
（一）申办报告；
（二）举办者的姓名、住址或者名称、地址；
（三）资产来源、资金数额及有效证明文件；
（四）所在街道办事处出具的同意设立意见；
（五）周边居民签字同意书。
"""
    found = _beyond(school)
    assert [f.quote for f in found] == ["所在街道办事处出具的同意设立意见", "周边居民签字同意书"]
    assert "《中华人民共和国民办教育促进法》第十三条" in found[0].basis
    assert "申请材料" in found[0].message


def test_a_clause_appended_to_a_statutory_item() -> None:
    permit = """某县建筑工程施工许可管理规定

第四条 建设单位申请领取施工许可证，应当具备下列条件：
（一）已经办理该建筑工程用地批准手续；
（二）已经确定施工企业，施工企业须在本县住建部门登记备案；
（三）有满足施工需要的资金安排、施工图纸及技术资料，施工图设计文件已按规定审查合格；
（四）有保证工程质量和安全的具体措施。
"""
    assert [f.quote for f in _beyond(permit)] == ["施工企业须在本县住建部门登记备案"]


def test_a_lower_maximum_age_and_a_higher_fleet() -> None:
    draft = """某县道路旅客运输经营许可实施细则

第三条 申请从事客运经营的，应当具备下列条件：
（一）有与其经营业务相适应并经检测合格的客车；
（二）驾驶人员年龄不超过55周岁，取得相应的机动车驾驶证；
（三）有健全的安全生产管理制度。
第四条 申请从事危险货物运输经营的，还应当具备下列条件：
（一）有10辆以上经检测合格的危险货物运输专用车辆、设备；
（二）专用车辆配有必要的通讯工具。
"""
    found = _beyond(draft)
    assert [f.quote for f in found] == ["驾驶人员年龄不超过55周岁，取得相应的机动车驾驶证",
                                        "有10辆以上经检测合格的危险货物运输专用车辆、设备"]
    assert found[0].basis[0] == "《中华人民共和国道路运输条例》第九条"
    assert "“年龄不超过60周岁”" in found[0].message
    assert found[1].basis[0] == "《中华人民共和国道路运输条例》第二十三条"
    same = draft.replace("55周岁", "60周岁").replace("10辆以上", "5辆以上")
    assert _beyond(same) == []


def test_other_regimes_and_other_purposes_are_left_alone() -> None:
    workshop = """某县食品生产加工小作坊登记管理办法

第四条 申请食品生产加工小作坊登记，应当具备下列条件：
（一）具有与生产的食品品种、数量相适应的生产场所；
（二）有专职或者兼职的食品安全管理人员；
（三）生产者具有本县户籍。
"""
    procurement = """某区社会组织承接政府购买服务管理办法

第五条 社会团体申请承接政府购买服务，应当具备下列条件：
（一）有规范的名称和相应的组织机构；
（二）有固定的住所；
（三）在本区登记满两年。
"""
    assert _beyond(workshop) == []  # 食品安全法 art. 36 leaves workshops to the provinces
    assert _beyond(procurement) == []  # not the registration's own list


def test_tobacco_auction_and_a_filing() -> None:
    tobacco = """某县烟草专卖零售许可证管理实施细则

第六条 申请烟草专卖零售许可证，应当具备下列条件：
（一）有与经营烟草制品零售业务相适应的资金；
（二）有固定的经营场所，经营场所面积不少于10平方米；
（三）符合本县烟草制品零售点合理布局规划，与最近零售点距离不少于30米；
（四）申请人为本县户籍居民或者持有本县居住证。
"""
    # The layout rule made concrete (距离, 面积) is left to the reviewer; the 户籍 is added.
    assert [f.quote for f in _beyond(tobacco)] == ["申请人为本县户籍居民或者持有本县居住证"]
    auction = """某市拍卖行业管理办法

第三条 企业申请取得从事拍卖业务的许可，应当具备下列条件：
（一）有二百万元人民币以上的注册资本；
（二）有自己的名称、组织机构、住所和章程；
（三）有与从事拍卖业务相适应的拍卖师。
"""
    assert [f.quote for f in _beyond(auction)] == ["有二百万元人民币以上的注册资本"]
    clinic = """某县中医诊所备案管理办法

第五条 举办中医诊所，应当向县卫生健康局提交下列材料：
（一）中医诊所备案信息表；
（二）诊所名称、地址、诊疗范围、人员配备情况；
（三）所在社区居委会出具的无异议证明。
"""
    assert [f.quote for f in _beyond(clinic)] == ["所在社区居委会出具的无异议证明"]


def test_a_threshold_the_statute_sets_elsewhere_is_no_raise() -> None:
    escort = """某市保安服务管理实施办法

第四条 设立从事武装守护押运服务的保安服务公司，应当具备下列条件：
（一）有不低于人民币1000万元的注册资本；
（二）有健全的组织机构和保安服务管理制度。
"""
    assert _beyond(escort) == []  # 保安服务管理条例 art. 10, beside art. 8's 100万元


def test_a_licensee_named_as_a_place_is_no_sub_list() -> None:
    draft = """某县娱乐场所管理办法

第三条 娱乐场所应当符合下列条件：
（一）不设在居民楼、博物馆、图书馆内；
（二）不设在建筑物地下一层以下；
（三）投资人加入县娱乐行业协会。
"""
    assert [f.quote for f in _beyond(draft)] == ["投资人加入县娱乐行业协会"]


def test_the_statutes_own_lists_are_never_beyond_themselves() -> None:
    """The comparison itself, without the level gate, on every statute the data quotes."""
    root = _lawrefbook()
    catalog = default_catalog()
    pack = load_rules()
    seen: set[str] = set()
    for lic in pack.statutory:
        for lst in lic.lists:
            law = catalog.get(lst.basis.law_id or "")
            assert law is not None
            if law.id in seen:
                continue
            seen.add(law.id)
            path = _newest(root, [law.id, law.title, law.title.removeprefix("中华人民共和国")])
            text = normalize_text(path.read_text(encoding="utf-8"))
            found = [text[x.start:x.end] for x in beyond_statute(text, parse(text), pack)]
            assert found == [], (law.title, found)
