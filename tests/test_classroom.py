"""Classroom features: lecture mode, slide metadata, offline slides and handouts, student copy.

The exports are built for 00 and 04 only, into temporary folders (the browser half of these
checks is tests/browser/test_offline_exports.py).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import matplotlib as mpl
import nbformat
import numpy as np
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

if str(ROOT) not in sys.path:  # `python -m pytest` has it; a bare `pytest` may not
    sys.path.insert(0, str(ROOT))

from tools.classroom import common, handouts, slides, student  # noqa: E402
from tools.classroom.static_widgets import freeze_widgets  # noqa: E402

NB04 = ROOT / "notebooks/04_softmax.ipynb"
NB00 = ROOT / "notebooks/00_index.ipynb"
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def load_build_tool():
    path = ROOT / "tools/build_notebooks.py"
    spec = importlib.util.spec_from_file_location("build_notebooks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def solution_cells(nb) -> list:
    return [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]


def kinds_of_solutions(nb) -> list[str]:
    """The slide types of the solution cells ("slide" once per solution, "-" after that)."""
    return [c.metadata["slideshow"]["slide_type"] for c in solution_cells(nb)]


# ---------------------------------------------------------------------------------------------
# slide metadata
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell_type", "source", "tags", "expected"),
    [
        ("markdown", "# 04 · The softmax operation", [], "slide"),
        ("markdown", "## Summary\n\n- a", [], "slide"),
        ("markdown", "### Exercise 2 ★ · Bug hunt", [], "slide"),
        ("markdown", "### A smaller heading", [], "subslide"),
        ("markdown", "**Order-preserving.** exp is increasing", [], "subslide"),
        ("markdown", "<details><summary>Answer</summary>\n\nClass 1.\n</details>", [], "fragment"),
        ("markdown", "---\n**Navigation:** [← 03](03_x.ipynb) · [index](00.ipynb)", [], "skip"),
        ("markdown", "Plain text continues the slide.", [], "-"),
        ("markdown", "Say this aloud.", ["notes"], "notes"),
        ("code", "import numpy as np\n\nrng = np.random.default_rng(0)\nuse_style()", [], "skip"),
        ("code", "from helpers.plots import use_style\nuse_style(lecture=True)", [], "skip"),
        ("code", "y_hat = softmax(o)\nprint(y_hat)", [], "-"),
        ("code", "# Solution\ndef f(o):\n    return o", ["solution"], "slide"),
        ("markdown", "**Worked solution.** Let S = ...", ["solution"], "slide"),
    ],
)
def test_slide_type_rules(cell_type, source, tags, expected):
    tool = load_build_tool()
    cell = {"cell_type": cell_type, "source": source, "metadata": {"tags": tags}}
    assert tool.slide_type(cell) == expected
    stub = {"cell_type": "code", "source": "def f(o):\n    raise NotImplementedError"}
    stub["metadata"] = {}
    assert tool.slide_type(cell, previous=stub) == expected


def test_a_solution_in_several_cells_shares_one_slide():
    tool = load_build_tool()
    derivation = {"cell_type": "markdown", "source": "**Worked.** ..."}
    derivation["metadata"] = {"tags": ["solution"]}
    code = {"cell_type": "code", "source": "# Solution\nx = 1", "metadata": {"tags": ["solution"]}}
    assert tool.slide_type(derivation) == "slide"
    assert tool.slide_type(code, previous=derivation) == "-"


def test_explicit_slideshow_metadata_in_a_source_wins(tmp_path):
    tool = load_build_tool()
    src = tmp_path / "99_x.py"
    src.write_text(
        '# %% [markdown] {"slideshow": {"slide_type": "notes"}}\n# ## A heading\n'
        "# %%\nuse_style()\n",
        encoding="utf-8",
    )
    cells = tool.parse_source(src)
    assert [c["metadata"]["slideshow"]["slide_type"] for c in cells] == ["notes", "skip"]


@pytest.mark.parametrize(
    "path", sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.name
)
def test_every_cell_has_slide_metadata_and_solutions_get_their_own_slide(path):
    nb = nbformat.read(path, as_version=4)
    kinds = [c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells]
    assert set(kinds) <= SLIDE_TYPES, f"{path.name}: unknown slide types {set(kinds)}"
    for i, cell in enumerate(nb.cells):
        if "solution" in cell.metadata.get("tags", []):
            first = "solution" not in nb.cells[i - 1].metadata.get("tags", [])
            expected = "slide" if first else "-"  # a multi-cell solution shares one slide
            assert kinds[i] == expected, f"{path.name} cell {i}: solution slide type {kinds[i]}"


# ---------------------------------------------------------------------------------------------
# lecture mode
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def restore_style(monkeypatch):
    """Leave matplotlib's rcParams and the lecture choice as they were."""
    from helpers.plots import style

    monkeypatch.delenv("SOFTMAX_LECTURE", raising=False)
    monkeypatch.setattr(style, "_lecture_choice", None)
    with mpl.rc_context():
        yield style


