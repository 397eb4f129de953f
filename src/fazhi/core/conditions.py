"""Licence conditions and materials beyond the statute's own (行政许可法 art. 16 ¶4).

A draft may restate a statutory licence's conditions, or make them concrete; it may not add
conditions (行政许可法 art. 16 ¶4; 国办发〔2018〕37号 一（一）). ``beyond_statute(text,
structure, pack)`` finds the lists a draft gives for a licence —

    申请从事道路货运经营的，应当具备下列条件：        a heading ending in ：
    （一）有与其经营业务相适应并经检测合格的车辆；       items （一） 1. （1） ① …
    （二）在本区注册登记满一年；                        or inline, after the colon, split
                                                        at the markers or at ；

— decides which statutory licence of ``statutory.toml`` the list is about (a name or activity
word of the licence in the heading line, else in the enclosing articles and chapters, else in
the title; or the heading cites the statute article the list restates), and compares each
item with the statute's texts of the same kind (conditions or materials). An item corresponds
to a statutory text when they share two content bigrams (the skeleton words 应当, 具备, 相适应…
removed), when most of its content weighs in the statute's text (bigrams weighted by how rare
they are among all the statutes' texts), or when its head noun (the last word: …的经营服务场所)
is one the statute names. Reported, one finding per item:

- an item that corresponds to nothing and looks like an added burden: a tie to the locality
  (本县户籍, 在本区注册), a paper, consent or recommendation of a third party, a designated
  party, membership, a fee or deposit, capital, a record (``_BURDEN``);
- an item that corresponds but raises the statute's threshold in the same unit (注册资本不少于
  300万元 against 不得少于人民币二百万元; a lower maximum age);
- a clause appended to a corresponding item with a local tie or a third party's paper the
  statute does not name (已经确定施工企业，施工企业须在本县住建部门登记备案).

Items citing a law, routine papers (申请书, 身份证明, 营业执照) and other statutes' permits (消防,
环评) are never reported. Cautious by design: a list is compared only when the licence is
recognised without ambiguity and some of its items do restate the statute (so it is that
licence's list, not a subsidy's in the same document), unless its heading says it comes on
top of the statute's conditions (除具备…规定的条件外，还应当符合以下要求); lists about one
thing (经营场所应当符合下列要求) are left alone, as they make one statutory item concrete; an
unmatched item with no sign of a burden (具有与供气规模相适应的抢险能力, 场所面积不小于10平方米 —
a ministry's rule may set it) is left alone too. Plain Python, no Django.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from fazhi.core.numerals import parse_number
from fazhi.core.rules import RulePack, StatuteList, StatutoryInstrument
from fazhi.core.structure import DocumentStructure

__all__ = ["Excess", "beyond_statute", "corresponds", "list_items", "similarity", "stricter"]

# 申请…应当具备下列条件： / 应当提交以下材料： / 须符合如下要求： — found from the list word
# (下列条件：) back to the sentence start, with the verb just before it (or before a citation:
# 具备《城镇燃气管理条例》第十五条规定的下列条件：).
_LIST_WORD = re.compile(
    r"(?:下列|以下|如下)[^。；;\n：:]{0,8}?(条件|材料|资料|文件|证明|要求)[^。；;\n：:]{0,6}?[：:]")
_VERB_BEFORE = re.compile(
    r"(?:具备|符合|满足|达到|具有|提交|提供|报送|附送|附具|出具|持有)"
    r"(?:[^《》]{0,12}|.{0,2}《[^《》]{1,40}》第.{1,16}?)$")
_SENTENCE_END = re.compile(r"[。；;\n]")


def headings(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, list word) of each heading that opens a list of conditions or materials."""
    for m in _LIST_WORD.finditer(text):
        lo = max(0, m.start() - 200)
        ends = [e.end() for e in _SENTENCE_END.finditer(text, lo, m.start())]
        start = ends[-1] if ends else lo
        if _VERB_BEFORE.search(text, start, m.start()):
            yield start, m.end(), m.group(1)
# A list about one thing (经营场所应当符合下列要求) makes one statutory item concrete; lists
# for a subsidy or an award are no licence's; a forbidding list is another matter.
_SUB_LIST = re.compile(
    r"场所|场地|设施|设备|车辆|车型|仓库|厂房|面积|选址|布局|房屋|建筑|人员|驾驶员|从业者|负责人|"
    r"法定代表人|员工|股东|校长|教师|船舶|产品|商品|原料|标准|技术|方案|制度|章程|名称")
