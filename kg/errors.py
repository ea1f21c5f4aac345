"""OptionError: a bad option value, told in the words of whoever set it.

The library names its parameters (``min_edge``), the command line its flags (``--min-edge``): a
message names each option as ``{min_edge}``, and each caller spells it its own way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NAME = re.compile(r"\{([a-z_]+)\}")


class OptionError(ValueError):
    """A bad value for an option; str() names options by their parameter names."""

    def __init__(self, template: str) -> None:
        self.template = template
        super().__init__(self.spelled(lambda name: name))

    def spelled(self, spell: Callable[[str], str]) -> str:
        """Return the message with each option written as spell(parameter name), a flag for instance."""
        return _NAME.sub(lambda match: spell(match.group(1)), self.template)