def html_numbers(explorer) -> list[tuple[str, str, str]]:
    """Every number a widget shows: (kind class, data-index, text) of its sm-value spans."""
    found = []
    stack = [explorer.root]
    while stack:
        w = stack.pop(0)
        stack.extend(getattr(w, "children", ()))
        if type(w).__name__ == "HTML":
            for span in BeautifulSoup(w.value, "html.parser").select(".sm-value"):
                kind = " ".join(span.get("class", []))
                found.append((kind, span.get("data-index", ""), span.get_text()))
    return found


def comparable(state: dict) -> str:
    return json.dumps(state, default=lambda v: np.asarray(v).tolist(), sort_keys=True)


SETTINGS = [
    {},
    {"o1": 5.0, "o2": -3.0, "o3": 0.5},
    {"temperature": 0.2, "shift": 700.0},
    {"mode": "naive", "shift": 800.0},
    {"dtype": "float16", "o1": 12.0},
]


def test_lecture_mode_changes_sizes_not_numbers(restore_style):
    from helpers.plots import use_style
    from helpers.widgets import LogitExplorer

    use_style()
    normal_rc = dict(mpl.rcParams)
    normal = LogitExplorer()
    use_style(lecture=True)
    lecture_rc = dict(mpl.rcParams)
    lecture = LogitExplorer()

    # figures: projector sizes
    for key in ("font.size", "lines.linewidth", "axes.titlesize", "figure.figsize"):
        assert normal_rc[key] != lecture_rc[key], key
    assert lecture_rc["font.size"] > normal_rc["font.size"]
    assert lecture_rc["lines.linewidth"] > normal_rc["lines.linewidth"]

    # widgets: wider sliders, a lecture class and its (hidden) style sheet
    for name in normal.controls:
        a, b = normal.controls[name], lecture.controls[name]
        if "Slider" in type(a).__name__:
            assert int(b.layout.width.removesuffix("px")) > int(a.layout.width.removesuffix("px"))
    assert "sm-lecture" in lecture.root._dom_classes
    assert "sm-lecture" not in normal.root._dom_classes
    sheets = [w for w in lecture.root.children if "sm-lecture-style" in w._dom_classes]
    assert len(sheets) == 1 and sheets[0].layout.display == "none"
    assert ".sm-lecture" in sheets[0].value

    # ... and exactly the same numbers, state and text at every setting
    for values in SETTINGS:
        normal.set(**values)
        lecture.set(**values)
        assert comparable(normal.state) == comparable(lecture.state)
        assert html_numbers(normal) == html_numbers(lecture)
        assert html_numbers(normal), "the widget shows no sm-value numbers"
        assert normal.summary() == lecture.summary()