_NOT_LICENCE = re.compile(r"补贴|补助|奖励|奖补|资助|扶持|贴息|评选|评定|示范|资金|专项|表彰|"
                          r"承接|购买服务|采购|申报|参评|评估|享受|优惠|入驻|入库|名录|等级|"
                          r"不得|禁止|严禁|情形之一|退出|撤销|注销|吊销|处罚")
_LICENCE_HEAD = re.compile(r"申请|从事|经营|许可|审批|登记|备案|资质|资格|设立|开办|举办|核发|颁发|发给|方可")
# Items: （一） (一) 一、 1. 1、 （1） ①; 一、 only where the whole list uses it.
_MARKER = re.compile(r"[ \t\u3000]*(?:([（(][一二三四五六七八九十]{1,3}[)）])|([0-9]{1,2}[.．、](?![0-9]))|"
                     r"([（(][0-9]{1,2}[)）])|([①-⑳])|([一二三四五六七八九十]{1,3}是))")
_INLINE_MARKER = re.compile(r"(?:[（(][一二三四五六七八九十]{1,3}[)）]|(?<![0-9])[0-9]{1,2}[.．、](?![0-9])|"
                            r"[（(][0-9]{1,2}[)）]|[①-⑳])")
_ITEM_TRIM = " \t\u3000；;。，,、"
# Items that need no statute of this licence: they cite a law, are routine papers, or are
# another statute's permit (消防, 环评…).
_LAWFUL_ANYWAY = re.compile(
    r"《|法律|法规|规章|国家(?:有关)?规定|国家标准|行业标准|依法(?:应当|需要|须|取得|办理|设立|登记|经过)|规定的其他|其他(?:条件|材料|要求)|"
    r"申请书|申请表|登记表|身份证|身份证明|营业执照|法人证书|法人资格|登记证书|执业证书|"
    r"消防|环境影响|环评|安全评价|验收|卫生许可|健康证|规划许可|用地批准|"
    r"产权证明|使用权证明|租赁(?:合同|协议|意向书)|承诺")
# 除具备《道路运输条例》第二十一条规定的条件外，还应当符合以下要求: the list is added to the
# statute's by the draft's own words, so it need not restate any statutory item to be compared.
_ADDED_TO = re.compile(r"除[^。；;\n]{0,40}?(?:条件|规定|要求)(?:外|之外|以外)")
_CITED_ARTICLE = re.compile(r"《([^《》]{2,40})》第([一二三四五六七八九十百零〇0-9]+)条")
# Words that carry no content in a condition (the skeleton of the sentence).
_SKELETON = re.compile(
    r"应当|必须|需要|具有|具备|符合|满足|达到|要求|相应|相适应|适应|必要|规定|条件|下列|以下|其他|"
    r"有关|相关|取得|持有|经过|已经|能够|可以|按照|依照|或者|以及|并且|"
    r"[的和与及或并等其之为在以对由于已有须需应经]")
_SEGMENT = re.compile(r"[\u4e00-\u9fff]{2,}")
# What an added condition looks like: a tie to the locality, a paper, consent or fee from a
# third party, a designated party or membership, capital, a record. An unmatched item without any
# of these (具有与供气规模相适应的抢险能力; 零售场所面积不小于10平方米, which a ministry's rule may
# set) is more likely the statute's condition in other words, or made concrete, and is left
# alone. _ADDED is the stronger part, looked for in a clause appended to a statutory item
# (已经确定施工企业，施工企业须在本县住建部门登记备案).
_ADDED = (r"本区|本县|本市|本镇|本乡|本街道|本地|当地|辖区|户籍|常住|"
          r"出具|推荐|同意|意见书|担保|保证金|押金|配套费|指定|协会|商会|会员|联盟|纳税|税收")
_BURDEN = re.compile(_ADDED + r"|区内|县内|市内|居住证|证明|保险|注册资本|注册资金|社保|"
                     r"社会保险|信用|无.{0,12}?记录|自有|产权|学历|职称|满[0-9一二三四五六七八九十两]")
_ADDED_CLAUSE = re.compile(_ADDED)
# 注册资本不少于人民币二百万元, 5辆以上, 年龄不超过60周岁: a number with its unit and whether
# it is a minimum or a maximum.
_AMOUNT = re.compile(
    r"(不少于|不低于|不小于|不得少于|不得低于|至少|满|不超过|不高于|不大于|不得超过|不得高于)?(?:人民币)?"
    r"([0-9]+(?:\.[0-9]+)?|[零〇一二三四五六七八九十百千两]+)"
    r"(万元|元|辆|台|名|人|周岁|岁|平方米|米|个)(?:人民币)?(及以上|以上|以下|以内)?")
