"""Letter number patterns, the parts a number is drawn in, and a letter's heading lines."""

import pytest

from prdesk.core.letter_number import Letter, check_pattern, format_number, number_parts
from prdesk.errors import ValidationError


@pytest.mark.parametrize(
    "pattern, kwargs, expected",
    [
        ("{seq}/ص/{yyyy}", {}, "1234/ص/1405"),
        ("{seq}/{type}/{yy}", {"type_code": "و"}, "1234/و/05"),
        ("{unit}/{seq}", {"unit": "۱۲۰"}, "120/1234"),
        ("{seq:6}-{yyyy}", {}, "001234-1405"),
        ("{seq:2}", {}, "1234"),  # padding never cuts
    ],
)
def test_format_number(pattern, kwargs, expected):
    assert format_number(pattern, seq=1234, year=1405, **kwargs) == expected


@pytest.mark.parametrize("pattern, words", [("ص/{yyyy}", "{seq}"), ("{seq}/{foo}", "ناشناخته")])
def test_bad_patterns(pattern, words):
    with pytest.raises(ValidationError, match=words):
        check_pattern(pattern)


def test_number_parts():
    assert number_parts("1234/ص/1405") == ["1234", "/", "ص", "/", "1405"]
    assert number_parts(" 120 / 5678 ") == ["120", "/", "5678"]
    assert number_parts("12-د-05") == ["12", "-", "د", "-", "05"]
    assert number_parts("") == []


def test_heading_lines():
    letter = Letter(body="", salutation="سرکار خانم", recipient_title="دکتر", recipient_name="مریم احمدی",
                    recipient_position="رئیس", recipient_organization="اداره تعاون")
    assert letter.heading_lines() == ["سرکار خانم دکتر مریم احمدی", "رئیس محترم اداره تعاون"]
    assert Letter(body="", recipient_organization="بانک توسعه تعاون").heading_lines() == ["بانک توسعه تعاون"]
    assert Letter(body="", recipient="جناب آقای رضایی\n\nمدیرعامل محترم").heading_lines() == ["جناب آقای رضایی", "مدیرعامل محترم"]
    assert Letter(body="").heading_lines() == []