def test_lecture_mode_from_the_environment_and_switching_back(restore_style, monkeypatch):
    from helpers.plots import use_style
    from helpers.widgets._base import float_slider, int_slider, lecture_active

    base_size = mpl.rcParams["font.size"]
    monkeypatch.setenv("SOFTMAX_LECTURE", "1")
    assert lecture_active()  # before any use_style() call the environment decides
    assert float_slider("x", 0.0, -1.0, 1.0, 0.1).layout.width == "640px"
    use_style()
    assert mpl.rcParams["font.size"] == 16
    assert int_slider("n", 1, 0, 5).layout.width == "640px"
    use_style(lecture=False)  # an explicit choice beats the environment
    assert not lecture_active()
    assert mpl.rcParams["axes.titlesize"] == mpl.rcParamsDefault["axes.titlesize"]
    assert mpl.rcParams["font.size"] == 10
    assert float_slider("x", 0.0, -1.0, 1.0, 0.1).layout.width == "420px"
    monkeypatch.setenv("SOFTMAX_LECTURE", "0")
    use_style()
    assert not lecture_active()
    assert mpl.rcParams["font.size"] == 10
    assert base_size is not None


# ---------------------------------------------------------------------------------------------
# student copy
# ---------------------------------------------------------------------------------------------
def code_lines(source: str) -> set[str]:
    """The non-empty lines of a cell without their comments."""
    return {line.split("#")[0].strip() for line in source.splitlines()} - {""}


def solution_lines(original) -> set[str]:
    """Lines of solution code that appear nowhere else in the original notebook."""
    elsewhere = set().union(
        *(code_lines(c.source) for c in original.cells if c not in solution_cells(original))
    )
    return set().union(*(code_lines(c.source) for c in solution_cells(original))) - elsewhere


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    student.build(["00", "04"], out)
    return out


def test_student_copy_removes_solutions_keeps_everything_else(student_dir):
    original = nbformat.read(NB04, as_version=4)
    copy = nbformat.read(student_dir / "notebooks" / NB04.name, as_version=4)
    assert solution_cells(original), "04 should have solution cells to remove"
    assert solution_cells(copy) == []
    secret = solution_lines(original)
    assert secret, "no distinctive solution code found to look for"
    text = "\n".join(c.source for c in copy.cells) + json.dumps(copy.metadata)
    assert [line for line in secret if line in text] == []

    kept = [c for c in original.cells if "solution" not in c.metadata.get("tags", [])]
    assert len(copy.cells) == len(kept)
    section = student.exercise_section(original)
    exercise_ids = {original.cells[i].id for i in section}
    assert exercise_ids, "04 has an Exercises section"
    for before, after in zip(kept, copy.cells, strict=True):
        if before.id in exercise_ids and before.cell_type == "code":
            assert after.outputs == [] and after.execution_count is None
            assert after.source == before.source and after.metadata == before.metadata
        else:
            assert after == before
    assert copy.metadata == original.metadata
    # a notebook without exercises is copied unchanged, and the sources are not copied
    assert nbformat.read(student_dir / "notebooks" / NB00.name, as_version=4) == nbformat.read(
        NB00, as_version=4
    )
    assert not list(student_dir.rglob("*.py"))
    assert not (student_dir / "assets" / "vendor").exists()


def test_student_copy_runs_and_checkers_say_not_attempted(student_dir):
    from nbclient import NotebookClient

    path = student_dir / "notebooks" / NB04.name
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        allow_errors=False,
    ).execute()
    section = student.exercise_section(nb)
    checkers = [
        nb.cells[i]
        for i in section
        if nb.cells[i].cell_type == "code" and re.search(r"^check_\w+\(", nb.cells[i].source, re.M)
    ]
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    exercises = len(re.findall(r"^### Exercise", markdown, re.M))
    assert exercises >= 1 and len(checkers) >= exercises
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{out.get('ename')}: {out.get('evalue')}"
            assert out.get("name") != "stderr", out.get("text")
    for cell in checkers:
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "not attempted yet" in text, f"checker cell printed {text!r}"


