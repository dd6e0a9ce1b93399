"""The operation runner and the bus: errors shown once, changes announced once."""

from __future__ import annotations

import pytest

from prdesk.errors import StorageError, ValidationError
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import messages
from prdesk.ui.operations import OperationRunner


@pytest.fixture
def shown(monkeypatch):
    """The messages the runner shows, instead of message boxes."""
    texts = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: texts.append((title, text)))
    return texts


@pytest.fixture
def runner(qapp):
    from prdesk.ui.app import prepare_application

    prepare_application(qapp, "fa")  # the titles are Persian whatever test ran before
    return OperationRunner(Bus())


def test_success_announces_the_area(runner, qtbot, shown):
    with qtbot.wait_signal(runner.bus.changed) as changed:
        outcome = runner.run(lambda: {"paper_size"}, area="settings")
    assert changed.args == ["settings"]
    assert outcome.ok and outcome.value == {"paper_size"}
    assert shown == []


def test_nothing_changed_announces_nothing(runner, qtbot, shown):
    with qtbot.assert_not_emitted(runner.bus.changed):
        outcome = runner.run(set, area="settings")
    assert outcome.ok


def test_a_prdesk_error_is_shown_in_persian_and_announces_nothing(runner, qtbot, shown):
    def fail():
        raise StorageError("دیسک پر است. جایی روی دیسک باز کنید و دوباره ذخیره کنید.")

    with qtbot.assert_not_emitted(runner.bus.changed):
        outcome = runner.run(fail, area="contacts")
    assert not outcome.ok
    assert isinstance(outcome.error, StorageError)
    assert shown == [("کار انجام نشد", "دیسک پر است. جایی روی دیسک باز کنید و دوباره ذخیره کنید.")]


def test_a_validation_error_goes_to_its_field_when_asked(runner, shown):
    seen = []

    def fail():
        raise ValidationError("کد پستی باید ده رقم باشد.", field="org_postal_code")

    outcome = runner.run(fail, area="settings", on_invalid=seen.append)
    assert [e.field for e in seen] == ["org_postal_code"]
    assert shown == []
    assert outcome.error is seen[0]

    runner.run(fail, area="settings")
    assert shown == [("مقدار را بررسی کنید", "کد پستی باید ده رقم باشد.")]


def test_a_bug_is_not_swallowed(runner, shown):
    with pytest.raises(ZeroDivisionError):
        runner.run(lambda: 1 / 0, area="settings")
    assert shown == []
