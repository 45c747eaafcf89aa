"""eventcoder.plot and `eventcoder plot`: real pictures of the dyad's data, HTML that opens
offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from eventcoder import plot
from eventcoder.cli import app
from eventcoder.errors import InputError

# A <script> or <link> that would fetch from the network when the page opens.
REMOTE = re.compile(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", re.IGNORECASE)


def _colour_pixels(path: Path, hex_colour: str) -> int:
    """How many pixels of the PNG have exactly this colour."""
    rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    image = Image.open(path).convert("RGB")
    return sum(n for n, colour in image.getcolors(maxcolors=1 << 24) if colour == rgb)


def _check_png(path: Path) -> Image.Image:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(path)
    assert image.format == "PNG" and image.width > 300 and image.height > 300
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 24)) > 20  # not blank
    return image


@pytest.mark.parametrize(
    ("a", "present", "absent"),
    [("IND", "verbal_conflict", "verbal_coop"), ("USA", "verbal_coop", "verbal_conflict")],
)
def test_plot_dyad_png_shows_the_dyad(
    seed_store: Path, tmp_path: Path, a: str, present: str, absent: str
) -> None:
    out = tmp_path / f"{a}-pak.png"
    data = plot.dyad(seed_store, a, "PAK", out, freq="day")
    _check_png(out)
    assert int(data[present].sum()) == 3 and int(data[absent].sum()) == 0
    # The bars are drawn in the QuadClass's colour; the other class shows only in the legend.
    assert _colour_pixels(out, plot.QUAD_COLOURS[present]) > 5000
    assert _colour_pixels(out, plot.QUAD_COLOURS[absent]) < 500


def test_plot_dyad_html_has_the_data_and_no_cdn(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "india-pakistan.html"
    plot.dyad(seed_store, "IND", "PAK", out, freq="day")
    page = out.read_text(encoding="utf-8")
    assert not REMOTE.search(page)
    assert "Plotly.newPlot" in page and len(page) > 1_000_000  # plotly.js is inside
    assert '"2016-09-08","2016-09-09"' in page
    assert '"name":"verbal conflict"' in page and "[0,0]" in page and "[-2,-1]" in page


def test_plot_map_png_and_html(seed_store: Path, tmp_path: Path) -> None:
    data = plot.map(seed_store, tmp_path / "map.png")
    # Modi spoke at the ASEAN summit in Laos: the one located event.
    assert data[["place", "n_events"]].values.tolist() == [["Laos", 1]]
    _check_png(tmp_path / "map.png")
    merged = plot.map(seed_store, tmp_path / "merged.png", "IND", "PAK", merged=True)
    assert merged[["place", "n_events"]].values.tolist() == [["Laos", 1]]
    plot.map(seed_store, tmp_path / "map.html", "IND", "PAK")
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert not REMOTE.search(page) and "Laos" in page
    assert len(plot.land()) > 100  # the shipped world outline


def test_plot_network_png_and_html(seed_store: Path, tmp_path: Path) -> None:
    edges = plot.network(seed_store, tmp_path / "net.png")
    assert sorted(zip(edges["actor"], edges["recipient"], strict=True)) == [
        ("IND", "PAK"), ("PAK", "IND"), ("USA", "PAK"),
    ]  # fmt: skip
    _check_png(tmp_path / "net.png")
    plot.network(seed_store, tmp_path / "net.html")
    page = (tmp_path / "net.html").read_text(encoding="utf-8")
    assert not REMOTE.search(page) and "USA\\u2192PAK: 3 event(s)" in page


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda db, tmp: plot.dyad(db, "CHN", "PAK", tmp / "x.png"), "no events for CHN → PAK"),
        (lambda db, tmp: plot.dyad(db, "IND", "PAK", tmp / "x.gif"), "cannot draw '.gif'"),
        (lambda db, tmp: plot.map(db, tmp / "x.png", "USA"), "USA with a location"),
    ],
)
def test_plot_bad_input(seed_store: Path, tmp_path: Path, call: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        call(seed_store, tmp_path)  # type: ignore[operator]


def test_cli_plot_dyad(seed_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "india-pakistan.png"
    args = ["plot", "dyad", "IND", "PAK", "--db", str(seed_store), "--freq", "day", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    _check_png(out)
    empty = runner.invoke(
        app, ["plot", "dyad", "CHN", "PAK", "--db", str(seed_store), "-o", "x.png"]
    )
    assert empty.exit_code == 2 and "IND→PAK (3)" in empty.stderr
    for command in (["map"], ["network"]):
        html = tmp_path / f"{command[0]}.html"
        done = runner.invoke(app, ["plot", *command, "--db", str(seed_store), "-o", str(html)])
        assert done.exit_code == 0, done.output
        assert not REMOTE.search(html.read_text(encoding="utf-8"))
