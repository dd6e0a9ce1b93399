"""First visibility of the lunar crescent from Iran (Odeh 2004), computed with astronomy-engine.

Iran's lunar month begins on the day after the evening the new crescent is first seen. This
predicts that evening: for each evening after the conjunction it evaluates Odeh's criterion
(Odeh, "New criterion for lunar crescent visibility", Experimental Astronomy 18, 2004) at the best
time (sunset + 4/9 of the moon's lag) for a few points across Iran; the crescent counts as seen
when, at any of them, the moon sets after the sun and Odeh's V reaches the chosen zone.

Slow (milliseconds per evening): the app reads the month starts this computed from the table
``resources/data/iran_lunar_predicted.json`` built by ``tools/build_crescent_table.py``, never per day.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import astronomy

MOON_RADIUS_KM = 1737.4


@dataclass(frozen=True)
class Site:
    """A place the crescent is looked for from."""

    name: str
    latitude: float
    longitude: float
    height: float = 0.0


# Tehran, and the western, southern and eastern edges of Iran where the crescent is seen first.
IRAN_SITES: tuple[Site, ...] = (
    Site("Tehran", 35.69, 51.39, 1190),
    Site("Ahvaz", 31.32, 48.67, 20),
    Site("Bushehr", 28.97, 50.84, 10),
    Site("Chabahar", 25.29, 60.64, 10),
    Site("Mashhad", 36.30, 59.60, 990),
    Site("Tabriz", 38.08, 46.29, 1350),
)
# Odeh's zones: A seen by the naked eye; B seen with optical aid and possibly by eye;
# C seen with optical aid only; below C not seen.
ZONE_A, ZONE_B, ZONE_C = 5.65, 2.0, -0.96


@dataclass(frozen=True)
class Evening:
    """The crescent at the best time of one evening at one site."""

    arcv: float  # degrees, airless topocentric arc of vision
    arcl: float  # degrees, topocentric elongation
    width: float  # arc minutes, topocentric crescent width
    lag: float  # minutes from sunset to moonset (negative: the moon sets first)
    v: float  # Odeh's V

    @property
    def possible(self) -> bool:
        """Whether the moon is above the horizon after sunset at all."""
        return self.lag > 0


def odeh_v(arcv: float, width: float) -> float:
    """Odeh's V: the arc of vision above what a crescent of this width needs."""
    return arcv - (-0.1018 * width**3 + 0.7319 * width**2 - 6.3226 * width + 7.1651)


def _time(day: dt.date, hour: float) -> astronomy.Time:
    return astronomy.Time.Make(day.year, day.month, day.day, 0, 0, 0).AddDays(hour / 24)


def evening(day: dt.date, site: Site) -> Evening | None:
    """Odeh's quantities on the evening of ``day`` (local) at ``site``; None without a sunset."""
    observer = astronomy.Observer(site.latitude, site.longitude, site.height)
    # Local noon in UTC: sunset of that evening is the first sunset after it.
    noon = _time(day, 12 - site.longitude / 15)
    sunset = astronomy.SearchRiseSet(astronomy.Body.Sun, observer, astronomy.Direction.Set, noon, 1)
    if sunset is None:
        return None
    moonset = astronomy.SearchRiseSet(astronomy.Body.Moon, observer, astronomy.Direction.Set, sunset.AddDays(-0.5), 1)
    lag = (moonset.ut - sunset.ut) * 1440 if moonset is not None else 0.0
    best = sunset.AddDays(max(lag, 0.0) * 4 / 9 / 1440)
    sun = astronomy.Equator(astronomy.Body.Sun, best, observer, True, True)
    moon = astronomy.Equator(astronomy.Body.Moon, best, observer, True, True)
    sun_h = astronomy.Horizon(best, observer, sun.ra, sun.dec, astronomy.Refraction.Airless)
    moon_h = astronomy.Horizon(best, observer, moon.ra, moon.dec, astronomy.Refraction.Airless)
    arcv = moon_h.altitude - sun_h.altitude
    daz = math.radians(moon_h.azimuth - sun_h.azimuth)
    hm, hs = math.radians(moon_h.altitude), math.radians(sun_h.altitude)
    arcl = math.degrees(math.acos(max(-1.0, min(1.0, math.sin(hm) * math.sin(hs) + math.cos(hm) * math.cos(hs) * math.cos(daz)))))
    semi_diameter = math.degrees(math.asin(MOON_RADIUS_KM / (moon.dist * astronomy.KM_PER_AU))) * 60
    width = semi_diameter * (1 - math.cos(math.radians(arcl)))
    return Evening(arcv, arcl, width, lag, odeh_v(arcv, width))


def seen(day: dt.date, zone: float = ZONE_C, sites: tuple[Site, ...] = IRAN_SITES) -> bool:
    """Whether the new crescent can be seen from Iran on the evening of ``day``."""
    for site in sites:
        info = evening(day, site)
        if info is not None and info.possible and info.v >= zone:
            return True
    return False


def conjunction(near: dt.date) -> dt.datetime:
    """The new moon (UTC) closest to ``near``."""
    found = astronomy.SearchMoonPhase(0, _time(near - dt.timedelta(days=15), 0), 30)
    return found.Utc()


def first_day_after(new_moon: dt.datetime, zone: float = ZONE_C, sites: tuple[Site, ...] = IRAN_SITES) -> dt.date:
    """The first day of the month that the new moon at ``new_moon`` (UTC) begins in Iran."""
    # Iran is UTC+3:30; the evening of the conjunction's local day is the first one worth looking at.
    day = (new_moon + dt.timedelta(hours=3.5)).date()
    for _ in range(4):
        if seen(day, zone, sites):
            return day + dt.timedelta(days=1)
        day += dt.timedelta(days=1)
    return day


def month_start(near: dt.date, zone: float = ZONE_C, sites: tuple[Site, ...] = IRAN_SITES) -> dt.date:
    """Predicted first day of the lunar month that begins around ``near``."""
    return first_day_after(conjunction(near), zone, sites)


def chain(after: dt.date, months: int, zone: float = ZONE_C, sites: tuple[Site, ...] = IRAN_SITES) -> list[dt.date]:
    """Predicted starts of the ``months`` months after the month that began on ``after``.

    A month lasts 29 or 30 days: when the crescent is not seen on the evening of the 29th the
    month is completed to 30 (and an early prediction is held to 29).
    """
    starts: list[dt.date] = []
    previous = after
    for _ in range(months):
        start = month_start(previous + dt.timedelta(days=29), zone, sites)
        start = min(max(start, previous + dt.timedelta(days=29)), previous + dt.timedelta(days=30))
        starts.append(start)
        previous = start
    return starts
