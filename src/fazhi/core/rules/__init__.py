"""Review rule packs: data files (TOML) describing what `fazhi.core.review` looks for.

Each pack in ``data/*.toml`` holds ``[[rule]]`` tables. A rule names its category,
severity, legal basis (law + article, resolved through the citation engine's catalog, or a
文号 + section), a Chinese message and a suggested fix, and either

- ``kind = "clause"``: literal ``triggers`` (scanned with one Aho-Corasick automaton) and
  ``match`` regexes evaluated on the sentence around a trigger, with context conditions
  (``context`` must occur in the sentence, ``unless`` must not, ``unless_matched`` must not
  occur in the matched text, ``negated_by`` must not stand just before the match) and what a
  restating sentence does to the severity; or
- ``kind = "check"``: a structural check implemented in ``fazhi.core.review`` (validity
  clauses, numbering, citations…); the data gives its wording and basis.

``grammar.toml`` holds the shared vocabulary that tells restating from creating (依照《…》,
依法, 违反…规定…) and ``statutory.toml`` the licences laws create: the names a document may
repeat and, verbatim, the statute's own conditions and application materials. ``load_rules()`` validates everything once and caches the result; a pack that names
a law or article the catalog does not know fails to load (RuleError), so no rule can carry
an unchecked legal basis.
"""

from __future__ import annotations

import re
import re._constants as sre  # the parser's opcodes, to read a pattern's first characters
import re._parser as sre_parse
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fazhi.core.catalog import Catalog, Law, article_label, default_catalog
from fazhi.core.catalog.store import normalize_doc_number
from fazhi.core.numerals import to_chinese

