"""--to latex: every corpus sample gives a .tex that lualatex compiles without edits (where a TeX
engine is installed: .ci/run installs texlive-luatex), with the text of every p, l, head and
speaker; metadata, sections, footnotes, verse and speeches on a small case."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from teikit.convert import convert

SMALL = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>A Play &amp; 100% more_{x}</title><author>A. Author</author></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>y</p></sourceDesc></fileDesc>
</teiHeader><text><body><div type="act"><head>ACT I<note>On the act.</note></head>
<div type="scene"><head>Scene 1</head><sp><speaker>ANNA.</speaker><p>Hello <note>A note
with $5 and #3.</note>there -- ``friend'' <hi rend="bold">now</hi>.</p></sp>
<sp><speaker>BORIS</speaker><lg><l>one line</l><l>two line</l></lg></sp>
<list><item>a<list><item>b<list><item>c<list><item>d<list><item>e<list><item>f<list>
<item>g</item></list></item></list></item></list></item></list></item></list></item></list>
</item></list><p>See <ref target="https://example.org/a_b?x=1&amp;y=2#top">the site</ref>.</p>
<table><row><cell>x<note>In a table.</note></cell><cell>y</cell></row></table>
</div></div></body></text></TEI>"""


def compile_tex(tex: str, where: Path, name: str) -> subprocess.CompletedProcess[str]:
    (where / f"{name}.tex").write_text(tex, encoding="utf-8")
    # One pass in draft mode: every page is typeset (so every error shows), no PDF is written.
    return subprocess.run(
        ["lualatex", "--draftmode", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=600,
    )


def tex_text(tex: str) -> str:
    """The words of a .tex body with footnotes moved to the end (as the other formats have them),
    commands and their names left out."""
    body = tex.split("\\begin{document}", 1)[1]
    notes: list[str] = []
    out: list[str] = []
    i = 0
    while True:
        j = body.find("\\footnote", i)
        if j < 0:
            out.append(body[i:])
            break
        out.append(body[i:j])
        k = body.find("{", j)
        if body[j:k] not in ("\\footnote", "\\footnotetext"):
            out.append(body[j:k])
            i = k
            continue
        depth, m = 0, k
        while m < len(body):
            c = body[m]
            if c == "\\":
                m += 2
                continue
            depth += c == "{"
            depth -= c == "}"
            if depth == 0:
                break
            m += 1
        notes.append(body[k + 1 : m])
        i = m + 1
    text = "".join(out) + " " + " ".join(notes)
    # a link's URL and the URL an empty <ptr> shows are not words of the source
    text = re.sub(r"\\href\{[^{}]*\}|\\teiptr\{[^{}]*\}", " ", text)
    return re.sub(r"\\[A-Za-z]+\*?|\\.", " ", text)


def test_small_document_compiles_with_metadata_notes_and_verse(tmp_path: Path) -> None:
    tex = convert(SMALL, "latex").output
    assert "\\title{A Play \\& 100\\% more\\_\\{x\\}}" in tex.splitlines()
    assert "\\author{A. Author}" in tex.splitlines()
    assert (
        "\\section*{ACT I\\footnotemark{}}\\addcontentsline{toc}{section}{ACT I}"
        "\\addtocounter{footnote}{-1}\\stepcounter{footnote}\\footnotetext{On the act.}"
    ) in tex
    assert "\\subsection*{Scene 1}" in tex
    assert (
        "\\noindent\\teispeaker{ANNA.} Hello \\footnote{A note with \\$5 and \\#3.}"
        "there -{}- `{}`friend'{}' \\textbf{now}." in tex
    )
    assert "\\begin{verse}\none line\\\\\ntwo line\n" in tex
    assert tex.count("\\begin{itemize}") == 4  # seven nested lists; LaTeX allows four
    assert "\\href{https://example.org/a\\_b?x=1\\&y=2\\#top}{the site}" in tex
    assert convert(SMALL, "latex").output == tex
    if shutil.which("lualatex") is None:
        pytest.skip("lualatex is not installed (Debian texlive-luatex; .ci/run installs it)")
    result = compile_tex(tex, tmp_path, "small")
    assert result.returncode == 0, result.stdout[-2000:]


@pytest.mark.corpus
@pytest.mark.slow
def test_every_sample_compiles_with_the_text_of_every_block(
    tei_samples: list[Path],
    wanted_texts: Callable[[Path], list[str]],
    squashed: Callable[[str], str],
    tmp_path: Path,
) -> None:
    problems = []
    sources = {}
    for index, path in enumerate(tei_samples):
        tex = convert(path, "latex").output
        sources[f"s{index:02d}"] = (path, tex)
        haystack = squashed(tex_text(tex))
        lost = [w for w in wanted_texts(path) if w not in haystack]
        if lost:
            problems.append(f"{path.name}: {len(lost)} lost, e.g. {lost[0][:60]}")
    assert not problems, "\n".join(problems)
    if shutil.which("lualatex") is None:
        pytest.skip("lualatex is not installed (Debian texlive-luatex; .ci/run installs it)")

    def run(item: tuple[str, tuple[Path, str]]) -> str:
        name, (path, tex) = item
        result = compile_tex(tex, tmp_path, name)
        if result.returncode == 0:
            return ""
        where = result.stdout.find("\n!")
        return f"{path}: {result.stdout[where : where + 300]}"

    with ThreadPoolExecutor(2) as pool:  # the machine has two cores
        failures = [f for f in pool.map(run, sources.items()) if f]
    assert not failures, "\n".join(failures)