def bound_and_used(source: str) -> tuple[set[str], set[str]]:
    """Names a code cell binds (defs, assignments, imports) and names it reads."""
    import ast

    lines = source.splitlines()
    code = "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))
    tree = ast.parse(code)
    bound, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else used).add(node.id)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
    return bound, used


@pytest.mark.parametrize(
    "path", sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.name
)
def test_student_copies_do_not_need_the_removed_solutions(path):
    """No kept cell reads a name that only a (removed) solution cell defines."""
    nb = nbformat.read(path, as_version=4)
    copy = student.student_version(nb)
    kept_ids = {c.id for c in copy.cells}
    only_in_solutions: set[str] = set()
    kept_bound: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            bound, _ = bound_and_used(cell.source)
            if cell.id in kept_ids:
                kept_bound |= bound
            else:
                only_in_solutions |= bound
    only_in_solutions -= kept_bound
    for cell in copy.cells:
        if cell.cell_type == "code":
            _, used = bound_and_used(cell.source)
            missing = used & only_in_solutions
            assert not missing, f"{path.name}: {cell.source[:60]!r} needs {missing}"


def test_exercise_section_bounds():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 99 · Title"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_markdown_cell("## Exercises\n\n### Exercise 1 ★"),
        nbformat.v4.new_code_cell("def f():\n    raise NotImplementedError\ncheck_f(f)"),
        nbformat.v4.new_code_cell(
            "def f():\n    return 1\ncheck_f(f)", metadata={"tags": ["solution"]}
        ),
        nbformat.v4.new_markdown_cell("---\n**Navigation:** [index](00_index.ipynb)"),
        nbformat.v4.new_code_cell("y = 2"),
    ]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output("stream", text="out\n")]
            cell.execution_count = 1
    assert list(student.exercise_section(nb)) == [2, 3, 4]
    copy = student.student_version(nb)
    starts = ["# 99 ·", "x = 1", "## Exe", "def f(", "---\n**", "y = 2"]
    assert [c.source[:6] for c in copy.cells] == starts
    assert copy.cells[1].outputs and copy.cells[5].outputs  # outside the section: kept
    assert copy.cells[3].outputs == [] and copy.cells[3].execution_count is None
    assert len(nb.cells) == 7  # the original is not modified


# ---------------------------------------------------------------------------------------------
# offline slides and handouts
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    base = tmp_path_factory.mktemp("exports")
    decks = slides.build(["00", "04"], base / "slides")
    pages = handouts.build(["00", "04"], base / "html")
    return {"slides": base / "slides", "html": base / "html", "files": [*decks, *pages]}


def test_exports_are_written_with_an_index(exports):
    assert {p.name for p in exports["files"]} == {
        "00_index.slides.html",
        "04_softmax.slides.html",
        "00_index.html",
        "04_softmax.html",
    }
    for kind, suffix in (("slides", ".slides.html"), ("html", ".html")):
        index = (exports[kind] / "index.html").read_text(encoding="utf-8")
        assert f'href="04_softmax{suffix}"' in index and f'href="00_index{suffix}"' in index
        assert "The softmax operation" in index


def pages(exports) -> list[Path]:
    return [*exports["files"], exports["slides"] / "index.html", exports["html"] / "index.html"]


def test_no_page_or_stylesheet_refers_to_a_remote_host(exports):
    css = sorted(exports["slides"].rglob("*.css")) + sorted(exports["html"].rglob("*.css"))
    assert css, "the slides need reveal.js's stylesheets"
    for path in [*pages(exports), *css]:
        text = path.read_text(encoding="utf-8")
        assert common.remote_references(text) == [], path.name


