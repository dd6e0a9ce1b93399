"""A small office for the messages tests: unions and cooperatives, a duplicate person, a deceased one, staff."""

from __future__ import annotations

import datetime as dt

from prdesk.store import contacts

DATE = dt.date(2026, 3, 15)  # 24 Esfand 1404


def small_office(db) -> dict[str, int]:
    """Organizations and people; returns their ids by a short name."""
    ids = {}
    ids["union"] = contacts.add_organization(db, {"name": "اتحادیه تعاونی‌های مصرف", "kind": "اتحادیه", "province": "اصفهان"}).id
    ids["union2"] = contacts.add_organization(db, {"name": "اتحادیه تعاونی‌های مسکن", "kind": "اتحادیه", "province": "اصفهان", "tags": ["ویژه"]}).id
    ids["coop"] = contacts.add_organization(db, {"name": "شرکت تعاونی فرش", "kind": "شرکت تعاونی", "province": "یزد"}).id
    people = {
        "ali": {"first_name": "علی", "last_name": "رضایی", "gender": "مرد", "title": "دکتر", "position": "مدیرعامل",
                "organization_id": ids["union"], "mobile": "09121234567"},
        "ali2": {"first_name": "علی", "last_name": "رضایی", "gender": "مرد", "position": "عضو هیئت مدیره",
                 "organization_id": ids["union2"], "mobile": "09121234567"},
        "maryam": {"first_name": "مریم", "last_name": "احمدی", "gender": "زن", "position": "دبیر",
                   "organization_id": ids["union2"], "mobile": "09131112233"},
        "zahra": {"first_name": "زهرا", "last_name": "کریمی", "gender": "زن", "position": "رئیس",
                  "organization_id": ids["union2"], "deceased_on": "1404/01/05"},
        "hasan": {"first_name": "حسن", "last_name": "موسوی", "title": "حجت‌الاسلام والمسلمین", "gender": "مرد",
                  "position": "مدیرعامل", "organization_id": ids["coop"]},
        "staff": {"first_name": "سارا", "last_name": "نوری", "gender": "زن", "is_staff": True, "position": "کارشناس",
                  "mobile": "09351234567"},
    }
    for key, person in people.items():
        ids[key] = contacts.add_person(db, person).id
    return ids
