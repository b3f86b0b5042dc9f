"""ODD compilation and XPath 2 Schematron (issue 19), timed beside their peers.

Usage: TEIKIT_CORPUS=../shared/corpus python benchmarks/bench_schema.py

- ODD compile: `teikit schema compile` (the TEI Stylesheets' odd2odd + odd2relax on saxonche)
  as a new process with an empty cache ("CLI cold": start-up and the Stylesheets' compilation
  included); in process with an empty disk cache ("cold", Stylesheets already compiled) and from
  the cache ("cached"); beside the same Stylesheets on Java Saxon-HE (Debian libsaxonhe-java,
  two `java -jar` runs, as the Stylesheets' own build runs them). Wall clock, best of three.
- Schematron: tei_all's embedded rules (SchXslt2 on saxonche) over every corpus sample, beside
  teikit's RELAX NG engine on tei_all over the same parsed trees, in process, schemas loaded
  once (load times printed apart); best of three.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ODDS = ("tei_lite", "tei_simplePrint", "tei_drama", "tei_speech")
SAXON_HE_JAR = Path("/usr/share/java/Saxon-HE.jar")


def best(function, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _java_compile(java: str, odd: Path, tei_source: Path, stylesheets: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        expanded = Path(tmp) / "x.odd"
        jar = ["-jar", str(SAXON_HE_JAR)]
        odd2odd = stylesheets / "odds" / "odd2odd.xsl"
        odd2relax = stylesheets / "odds" / "odd2relax.xsl"
        subprocess.run(
            [java, *jar, f"-s:{odd}", f"-xsl:{odd2odd}", f"-o:{expanded}",
             f"defaultSource={tei_source}", "useFixedDate=true"],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            [java, *jar, f"-s:{expanded}", f"-xsl:{odd2relax}", f"-o:{Path(tmp) / 'x.rng'}",
             "useFixedDate=true"],
            check=True, capture_output=True,
        )  # fmt: skip


def _teikit_compile(odd: Path, resources: object, cache: str) -> None:
    from teikit.validate.odd import compile_odd

    os.environ["XDG_CACHE_HOME"] = cache
    compile_odd(odd, resources)  # type: ignore[arg-type]


def _cold(odd: Path, resources: object) -> None:
    with tempfile.TemporaryDirectory() as cache:
        _teikit_compile(odd, resources, cache)


def _cli_cold(odd: Path, source: Path, stylesheets: Path) -> None:
    """The whole command in a new process with an empty cache: start, Saxon, the Stylesheets'
    compilation, odd2odd, odd2relax."""
    teikit = Path(sys.executable).with_name("teikit")
    with tempfile.TemporaryDirectory() as cache:
        subprocess.run(
            [str(teikit), "schema", "compile", str(odd), "-o", os.path.join(cache, "x.rng"),
             "--tei-source", str(source), "--stylesheets", str(stylesheets)],
            check=True, capture_output=True, env={**os.environ, "XDG_CACHE_HOME": cache},
        )  # fmt: skip


def odd_compile(corpus: Path) -> None:
    from functools import partial

    from teikit.validate.locations import Resources

    folder = corpus / "tei" / "schemas" / "odd"
    source = folder / "p5subset-4.10.0a.xml"
    stylesheets = corpus / "tei" / "stylesheets-xsl"
    resources = Resources(tei_source=source, stylesheets=stylesheets)
    java = shutil.which("java") if SAXON_HE_JAR.is_file() else None
    print(
        f"{'ODD':<18}{'CLI cold s':>11}{'cold s':>8}{'cached s':>10}{'Java s':>8}"
        f"{'CLI cold/Java':>15}"
    )
    for name in ODDS:
        odd = folder / f"{name}.odd"
        cli_s = best(partial(_cli_cold, odd, source, stylesheets))
        cold_s = best(partial(_cold, odd, resources))
        with tempfile.TemporaryDirectory() as cache:
            _teikit_compile(odd, resources, cache)
            cached_s = best(partial(_teikit_compile, odd, resources, cache))
        java_s = float("nan")
        if java:
            java_s = best(partial(_java_compile, java, odd, source, stylesheets))
        print(
            f"{name:<18}{cli_s:>11.2f}{cold_s:>8.2f}{cached_s:>10.3f}{java_s:>8.2f}"
            f"{cli_s / java_s:>15.2f}"
        )
    if not java:
        print("(Java Saxon-HE not installed: apt-get install libsaxonhe-java for the comparison)")


def schematron_vs_relaxng(corpus: Path) -> None:
    from teikit.io import parse_xml_file
    from teikit.validate.relaxng import compile_schema
    from teikit.validate.schematron import load_xpath2_schematron

    tei_all = corpus / "tei" / "schemas" / "tei_all.rng"
    schxslt = corpus / "schematron/schxslt2/src/main/resources/content/transpile.xsl"
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        rules = load_xpath2_schematron(tei_all, schxslt, embedded=True)
    load_sch = time.perf_counter() - start
    start = time.perf_counter()
    grammar = compile_schema(tei_all)
    load_rng = time.perf_counter() - start
    samples = sorted((corpus / "tei" / "samples").glob("*/*.xml"))
    trees = [(str(p), parse_xml_file(p)) for p in samples]
    size = sum(p.stat().st_size for p in samples) / 1e6
    for file, tree in trees:  # warm both: content models learned, stylesheet compiled
        grammar.check(tree, file)
        rules.check(tree, file)
    sch_s = best(lambda: [rules.check(tree, file) for file, tree in trees])
    rng_s = best(lambda: [grammar.check(tree, file) for file, tree in trees])
    print(
        f"\n{len(samples)} samples, {size:.1f} MB: Schematron {sch_s:.2f} s "
        f"({size / sch_s:.1f} MB/s), RELAX NG {rng_s:.2f} s ({size / rng_s:.1f} MB/s), "
        f"ratio {sch_s / rng_s:.2f}"
    )
    print(
        f"load: Schematron {load_sch:.2f} s cold (transpile + compile), RELAX NG {load_rng:.2f} s"
    )


def main() -> int:
    corpus = os.environ.get("TEIKIT_CORPUS")
    if not corpus:
        print("set TEIKIT_CORPUS to the shared corpus")
        return 2
    try:
        import saxonche  # noqa: F401
    except ImportError:
        print("saxonche is not installed: pip install 'teikit[schematron]'")
        return 2
    odd_compile(Path(corpus))
    schematron_vs_relaxng(Path(corpus))
    return 0


if __name__ == "__main__":
    sys.exit(main())
