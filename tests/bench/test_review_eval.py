"""bench/review_eval.py end to end against a stand-in `fazhi` (the real engine is not needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import review_eval

FAKE = """#!{python}
import json, re, sys
args = sys.argv[1:]
if args[:2] == ["review", "--help"]:
    sys.exit({review_rc})
if args[0] == "text":
    sys.stdout.write(open(args[1], encoding="utf-8").read() + "\\n")
    sys.exit(0)
text = open(args[-1], encoding="utf-8").read()
findings = [{{"rule": "fine", "category": "penalty", "severity": "error", "start": m.start(),
             "end": m.end(), "quote": m.group()}} for m in re.finditer(r"处[^。；，]*?罚款", text)]
print(json.dumps({{"schema": 1, "findings": findings}}, ensure_ascii=False))
"""


def fake_fazhi(tmp_path: Path, review_rc: int = 0) -> str:
    path = tmp_path / "fazhi"
    path.write_text(FAKE.format(python=sys.executable, review_rc=review_rc), encoding="utf-8")
    path.chmod(0o755)
    return str(path)


@pytest.fixture(autouse=True)
def _shared():
    if not review_eval.SHARED.is_dir():
        pytest.skip(f"the shared corpus folder is absent ({review_eval.SHARED})")


def test_report_tables_and_lists(tmp_path, capsys):
    assert review_eval.main(["--fazhi", fake_fazhi(tmp_path)]) == 0
    out = capsys.readouterr().out
    for heading in ("== corpus", "== synthetic", "== combined", "== misses", "== false alarms"):
        assert heading in out
    # The crude stand-in finds fines in the synthetic drafts and trips on restatements.
    assert "negative s15-n-111" in out


def test_json_output(tmp_path, capsys):
    assert review_eval.main(["--fazhi", fake_fazhi(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    penalty = data["tables"]["synthetic"]["penalty"]
    assert penalty["tp"] > 0 and penalty["fp"] > 0
    assert data["tables"]["combined"]["ALL"]["tp"] >= penalty["tp"]


def test_missing_review_command_exits_2(tmp_path, capsys):
    assert review_eval.main(["--fazhi", fake_fazhi(tmp_path, review_rc=2)]) == 2
    assert "review" in capsys.readouterr().err


def test_missing_binary_exits_2(tmp_path, capsys):
    assert review_eval.main(["--fazhi", str(tmp_path / "nope")]) == 2