def test_every_local_reference_exists(exports):
    for path in pages(exports):
        text = path.read_text(encoding="utf-8")
        for ref in common.local_references(text):
            assert (path.parent / ref.split("#")[0]).is_file(), f"{path.name}: {ref} missing"
    deck = (exports["slides"] / "04_softmax.slides.html").read_text(encoding="utf-8")
    refs = set(common.local_references(deck))
    assert {f"vendor/{common.MATHJAX}", "vendor/reveal.js/dist/reveal.js"} <= refs
    handout = (exports["html"] / "04_softmax.html").read_text(encoding="utf-8")
    assert f"vendor/{common.MATHJAX}" in common.local_references(handout)
    for licence in common.LICENSES:
        assert (exports["slides"] / "vendor" / licence).is_file()


def test_remote_reference_check_catches_what_a_browser_would_fetch():
    html = """
    <script src="https://cdn.example.org/reveal.js"></script>
    <link rel="stylesheet" href="//fonts.example.com/css?family=Lato">
    <img src="http://example.org/a.png">
    <style>@import url("https://example.org/x.css"); .a{background:url(https://e.org/b.png)}
    @font-face{src:url('vendor/font.woff')}</style>
    <a href="https://en.wikipedia.org/wiki/Softmax_function">a link is fine</a>
    <script src="vendor/mathjax/es5/tex-svg-full.js"></script>
    <img src="data:image/png;base64,AAAA">
    """
    remote = common.remote_references(html)
    assert remote == [
        "https://cdn.example.org/reveal.js",
        "//fonts.example.com/css?family=Lato",
        "http://example.org/a.png",
        "https://example.org/x.css",
        "https://e.org/b.png",
    ]
    local = ["vendor/font.woff", "vendor/mathjax/es5/tex-svg-full.js"]
    assert common.local_references(html) == local


def test_widgets_are_static_snapshots_of_their_saved_state(exports):
    nb = nbformat.read(NB04, as_version=4)
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    shown = [
        m["state"]["value"]
        for m in state.values()
        if m["model_name"] == "HTMLModel" and "sm-value" in m["state"]["value"]
    ]
    assert shown, "04's saved widget state should hold the explorer's HTML"
    for name in ("04_softmax.slides.html", "04_softmax.html"):
        folder = exports["slides"] if name.endswith("slides.html") else exports["html"]
        text = (folder / name).read_text(encoding="utf-8")
        assert WIDGET_VIEW not in text and "widget-state+json" not in text
        assert "@jupyter-widgets" not in text
        soup = BeautifulSoup(text, "html.parser")
        snapshot = soup.select_one(".sm-static-widget .sm-logit-explorer")
        assert snapshot is not None, name
        numbers = [s.get_text() for s in snapshot.select(".sm-value")]
        expected = [
            s.get_text()
            for value in shown
            for s in BeautifulSoup(value, "html.parser").select(".sm-value")
        ]
        assert numbers == expected
        sliders = snapshot.select("input[type=range][disabled]")
        assert len(sliders) >= 4
        assert "sm-slider-o1" in " ".join(" ".join(s.parent.get("class", [])) for s in sliders)


def test_freeze_widgets_keeps_a_plain_text_fallback_and_drops_the_state():
    nb = json.loads(NB04.read_text(encoding="utf-8"))
    frozen = freeze_widgets(nb)
    assert "widgets" not in frozen["metadata"] and "widgets" in nb["metadata"]
    outputs = [o for c in frozen["cells"] for o in c.get("outputs", []) if "data" in o]
    assert not any(WIDGET_VIEW in o["data"] for o in outputs)
    frozen_views = [o for o in outputs if "sm-static-widget" in o["data"].get("text/html", "")]
    assert frozen_views and all("text/plain" in o["data"] for o in frozen_views)


