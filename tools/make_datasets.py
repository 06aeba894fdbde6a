"""Write the two real data sets the notebooks use into assets/data/, offline.

    python tools/make_datasets.py            # (re)write assets/data/iris.csv and digits.csv
    python tools/make_datasets.py --check    # are the shipped files what this script writes?

Provenance. Both files are extracted from the copies that scikit-learn ships *inside its
package* (``sklearn/datasets/data/iris.csv`` and ``digits.csv.gz``), read through
``sklearn.datasets.load_iris`` and ``load_digits``: nothing is downloaded.

* Iris: R. A. Fisher (1936), "The use of multiple measurements in taxonomic problems",
  Annals of Eugenics 7(2), 179-188; UCI Machine Learning Repository, Iris,
  https://doi.org/10.24432/C56C76. scikit-learn's copy follows Fisher's paper (as R's
  ``iris`` does), which differs from the UCI file in two values (samples 35 and 38).
* Digits: E. Alpaydin and C. Kaynak (1998), Optical Recognition of Handwritten Digits,
  UCI Machine Learning Repository, https://doi.org/10.24432/C50P49. scikit-learn's copy is
  the UCI *test* set (optdigits.tes): 1,797 images of 8x8 pixels, each pixel a count 0..16.

Both UCI data sets are licensed CC BY 4.0 (assets/data/LICENSE-iris.txt, LICENSE-digits.txt);
scikit-learn, which packages them, is BSD-3-Clause. scikit-learn is needed only to run this
script (and the tests); the notebooks and ``helpers`` never import it.

The output is plain CSV: a few ``#`` comment lines (a description and the class names),
one header line of feature names followed by ``label``, then one example per line. Numbers are
written in their shortest exact form, so reading a file back gives the very same float64 values
scikit-learn gives, and running the script twice changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "assets" / "data"


def format_number(value: float) -> str:
    """Shortest text that reads back as exactly this float64: 5.1 -> '5.1', 16.0 -> '16'."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def to_csv(X, y, feature_names, class_names, comments) -> str:
    """The text of one data file (see the module docstring for the layout)."""
    for name in list(feature_names) + list(class_names):
        if "," in name or "\n" in name:
            raise ValueError(f"name {name!r} contains a comma or newline; it cannot go in a CSV")
    lines = [f"# {line}" for line in comments]
    lines.append("# class_names: " + ",".join(class_names))
    lines.append(",".join(list(feature_names) + ["label"]))
    for row, label in zip(X, y, strict=True):
        lines.append(",".join([format_number(v) for v in row] + [str(int(label))]))
    return "\n".join(lines) + "\n"


def build() -> tuple[dict[str, str], str]:
    """({file name: text} for every data file, scikit-learn's version), from its bundled copies."""
    import sklearn
    from sklearn.datasets import load_digits, load_iris

    iris = load_iris()
    digits = load_digits()
    source = "Written by tools/make_datasets.py from the copy bundled with scikit-learn."
    files = {
        "iris.csv": to_csv(
            iris.data,
            iris.target,
            iris.feature_names,
            [str(c) for c in iris.target_names],
            [
                "Iris flower data set (R. A. Fisher, 1936): 150 flowers, 4 measurements in cm, "
                "3 species.",
                "UCI Machine Learning Repository, https://doi.org/10.24432/C56C76. "
                "Licence: CC BY 4.0 (LICENSE-iris.txt).",
                source,
                "Columns and provenance: README.md in this folder. Do not edit by hand.",
            ],
        ),
        "digits.csv": to_csv(
            digits.data,
            digits.target,
            digits.feature_names,
            [str(c) for c in digits.target_names],
            [
                "Optical recognition of handwritten digits (E. Alpaydin and C. Kaynak, 1998), "
                "UCI test set: 1797 images of 8x8 pixels.",
                "Each pixel counts the 'on' pixels of a 4x4 block (0..16); pixel_r_c is row r, "
                "column c, so a row reshapes to (8, 8).",
                "UCI Machine Learning Repository, https://doi.org/10.24432/C50P49. "
                "Licence: CC BY 4.0 (LICENSE-digits.txt).",
                source,
                "Columns and provenance: README.md in this folder. Do not edit by hand.",
            ],
        ),
    }
    return files, sklearn.__version__


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only compare the shipped files, write nothing"
    )
    args = parser.parse_args()
    files, version = build()
    stale = []
    for name, text in files.items():
        path = DATA / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if args.check:
            if current != text:
                stale.append(name)
            continue
        DATA.mkdir(parents=True, exist_ok=True)
        if current != text:
            path.write_text(text, encoding="utf-8", newline="\n")
        rows = text.count("\n") - sum(line.startswith("#") for line in text.splitlines()) - 1
        size = len(text.encode("utf-8"))
        print(f"{path.relative_to(ROOT)}: {rows} examples, {size / 1024:.0f} KiB")
    if args.check:
        if stale:
            print(
                f"out of date (scikit-learn {version}): {', '.join(stale)}; "
                "run python tools/make_datasets.py"
            )
            return 1
        print(f"assets/data matches scikit-learn {version}'s bundled copies")
    else:
        print(f"extracted from scikit-learn {version}'s bundled copies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
