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


def test_express_delivery_capital_raised_and_local_ties() -> None:
    draft = """某区快递业务管理办法

第四条 申请快递业务经营许可，应当具备下列条件：
（一）符合企业法人条件；
（二）在省、自治区、直辖市范围内经营的，注册资本不低于人民币300万元；
（三）有与申请经营的地域范围相适应的服务能力；
（四）有健全的安全保障制度和措施；
（五）在本区设立分拨中心，并加入区快递行业协会。
"""
    found = _beyond(draft)
    assert [f.quote for f in found] == ["在省、自治区、直辖市范围内经营的，注册资本不低于人民币300万元",
                                        "在本区设立分拨中心，并加入区快递行业协会"]
    assert found[0].basis[0] == "《中华人民共和国邮政法》第五十二条"
    assert "注册资本不低于人民币二百万元" in found[0].message  # the highest of the statute's three
    assert "快递业务经营许可" in found[1].message
    restated = """某区快递业务管理办法

第四条 申请快递业务经营许可，应当具备下列条件：
（一）具备企业法人资格；
（二）注册资本不低于人民币五十万元；
（三）有与经营地域范围相适应的收寄、分拣、投递服务能力；
（四）有严格的服务质量管理制度和完备的业务操作规范；
（五）有健全的安全保障制度和措施。
"""
    assert _beyond(restated) == []


def test_school_bus_driver_age_lowered_and_residence_required() -> None:
    draft = """某县校车安全管理实施办法

第十二条 校车驾驶人应当符合下列条件：
（一）取得相应准驾车型驾驶证并具有3年以上驾驶经历，年龄在25周岁以上、不超过55周岁；
（二）最近连续3个记分周期内没有被记满分记录；
（三）无犯罪记录；
（四）具有本县户籍。
"""
    found = _beyond(draft)
    assert [f.quote for f in found] == [
        "取得相应准驾车型驾驶证并具有3年以上驾驶经历，年龄在25周岁以上、不超过55周岁", "具有本县户籍"]
    assert found[0].basis[0] == "《校车安全管理条例》第二十三条"
    assert "不超过60周岁" in found[0].message
    assert _beyond(draft.replace("55周岁", "60周岁").replace("（四）具有本县户籍。\n", "")) == []
    # The driver's and the bus's lists, each in the regulation's own words or made concrete.
    restated = """某县校车安全管理实施办法

第十二条 申请取得校车驾驶资格，应当符合下列条件：
（一）取得相应准驾车型驾驶证，具有3年以上驾驶经历，年龄在25周岁以上、不超过60周岁；
（二）最近连续3个记分周期内没有被记满分记录；
（三）无致人死亡或者重伤的交通事故责任记录；
（四）无饮酒后驾驶或者醉酒驾驶机动车记录；
（五）无犯罪记录；
（六）身心健康，无传染性疾病。
第十三条 取得校车使用许可，应当符合下列条件：
（一）车辆符合校车安全国家标准，取得机动车检验合格证明；
（二）有取得校车驾驶资格的驾驶人；
（三）有包括行驶线路、开行时间和停靠站点的校车运行方案；
（四）有健全的安全管理制度；
（五）已经投保机动车承运人责任保险。
"""
    assert _beyond(restated) == []


def test_large_event_materials_and_performances_left_to_their_own_regulation() -> None:
    draft = """某县大型群众性活动安全管理规定

第六条 承办者申请大型群众性活动安全许可，应当提交下列材料：
（一）承办者合法成立的证明以及安全责任人的身份证明；
（二）大型群众性活动方案及其说明；
（三）大型群众性活动安全工作方案；
（四）活动场所管理者同意提供活动场所的证明；
（五）向县公安局交纳安全保证金的凭据；
（六）所在镇人民政府出具的审核意见。
"""
    found = _beyond(draft)
    assert [f.quote for f in found] == ["向县公安局交纳安全保证金的凭据", "所在镇人民政府出具的审核意见"]
    assert found[0].basis[0] == "《大型群众性活动安全管理条例》第十三条"
    assert "申请材料" in found[0].message
    restated = """某县大型群众性活动安全管理规定

第五条 举办大型群众性活动，应当符合下列条件：
（一）承办者是依法成立的法人或者其他组织；
（二）活动内容不违反法律、法规的规定和社会公德；
（三）有安全工作方案，安全责任明确、措施有效；
（四）活动场所、设施符合安全要求。
第六条 承办者申请安全许可，应当提交下列材料：
（一）承办者合法成立的证明、安全责任人的身份证明；
（二）活动方案及其说明；
（三）安全工作方案；
（四）场所管理者同意提供场所的证明。
"""
    assert _beyond(restated) == []
    # 大型群众性活动安全管理条例 art. 11: 营业性演出 follow 营业性演出管理条例 where it provides.
    show = """某县营业性演出安全管理办法

第六条 举办营业性演出等大型群众性活动，应当提交下列材料：
（一）承办者合法成立的证明；
（二）活动安全工作方案；
（三）向县公安局交纳安全保证金的凭据。
"""
    assert _beyond(show) == []
    assert [f.quote for f in _beyond(show.replace("营业性演出等", ""))] == ["向县公安局交纳安全保证金的凭据"]


