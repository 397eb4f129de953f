"""Entering a year's 放假安排 and what it does to open deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.workcalendar.forms import HolidayYearForm, format_lines, parse_lines
from fazhi.workcalendar.models import Deadline, HolidayYear
from fazhi.workcalendar.services import calendar, close_deadline, open_deadline

D = date.fromisoformat


def form_for(year: int = 2027, holidays: str = "2027-01-01", workdays: str = "", **extra):
    data = {"year": year, "source": "测试用放假安排", "holidays_text": holidays}
    data.update({"workdays_text": workdays, "note": ""}, **extra)
    return HolidayYearForm(data=data)


def save(form: HolidayYearForm) -> HolidayYear:
    assert form.is_valid(), form.errors
    return form.save()


def all_errors(form: HolidayYearForm) -> str:
    return " ".join(message for messages in form.errors.values() for message in messages)


def test_lines_accept_single_dates_ranges_labels_and_chinese_dates() -> None:
    parsed = parse_lines(
        "元旦：2027-01-01\n\n春节: 2027-02-05~2027-02-07\n2027年5月1日至2027年5月2日\n2027/06/09"
    )
    assert parsed == [
        D("2027-01-01"),
        D("2027-02-05"),
        D("2027-02-06"),
        D("2027-02-07"),
        D("2027-05-01"),
        D("2027-05-02"),
        D("2027-06-09"),
    ]


def test_format_lines_joins_consecutive_days_into_ranges() -> None:
    assert format_lines(["2027-02-06", "2027-01-01", "2027-02-05", "2027-02-07"]) == (
        "2027-01-01\n2027-02-05~2027-02-07"
    )


@pytest.mark.django_db
def test_a_valid_year_is_stored_as_iso_dates(year_2027: HolidayYear) -> None:
    year_2027.refresh_from_db()
    assert year_2027.holidays[:3] == ["2027-01-01", "2027-01-02", "2027-01-03"]
    assert len(year_2027.holidays) == 12
    assert year_2027.workdays == ["2027-02-14"]
    assert calendar().is_known(2027)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("holidays", "workdays", "message"),
    [
        ("2027-02-08", "2027-02-09", "2027-02-09是星期二，不是周末，不能列为调休上班日"),
        ("2027-02-06~2027-02-07", "2027-02-07", "2027-02-07同时列为放假日和调休上班日"),
        ("2028-01-01", "", "2028-01-01不属于2027年"),
        ("2026-12-01", "", "2026-12-01不属于2027年"),
        ("2027-02-30", "", "第1行“2027-02-30”中有不存在的日期"),
        ("明年春节", "", "第1行“明年春节”无法识别"),
        ("2027-02-13~2027-02-05", "", "第1行的结束日期早于开始日期"),
        ("2027-01-01~2027-03-31", "", "超过31天"),
        ("", "", "该字段是必填项"),
        ("元旦：", "", "请至少填写一个放假日期"),
    ],
)
def test_bad_entries_are_refused_with_chinese_messages(
    holidays: str, workdays: str, message: str
) -> None:
    form = form_for(holidays=holidays, workdays=workdays)
    assert not form.is_valid()
    assert message in all_errors(form)
    assert not HolidayYear.objects.exists()


@pytest.mark.django_db
def test_new_year_spilling_into_late_december_is_accepted() -> None:
    # The 2024 notice, for instance, put 2023-12-30/31 in the 元旦 holiday.
    form = form_for(holidays="元旦：2026-12-31~2027-01-01")
    assert form.is_valid(), form.errors
    form.save()
    assert not calendar().is_workday(D("2026-12-31"))


@pytest.mark.django_db
def test_a_year_cannot_be_entered_twice(year_2027: HolidayYear) -> None:
    form = form_for()
    assert not form.is_valid()
    assert "已存在" in all_errors(form)


@pytest.mark.django_db
def test_the_edit_form_shows_the_stored_dates_as_ranges(year_2027: HolidayYear) -> None:
    form = HolidayYearForm(instance=year_2027)
    assert form.fields["holidays_text"].initial == ("2027-01-01~2027-01-03\n2027-02-05~2027-02-13")
    assert form.fields["workdays_text"].initial == "2027-02-14"


@pytest.mark.django_db
def test_model_clean_refuses_bad_stored_dates() -> None:
    from django.core.exceptions import ValidationError

    year = HolidayYear(year=2027, holidays=["2027-01-01"], workdays=["2027-01-04"], source="x")
    with pytest.raises(ValidationError, match="不是周末"):
        year.full_clean()


@pytest.mark.django_db
def test_entering_a_year_recomputes_open_deadlines_but_not_closed_ones(orgs) -> None:
    org = orgs["science"]
    # Mon 2026-12-21 + 10 working days: weekends only in 2027 → Mon 2027-01-04, provisional.
    open_one = open_deadline(
        organisation=org, title="答复申请", start=D("2026-12-21"), amount=10, unit="workdays"
    )
    closed_one = open_deadline(
        organisation=org, title="已答复", start=D("2026-12-21"), amount=10, unit="workdays"
    )
    close_deadline(closed_one)
    assert (open_one.due_date, open_one.provisional) == (D("2027-01-04"), True)

    save(form_for(holidays="2027-01-01~2027-01-03"))

    open_one.refresh_from_db()
    closed_one.refresh_from_db()
    # 2027-01-01 is now a holiday: day 9 is Mon 01-04, day 10 Tue 01-05.
    assert (open_one.due_date, open_one.provisional) == (D("2027-01-05"), False)
    assert (closed_one.due_date, closed_one.provisional) == (D("2027-01-04"), True)


@pytest.mark.django_db
def test_changing_and_deleting_a_year_recomputes_again(orgs, year_2027: HolidayYear) -> None:
    deadline = open_deadline(
        organisation=orgs["science"],
        title="答复申请",
        start=D("2027-02-04"),
        amount=1,
        unit="workdays",
    )
    # Thu 02-04 + 1: 02-05..02-13 off, Sun 02-14 is 调休 → 02-14.
    assert deadline.due_date == D("2027-02-14")

    form = HolidayYearForm(
        instance=year_2027,
        data={
            "year": 2027,
            "source": "更正后的放假安排",
            "holidays_text": "2027-02-05~2027-02-13",
            "workdays_text": "",
            "note": "",
        },
    )
    assert form.is_valid(), form.errors
    form.save()
    deadline.refresh_from_db()
    assert deadline.due_date == D("2027-02-15")  # no 调休 any more: Mon 02-15

    year_2027.delete()
    deadline.refresh_from_db()
    # Weekends only: Fri 02-05 is the first working day, provisional.
    assert (deadline.due_date, deadline.provisional) == (D("2027-02-05"), True)


@pytest.mark.django_db
def test_an_entered_year_overrides_the_package(orgs) -> None:
    deadline = open_deadline(
        organisation=orgs["science"], title="答复", start=D("2025-09-30"), amount=1, unit="workdays"
    )
    assert deadline.due_date == D("2025-10-09")  # official: 10-01..10-08 off
    save(form_for(year=2025, holidays="2025-10-01~2025-10-07"))
    deadline.refresh_from_db()
    assert deadline.due_date == D("2025-10-08")


@pytest.mark.django_db
def test_admin_pages_work_for_a_system_administrator(client, people, year_2027) -> None:
    client.force_login(people["admin"])
    listing = client.get("/admin/workcalendar/holidayyear/")
    assert listing.status_code == 200
    assert "内置放假安排数据（chinesecalendar）覆盖2004–2026年" in listing.content.decode()
    page = client.get(f"/admin/workcalendar/holidayyear/{year_2027.pk}/change/")
    assert page.status_code == 200
    assert "2027-02-05~2027-02-13" in page.content.decode()
    response = client.post(
        "/admin/workcalendar/holidayyear/add/",
        {
            "year": 2028,
            "source": "测试",
            "holidays_text": "2028-01-01",
            "workdays_text": "2028-01-03",
            "note": "",
        },
    )
    assert response.status_code == 200  # the form comes back with the error
    assert "2028-01-03是星期一，不是周末，不能列为调休上班日" in response.content.decode()
    assert not HolidayYear.objects.filter(year=2028).exists()
    assert client.get("/admin/workcalendar/deadline/").status_code == 200
    assert client.get("/admin/workcalendar/deadline/add/").status_code == 403
    assert Deadline.objects.count() == 0
