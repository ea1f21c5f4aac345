"""The documentation cannot drift from kg: the site builds in strict mode (no broken link, no page
missing from the nav or the disk), every option of the command line is in the generated reference,
every option the docs write exists, and every example in the docs prints what the docs say.

Examples: in each page (and the README), in order, a fenced block with a file name for a title
(```markdown title="MyVault/note.md") is written to that path, a ```console block's ``$`` lines are
run in bash and their output compared, a ```pycon block runs as a doctest and a ```python block
must run without an error. Each page runs in a temporary folder of its own that sees the
checkout's data/ and tests/. ```sh blocks (installing, starting services) are instructions, not
examples, and are not run.
"""

from __future__ import annotations

import ast
import doctest
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SAMPLE = ROOT / "data" / "whitepaper_r06_ict_international.md"
PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)\s*(?P<attrs>.*)$")
TITLE = re.compile(r'title="([^"]+)"')
LONG_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Commands of other programs whose options the docs may write; their options are theirs to check.
OTHER_PROGRAMS = re.compile(r"\b(pip|pytest|dask|jupyter|make|mkdocs|git|apt-get)\b")
BENCHMARK = re.compile(r"\b(\w+)\.py\b")
RUN = ("console", "pycon", "python")
CHECKS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# The site's builder prints a notice about MkDocs 2 on every run; it is no warning about the docs.
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class CodeBlock:
    """A fenced block of a page: its language, title attribute, text and the line it starts on."""

    lang: str
    title: str | None
    text: str
    line: int


def code_blocks(text: str) -> list[CodeBlock]:
    """Return the fenced code blocks of a Markdown text, in order."""
    blocks, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        opened = FENCE.match(lines[i])
        if not opened:
            i += 1
            continue
        indent, fence = len(opened["indent"]), opened["fence"]
        title = TITLE.search(opened["attrs"])
        body, start = [], i + 1
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i][indent:] if lines[i][:indent].isspace() else lines[i].lstrip())
            i += 1
        blocks.append(CodeBlock(opened["lang"], title and title[1], "\n".join(body) + "\n", start))
        i += 1
    return blocks


def build_site(source: Path, site: Path) -> subprocess.CompletedProcess:
    """Return the finished `mkdocs build --strict` of the project at source into site."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=source, capture_output=True, text=True, env=QUIET, timeout=300)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Return the folder of the documentation site, built once in strict mode."""
    site = tmp_path_factory.mktemp("site")
    built = build_site(ROOT, site)
    assert built.returncode == 0, built.stderr
    return site


def test_site_builds_in_strict_mode(site):
    assert (site / "index.html").is_file()
    assert (site / "reference" / "cli" / "index.html").is_file()