_MINIMUM = ("不少于", "不低于", "不小于", "不得少于", "不得低于", "至少", "满", "以上", "及以上")
_MAXIMUM = ("不超过", "不高于", "不得超过", "不得高于", "不大于", "以下", "以内")
MATCH_SCORE = 0.3  # share of an item's weighted bigrams found in one statutory item


@dataclass(frozen=True, slots=True)
class Excess:
    """A draft item that corresponds to no item of the statute's list."""

    start: int
    end: int
    licence: StatutoryInstrument
    lists: tuple[StatuteList, ...]  # the statute's lists it was compared with
    kind: str  # "conditions" or "materials"
    stricter: str | None = None  # the statutory item whose threshold the draft raises

    def message(self) -> str:
        what = "条件" if self.kind == "conditions" else "申请材料"
        where = "、".join(dict.fromkeys(lst.basis.text for lst in self.lists))
        head = f"所涉许可为“{self.licence.name}”（{self.licence.basis.text}）"
        note = f"（{self.licence.note}）" if self.licence.note else ""
        if self.stricter is not None:
            return (f"{head}，{where}规定：“{self.stricter}”{note}。"
                    f"本项的数量标准严于上位法，属于提高许可条件。")
        items = "；".join(_brief(t) for lst in self.lists for t in (*lst.items, *lst.also))
        return (f"{head}，{where}规定的{what}为：{items}{note}。"
                f"本项与其中任何一项都不对应，属于上位法规定之外的{what}。")

    def basis(self) -> list[str]:
        return [lst.basis.text for lst in self.lists]


def _brief(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


# --- similarity -----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of the content words (the skeleton words cut the text apart)."""
    out: set[str] = set()
    for segment in _SEGMENT.findall(_SKELETON.sub(" ", text)):
        out.update(segment[i:i + 2] for i in range(len(segment) - 1))
    return frozenset(out)


_WEIGHTS: dict[int, tuple[RulePack, dict[str, float]]] = {}


def _weights(pack: RulePack) -> dict[str, float]:
    """Inverse document frequency of each bigram over every statutory text of the pack."""
    cached = _WEIGHTS.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1]
    texts = [t for lic in pack.statutory for lst in lic.lists for t in (*lst.items, *lst.also)]
    df = Counter(b for t in texts for b in bigrams(t))
    n = len(texts) + 1
    weights = {b: math.log(n / count) + 1.0 for b, count in df.items()}
    _WEIGHTS[id(pack)] = (pack, weights)
    return weights


def similarity(item: str, statute: str, weights: dict[str, float]) -> float:
    """Weighted share of the item's content bigrams that occur in the statute's text."""
    mine = bigrams(item)
    if not mine:
        return 0.0
    theirs = bigrams(statute)
    rare = max(weights.values(), default=1.0)  # a bigram no statute uses weighs most
    total = sum(weights.get(b, rare) for b in mine)
    return sum(weights.get(b, rare) for b in mine & theirs) / total


def _head(item: str) -> str | None:
    """The last content bigram of the item, amounts left out: the head of a Chinese noun
    phrase comes last (有不少于四十平方米建筑面积的经营服务场所 → 场所)."""
    segments = _SEGMENT.findall(_SKELETON.sub(" ", _AMOUNT.sub(" ", item)))
    return segments[-1][-2:] if segments else None


def corresponds(item: str, statute: str, weights: dict[str, float]) -> bool:
    """The item restates or makes concrete the statutory text: it shares two content bigrams
    with it (检测合格, 驾驶证), most of its content is the statute's, or its head noun is one
    the statute's text names (…的经营服务场所 for 有…固定场所)."""
    theirs = bigrams(statute)
    if len(bigrams(item) & theirs) >= 2:
        return True
    head = _head(item)
    if head is not None and head in theirs:
        return True
    return similarity(item, statute, weights) >= MATCH_SCORE


