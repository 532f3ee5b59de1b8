"""The test clock: the instant every test starts at, and local times in Asia/Ho_Chi_Minh."""
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
# A Friday morning late in 2026, inside the yearly cycle that the tests' fixed dates describe.
TEST_NOW = datetime(2026, 11, 20, 9, 30, tzinfo=HCM)


def local(when, hour=9, minute=30):
    """An aware instant in Asia/Ho_Chi_Minh from a datetime, a date (at ``hour:minute``) or
    'YYYY-MM-DD[ HH:MM]'."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when) if " " in when else date.fromisoformat(when)
    if not isinstance(when, datetime):
        when = datetime.combine(when, time(hour, minute))
    return when if when.tzinfo else when.replace(tzinfo=HCM)