def test_every_function_kg_exports_is_in_the_api_reference(site):
    import kg

    page = (site / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    missing = [name for name in kg.__all__ if f'id="{getattr(kg, name).__module__}.{name}"' not in page]
    assert not missing, f"not in the API reference: {missing}"


def test_strict_build_fails_on_a_broken_link_and_a_page_outside_the_nav(tmp_path):
    for name in ("mkdocs.yml", "mkdocs_hooks.py"):
        shutil.copy(ROOT / name, tmp_path)
    shutil.copytree(DOCS, tmp_path / "docs")
    (tmp_path / "kg").symlink_to(ROOT / "kg")
    (tmp_path / "docs" / "stray.md").write_text("# Stray\n\nSee [nowhere](nowhere.md).\n", encoding="utf-8")
    built = build_site(tmp_path, tmp_path / "site")
    assert built.returncode != 0
    assert "stray.md" in built.stderr and "nowhere.md" in built.stderr


def kg_commands(command: click.Command = main, path: tuple[str, ...] = ("kg",)):
    """Yield (path, command) for kg and every command under it."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from kg_commands(sub, (*path, name))


def kg_options() -> set[str]:
    """Return every long option of every kg command."""
    return {opt for _, command in kg_commands() for param in command.params if isinstance(param, click.Option)
            for opt in (*param.opts, *param.secondary_opts) if opt.startswith("--")} | {"--help"}


def test_every_command_and_option_is_in_the_reference(site):
    page = (site / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    missing = []
    for path, command in kg_commands():
        if " ".join(path) not in page:
            missing.append(" ".join(path))
        for param in command.params:
            if isinstance(param, click.Option):
                missing += [f"{' '.join(path)} {opt}" for opt in (*param.opts, *param.secondary_opts) if opt not in page]
    assert not missing, f"not in the command-line reference: {missing}"


def benchmark_options(name: str) -> set[str] | None:
    """Return the long options a benchmark script's argparse parser takes, or None if there is no such script."""
    script = ROOT / "benchmarks" / f"{name}.py"
    if not script.is_file():
        return None
    tree = ast.parse(script.read_text(encoding="utf-8"))
    return {arg.value for node in ast.walk(tree) if isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "add_argument"
            for arg in node.args if isinstance(arg, ast.Constant) and str(arg.value).startswith("--")} | {"--help"}


def written_options(text: str):
    """Yield (option, what it belongs to) for every long option written in a Markdown text.

    An option belongs to the command written before it on its line or in its code span: a
    script of benchmarks/, another program (not checked), else kg.
    """
    for line in text.splitlines():
        for piece in re.split(r"(`[^`]*`)", line):
            for option in LONG_OPTION.finditer(piece):
                before = piece[:option.start()]
                script = [name for name in BENCHMARK.findall(before) if benchmark_options(name) is not None]
                if script:
                    yield option[0], script[-1]
                elif not OTHER_PROGRAMS.search(before):
                    yield option[0], "kg"


def test_every_option_in_the_docs_exists():
    known, wrong = kg_options(), []
    for page in PAGES:
        for option, owner in written_options(page.read_text(encoding="utf-8")):
            if option not in (known if owner == "kg" else benchmark_options(owner)):
                wrong.append(f"{page.relative_to(ROOT)}: {owner} {option}")
    assert not wrong, f"options the docs write that do not exist: {sorted(set(wrong))}"


def test_the_option_check_sees_owners():
    text = "Run `kg build --min-edge 2`, `benchmarks/relations.py --misses` or `pip install --upgrade`; --nope."
    assert list(written_options(text)) == [("--min-edge", "kg"), ("--misses", "relations"), ("--nope", "kg")]


def runnable(page: Path) -> bool:
    """Return whether a page holds an example to run."""
    return any(block.lang in RUN for block in code_blocks(page.read_text(encoding="utf-8")))


def commands(block: CodeBlock):
    """Yield (command, expected output, line) for each ``$`` line of a console block."""
    command, want, line = None, [], 0
    for number, text in enumerate(block.text.splitlines(), block.line + 1):
        if text.startswith("$ "):
            if command is not None:
                yield command, "\n".join(want) + "\n", line
            command, want, line = text[2:], [], number
        else:
            want.append(text)
    if command is not None:
        yield command, "\n".join(want) + "\n" if want else "", line


@pytest.mark.ginza
@pytest.mark.parametrize("page", [p for p in PAGES if runnable(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_print_what_the_docs_say(page, tmp_path, monkeypatch):
    for shared in ("data", "tests"):
        (tmp_path / shared).symlink_to(ROOT / shared)
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    checker, globs, failures = doctest.OutputChecker(), {}, []
    for block in code_blocks(page.read_text(encoding="utf-8")):
        if block.title and block.lang not in RUN:
            (tmp_path / block.title).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / block.title).write_text(block.text, encoding="utf-8")
        elif block.lang == "console":
            for command, want, line in commands(block):
                # stderr goes where a terminal shows it: among stdout's lines, in the order written
                got = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, timeout=300).stdout
                if not checker.check_output(want, got, CHECKS):
                    failures.append(f"{page.name}:{line}: $ {command}\nwant:\n{want}got:\n{got}")
        elif block.lang == "pycon":
            test = doctest.DocTestParser().get_doctest(block.text, globs, page.name, str(page), block.line)
            report: list[str] = []
            doctest.DocTestRunner(optionflags=CHECKS).run(test, out=report.append, clear_globs=False)
            globs.update(test.globs)  # the test ran on a copy; the page's next blocks go on from it
            failures += report
        elif block.lang == "python":
            exec(compile(block.text, f"{page}:{block.line}", "exec"), globs)
    assert not failures, "\n".join(failures)


def documented(row_of: str) -> str:
    """Return the reference pages' text, and that of the pages the output table's row of a file links to."""
    outputs = (DOCS / "reference" / "outputs.md").read_text(encoding="utf-8")
    text = "\n".join(page.read_text(encoding="utf-8") for page in sorted((DOCS / "reference").glob("*.md")))
    for line in outputs.splitlines():
        if line.startswith(f"| `{row_of}`"):
            for link in re.findall(r"\]\(([^)#]+\.md)", line):
                text += (DOCS / "reference" / link).resolve().read_text(encoding="utf-8")
    return text


def graphml_keys(path: Path) -> list[str]:
    """Return the attribute names a GraphML file declares, for nodes, edges and the graph."""
    import xml.etree.ElementTree as ET

    keys = ET.parse(path).getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")
    return [key.get("attr.name") for key in keys]


@pytest.mark.ginza
def test_every_output_file_and_column_is_documented(tmp_path):
    from kg.pipeline import make_options, run

    out = tmp_path / "out"
    run([SAMPLE], out, make_options(with_notes=True, mst=True, progress=False))
    outputs = (DOCS / "reference" / "outputs.md").read_text(encoding="utf-8")
    missing = [path.name for path in out.iterdir() if f"`{path.name}`" not in outputs]
    for path in sorted(out.iterdir()):
        if path.suffix == ".csv":
            names = path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        elif path.suffix == ".graphml":
            names = graphml_keys(path)
        else:
            continue
        text = documented(path.name)
        missing += [f"{path.name}: {name}" for name in names if f"`{name}`" not in text]
    assert not missing, f"outputs the reference does not describe: {missing}"


def test_the_readme_links_to_files_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)[^)]*\)", readme) + re.findall(r'src="([^"]+)"', readme)
    missing = [t for t in targets if "://" not in t and not (ROOT / t).exists()]
    assert targets and not missing, f"the README links to files that do not exist: {missing}"