def _amounts(text: str) -> list[tuple[str, float, str]]:
    """(unit, value, "min" or "max") for each bounded amount; 万元 counted in 元."""
    out = []
    for m in _AMOUNT.finditer(text):
        bound, number, unit, after = m.group(1) or "", m.group(2), m.group(3), m.group(4) or ""
        value = float(number) if number[0].isdigit() else parse_number(number)
        if value is None:
            continue
        if unit == "万元":
            unit, value = "元", float(value) * 10000
        unit = "周岁" if unit == "岁" else unit
        if bound in _MINIMUM or after in _MINIMUM:
            out.append((unit, float(value), "min"))
        elif bound in _MAXIMUM or after in _MAXIMUM:
            out.append((unit, float(value), "max"))
    return out


def stricter(item: str, statute: str) -> bool | None:
    """Whether the item raises a minimum (注册资本不低于300万元 against 二百万元) or lowers a
    maximum (年龄不超过55周岁 against 60周岁) beyond every bound the statute's text sets in the
    same unit (社会团体: 10万元 or 3万元, by scope); None when they share no bounded amount."""
    theirs = _amounts(statute)
    verdict: bool | None = None
    for unit, value, bound in _amounts(item):
        limits = [v for u, v, b in theirs if u == unit and b == bound]
        if not limits:
            continue
        if value > max(limits) if bound == "min" else value < min(limits):
            return True
        verdict = False
    return verdict


# --- lists in the draft ---------------------------------------------------------------------


def _style(m: re.Match[str]) -> int:
    return next(i for i in range(1, 6) if m.group(i))


