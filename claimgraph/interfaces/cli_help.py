"""Help texts in the notation of other command-line tools.

typer writes a required argument as ``{PATH}...`` and each parameter's Python type beside it
(``<list[str]>``, ``<bool>``, ``<str>``).  Here an argument is shown by its metavar alone
(``PATH...``), an option by its metavar (``--db DB``) and a flag by its name alone.
"""

from __future__ import annotations

from typing import Any, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class PlainArgument(TyperArgument):
    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"

    def display_type_rich(self, ctx: Any) -> Optional[str]:
        return None  # the metavar says it


class PlainOption(TyperOption):
    def display_type_rich(self, ctx: Any) -> Optional[str]:
        return None if self.is_flag else super().display_type_rich(ctx)


PLAIN = {TyperArgument: PlainArgument, TyperOption: PlainOption}


class PlainHelp:
    """Mixin for a command or group: its parameters (help option included) shown plainly."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            param.__class__ = PLAIN.get(type(param), type(param))  # same fields, other display
        return params


class PlainCommand(PlainHelp, TyperCommand):
    pass


class PlainGroup(PlainHelp, TyperGroup):
    pass


class Typer(typer.Typer):
    """typer.Typer whose commands and groups show plain help."""

    def __init__(self, **options: Any):
        super().__init__(cls=PlainGroup, **options)

    def command(self, *args: Any, **options: Any) -> Any:
        return super().command(*args, cls=PlainCommand, **options)