@pytest.mark.parametrize(("draft", "quotes", "basis"), [
    ("""某县焰火燃放安全管理办法

第八条 申请举办焰火晚会，主办单位应当提交下列材料：
（一）焰火晚会的时间、地点、环境、活动性质、规模；
（二）燃放烟花爆竹的种类、规格、数量；
（三）燃放作业方案；
（四）燃放作业单位、作业人员符合行业标准规定条件的证明；
（五）燃放地村（居）民委员会出具的同意燃放意见；
（六）在县应急管理局缴纳的风险保证金凭证。
""", ["燃放地村（居）民委员会出具的同意燃放意见", "在县应急管理局缴纳的风险保证金凭证"],
     "《烟花爆竹安全管理条例》第三十三条"),
    ("""某县非煤矿山安全生产许可实施细则

第四条 企业申请安全生产许可证，应当具备下列安全生产条件：
（一）建立、健全安全生产责任制，制定完备的安全生产规章制度和操作规程；
（二）设置安全生产管理机构，配备专职安全生产管理人员；
（三）主要负责人和安全生产管理人员经考核合格；
（四）依法参加工伤保险，为从业人员缴纳保险费；
（五）取得县矿业协会出具的会员证明。
""", ["取得县矿业协会出具的会员证明"], "《安全生产许可证条例》第六条"),
    ("""某县宗教活动场所管理办法

第五条 设立宗教活动场所，应当具备下列条件：
（一）设立宗旨不违背《宗教事务条例》第四条、第五条的规定；
（二）当地信教公民有经常进行集体宗教活动的需要；
（三）有拟主持宗教活动的宗教教职人员；
（四）有必要的资金，资金来源渠道合法；
（五）所在村（居）民委员会出具同意设立的意见。
""", ["所在村（居）民委员会出具同意设立的意见"], "《宗教事务条例》第二十条"),
    ("""某县农作物种子生产经营许可管理办法

第三条 申请种子生产经营许可证，应当具备下列条件：
（一）有与种子生产经营相适应的生产经营设施、设备；
（二）有专业技术人员；
（三）从事种子生产的，具有繁殖种子的隔离和培育条件；
（四）在本县注册登记并依法纳税满两年。
""", ["在本县注册登记并依法纳税满两年"], "《中华人民共和国种子法》第三十二条"),
    ("""某县古树名木保护管理办法

第十条 建设单位申请移植古树名木，应当提交下列材料：
（一）移植申请书；
（二）移植和养护方案；
（三）县林业协会出具的专家论证意见。
""", ["县林业协会出具的专家论证意见"], "《古树名木保护条例》第十五条"),
    ("""某县教师资格认定工作实施办法

第六条 申请认定教师资格，应当提交下列材料：
（一）身份证明；
（二）学历证书或者教师资格考试合格证明；
（三）县教育局指定医院出具的体格检查证明；
（四）户籍所在地街道办事处或者工作单位出具的思想品德鉴定；
（五）本县居住证。
""", ["本县居住证"], "《教师资格条例》第十五条"),
    ("""某县城市道路挖掘管理办法

第五条 因工程建设需要挖掘城市道路的，应当提交下列材料：
（一）城市规划部门批准签发的文件；
（二）有关设计文件；
（三）施工单位在本县住建部门的备案证明；
（四）所在街道办事处出具的同意意见。
""", ["施工单位在本县住建部门的备案证明", "所在街道办事处出具的同意意见"], "《城市道路管理条例》第三十三条"),
], ids=["fireworks-display", "work-safety", "religious-venue", "seeds", "old-trees", "teacher", "road-digging"])
def test_more_statutory_lists_with_items_added(draft: str, quotes: list[str], basis: str) -> None:
    found = _beyond(draft)
    assert [f.quote for f in found] == quotes
    assert all(f.basis[0] == basis for f in found)
    # Without the added items, the rest restates the statute's list.
    lines = [line for line in draft.splitlines() if not any(q in line for q in quotes)]
    assert _beyond("\n".join(lines) + "\n") == []


def test_other_uses_of_the_new_names_are_left_alone() -> None:
    renewal = """某县中小学教师资格定期注册实施办法

第六条 申请教师资格定期注册，应当提交下列材料：
（一）教师资格证书；
（二）本县居住证。
"""
    catering = """某县餐饮服务管理办法

第三条 申请从事餐饮服务，应当具备下列条件：
（一）具有与经营的食品品种、数量相适应的经营场所；
（二）配备专职或者兼职的食品安全管理人员；
（三）在本县注册登记。
"""
    assert _beyond(renewal) == []  # 定期注册 is a ministry's rule, not 教师资格条例 art. 15
    found = _beyond(catering)  # a list about 餐饮 is the food licence's, not a road's
    assert [f.quote for f in found] == ["在本县注册登记"]
    assert "食品经营许可证" in found[0].message


def test_new_statutory_names_restated_or_issued_by_a_town() -> None:
    def issued(text: str) -> list[tuple[str, str]]:
        report = review_text(normalize_text(text))
        return [(f.severity, f.quote) for f in report.findings if f.rule == "licensing.licence-issued"]

    restated = issued("某县城市管理办法\n第五条 未取得城市道路挖掘许可的，不得挖掘城市道路。\n"
                      "第六条 未取得建筑施工企业安全生产许可证的，不得从事建筑施工活动。\n")
    assert [s for s, _ in restated] == ["info", "info"]
    town = issued("某镇人民政府关于校车管理的通知\n一、镇人民政府核发校车使用许可证。\n")
    assert [s for s, _ in town] == ["error"]
    report = review_text(normalize_text("某镇人民政府关于校车管理的通知\n一、镇人民政府核发校车使用许可证。\n"))
    error = next(f for f in report.findings if f.rule == "licensing.licence-issued")
    assert "《校车安全管理条例》第十四条" in error.basis
    # A licence the statute does not know stays a licence the document sets up.
    local = issued("某区关于快递末端网点管理的通知\n一、快递末端网点经营许可证由区邮政管理局核发。\n"
                   "二、未取得快递末端网点经营许可证的，不得营业。\n")
    assert local and all(s != "info" for s, _ in local)