__all__ = [
    "CATEGORIES",
    "DATA_DIR",
    "HIGHER_LEVELS",
    "SEVERITIES",
    "Basis",
    "Grammar",
    "Rule",
    "RuleError",
    "RulePack",
    "StatuteList",
    "StatutoryInstrument",
    "char_class",
    "load_rules",
    "yes_no",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
CATEGORIES = ("licensing", "penalty", "coercion", "fee", "rights_obligations", "competition",
              "citation", "validity", "form", "procedure")
SEVERITIES = ("error", "warning", "info")
RESTATED = ("error", "warning", "info", "drop")
KINDS = ("clause", "check")
# Levels that may themselves set licences/penalties/coercion (within limits): a citation of
# one of them in the sentence is what "restating a higher law" means.
HIGHER_LEVELS = frozenset({"宪法", "法律", "行政法规", "监察法规", "部门规章", "地方性法规",
                           "地方政府规章", "司法解释"})


class RuleError(ValueError):
    """A rule pack that cannot be used as written."""


@dataclass(frozen=True, slots=True)
class Basis:
    """One legal basis, resolved: ``text`` is what a finding shows."""

    text: str
    law_id: str | None = None
    article: str | None = None  # catalog article key ("17")
    document: str | None = None  # 文号
    verified: bool = True
    excerpt: str | None = None  # the article's text when the catalog ships it


@dataclass(frozen=True, slots=True)
class Note:
    """An extra sentence added to the message when ``pattern`` occurs in the sentence."""

    pattern: re.Pattern[str]
    text: str
    basis: Basis | None = None  # added to the finding's bases when the note applies


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: str
    kind: str
    name: str
    message: str
    suggestion: str
    basis: tuple[Basis, ...]
    triggers: tuple[str, ...] = ()
    match: tuple[re.Pattern[str], ...] = ()
    # All match patterns in one alternation (named groups dropped), in its `yes_no` form: one
    # search rejects the many triggered sentences that match none of them.
    any_match: re.Pattern[str] | None = None
    context: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()
    # Vetoes read in the matched text only: 经业主大会同意后，报县发改委审核同意方可执行 is
    # an approval although the sentence also names a private party's consent.
    unless_matched: tuple[re.Pattern[str], ...] = ()
    negated_by: re.Pattern[str] | None = None
    negation_window: int = 8
    restated: str = "info"
    vague: str = "warning"  # severity when only a vague marker (按有关规定) is present
    violation_only: str = "warning"  # the sentence cites a law only as 违反《…》
    notes: tuple[Note, ...] = ()
    unless_grammar: tuple[str, ...] = ()  # Grammar fields that veto the rule (referral…)
    context_grammar: tuple[str, ...] = ()  # Grammar fields that admit it, as context does
    statutory_check: bool = False  # compare the matched licence with the statutory list
    each_match: bool = False  # report every match of a sentence, not only its most severe
    dynamic_basis: bool = False  # the finding's basis comes from the data it reports on
    pack: str = ""
    # Document-level gates: skip instruments that themselves hold the setting power.
    skip_for_levels: frozenset[str] = frozenset()
    # Rules whose finding on the same words says it better: 还应当提交…无犯罪记录证明 is a
    # needless certificate (rights.certificate) before it is an added licence condition.
    yields_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatuteList:
    """The conditions or application materials one statute article sets for a licence."""

    kind: str  # "conditions" or "materials"
    basis: Basis  # the article the texts come from
    items: tuple[str, ...]  # the article's enumerated items, verbatim
    also: tuple[str, ...] = ()  # other sentences of the article setting one, verbatim


@dataclass(frozen=True, slots=True)
class StatutoryInstrument:
    """A licence/approval a law creates: repeating it is not creating it."""

    name: str
    aliases: tuple[str, ...]
    basis: Basis
    # "county": 县级以上 bodies only; "town": 乡镇 take part by law; None: not in the name check
    authority: str | None
    lists: tuple[StatuteList, ...] = ()
    note: str = ""  # e.g. why the entry is unverified
    unless: tuple[str, ...] = ()  # words that put a list under another regime (小作坊)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Grammar:
    """Regexes telling restating from creating, shared by all clause rules."""

    restate: re.Pattern[str]  # 依照《…》, 依法, 根据…法律法规 …
    vague: re.Pattern[str]  # 按有关规定, 按规定
    violation: re.Pattern[str]  # 违反《…》 / 违反…规定
    referral: re.Pattern[str]  # 移送/报请有权机关处理
    internal: re.Pattern[str]  # 处分, 问责: internal discipline, not administrative acts
    sentence_end: re.Pattern[str]
    contract: re.Pattern[str]  # 按合同约定, 违反协议: obligations agreed, not imposed
    contract_signed: re.Pattern[str]  # 签订…合同: agreed, for the clause that follows
    town_organ: re.Pattern[str]  # 镇/乡/街道 bodies
    # 同时/另行…: a further measure added after one that cites its basis; the citation
    # before the marker does not cover what follows it.
    addition: re.Pattern[str]
    # 应当与…指定的…签订协议: a contract the document compels is not an agreed obligation.
    compelled_contract: re.Pattern[str]
    wrongdoing: re.Pattern[str]  # 违规, 骗取, 拒不…: what a punished party did
    measure_terms: re.Pattern[str]  # 罚款, 保证金…: what a draft says a cited article provides
    support_terms: re.Pattern[str]  # …and words showing the cited article does provide it


@dataclass
class RulePack:
    rules: tuple[Rule, ...]
    grammar: Grammar
    # Licences laws create: names a document may repeat, with conditions and materials
    statutory: tuple[StatutoryInstrument, ...]
    by_id: dict[str, Rule] = field(default_factory=dict)
    # Every statutory name and alias → (rank, instrument); rank orders the longest first.
    statutory_names: dict[str, tuple[int, StatutoryInstrument]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {r.id: r for r in self.rules}
        ranked = sorted(((name, inst) for inst in self.statutory for name in inst.names),
                        key=lambda pair: -len(pair[0]))
        for rank, (name, inst) in enumerate(ranked):
            self.statutory_names.setdefault(name, (rank, inst))

    def clause_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.kind == "clause"]

    def keywords(self) -> list[str]:
        """Every literal trigger, deduplicated, in a stable order (also used by the bench)."""
        return sorted({t for r in self.rules for t in r.triggers})

    def rule(self, rule_id: str) -> Rule:
        try:
            return self.by_id[rule_id]
        except KeyError:
            raise RuleError(f"规则包缺少规则：{rule_id}") from None


# --- loading ------------------------------------------------------------------------------------


def _compile(value: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(value)
    except re.error as error:
        raise RuleError(f"{where}: 正则表达式无效：{value!r}（{error}）") from None


def _compile_list(values: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if values is None:
        return ()
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleError(f"{where}: 应为字符串列表")
    return tuple(_compile(v, where) for v in values)


def _alternation(patterns: tuple[re.Pattern[str], ...], where: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    bodies = [re.sub(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>", "(?:", p.pattern) for p in patterns]
    return yes_no(_compile("|".join(f"(?:{b})" for b in bodies), where))


# --- faster yes/no searches ---------------------------------------------------------------------
#
# re's search only skips ahead to plausible positions when a pattern starts with a literal or a
# character class; an alternation of groups ((?:经|报)…|(?:须|应当)…) or a leading look-behind
# gets no such hint, and every position of the sentence is tried against every branch. When
# every match of P must start with one of a known set of characters F, the pattern
# ``[F](?<=(?=P)[F])`` matches at exactly the positions where P does (it reads one character
# of F, steps back over it and tries P there) and starts with a class, so re skips the rest.
# Its match is that one character: use it only to ask whether P occurs, or where it starts.


def _first_of_sequence(items: Any) -> tuple[set[str], bool] | None:
    """(characters a match of the sequence can start with, whether it can be empty)."""
    first: set[str] = set()
    for op, av in items:
        found = _first_of(op, av)
        if found is None:
            return None
        chars, empty = found
        first |= chars
        if not empty:
            return first, False
    return first, True


def _first_of(op: Any, av: Any) -> tuple[set[str], bool] | None:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        chars: set[str] = set()
        for item_op, item in av:
            if item_op is sre.LITERAL:
                chars.add(chr(item))
            elif item_op is sre.RANGE and item[1] - item[0] < 256:
                chars.update(chr(c) for c in range(item[0], item[1] + 1))
            else:
                return None  # negated or large classes, categories: no useful set
        return chars, False
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _first_of_sequence(sub)
    if op is sre.BRANCH:
        first: set[str] = set()
        empty = False
        for branch in av[1]:
            found = _first_of_sequence(branch)
            if found is None:
                return None
            first |= found[0]
            empty = empty or found[1]
        return first, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        found = _first_of_sequence(sub)
        return None if found is None else (found[0], low == 0 or found[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return set(), True  # zero width: the first character comes after it
    return None


def char_class(pattern: re.Pattern[str]) -> str | None:
    """``pattern`` as a character class ("[。；]") when each match is one character of a
    fixed set, with no condition on what surrounds it; None otherwise."""
    items = sre_parse.parse(pattern.pattern, pattern.flags).data
    while len(items) == 1 and items[0][0] is sre.SUBPATTERN and not any(items[0][1][1:3]):
        items = items[0][1][3].data
    if len(items) != 1 or pattern.flags & re.IGNORECASE:
        return None
    op, av = items[0]
    single = (sre.LITERAL, sre.IN)
    if op not in single and not (op is sre.BRANCH and all(
            len(branch) == 1 and branch[0][0] in single for branch in av[1])):
        return None
    found = _first_of(op, av)
    if found is None:
        return None
    return "[" + "".join(re.escape(c) for c in sorted(found[0])) + "]"


def yes_no(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern matching (one character) exactly where ``pattern`` starts a match, or
    ``pattern`` itself when its first characters are not known (see above)."""
    if pattern.flags & re.IGNORECASE:
        return pattern
    found = _first_of_sequence(sre_parse.parse(pattern.pattern, pattern.flags).data)
    if found is None or found[1] or not found[0]:
        return pattern
    chars = "[" + "".join(re.escape(c) for c in sorted(found[0])) + "]"
    return re.compile(f"{chars}(?<=(?=(?:{pattern.pattern})){chars})", pattern.flags)


def _one_of(values: list[str], where: str) -> re.Pattern[str]:
    if not values:
        raise RuleError(f"{where}: 不能为空")
    return _compile("|".join(f"(?:{v})" for v in values), where)


def _article_text(key: str, clause: int | None, item: int | None) -> str:
    text = article_label(key)
    if clause:
        text += f"第{to_chinese(clause)}款"
    if item:
        text += f"第（{to_chinese(item)}）项"
    return text


def _resolve_law(catalog: Catalog, name: str, where: str) -> Law:
    found = catalog.get(name)
    laws: list[Law] = [found] if found is not None else catalog.lookup(name)
    if len(laws) != 1:
        raise RuleError(f"{where}: 法规目录中找不到或不唯一：{name}")
    return laws[0]


def resolve_basis(spec: Any, catalog: Catalog, where: str) -> Basis:
    """A basis table → Basis. Laws and articles must exist in the catalog."""
    if not isinstance(spec, dict):
        raise RuleError(f"{where}: basis 应为表")
    verified = bool(spec.get("verified", True))
    suffix = "" if verified else "（未核实）"
    if "law" in spec:
        law = _resolve_law(catalog, str(spec["law"]), where)
        article = spec.get("article")
        if article is None:
            return Basis(f"《{law.title}》{spec.get('section', '')}{suffix}", law_id=law.id,
                         verified=verified)
        key = str(article)
        version = law.latest_version()
        if version is None or version.has_article(key) is not True:
            raise RuleError(f"{where}: 《{law.title}》没有{article_label(key)}")
        clause, item = spec.get("clause"), spec.get("item")
        label = _article_text(key, clause if isinstance(clause, int) else None,
                              item if isinstance(item, int) else None)
        excerpt = version.articles.get(key)
        return Basis(f"《{law.title}》{label}{suffix}", law_id=law.id, article=key,
                     verified=verified, excerpt=excerpt)
    if "document" in spec:
        number = str(spec["document"])
        if normalize_doc_number(number) != number:
            raise RuleError(f"{where}: 文号应写成规范形式（〔〕）：{number}")
        doc = catalog.by_doc_number(number)
        title = spec.get("title") or (doc.title if doc else None)
        section = spec.get("section", "")
        head = f"《{title}》（{number}）" if title else number
        return Basis(f"{head}{section}{suffix}", law_id=doc.id if doc else None,
                     document=number, verified=verified)
    if "text" in spec:
        if verified:
            raise RuleError(f"{where}: 无法规目录依据的文字依据必须标注 verified = false")
        return Basis(f"{spec['text']}{suffix}", verified=False)
    raise RuleError(f"{where}: basis 需要 law、document 或 text")


def _rule(data: dict[str, Any], pack: str, catalog: Catalog) -> Rule:
    rid = data.get("id")
    if not isinstance(rid, str) or not re.fullmatch(r"[a-z_]+\.[a-z0-9_-]+", rid):
        raise RuleError(f"{pack}: 规则 id 无效：{rid!r}")
    where = f"{pack}:{rid}"
    category, severity = data.get("category"), data.get("severity")
    kind = data.get("kind", "clause")
    if category not in CATEGORIES:
        raise RuleError(f"{where}: 类别无效：{category!r}")
    if not rid.startswith("rights." if category == "rights_obligations" else category + "."):
        raise RuleError(f"{where}: id 应以类别开头")
    if severity not in SEVERITIES:
        raise RuleError(f"{where}: 严重程度无效：{severity!r}")
    if kind not in KINDS:
        raise RuleError(f"{where}: kind 无效：{kind!r}")
    for key in ("name", "message", "suggestion"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise RuleError(f"{where}: 缺少 {key}")
    dynamic = bool(data.get("dynamic_basis", False))
    bases = data.get("basis", [])
    if not isinstance(bases, list) or (not bases and not dynamic):
        raise RuleError(f"{where}: 至少需要一项法律依据")
    basis = tuple(resolve_basis(b, catalog, where) for b in bases)
    restated = data.get("restated", "info")
    vague = data.get("vague", "warning")
    violation_only = data.get("violation_only", "warning")
    for value in (restated, vague, violation_only):
        if value not in RESTATED:
            raise RuleError(f"{where}: restated/vague/violation_only 无效：{value!r}")
    triggers = tuple(data.get("triggers", ()))
    match = _compile_list(data.get("match"), where)
    if kind == "clause":
        if not triggers or not match:
            raise RuleError(f"{where}: clause 规则需要 triggers 和 match")
        for t in triggers:
            if not isinstance(t, str) or not t:
                raise RuleError(f"{where}: 触发词无效：{t!r}")
            # A trigger must be something a match can contain, or the rule could never fire
            # where it is triggered; checked loosely: the trigger, or each of its characters,
            # occurs in some pattern.
            if not any(t in p.pattern or p.search(t) or all(ch in p.pattern for ch in t)
                       for p in match):
                raise RuleError(f"{where}: 触发词“{t}”不出现在任何 match 模式中")
    elif triggers or match:
        raise RuleError(f"{where}: check 规则不使用 triggers/match")
    negated = data.get("negated_by")
    vetoes = tuple(data.get("unless_grammar", ()))
    for name in vetoes:
        if name not in ("referral", "internal", "contract"):
            raise RuleError(f"{where}: unless_grammar 无效：{name!r}")
    admits = tuple(data.get("context_grammar", ()))
    for name in admits:
        if name not in ("wrongdoing",):
            raise RuleError(f"{where}: context_grammar 无效：{name!r}")
    notes = tuple(
        Note(_compile(n["pattern"], where), str(n["text"]),
             resolve_basis(n["basis"], catalog, where) if "basis" in n else None)
        for n in data.get("notes", ())
    )
    return Rule(
        id=rid, category=category, severity=severity, kind=kind, name=data["name"],
        message=data["message"].strip(), suggestion=data["suggestion"].strip(), basis=basis,
        triggers=triggers, match=match, any_match=_alternation(match, where),
        context=_compile_list(data.get("context"), where),
        unless=_compile_list(data.get("unless"), where),
        unless_matched=_compile_list(data.get("unless_matched"), where),
        negated_by=_compile(negated, where) if isinstance(negated, str) else None,
        negation_window=int(data.get("negation_window", 8)),
        restated=restated, vague=vague, violation_only=violation_only, notes=notes, pack=pack,
        skip_for_levels=frozenset(data.get("skip_for_levels", ())),
        unless_grammar=vetoes, context_grammar=admits, statutory_check=bool(data.get("statutory_check", False)),
        dynamic_basis=dynamic, yields_to=_texts(data.get("yields_to"), where),
        each_match=bool(data.get("each_match", False)),
    )


def _grammar(data: dict[str, Any]) -> Grammar:
    g = data.get("grammar")
    if not isinstance(g, dict):
        raise RuleError("grammar.toml: 缺少 [grammar]")
    grammar = Grammar(**{k: _one_of(list(g.get(k, [])), f"grammar.{k}")
                         for k in Grammar.__dataclass_fields__})
    if char_class(grammar.sentence_end) is None:
        # The scanner finds a sentence's bounds from a hit, backwards as well as forwards.
        raise RuleError("grammar.sentence_end: 应为一组单个字符（如 [。；\\n]）")
    return grammar


def _texts(values: Any, where: str) -> tuple[str, ...]:
    if values is None:
        return ()
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise RuleError(f"{where}: 应为非空字符串列表")
    return tuple(values)


def _statute_lists(item: dict[str, Any], catalog: Catalog, where: str) -> list[StatuteList]:
    out = []
    for kind in ("conditions", "materials"):
        for spec in item.get(kind, ()):
            here = f"{where}.{kind}"
            basis = resolve_basis({k: spec[k] for k in ("law", "article", "verified") if k in spec},
                                  catalog, here)
            items, also = _texts(spec.get("items"), here), _texts(spec.get("also"), here)
            if not items and not also:
                raise RuleError(f"{here}: 需要 items 或 also")
            out.append(StatuteList(kind, basis, items, also))
    return out


def _statutory(items: list[dict[str, Any]], catalog: Catalog) -> list[StatutoryInstrument]:
    out = []
    for item in items:
        where = f"statutory:{item.get('name')}"
        if item.get("authority") not in ("county", "town", None):
            raise RuleError(f"{where}: authority 应为 county 或 town")
        out.append(StatutoryInstrument(
            name=str(item["name"]), aliases=_texts(item.get("aliases"), where),
            basis=resolve_basis(item["basis"], catalog, where), authority=item.get("authority"),
            lists=tuple(_statute_lists(item, catalog, where)), note=str(item.get("note", "")),
            unless=_texts(item.get("unless"), where),
        ))
    return out


def load_rules(paths: list[Path] | None = None, catalog: Catalog | None = None) -> RulePack:
    """Read and validate rule packs (default: every data/*.toml). Cached for the default."""
    global _CACHED
    default = paths is None and catalog is None
    if default and _CACHED is not None:
        return _CACHED
    catalog = catalog if catalog is not None else default_catalog()
    files = sorted(paths if paths is not None else DATA_DIR.glob("*.toml"))
    rules: list[Rule] = []
    statutory: list[StatutoryInstrument] = []
    grammar: Grammar | None = None
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise RuleError(f"无法读取规则包 {path.name}：{error}") from None
        if "grammar" in data:
            grammar = _grammar(data)
        statutory.extend(_statutory(data.get("statutory", []), catalog))
        rules.extend(_rule(item, path.stem, catalog) for item in data.get("rule", []))
    if grammar is None:
        raise RuleError("规则包缺少 grammar.toml")
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"规则 id 重复：{rule.id}")
        seen.add(rule.id)
    for rule in rules:
        for other in rule.yields_to:
            if other not in seen or other == rule.id:
                raise RuleError(f"{rule.pack}:{rule.id}: yields_to 指向未知规则：{other}")
    pack = RulePack(tuple(rules), grammar, tuple(statutory))
    if default:
        _CACHED = pack
    return pack


_CACHED: RulePack | None = None
