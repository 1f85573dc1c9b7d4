"""The build's notion of now: the current time, or SOURCE_DATE_EPOCH when it is set.

SOURCE_DATE_EPOCH (reproducible-builds.org) makes a build repeatable and lets the tests fix "today",
which decides what is upcoming, which news is still scheduled, and the calendar's DTSTAMP.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

VIET_NAM = timezone(timedelta(hours=7))  # every Vietnamese locality's clock (ICT, no daylight saving)


def now() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.replace(microsecond=0)


def today() -> str:
    """YYYY-MM-DD in Viet Nam: a news item scheduled for the 22nd appears from 00:00 local time."""
    return now().astimezone(VIET_NAM).date().isoformat()
