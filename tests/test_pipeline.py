"""The pipeline composes each stage's own options; kg.build and the CLI give them flat."""

from __future__ import annotations

from dataclasses import fields

import click
import pytest

from kg.cli import build as build_command
from kg.errors import OptionError
from kg.graph import Filters
from kg.pipeline import Options, make_options, stage_options

# Options a caller of the library may set but no flag offers: --quiet sets progress, the CLI
# always runs the one model kg is made for, and its page has the graph's title and colours by type.
LIBRARY_ONLY = {"progress", "model", "title", "color_by"}


def test_each_option_belongs_to_exactly_one_stage():
    names = [f.name for cls in stage_options().values() for f in fields(cls)]
    assert len(names) == len(set(names))


def test_every_stage_option_has_one_flag():
    flags = {p.name for p in build_command.params if isinstance(p, click.Option)}
    for stage, cls in stage_options().items():
        for f in fields(cls):
            assert f.name in flags or f.name in LIBRARY_ONLY, f"{stage}.{f.name} has no flag in kg build"


def test_flat_options_reach_their_stage():
    options = make_options(min_edge=2, types="Country, Agreement", jobs=1, unit="paragraph", callouts=False)
    assert options.filters == Filters(min_edge=2)
    assert options.resolve.types == ("Country", "Agreement")
    assert (options.extract.jobs, options.graph.unit, options.notes.callouts) == (1, "paragraph", False)
    assert make_options() == Options()


def test_an_unknown_option_is_refused():
    with pytest.raises(TypeError, match="unknown option 'min_edges'"):
        make_options(min_edges=2)


def test_an_option_error_speaks_of_parameters_and_can_be_spelled_as_flags():
    with pytest.raises(OptionError) as caught:
        make_options(min_edge=0)
    assert str(caught.value) == "min_edge must be at least 1, not 0"
    assert caught.value.spelled(lambda name: "--" + name.replace("_", "-")) == "--min-edge must be at least 1, not 0"
