"""`fazhi deadline` from the command line."""

from __future__ import annotations

import pytest

from fazhi.cli import main


@pytest.fixture(autouse=True)
def no_database(monkeypatch, tmp_path):
    # No FAZHI_DATABASE_URL and an empty var/: the command must work from the built-in data.
    monkeypatch.delenv("FAZHI_DATABASE_URL", raising=False)
    monkeypatch.setenv("FAZHI_VAR_DIR", str(tmp_path))


def run(capsys, *argv: str) -> tuple[int, list[str], str]:
    code = main(["deadline", *argv])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_twenty_working_days_across_national_day_2025(capsys) -> None:
    # 国务院办公厅 2025 notice: 10-01..10-08 off; Sun 09-28 and Sat 10-11 are working days.
    # Event Fri 09-26, not counted. Sat 09-27 off; 09-28 = 1, 09-29 = 2, 09-30 = 3;
    # 10-09 = 4, 10-10 = 5, Sat 10-11 = 6; 10-13..17 = 7–11; 10-20..24 = 12–16;
    # 10-27 = 17, 10-28 = 18, 10-29 = 19, Thu 10-30 = 20.
    code, out, err = run(capsys, "2025-09-26", "--workdays", "20")
    assert (code, out, err) == (0, ["2025-10-30"], "")


def test_the_2020_spring_festival_extension(capsys) -> None:
    # Holiday extended to Sun 2020-02-02 (国办发明电〔2020〕1号); event Thu 01-23, 1 working day.
    code, out, _ = run(capsys, "2020-01-23", "--workdays", "1")
    assert (code, out) == (0, ["2020-02-03"])


def test_calendar_days_ending_on_a_holiday(capsys) -> None:
    code, out, _ = run(capsys, "2025-09-26", "--days", "5")
    assert (code, out) == (0, ["2025-10-09"])


def test_pause_and_extend(capsys) -> None:
    code, out, _ = run(
        capsys, "2025-03-03", "--workdays", "5", "--pause", "2025-03-05:2025-03-11", "--extend", "2"
    )
    assert (code, out) == (0, ["2025-03-19"])
    code, out, _ = run(capsys, "2025-03-03", "--workdays", "5", "--pause", "2025-03-04")
    assert (code, out) == (0, ["2025-03-11"])


def test_explain_lists_the_days(capsys) -> None:
    code, out, _ = run(capsys, "2025-09-26", "--workdays", "4", "--explain")
    assert code == 0
    assert out[0] == "2025-10-09"
    assert "起算日：2025-09-26（当日不计入）" in out
    assert "期限：4个工作日" in out
    assert "2025-09-28 星期日  第1日：调休上班（国庆节）" in out
    assert "2025-10-08 星期三  不计：法定节假日（国庆节）" in out
    assert "2025-10-09 星期四  第4日：工作日（期间最后一日）" in out
    assert any("民法典第二百零一条" in line for line in out)


def test_a_provisional_answer_says_so_on_stderr(capsys) -> None:
    code, out, err = run(capsys, "2026-12-21", "--workdays", "10")
    assert (code, out) == (0, ["2027-01-04"])
    assert err.strip() == "（临时：2027年放假安排未录入）"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["2025-02-30", "--workdays", "5"], "日期“2025-02-30”无效"),
        (["明天", "--days", "5"], "日期“明天”无效"),
        (["2029-01-01", "--workdays", "5"], "超出日历范围"),
        (["2025-09-26"], "请用 --workdays N 或 --days N 指定期限"),
        (["2025-09-26", "--workdays", "5", "--days", "5"], "二者选一"),
        (["2025-09-26", "--workdays", "abc"], "期限天数“abc”无效，应为正整数"),
        (["2025-09-26", "--workdays", "0"], "期限天数“0”无效"),
        (["2025-09-26", "--days", "-3"], "期限天数“-3”无效"),
        (["2025-09-26", "--workdays", "5", "--extend", "x"], "延长天数“x”无效"),
        (["2025-09-26", "--workdays", "5", "--pause", "2025-10-05:2025-10-01"], "早于开始日"),
        (["2025-09-26", "--workdays", "5", "--pause", "2025-10-05:"], "日期“”无效"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_exit_2(capsys, argv, message) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == []
    assert err.startswith("fazhi: ") and message in err
    assert "Traceback" not in err


@pytest.mark.django_db
def test_administrator_entered_years_are_used_when_a_database_is_configured(
    capsys, monkeypatch
) -> None:
    from fazhi.workcalendar.models import HolidayYear

    HolidayYear.objects.create(
        year=2027, holidays=["2027-01-01", "2027-01-02", "2027-01-03"], workdays=[], source="测试"
    )
    # Tell the command a database is configured; pytest-django routes it to the test database.
    monkeypatch.setenv("FAZHI_DATABASE_URL", "sqlite:///test")
    code, out, err = run(capsys, "2026-12-21", "--workdays", "10")
    # 2027-01-01 is a holiday now: day 9 is Mon 01-04, day 10 Tue 01-05; not provisional.
    assert (code, out, err) == (0, ["2027-01-05"], "")


def test_an_unreadable_database_falls_back_to_the_built_in_data(capsys, tmp_path) -> None:
    (tmp_path / "fazhi.sqlite3").write_bytes(b"")  # exists, but pytest-django blocks access
    code, out, err = run(capsys, "2025-09-26", "--workdays", "20")
    assert (code, out) == (0, ["2025-10-30"])
    assert "未能读取数据库中录入的放假安排" in err