def test_slides_follow_the_slide_metadata(exports):
    nb = nbformat.read(NB04, as_version=4)
    kinds = [c.metadata["slideshow"]["slide_type"] for c in nb.cells]
    soup = BeautifulSoup(
        (exports["slides"] / "04_softmax.slides.html").read_text(encoding="utf-8"), "html.parser"
    )
    outer = soup.select(".reveal .slides > section")
    inner = soup.select(".reveal .slides > section > section")
    assert len(outer) == kinds.count("slide")
    assert len(inner) == kinds.count("slide") + kinds.count("subslide")
    # each solution is the first cell of its own slide, right after its exercise's slide
    for i, section in enumerate(inner):
        first = section.select_one(".jp-Cell")
        if first is not None and "celltag_solution" in first.get("class", []):
            assert i > 0 and "Exercise" in inner[i - 1].get_text()
            cells = section.select(".jp-Cell")
            assert all("celltag_solution" in c.get("class", []) for c in cells)
    solutions = [s for s in inner if s.select_one(".jp-Cell.celltag_solution")]
    assert len(solutions) == kinds_of_solutions(nb).count("slide") > 0
    assert len([c for s in solutions for c in s.select(".jp-Cell")]) == len(solution_cells(nb))
    # skipped cells (the setup cell, the navigation line) are not in the deck
    assert len(soup.select(".reveal .slides .jp-Cell")) == len(kinds) - kinds.count("skip")
    setup = [c for c in nb.cells if c.cell_type == "code" and "use_style(" in c.source]
    if kinds[nb.cells.index(setup[0])] == "skip":
        assert "np.set_printoptions" not in soup.get_text()
    # links between notebooks point at the other decks
    hrefs = [a.get("href", "") for a in soup.select("a")]
    assert not [h for h in hrefs if re.match(r"^\d\d_\w+\.ipynb", h)]


def test_handout_folds_solutions_and_links_other_handouts(exports):
    soup = BeautifulSoup(
        (exports["html"] / "04_softmax.html").read_text(encoding="utf-8"), "html.parser"
    )
    nb = nbformat.read(NB04, as_version=4)
    folded = soup.select("details.sm-solution .jp-Cell.celltag_solution")
    assert len(folded) == len(solution_cells(nb)) > 0
    assert len(soup.select("details.sm-solution")) == kinds_of_solutions(nb).count("slide")
    assert not soup.select(".jp-Cell.celltag_solution:not(details .jp-Cell)")
    hrefs = [a.get("href", "") for a in soup.select("a")]
    assert "00_index.html" in hrefs and "index.html" in hrefs
    assert not [h for h in hrefs if re.match(r"^\d\d_\w+\.ipynb", h)]
    # the check-your-understanding answers stay inside their <details>
    for details in soup.select(".jp-RenderedMarkdown details"):
        assert details.select_one("summary") is not None
        assert details.get_text(strip=True) != details.select_one("summary").get_text(strip=True)
    # every formula of the notebook is in the page for MathJax to typeset
    assert soup.get_text().count("$$") >= 2


def test_select_notebooks_rejects_unknown_numbers(tmp_path):
    with pytest.raises(SystemExit, match="99"):
        common.select_notebooks(["99"])
    with pytest.raises(SystemExit, match="no notebooks"):
        common.select_notebooks([], tmp_path)


# ---------------------------------------------------------------------------------------------
# Makefile and README
# ---------------------------------------------------------------------------------------------
def test_make_targets_exist_and_install_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target, module in (
        ("slides", "tools.classroom.slides"),
        ("html", "tools.classroom.handouts"),
        ("student", "tools.classroom.student"),
    ):
        m = re.search(rf"^{target}:\s*\$\(VENV\)/\.installed-test\b.*\n\t(.+)$", makefile, re.M)
        assert m, f"`make {target}` must depend on $(VENV)/.installed-test"
        assert module in m[1]


def test_readme_says_how_to_teach_with_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Teach with it" in readme
    section = readme.split("## Teach with it", 1)[1]
    for words in ("make slides", "make html", "make student", "SOFTMAX_LECTURE", "lecture=True",
                  "nbgitpuller", "04_softmax.slides.html", "environment.yml"):
        assert words in section, words
