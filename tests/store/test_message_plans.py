"""Occasion plans: lead time 0–60 days, a template that suits the occasion, the next day proposed, long lead times."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prdesk.core import jalali
from prdesk.errors import ValidationError
from prdesk.store.db import open_database
from prdesk.store.messages import plans, templates
from prdesk.store.messages.recipients import people_of_organization
from tests.store.messages_support import small_office

COOPERATIVE_DAY = jalali.to_gregorian(1405, 6, 13)  # روز تعاون in the catalog


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "p.sqlite3")
    yield database
    database.close()


def plan_rows(db):
    return db.execute("SELECT occasion, lead_days, target, template_id FROM occasion_plans ORDER BY id").fetchall()


@pytest.mark.parametrize("typed", ["90", "۹۰", "-1", "61", "سه", ""])
def test_a_lead_time_outside_0_to_60_days_is_refused_and_nothing_changes(db, typed):
    before = plan_rows(db)
    t = templates.find_template(db, "تبریک روز تعاون")
    with pytest.raises(ValidationError) as refused:
        plans.save_plan(db, "روز تعاون", lead_days=typed, template_id=t.id, require_template=True)
    assert refused.value.field == "lead_days" and "۶۰" in str(refused.value)
    assert plan_rows(db) == before


@given(st.integers(min_value=0, max_value=60))
def test_every_lead_time_from_0_to_60_in_persian_digits_is_read(days):
    from prdesk.core.text import to_persian_digits

    assert plans.parse_lead_days(to_persian_digits(days)) == days


def test_a_plan_without_a_template_is_refused_when_the_editor_saves(db):
    before = plan_rows(db)
    with pytest.raises(ValidationError, match="الگوی پیام را انتخاب کنید") as refused:
        plans.save_plan(db, "روز تعاون", lead_days=3, template_id=None, require_template=True)
    assert refused.value.field == "template_id" and plan_rows(db) == before


def test_the_template_must_suit_the_occasion(db):
    greeting = templates.find_template(db, "تبریک روز تعاون")
    condolence = templates.find_template(db, "تسلیت ایام محرم")
    assert plans.occasion_message(db, "تاسوعا") == "condolence"
    assert plans.occasion_message(db, "روز تعاون") == "greeting"
    with pytest.raises(ValidationError, match="سوگواری"):
        plans.save_plan(db, "تاسوعا", lead_days=3, template_id=greeting.id)
    with pytest.raises(ValidationError, match="تسلیت است"):
        plans.save_plan(db, "روز تعاون", lead_days=3, template_id=condolence.id)
    with pytest.raises(ValidationError, match="دیگر نیست"):
        plans.save_plan(db, "روز تعاون", lead_days=3, template_id=9999)
    # The day panel knows the occasion's kind and says so: an office event that mourns.
    with pytest.raises(ValidationError, match="سوگواری"):
        plans.save_plan(db, "مراسم یادبود", lead_days=1, template_id=greeting.id, message="condolence")
    assert plans.save_plan(db, "مراسم یادبود", lead_days=1, template_id=condolence.id, message="condolence").lead_days == 1


def test_edit_remove_and_a_clash_of_occasions(db):
    t = templates.find_template(db, "تبریک روز تعاون")
    cooperative = plans.plan_for(db, "روز تعاون")
    edited = plans.save_plan(db, "روز ملی تعاون", lead_days="۷", target={"kind": "اتحادیه", "staff": False},
                             template_id=t.id, plan_id=cooperative.id)
    assert (edited.id, edited.lead_days, edited.target) == (cooperative.id, 7, {"kind": "اتحادیه"})
    with pytest.raises(ValidationError, match="برنامهٔ دیگری"):
        plans.save_plan(db, "نوروز", lead_days=3, template_id=t.id, plan_id=cooperative.id)
    assert plans.get_plan(db, cooperative.id).occasion == "روز ملی تعاون"
    plans.delete_plan(db, cooperative.id)
    assert plans.plan_for(db, "روز ملی تعاون") is None


def test_the_most_specific_plan_covers_an_occasion(db):
    t = templates.find_template(db, "تبریک روز تعاون")
    plans.save_plan(db, "تعاون", lead_days=2, template_id=t.id)
    assert plans.plan_for(db, "روز تعاون").occasion == "روز تعاون"
    assert plans.plan_for(db, "هفتهٔ تعاون").occasion == "تعاون"


def test_the_next_day_proposed_and_a_lead_time_longer_than_two_weeks(db):
    small_office(db)
    t = templates.find_template(db, "تبریک روز تعاون")
    plan = plans.save_plan(db, "روز تعاون", lead_days=30, target={"kind": "شرکت تعاونی"}, template_id=t.id)
    today = COOPERATIVE_DAY - dt.timedelta(days=40)
    title, day, proposed = plans.next_dates(db, today)[plan.id]
    assert (title, day, proposed) == ("روز تعاون", COOPERATIVE_DAY, COOPERATIVE_DAY - dt.timedelta(days=30))
    assert not [p for p in plans.proposals(db, today) if p.occasion == "روز تعاون"]
    (found,) = [p for p in plans.proposals(db, COOPERATIVE_DAY - dt.timedelta(days=30)) if p.occasion == "روز تعاون"]
    assert (found.days_left, found.recipients, found.template.id) == (30, 1, t.id)


def test_the_people_of_an_organization_living_and_position_holders_first(db):
    ids = small_office(db)
    people = people_of_organization(db, ids["union2"])
    assert [p["name"] for p in people] == ["مریم احمدی", "علی رضایی"]  # زهرا کریمی is deceased
    assert people[0]["salutation"] == "سرکار خانم"
