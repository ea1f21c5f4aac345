"""Scale benchmark: what an unchanged rebuild of a big vault costs, and how its page opens.

Usage:
    .venv/bin/python benchmarks/scale.py [--vaults sample,digest-18,long-7,long-14,long-27,long-54,long-58]
                                         [--work DIR] [--cache-dir DIR] [--screenshots DIR] [--profile]

The vaults are generated from real sentences: the Stockmark Wikipedia NER sentences
(benchmarks/data/ner-wikipedia-ja/dev.json, else /work/shared/data/ner-wikipedia-ja/dev.json),
then the sentences of the sample note and of benchmarks/notes/ that name an entity, one sentence
per paragraph. Neighbouring notes share half their sentences, so blocks repeat and the NER cache
fills once for every size:

- ``long-N``: N notes of 100 paragraphs under one heading each (``long-58`` covers the whole pool);
  one long section per note is what makes the section edges quadratic.
- ``digest-N``: N news digests of eight short sections (three paragraphs each).
- ``sample``: data/ itself.

For each vault the script builds once (filling the cache the first time: that build is cold),
then times an unchanged rebuild in a fresh process and prints entities and edges (from
report.json), the rebuild's seconds, the graph stage's seconds (from the end of entity
resolution to the end of the command, found by sampling the main thread's stack every 10 ms),
peak memory (the largest sum of the process tree's proportional set size, sampled every 250 ms,
and the largest resident set of one process), the size of every output file, and the page's
time to first draw in Chromium: from navigation start to vis-network's first ``afterDrawing``
event, at 1400×900, or "none" if it did not draw within --draw-timeout seconds.

Only the command line and the files it writes are used, so the benchmark runs on any version of kg.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "whitepaper_r06_ict_international.md"
# Notes written for the entity and relation benchmarks: their sentences follow the sample's.
NOTES = ROOT / "benchmarks" / "notes"
NER_SENTENCES = (
    ROOT / "benchmarks" / "data" / "ner-wikipedia-ja" / "dev.json",
    Path("/work/shared/data/ner-wikipedia-ja/dev.json"),
)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 900}
PSS_INTERVAL = 0.25  # seconds between samples of the process tree's memory
DEFAULT_VAULTS = "sample,digest-18,long-7,long-14,long-27,long-54,long-58"
PARAGRAPHS = 100  # per long note, all under one heading
STEP = 50  # a note starts this many sentences after the previous one, so neighbours share half
DIGEST_SECTIONS, DIGEST_PARAGRAPHS = 8, 3
# Characters that kg's Markdown reading would treat as markup; a sentence holding one is left
# out so that every paragraph is the sentence, as written.
MARKUP = set("`$%[]<>|*_\\#~=^")
LIST_MARKER = re.compile(r"[-+>]|\d+[.)]")

# Runs `kg build` in this process with a thread that samples the main thread's stack. The graph
# stage starts when the last sample that is inside reading, NER or resolution was taken; these
# are matched by module-name prefix so a refactoring into packages keeps them. A sample under
# kg.relate is not reading, though the parse cache it reads is kg.extract's: relations come after
# resolution.
RUNNER = r"""
import json, signal, sys, time
READING = ("kg.notes", "kg.extract", "kg.cache", "kg.resolve", "kg.lexicon", "kg.gazetteer", "kg.distributed")
out_file, profile, args = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
state = {"last_reading": None, "last_reading_cpu": None, "self": {}, "last": time.perf_counter()}

def sample(signum, frame):
    now = time.perf_counter()
    inner, reading = None, False
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if inner is None and (module == "kg" or module.startswith("kg.")):
            inner = f"{module}.{frame.f_code.co_name}"
        if module.startswith("kg.relate"):
            reading = False
        elif module.startswith(READING):
            reading = True
        frame = frame.f_back
    if reading:
        state["last_reading"], state["last_reading_cpu"] = now, time.process_time()
    if profile and inner:
        state["self"][inner] = state["self"].get(inner, 0.0) + now - state["last"]
    state["last"] = now

# a timer signal runs the sampler in the main thread between bytecodes: a sampling thread
# would take the GIL from the build every few milliseconds and, on a busy machine, slow it down
signal.signal(signal.SIGALRM, sample)
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
start = time.perf_counter()
# the kg command's own entry point where it has one (it also spares the exit a last collection)
import kg.cli
code = 0
try:
    if hasattr(kg.cli, "entry"):
        sys.argv = ["kg", *args]
        kg.cli.entry()
    else:
        kg.cli.main(args, prog_name="kg")
