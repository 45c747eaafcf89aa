"""Pictures of the store: a dyad's conflict and cooperation over time, located events on a world
outline, the actor network.

Each function takes the store and an output path and returns the DataFrame it drew. The path's
suffix picks the renderer: ``.png`` (or ``.svg``, ``.pdf``) is drawn by matplotlib (Agg, no
display), ``.html`` is an interactive Plotly page with plotly.js inside it, so it opens with no
network. The map's world outline is Natural Earth land shipped in ``data/world/``: no tiles.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventcoder import analysis
from eventcoder.analysis import Selection, StoreLike
from eventcoder.errors import Errors, InputError
from eventcoder.ontology import QUAD_CLASSES
from eventcoder.tsv import data_path

if TYPE_CHECKING:
    import pandas as pd

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
# Cooperation in greens above the axis, conflict in oranges and reds below it.
QUAD_COLOURS = {
    "verbal_coop": "#74c476",
    "material_coop": "#238b45",
    "verbal_conflict": "#fd8d3c",
    "material_conflict": "#cb181d",
}
QUAD_LABELS = {
    "verbal_coop": "verbal cooperation",
    "material_coop": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}
_CONFLICT = ("verbal_conflict", "material_conflict")


def _check_output(out: Path) -> None:
    if out.suffix not in (*IMAGE_SUFFIXES, ".html"):
        raise InputError(Errors.E134.format(path=out, suffix=out.suffix))


def _require(data: pd.DataFrame, store: StoreLike, what: str) -> None:
    if data.empty:
        raise InputError(Errors.E135.format(path=store, what=what, top=analysis.busiest(store)))


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # files only: no display, no GUI toolkit
    import matplotlib.pyplot as plt

    return plt


def dyad(
    store: StoreLike, a: str, b: str, out: Path | str, freq: str = "week", **selection: Any
) -> pd.DataFrame:
    """Draw the dyad a→b's events per period by QuadClass (cooperation up, conflict down) and
    their mean Goldstein value; return the series drawn (:func:`eventcoder.analysis.series`).

    selection: directed, start, end, date_by, merged as for the series. Raises
    :class:`InputError` for an output suffix we cannot draw or a dyad with no events.
    """
    out = Path(out)
    _check_output(out)
    chosen = Selection(a, b, **selection)
    data = analysis.series(store, a, b, freq, **selection)
    _require(data, store, chosen.label())
    title = f"{chosen.label()}: events per {freq}"
    (_dyad_html if out.suffix == ".html" else _dyad_image)(data, title, out)
    return data


def _signed(data: pd.DataFrame, column: str) -> list[int]:
    sign = -1 if column in _CONFLICT else 1
    return [sign * int(v) for v in data[column]]


def _dyad_image(data: pd.DataFrame, title: str, out: Path) -> None:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5), layout="constrained")
    x = data["period"]
    width = _bar_width(data)
    up = [0] * len(data)
    down = [0] * len(data)
    for column in QUAD_CLASSES.values():
        values = _signed(data, column)
        base = down if column in _CONFLICT else up
        ax.bar(x, values, width, bottom=base, color=QUAD_COLOURS[column], label=QUAD_LABELS[column])
        for i, v in enumerate(values):
            base[i] += v
    ax.axhline(0, color="black", linewidth=0.8)
    # Symmetric, so that cooperation and conflict of the same size look the same size.
    reach = max(max(up), -min(down), 1) * 1.1
    ax.set_ylim(-reach, reach)
    ax.set_ylabel("events (conflict below zero)")
    if len(data) <= 24:
        ax.set_xticks(x, [p.strftime("%Y-%m-%d") for p in x])
    ax.set_title(title)
    line = ax.twinx()
    line.plot(x, data["goldstein_mean"], color="black", marker="o", label="mean Goldstein")
    line.set_ylim(-10.5, 10.5)
    line.set_ylabel("mean Goldstein (−10 conflict … +10 cooperation)")
    handles = ax.get_legend_handles_labels()[0] + line.get_legend_handles_labels()[0]
    fig.legend(handles=handles, loc="outside lower center", ncol=5, fontsize="small")
    fig.autofmt_xdate()
    fig.savefig(out, dpi=100)
    plt.close(fig)


def _bar_width(data: pd.DataFrame) -> float:
    # Bars fill most of their period; matplotlib's date axis counts in days.
    if len(data) < 2:
        return 0.8
    step = (data["period"].iloc[1] - data["period"].iloc[0]).days
    return 0.8 * step


def _dyad_html(data: pd.DataFrame, title: str, out: Path) -> None:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    fig = make_subplots(specs=[[{"secondary_y": True}]])
    x = [p.strftime("%Y-%m-%d") for p in data["period"]]
    for column in QUAD_CLASSES.values():
        fig.add_trace(
            go.Bar(
                x=x,
                y=_signed(data, column),
                name=QUAD_LABELS[column],
                marker_color=QUAD_COLOURS[column],
            )
        )
    mean = [None if math.isnan(v) else v for v in data["goldstein_mean"]]
    fig.add_trace(
        go.Scatter(x=x, y=mean, name="mean Goldstein", mode="lines+markers", line_color="black"),
        secondary_y=True,
    )
    fig.update_layout(title=title, barmode="relative", yaxis_title="events (conflict below zero)")
    fig.update_yaxes(title_text="mean Goldstein", range=[-10.5, 10.5], secondary_y=True)
    _write_html(fig, out)


def _write_html(fig: Any, out: Path) -> None:
    # plotly.js goes inside the page: it opens offline, and no CDN sees who reads it.
    fig.write_html(out, include_plotlyjs=True, include_mathjax=False, full_html=True)


@lru_cache(maxsize=1)
def land() -> list[tuple[list[float], list[float]]]:
    """The world's land as rings of (longitudes, latitudes): Natural Earth 1:110m."""
    rings = []
    with open(data_path("world", "land-110m.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            pairs = [p.split(",") for p in line.split("\t")[1].split()]
            rings.append(([float(x) for x, _ in pairs], [float(y) for _, y in pairs]))
    return rings


def places(store: StoreLike, selection: Selection | None = None) -> pd.DataFrame:
    """Located events by place: ``lat``, ``lon``, ``place``, ``n_events``, ``goldstein_mean``
    and ``quad_class`` (the most frequent), busiest first."""
    data = analysis.events(store, selection)
    data = data[data["location_lat"].notna() & data["location_lon"].notna()]
    if data.empty:
        return data
    data = data.assign(place=data["location_full_name"].fillna(data["location_name"]))
    grouped = data.groupby(["location_lat", "location_lon"], as_index=False).agg(
        place=("place", "first"),
        n_events=("day", "size"),
        goldstein_mean=("goldstein", "mean"),
        quad_class=("quad_class", lambda q: int(q.mode().iloc[0])),
    )
    grouped = grouped.rename(columns={"location_lat": "lat", "location_lon": "lon"})
    return grouped.sort_values("n_events", ascending=False, ignore_index=True)


def map(  # the CLI's word: `eventcoder plot map`
    store: StoreLike, out: Path | str, a: str | None = None, b: str | None = None, **selection: Any
) -> pd.DataFrame:
    """Draw the located events (of a dyad or actor, or all) on the world's land, one dot per
    place sized by its events and coloured by their most frequent QuadClass; return
    :func:`places`."""
    out = Path(out)
    _check_output(out)
    chosen = Selection(a, b, **selection)
    data = places(store, chosen)
    _require(data, store, f"{chosen.label()} with a location")
    title = f"{chosen.label()}: where events happened"
    (_map_html if out.suffix == ".html" else _map_image)(data, title, out)
    return data


def _dot_sizes(counts: pd.Series) -> list[float]:
    return [20 + 30 * math.sqrt(n) for n in counts]


def _map_image(data: pd.DataFrame, title: str, out: Path) -> None:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(12, 6), layout="constrained")
    for lons, lats in land():
        ax.fill(lons, lats, color="#e5e5e5", edgecolor="#999999", linewidth=0.4)
    colours = [QUAD_COLOURS[QUAD_CLASSES[q]] for q in data["quad_class"]]
    ax.scatter(
        data["lon"],
        data["lat"],
        s=_dot_sizes(data["n_events"]),
        c=colours,
        edgecolors="black",
        linewidths=0.5,
        alpha=0.85,
        zorder=3,
    )
    for row in data.head(15).itertuples():
        ax.annotate(
            row.place, (row.lon, row.lat), fontsize=7, xytext=(4, 4), textcoords="offset points"
        )
    ax.set_xlim(-180, 180)
    ax.set_ylim(-60, 85)
    ax.set_aspect("equal")
    ax.set_title(title)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    fig.savefig(out, dpi=100)
    plt.close(fig)


def _map_html(data: pd.DataFrame, title: str, out: Path) -> None:
    import plotly.graph_objects as go

    lons: list[float | None] = []
    lats: list[float | None] = []
    for ring_lons, ring_lats in land():
        lons += [*ring_lons, None]
        lats += [*ring_lats, None]
    fig = go.Figure(
        go.Scatter(
            x=lons,
            y=lats,
            fill="toself",
            fillcolor="#e5e5e5",
            mode="lines",
            line={"color": "#999999", "width": 0.5},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    hover = [
        f"{r.place}<br>{r.n_events} event(s), mean Goldstein {r.goldstein_mean:+.1f}"
        for r in data.itertuples()
    ]
    fig.add_trace(
        go.Scatter(
            x=data["lon"].tolist(),
            y=data["lat"].tolist(),
            mode="markers",
            text=hover,
            hoverinfo="text",
            showlegend=False,
            marker={
                "size": [math.sqrt(s) for s in _dot_sizes(data["n_events"])],
                "color": [QUAD_COLOURS[QUAD_CLASSES[q]] for q in data["quad_class"]],
                "line": {"color": "black", "width": 0.5},
            },
        )
    )
    fig.update_layout(title=title, plot_bgcolor="white")
    fig.update_xaxes(range=[-180, 180], title="longitude")
    fig.update_yaxes(range=[-60, 85], title="latitude", scaleanchor="x")
    _write_html(fig, out)


def network(
    store: StoreLike,
    out: Path | str,
    top: int = 20,
    min_events: int = 1,
    by: str = "country",
    **selection: Any,
) -> pd.DataFrame:
    """Draw the actor network: the ``top`` actors on a circle, an arrow for each dyad among
    them, as wide as its events and coloured by their mean Goldstein value (red conflict,
    blue cooperation); return the edges drawn (:func:`eventcoder.analysis.network`)."""
    out = Path(out)
    _check_output(out)
    chosen = Selection(**selection)
    actors = analysis.top_actors(store, top, chosen, by=by)["actor"].tolist()
    edges = analysis.network(store, min_events, selection=chosen, by=by)
    edges = edges[edges["actor"].isin(actors) & edges["recipient"].isin(actors)]
    _require(edges, store, f"{chosen.label()} between two actors")
    positions = _circle(actors)
    title = f"Actor network: {chosen.label()}"
    render = _network_html if out.suffix == ".html" else _network_image
    render(edges.reset_index(drop=True), positions, title, out)
    return edges.reset_index(drop=True)


def _circle(names: list[str]) -> dict[str, tuple[float, float]]:
    # Busiest actor at the top, the others clockwise: a layout that needs no graph library.
    step = 2 * math.pi / max(len(names), 1)
    return {n: (math.sin(i * step), math.cos(i * step)) for i, n in enumerate(names)}


def _edge_width(n: int, most: int) -> float:
    return 0.8 + 5 * math.sqrt(n / most)


def _network_image(
    edges: pd.DataFrame, positions: dict[str, tuple[float, float]], title: str, out: Path
) -> None:
    plt = _pyplot()
    from matplotlib.colors import Normalize

    cmap, norm = plt.get_cmap("RdBu"), Normalize(-10, 10)
    fig, ax = plt.subplots(figsize=(8, 8), layout="constrained")
    most = int(edges["n_events"].max())
    for e in edges.itertuples():
        ax.annotate(
            "",
            xy=positions[e.recipient],
            xytext=positions[e.actor],
            arrowprops={
                "arrowstyle": "-|>",
                "color": cmap(norm(e.goldstein_mean)),
                "lw": _edge_width(e.n_events, most),
                "shrinkA": 14,
                "shrinkB": 14,
                "connectionstyle": "arc3,rad=0.12",
            },
        )
    for name, (x, y) in positions.items():
        ax.scatter([x], [y], s=500, color="white", edgecolors="black", zorder=3)
        ax.annotate(name, (x, y), ha="center", va="center", fontsize=8, zorder=4)
    fig.colorbar(
        plt.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, label="mean Goldstein"
    )
    ax.set_xlim(-1.25, 1.25)
    ax.set_ylim(-1.25, 1.25)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title)
    fig.savefig(out, dpi=100)
    plt.close(fig)


def _network_html(
    edges: pd.DataFrame, positions: dict[str, tuple[float, float]], title: str, out: Path
) -> None:
    import plotly.graph_objects as go
    from plotly.colors import sample_colorscale

    fig = go.Figure()
    most = int(edges["n_events"].max())
    for e in edges.itertuples():
        (x0, y0), (x1, y1) = positions[e.actor], positions[e.recipient]
        colour = sample_colorscale("RdBu", [(e.goldstein_mean + 10) / 20])[0]
        fig.add_annotation(
            x=x1,
            y=y1,
            ax=x0,
            ay=y0,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=2,
            arrowwidth=_edge_width(e.n_events, most),
            arrowcolor=colour,
            standoff=12,
            startstandoff=12,
            hovertext=f"{e.actor}→{e.recipient}: {e.n_events} event(s), "
            f"mean Goldstein {e.goldstein_mean:+.1f}",
        )
    names = list(positions)
    fig.add_trace(
        go.Scatter(
            x=[positions[n][0] for n in names],
            y=[positions[n][1] for n in names],
            text=names,
            mode="markers+text",
            marker={"size": 28, "color": "white", "line": {"color": "black", "width": 1}},
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.update_layout(title=title, plot_bgcolor="white", width=800, height=800)
    fig.update_xaxes(visible=False, range=[-1.3, 1.3])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x")
    _write_html(fig, out)
