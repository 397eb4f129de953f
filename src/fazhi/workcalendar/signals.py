"""Changing a holiday year recomputes every open deadline, in the same transaction."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import HolidayYear


@receiver(post_save, sender=HolidayYear, dispatch_uid="workcalendar_year_saved")
@receiver(post_delete, sender=HolidayYear, dispatch_uid="workcalendar_year_deleted")
def holiday_year_changed(sender: type[HolidayYear], instance: HolidayYear, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading fixtures: the deadlines may not be there yet
    from .services import recompute_open_deadlines

    recompute_open_deadlines()