except SystemExit as exit:
    code = exit.code or 0
end, end_cpu = time.perf_counter(), time.process_time()
signal.setitimer(signal.ITIMER_REAL, 0, 0)
graph = end - state["last_reading"] if state["last_reading"] else None
graph_cpu = end_cpu - state["last_reading_cpu"] if state["last_reading_cpu"] else None
top = sorted(state["self"].items(), key=lambda kv: -kv[1])[:15]
import resource
rss = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for f in ("ru_utime", "ru_stime"))
json.dump({"seconds": end - start, "graph_seconds": graph, "cpu": cpu, "graph_cpu": graph_cpu, "code": code,
           "profile": top, "max_rss_kb": rss}, open(out_file, "w"))
sys.exit(code)
"""

# Installed before the page's scripts run: vis-network's bundle adds its exports to an existing
# window.vis, so a setter there wraps the Network constructor and records the first draw.
FIRST_DRAW = """
(() => {
  const vis = {};
  let Wrapped;
  Object.defineProperty(vis, "Network", {
    configurable: true, enumerable: true,
    get() { return Wrapped; },
    set(Network) {
      Wrapped = function (...args) {
        const network = new Network(...args);
        network.once("afterDrawing", () => { window.__kgFirstDraw = performance.now(); });
        return network;
      };
      Wrapped.prototype = Network.prototype;
    },
  });
  window.vis = vis;
})();
"""


@dataclass
class Row:
    """What one vault measured."""

    name: str
    notes: int
    paragraphs: int
    entities: int = 0
    edges: int = 0
    first_build: float = 0.0
    rebuild: float = 0.0
    rebuild_cpu: float = 0.0
    nothing_to_do: float | None = None  # the unchanged rebuild without --force, where kg has one
    graph_stage: float | None = None
    graph_cpu: float | None = None
    peak_pss_mb: float = 0.0
    max_rss_mb: float = 0.0
    sizes: dict[str, int] = field(default_factory=dict)
    first_draw: float | None = None
    draw_note: str = ""
    profile: list = field(default_factory=list)


def pool_sentences() -> list[str]:
    """Return the sentences the vaults are made of: Wikipedia NER sentences, then the sample's."""
    source = next((p for p in NER_SENTENCES if p.exists()), None)
    if source is None:
        raise SystemExit(f"no NER sentences at {' or '.join(map(str, NER_SENTENCES))}")
    found = [item["text"].strip() for item in json.loads(source.read_text(encoding="utf-8"))]
    found += note_sentences()
    seen: set[str] = set()
    kept = []
    for sentence in found:
        if len(sentence) < 15 or sentence in seen or MARKUP & set(sentence) or LIST_MARKER.match(sentence):
            continue
        seen.add(sentence)
        kept.append(sentence)
    return kept


def note_sentences() -> list[str]:
    """Return the sentences of the sample note, then of benchmarks/notes/, that name an entity, through kg's API."""
    import kg

    frame = kg.mentions([SAMPLE, *sorted(NOTES.glob("*.md"))], relations=False)
    return list(dict.fromkeys(frame["sentence"]))