def list_items(text: str, head_end: int) -> list[tuple[int, int]]:
    """Spans of the items after a heading ending at head_end: on the following lines (one
    marker style, nested items skipped, blank lines between them allowed) up to the first
    line that is no item, or inline in the rest of the paragraph."""
    line_end = text.find("\n", head_end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[head_end:line_end]
    if rest.strip(_ITEM_TRIM):
        return _inline(text, head_end, line_end)
    spans: list[tuple[int, int]] = []
    style = None
    pos = line_end + 1
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip():
            m = _MARKER.match(text, pos, end)
            if m is None:
                break
            if style is None:
                style = _style(m)
            if _style(m) == style:
                spans.append(_trim(text, m.end(), end))
        pos = end + 1
    return [s for s in spans if s[1] > s[0]]


def _inline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    stop = text.find("。", start, end)
    stop = end if stop < 0 else stop
    markers = list(_INLINE_MARKER.finditer(text, start, stop))
    if len(markers) >= 2:
        bounds = [m.end() for m in markers]
        ends = [m.start() for m in markers[1:]] + [stop]
        return [s for s in (_trim(text, a, b) for a, b in zip(bounds, ends, strict=True))
                if s[1] > s[0]]
    parts, a = [], start
    for m in re.finditer("[；;]", text[start:stop]):
        parts.append(_trim(text, a, start + m.start()))
        a = start + m.end()
    parts.append(_trim(text, a, stop))
    parts = [s for s in parts if s[1] > s[0]]
    return parts if len(parts) >= 2 else []


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _ITEM_TRIM:
        a += 1
    while b > a and text[b - 1] in _ITEM_TRIM:
        b -= 1
    return a, b


# --- which licence --------------------------------------------------------------------------


def _line(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _contexts(text: str, st: DocumentStructure, head: tuple[int, int]) -> Iterator[str]:
    """Where a licence may be named, nearest first: the heading's line, the first line of
    each enclosing 条/章/一、 (innermost first), the title."""
    yield text[slice(*_line(text, head[0]))]
    enclosing = [n for n in st.iter_nodes() if n.span[0] <= head[0] < n.span[1]]
    for node in sorted(enclosing, key=lambda n: -n.span[0]):
        yield text[slice(*_line(text, node.span[0]))]
    if st.title is not None:
        yield st.title.text
    if st.subject is not None:
        yield st.subject.title


def _named(pack: RulePack, context: str) -> StatutoryInstrument | None:
    """The licence whose longest name or alias occurs in context; None when none or two."""
    best: list[tuple[int, StatutoryInstrument]] = []
    for lic in pack.statutory:
        if not lic.lists or any(word in context for word in lic.unless):
            continue
        # 非营业性道路危险货物运输资质 is another licence than 道路危险货物运输经营.
        size = max((len(n) for n in lic.names
                    if re.search(f"(?<!非)(?<!非营业性)(?<!非经营性){re.escape(n)}", context)), default=0)
        if size:
            best.append((size, lic))
    if not best:
        return None
    best.sort(key=lambda x: -x[0])
    if len(best) > 1 and best[1][0] == best[0][0] and best[1][1] is not best[0][1]:
        return None
    return best[0][1]


def _without_names(pack: RulePack, text: str) -> str:
    """The text without licence names: 娱乐场所 is the licensee, not a 场所 sub-list."""
    for lic in pack.statutory:
        for name in lic.names:
            text = text.replace(name, "")
    return text


def _cited(pack: RulePack, heading: str) -> tuple[StatutoryInstrument, StatuteList] | None:
    """A heading citing the statute article whose list it restates."""
    for m in _CITED_ARTICLE.finditer(heading):
        title = m.group(1).removeprefix("中华人民共和国")
        number = parse_number(m.group(2))
        for lic in pack.statutory:
            for lst in lic.lists:
                if title in lst.basis.text and lst.basis.article == str(number):
                    return lic, lst
    return None


# --- the check ------------------------------------------------------------------------------


def _appended(text: str, a: int, b: int, statute: list[str]) -> list[tuple[int, int]]:
    """Clauses appended to an item that restates the statute, adding a local tie, a third
    party's paper or a fee the statute's texts do not name (已经确定施工企业，施工企业须在本县
    住建部门登记备案)."""
    out: list[tuple[int, int]] = []
    cuts = [a + m.end() for m in re.finditer("[，,；;]", text[a:b])]
    if not cuts:
        return out
    for start, stop in zip(cuts, [c - 1 for c in cuts[1:]] + [b], strict=True):
        ca, cb = _trim(text, start, stop)
        clause = text[ca:cb]
        if _LAWFUL_ANYWAY.search(clause):
            continue
        words = {m.group() for m in _ADDED_CLAUSE.finditer(clause)}
        if words and not any(w in s for w in words for s in statute):
            out.append((ca, cb))
    return out


def beyond_statute(text: str, st: DocumentStructure, pack: RulePack) -> list[Excess]:
    """Items of the draft's licence-condition and material lists that the statute lacks."""
    out: list[Excess] = []
    if not pack.statutory:
        return out
    weights = _weights(pack)
    for h_start, h_end, word in headings(text):
        heading = text[h_start:h_end]
        kind = "materials" if word in ("材料", "资料", "文件", "证明") else "conditions"
        subject = heading[:heading.rindex(word)]
        if _NOT_LICENCE.search(heading) or not (
                _LICENCE_HEAD.search(heading) or _named(pack, heading) is not None):
            continue
        verb = re.search(r"具备|符合|满足|达到|具有|提交|提供|报送|附送|附具|出具|持有", subject)
        if verb is not None and _SUB_LIST.search(_without_names(pack, subject[:verb.start()])):
            continue
        items = list_items(text, h_end)
        if not items:
            continue
        cited = _cited(pack, heading)
        licence: StatutoryInstrument | None
        if cited is not None:
            licence, lists = cited[0], [cited[1]]
            kind = cited[1].kind
            in_heading = True
        else:
            licence, in_heading = None, False
            for level, context in enumerate(_contexts(text, st, (h_start, h_end))):
                licence = _named(pack, context)
                if licence is not None:
                    in_heading = level == 0
                    break
            if licence is None:
                continue
            lists = [lst for lst in licence.lists if lst.kind == kind]
        if not lists:
            continue
        statute = [t for lst in lists for t in (*lst.items, *lst.also)]
        found: list[Excess] = []
        matched = 0
        for a, b in items:
            item = text[a:b]
            if _LAWFUL_ANYWAY.search(item):
                continue
            like = [s for s in statute if corresponds(item, s, weights)]
            if like:
                matched += 1
                # Raised only against every statutory text it can be compared with: 1000万元
                # is no raise where the statute sets it for 武装守护押运 beside 100万元.
                verdicts = [(s, v) for s in like if (v := stricter(item, s)) is not None]
                raised = verdicts[0][0] if verdicts and all(v for _, v in verdicts) else None
                if raised is not None:
                    source = tuple(lst for lst in lists if raised in (*lst.items, *lst.also))
                    found.append(Excess(a, b, licence, source, kind, raised))
                else:
                    found.extend(Excess(ca, cb, licence, tuple(lists), kind)
                                 for ca, cb in _appended(text, a, b, statute))
            elif _BURDEN.search(item):
                found.append(Excess(a, b, licence, tuple(lists), kind))
        # It must be this licence's list: some items restate the statute, or the heading
        # says the list comes on top of the statute's conditions.
        if matched < (1 if in_heading else 2) and not (in_heading and _ADDED_TO.search(heading)):
            continue
        out.extend(found)
    return out
