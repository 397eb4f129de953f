"""Benchmark of the normative-document pages on PostgreSQL with 100,000 generated documents.

Usage: .venv/bin/python bench/documents.py [--docs 100000] [--db NAME] [--reuse] [--runs 30]

1. Generation (skipped with --reuse when the database already holds the documents): the texts
   are assembled from the LawRefBook corpus (../shared/lawrefbook): article sentences of real laws
   and regulations, behind a 制定依据 clause that cites 1–3 laws of the bundled catalog (about 2%
   cite 《中华人民共和国合同法》). Rows are bulk-inserted; the reverse citation index is filled
   from `fazhi.core.citations.analyze` over every text, as an upload would.
2. Measurement: each page is requested through Django's test client (URL routing, middleware,
   session, permission checks, queries, template), `--runs` times per case; p50/p95 in ms.
Record the printed figures in bench/RESULTS.md under "Documents".
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import platform
import random
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAWREFBOOK = ROOT / ".." / "shared" / "lawrefbook"
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+条\s*(.+)$")
TOPICS = ["科技创新券", "研发费用补助", "众创空间认定", "科普基地", "技术合同登记", "科技特派员", "产学研合作",
          "高新技术企业培育", "科技金融风险补偿", "新型研发机构", "成果转化奖励", "知识产权质押", "人才公寓",
          "专家库", "重点实验室", "中小企业发展", "招商引资", "安全生产", "财政资金", "政府采购"]
KINDS = ["办法", "细则", "意见", "规定", "通知", "方案"]


def setup_django(db_name: str) -> None:
    url = f"postgres://postgres@127.0.0.1:5432/{db_name}"
    os.environ["FAZHI_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{db_name}" TEMPLATE template0 ENCODING \'UTF8\'')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def corpus_sentences(limit: int = 200_000) -> list[str]:
    sentences: list[str] = []
    for path in sorted(LAWREFBOOK.rglob("*.md")):
        for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
            match = ARTICLE.match(line.strip())
            if match and 12 <= len(match.group(1)) <= 300:
                sentences.append(match.group(1))
                if len(sentences) >= limit:
                    return sentences
    return sentences


def generate(count: int, seed: int = 20261127) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from fazhi.accounts.demo import DEPARTMENT, load_demo
    from fazhi.accounts.models import Organisation, User
    from fazhi.core.catalog import default_catalog
    from fazhi.core.citations import analyze
    from fazhi.core.numerals import to_chinese
    from fazhi.documents.models import DocumentVersion, NormativeDocument, State, VersionCitation
    from fazhi.documents.services import citation_rows, search_text_for

    load_demo()
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not security)
    department = Organisation.objects.get(name=DEPARTMENT)
    drafter = User.objects.get(username="drafter")
    sentences = corpus_sentences()
    laws = [law.title for law in default_catalog() if law.level in {"法律", "行政法规"}]
    contract = "中华人民共和国合同法"
    today = timezone.localdate()
    states = ([State.FILED] * 60 + [State.PUBLISHED] * 8 + [State.FILING] * 4 + [State.EXPIRED] * 10
              + [State.ABOLISHED] * 5 + [State.DRAFTING] * 6 + [State.LEGALITY_REVIEW] * 4 + [State.CONSULTATION] * 3)
    serials: dict[int, int] = {}
    started = time.perf_counter()
    print(f"corpus: {len(sentences)} article sentences, {len(laws)} laws to cite", flush=True)
    batch = 1000
    for first in range(0, count, batch):
        documents, texts = [], []
        for n in range(first, min(first + batch, count)):
            state = rng.choice(states)
            topic, kind = rng.choice(TOPICS), rng.choice(KINDS)
            title = f"沙坪坝区{topic}管理{kind}（基准数据{n}）"
            cited = rng.sample(laws, rng.randint(1, 3))
            if rng.random() < 0.02:
                cited[0] = contract
            basis = "、".join(f"《{t}》" for t in cited)
            body = [title, "", f"第一条 为加强{topic}管理，根据{basis}等规定，结合本区实际，制定本{kind}。"]
            numerals = [to_chinese(k) for k in range(2, 40)]
            for index in range(rng.randint(12, 24)):
                body.append(f"第{numerals[index]}条 {rng.choice(sentences)}")
            text = "\n".join(body)
            published = date(2015, 1, 1) + timedelta(days=rng.randint(0, (today - date(2015, 1, 1)).days))
            doc = NormativeDocument(
                organisation=department, title=title, kind=kind, state=state, drafting_unit="基准数据",
                created_by=drafter, is_demo=True, validity_years=5, requires_consultation=False,
                consultation_exemption="基准数据",
            )
            if state not in (State.DRAFTING, State.LEGALITY_REVIEW, State.CONSULTATION):
                year = published.year
                serials[year] = serials.get(year, 0) + 1
                doc.number_year, doc.number_serial = year, serials[year]
                doc.doc_number = f"沙科局发〔{year}〕{serials[year]}号"
                doc.written_date = published - timedelta(days=7)
                doc.published_date = doc.effective_date = published
                doc.expiry_date = date(published.year + 5, published.month, min(published.day, 28)) - timedelta(days=1)
                if state in (State.FILED, State.PUBLISHED, State.FILING) and doc.expiry_date < today:
                    doc.state = State.EXPIRED
                if state == State.ABOLISHED:
                    doc.abolished_date = published + timedelta(days=700)
            doc.search_text = search_text_for(doc, text)
            documents.append(doc)
            texts.append(text)
        with transaction.atomic():
            NormativeDocument.objects.bulk_create(documents)
            versions = [
                DocumentVersion(document=d, number=1, source_name="bench.txt", sha256=hashlib.sha256(t.encode()).hexdigest(),
                                text=t, review_engine="citations", review={}, created_by=drafter)
                for d, t in zip(documents, texts, strict=True)
            ]
            DocumentVersion.objects.bulk_create(versions)
            rows = []
            for version, text in zip(versions, texts, strict=True):
                citations = analyze(text, document_date=version.document.published_date).to_json()["citations"]
                rows.extend(citation_rows(version, citations))
            VersionCitation.objects.bulk_create(rows, batch_size=5000)
        done = first + len(documents)
        if done % 10000 == 0 or done == count:
            print(f"  {done} documents, {time.perf_counter() - started:.0f} s", flush=True)
    # bulk_create bypasses services.reindex: fill the 2-character search index in SQL.
    migration = importlib.import_module("fazhi.documents.migrations.0003_search_bigrams")
    migration.backfill(connection, where="search_bigrams = '{}'")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE documents_normativedocument")
        cursor.execute("VACUUM ANALYZE documents_versioncitation")
        cursor.execute("VACUUM ANALYZE documents_documentversion")
    print(f"generated {count} documents in {time.perf_counter() - started:.0f} s", flush=True)


def measure(runs: int) -> list[tuple[str, float, float, int]]:
    from django.conf import settings
    from django.test import Client

    from fazhi.accounts.models import User

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.DEMO_MODE = True
    # No collectstatic here: serve static names unhashed (as the tests do).
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    admin = Client()
    admin.force_login(User.objects.get(username="drafter"))
    public = Client()
    cases = [
        ("list: first page (drafter)", admin, "/documents/", {}),
        ("list: page 200", admin, "/documents/", {"page": "200"}),
        ("filter: state=有效 (in force)", admin, "/documents/", {"state": "in_force"}),
        ("filter: kind=意见, year=2023", admin, "/documents/", {"kind": "意见", "year": "2023"}),
        ("filter: state=起草", admin, "/documents/", {"state": "drafting"}),
        ("search 2 chars, frequent: 管理", admin, "/documents/", {"q": "管理"}),
        ("search 2 chars, rare: 罚款", admin, "/documents/", {"q": "罚款"}),
        ("search 4 chars: 科技创新", admin, "/documents/", {"q": "科技创新"}),
        ("search 6 chars, law text: 人民政府应当", admin, "/documents/", {"q": "人民政府应当"}),
        ("search 文号: 沙科局发〔2023〕15号", admin, "/documents/", {"q": "沙科局发〔2023〕15号"}),
        ("search, no hit: 这个词语不存在", admin, "/documents/", {"q": "这个词语不存在"}),
        ("search + filter: q=补助 state=有效", admin, "/documents/", {"q": "补助", "state": "in_force"}),
        ("public list", public, "/public/documents/", {}),
        ("public search: 招商引资", public, "/public/documents/", {"q": "招商引资"}),
        ("citing page: 《合同法》", admin, "/documents/citing/", {"law": "合同法"}),
        ("citing page: 《行政许可法》", admin, "/documents/citing/", {"law": "行政许可法"}),
    ]
    results = []
    for label, client, url, params in cases:
        client.get(url, params)  # warm the plan and the cache
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            response = client.get(url, params)
            times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
        results.append((label, statistics.median(times), p95, len(response.content)))
        print(f"{label:45s} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms", flush=True)
    return results


def citing_query(runs: int) -> None:
    from fazhi.documents import cleanup

    for law in ("合同法", "行政许可法", "科学技术进步法"):
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            rows = list(cleanup.citing_queryset(law)[:200])
            count = cleanup.citing_queryset(law).count()
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p95 = times[round(0.95 * len(times)) - 1]
        print(f"documents citing 《{law}》 ({count} docs; first {len(rows)} + count)  p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--db", default="fazhi_docs_bench")
    parser.add_argument("--reuse", action="store_true", help="keep the generated documents if present")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    setup_django(args.db)
    from django.db import connection
    from django.utils import timezone

    from fazhi.documents.models import NormativeDocument

    present = NormativeDocument.objects.count()
    if not (args.reuse and present >= args.docs):
        if present:
            print(f"the database {args.db} already holds {present} documents; drop it or pass --reuse", file=sys.stderr)
            return 2
        generate(args.docs)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(",")[0]
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('documents_normativedocument')), "
                       "pg_size_pretty(pg_total_relation_size('documents_versioncitation')), "
                       "pg_size_pretty(pg_relation_size('documents_search_trgm')), "
                       "(SELECT avg(length(text))::int FROM documents_documentversion), "
                       "(SELECT count(*) FROM documents_versioncitation)")
        doc_size, cite_size, trgm_size, avg_chars, citations = cursor.fetchone()
    print(f"{timezone.localdate()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores · {version}")
    print(f"documents {NormativeDocument.objects.count()}, average text {avg_chars} chars, "
          f"citation rows {citations}; documents table {doc_size} (trigram index {trgm_size}), citation index {cite_size}")
    measure(args.runs)
    citing_query(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