def make_vault(folder: Path, kind: str, notes: int, pool: list[str]) -> int:
    """Write a generated vault of this kind; return how many paragraphs it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = 0
    for n in range(notes):
        lines = [f"---\ntitle: 記録{n:03d}\ntags: [資料]\ncreated: 2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}\n---\n"]
        if kind == "long":
            lines.append(f"# 記録{n:03d}\n")
            chosen = [pool[(n * STEP + j) % len(pool)] for j in range(PARAGRAPHS)]
            lines += [s + "\n" for s in chosen]
        else:
            # digests read the pool in a shuffled order, so each section mixes topics as news does
            order = list(range(len(pool)))
            random.Random(13).shuffle(order)
            per = DIGEST_SECTIONS * DIGEST_PARAGRAPHS
            chosen = [pool[order[(n * per + j) % len(pool)]] for j in range(per)]
            for s in range(DIGEST_SECTIONS):
                lines.append(f"## 記事{s + 1}\n")
                lines += [c + "\n" for c in chosen[s * DIGEST_PARAGRAPHS:(s + 1) * DIGEST_PARAGRAPHS]]
        paragraphs += len(chosen)
        (folder / f"記録{n:03d}.md").write_text("\n".join(lines), encoding="utf-8")
    return paragraphs


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Return (seconds, peak PSS sum MB) of one command; raise if it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_pss(proc.pid))
        # reading smaps_rollup walks a process's page tables under its memory lock, which stalls
        # the page faults of a build that has forked writers: every 50 ms slowed one by a third
        time.sleep(PSS_INTERVAL)
    elapsed = time.perf_counter() - start
    out, err = proc.communicate()
    if proc.returncode not in (0,):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out}\n{err}")
    return elapsed, peak / 1e6


def tree_pss(pid: int) -> int:
    """Return the summed proportional set size, in bytes, of a process and its descendants."""
    total = 0
    try:
        procs = [psutil.Process(pid)]
        procs += procs[0].children(recursive=True)
    except psutil.Error:
        return 0
    for proc in procs:
        try:
            with open(f"/proc/{proc.pid}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
    return total


def measure_vault(row: Row, target: Path, out: Path, env: dict[str, str], profile: bool) -> None:
    """Build target three times into out (the second and third unchanged) and fill row with what it cost.

    A kg that keeps OUT when nothing changed (kg build --force builds anyway) is timed both ways: the
    second build is forced, so it does the whole work as earlier versions did, and the third is the
    one a user gets when nothing changed.
    """
    build = ["build", str(target), "-o", str(out), "-q"]
    row.first_build, _ = run_measured([sys.executable, "-m", "kg.cli", *build], env)
    force = ["--force"] if _forces(env) else []
    stats = out.parent / f"{row.name}-stage.json"
    runner = [sys.executable, "-c", RUNNER, str(stats), "1" if profile else "0", *build, *force]
    row.rebuild, row.peak_pss_mb = run_measured(runner, env)
    if force:
        row.nothing_to_do, _ = run_measured([sys.executable, "-m", "kg.cli", *build], env)
    stage = json.loads(stats.read_text())
    row.max_rss_mb = stage["max_rss_kb"] / 1e3
    row.graph_stage, row.profile = stage["graph_seconds"], stage["profile"]
    row.rebuild_cpu, row.graph_cpu = stage["cpu"], stage["graph_cpu"]
    counts = json.loads((out / "report.json").read_text(encoding="utf-8"))["counts"]
    row.entities, row.edges = counts["entities"], counts["edges"]
    row.sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir()) if p.is_file()}


def _forces(env: dict[str, str]) -> bool:
    """Return whether this kg has kg build --force (and so skips a build whose outputs are in place)."""
    shown = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--help"], capture_output=True, text=True,
                           env=env, cwd=ROOT, check=True)
    return "--force" in shown.stdout


def first_draws(rows: list[Row], outs: dict[str, Path], timeout: float, shots: Path | None) -> None:
    """Open each graph.html in Chromium and record seconds from navigation to vis's first draw."""
    if not Path(CHROMIUM).exists():
        for row in rows:
            row.draw_note = f"not measured (no {CHROMIUM})"
        return
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for row in rows:
                page_file = outs[row.name] / "graph.html"
                # the page's Content-Security-Policy forbids eval, which wait_for_function needs
                page = browser.new_page(viewport=VIEWPORT, bypass_csp=True)
                page.add_init_script(FIRST_DRAW)
                try:
                    page.goto(page_file.as_uri(), wait_until="commit", timeout=timeout * 1000)
                    page.wait_for_function("window.__kgFirstDraw !== undefined", timeout=timeout * 1000,
                                           polling=50)
                    row.first_draw = page.evaluate("window.__kgFirstDraw") / 1000
                    if shots is not None:
                        page.wait_for_timeout(500)
                        shots.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(shots / f"{row.name}.png"))
                except Error as error:
                    row.draw_note = "none within %ds" % timeout if "Timeout" in str(error) else str(error).splitlines()[0]
                finally:
                    try:
                        page.close()
                    except Error:
                        pass
        finally:
            browser.close()


def mb(size: int) -> str:
    """Return a byte count in MB, readable at every size."""
    return f"{size / 1e6:.2f}" if size < 1e7 else f"{size / 1e6:.0f}"


def report(rows: list[Row]) -> str:
    """Return the results as Markdown tables."""
    lines = [
        f"Measured {datetime.now().isoformat(timespec='minutes')} on {platform.machine()}, "
        f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end.",
        "",
        "| vault | notes | paragraphs | entities | edges | first build s (fills the cache) | unchanged rebuild s "
        "(CPU s), --force where kg has it | graph stage s (CPU s) | graph CPU s per 100k edges | peak MB (PSS sum) "
        "| max RSS MB | graph.html MB | first draw s | unchanged rebuild s, nothing to do |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        stage = f"{r.graph_stage:.2f} ({r.graph_cpu:.2f})" if r.graph_stage is not None else "?"
        per = f"{r.graph_cpu / r.edges * 1e5:.2f}" if r.graph_cpu and r.edges else "—"
        draw = f"{r.first_draw:.2f}" if r.first_draw is not None else r.draw_note or "—"
        first = f"{r.first_build:.1f}"
        lines.append(
            f"| {r.name} | {r.notes} | {r.paragraphs or '—'} | {r.entities:,} | {r.edges:,} | {first} "
            f"| {r.rebuild:.1f} ({r.rebuild_cpu:.1f}) "
            f"| {stage} | {per} | {r.peak_pss_mb:.0f} | {r.max_rss_mb:.0f} | {mb(r.sizes.get('graph.html', 0))} "
            f"| {draw} | {'—' if r.nothing_to_do is None else f'{r.nothing_to_do:.1f}'} |"
        )
    names = sorted({n for r in rows for n in r.sizes})
    lines += ["", "Output sizes, MB:", "", "| vault | " + " | ".join(names) + " |",
              "| --- |" + " ---: |" * len(names)]
    for r in rows:
        lines.append(f"| {r.name} | " + " | ".join(mb(r.sizes[n]) if n in r.sizes else "—" for n in names) + " |")
    return "\n".join(lines)


def profile_report(rows: list[Row]) -> str:
    """Return the sampled time of the innermost kg function of each unchanged rebuild."""
    lines = []
    for r in rows:
        lines.append(f"\n{r.name}: seconds in the innermost kg function (sampled)")
        lines += [f"  {seconds:8.2f}  {name}" for name, seconds in r.profile]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vaults", default=DEFAULT_VAULTS, help=f"comma-separated (default {DEFAULT_VAULTS})")
    parser.add_argument("--work", type=Path, default=None, help="keep the vaults and outputs here")
    parser.add_argument("--cache-dir", type=Path, default=None, help="KG_CACHE_DIR for the builds (default: kg's)")
    parser.add_argument("--screenshots", type=Path, default=None, help="save a screenshot of each page here")
    parser.add_argument("--draw-timeout", type=float, default=120.0)
    parser.add_argument("--profile", action="store_true", help="also print where each rebuild spent its time")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    env = dict(os.environ)
    if args.cache_dir:
        env["KG_CACHE_DIR"] = str(args.cache_dir)
    else:
        from platformdirs import user_cache_dir

        env.setdefault("KG_CACHE_DIR", user_cache_dir("kg"))
    Path(env["KG_CACHE_DIR"]).mkdir(parents=True, exist_ok=True)
    try:
        pool = pool_sentences()
        print(f"{len(pool)} sentences, {sum(map(len, pool)):,} characters", file=sys.stderr)
        rows, outs = [], {}
        for name in args.vaults.split(","):
            if name == "sample":
                target = SAMPLE.parent
                row = Row(name, len(list(target.glob("*.md"))), 0)
            else:
                kind, count = name.split("-")
                target = work / "vaults" / name
                shutil.rmtree(target, ignore_errors=True)
                row = Row(name, int(count), 0)
                row.paragraphs = make_vault(target, kind, int(count), pool)
            outs[name] = work / "out" / name
            measure_vault(row, target, outs[name], env, args.profile)
            print(f"{name}: {row.entities} entities, {row.edges} edges, rebuild {row.rebuild:.1f} s, "
                  f"graph stage {row.graph_stage} s", file=sys.stderr)
            rows.append(row)
        first_draws(rows, outs, args.draw_timeout, args.screenshots)
        print(report(rows))
        if args.profile:
            print(profile_report(rows))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
