#!/usr/bin/env python3
"""Summarise the gen benchmark suite: criterion medians (+ callgrind Ir) -> TSV, Markdown, SVG.

Standard library only. Usage (from the repository root):

    python3 benches/scripts/report.py collect   # read criterion output, write benches/results/time.tsv
    python3 benches/scripts/report.py render    # results/*.tsv -> results/table.md, results/chart.svg
    CARGO_TARGET_DIR=target/align python3 benches/scripts/report.py aligned
                                                # the aligned-loop run -> results/aligned.md

`collect` reads `$CARGO_TARGET_DIR/criterion` (default `target/criterion`) for the stable run
and `<that>-nightly/criterion` for the `cargo +nightly --features nightly` run (rows
`nightly_*`, whose ratios are taken against the `hand` row of the nightly run, so every ratio
compares two implementations built by the same compiler in the same run).
"""

import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benches" / "results"

SYNC = ["count_for", "count_sum", "pairs_for", "pairs_for_each", "pairs_sum",
        "tokenizer_for", "take", "startup", "parser_for",
        "count_range", "count_loop", "take_range", "pairs_while", "pairs_flat_map",
        "tokenizer_enumerate", "tokenizer_peekable", "tokenizer_split", "parser_slice"]
ASYNC = ["stream_none_inline", "stream_none_dyn", "stream_ready_inline", "stream_ready_dyn",
         "stream_mpsc_inline", "stream_mpsc_dyn",
         "stream_none_block_on", "stream_none_tokio", "stream_none_chain", "stream_none_boxstream",
         "stream_ready_block_on", "stream_ready_tokio", "stream_ready_chain",
         "stream_ready_boxstream", "stream_mpsc_chain", "stream_mpsc_boxstream",
         "stream_yield_from_inline"]
IMPS = ["hand", "gen", "gen_no_fold", "gen_match", "gen_rederive", "gen_boxed", "gen_stream", "gen_stream_sync", "from_fn", "genawaiter",
        "next_gen", "async_stream", "asynk_strim", "unfold", "nightly_gen", "nightly_async_gen"]
COLORS = {
    "hand": "#444444", "gen": "#1f77b4", "gen_no_fold": "#6baed6", "gen_boxed": "#08306b",
    "gen_stream": "#1f77b4", "gen_stream_sync": "#6baed6", "gen_match": "#9ecae1", "gen_rederive": "#9ecae1", "from_fn": "#2ca02c", "genawaiter": "#d62728", "next_gen": "#ff7f0e",
    "async_stream": "#9467bd", "asynk_strim": "#8c564b", "unfold": "#e377c2",
    "nightly_gen": "#7f7f7f", "nightly_async_gen": "#7f7f7f",
}


def criterion_rows(crit_dir, nightly):
    rows = []
    if not crit_dir.is_dir():
        return rows
    for group in sorted(crit_dir.iterdir()):
        for bench in sorted(group.iterdir()) if group.is_dir() else []:
            est, meta = bench / "new" / "estimates.json", bench / "new" / "benchmark.json"
            if not est.is_file() or not meta.is_file():
                continue
            m = json.loads(meta.read_text())
            imp = m.get("function_id") or bench.name
            if nightly and not (imp.startswith("nightly") or imp == "hand"):
                continue
            items = (m.get("throughput") or {}).get("Elements") or 1
            median = json.loads(est.read_text())["median"]["point_estimate"]
            rows.append((m["group_id"], imp, items, median, "nightly" if nightly else "stable"))
    return rows


def collect():
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    rows = criterion_rows(target / "criterion", False)
    rows += criterion_rows(Path(str(target) + "-nightly") / "criterion", True)
    if not rows:
        sys.exit(f"no criterion output under {target}/criterion: run `cargo bench -p gen-benches` first")
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(RESULTS / "time.tsv", "w") as f:
        f.write("workload\timpl\titems\tmedian_ns\ttoolchain\n")
        for r in rows:
            f.write("%s\t%s\t%d\t%.1f\t%s\n" % r)
    print(f"wrote {RESULTS / 'time.tsv'} ({len(rows)} rows)")


def read_tsv(path):
    if not path.is_file():
        return []
    lines = path.read_text().splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:] if l.strip()]


def load():
    """{(workload, impl): {"ns": ns/item, "ratio": x, "ir": Ir/item, "ir_ratio": x}}."""
    data, hand_ns = {}, {}
    for r in read_tsv(RESULTS / "time.tsv"):
        ns = float(r["median_ns"]) / int(r["items"])
        if r["impl"] == "hand":
            hand_ns[(r["workload"], r["toolchain"])] = ns
            if r["toolchain"] == "nightly":
                continue
        data[(r["workload"], r["impl"])] = {"ns": ns, "tc": r["toolchain"]}
    for (w, imp), d in data.items():
        base = hand_ns.get((w, d["tc"]))
        # A hand-written loop that LLVM folds into a closed form takes no measurable time
        # per item: no ratio to it.
        d["ratio"] = d["ns"] / base if base and base >= 0.01 else None
    for name, tc in (("ir.tsv", "stable"), ("ir-nightly.tsv", "nightly")):
        rows = read_tsv(RESULTS / name)
        hand = {r["case"].split("/")[0]: float(r["ir_per_item"]) for r in rows
                if r["case"].endswith("/hand")}
        for r in rows:
            w, imp = r["case"].split("/")
            if tc == "nightly" and not imp.startswith("nightly"):
                continue
            d = data.setdefault((w, imp), {"tc": tc})
            d["ir"] = float(r["ir_per_item"])
            d["ir_ratio"] = d["ir"] / hand[w] if hand.get(w) else None
    return data


def fmt(x, digits=2):
    if x is None:
        return "–"
    if x >= 100:
        return "%.0f" % x
    if x >= 10:
        return "%.1f" % x
    return ("%." + str(digits) + "f") % x


def table(data, with_ir=True):
    head = ["workload", "implementation", "ns/item", "vs hand"] + (["Ir/item", "Ir vs hand"] if with_ir else [])
    out = ["| " + " | ".join(head) + " |", "|---|---|" + "---:|" * (len(head) - 2)]
    for w in SYNC + ASYNC:
        first = True
        for imp in IMPS:
            d = data.get((w, imp))
            if not d:
                continue
            label = f"**{imp}**" if imp in ("gen", "gen_stream") else imp
            cells = [w if first else "", label, fmt(d.get("ns"), 3), fmt(d.get("ratio"))]
            if with_ir:
                cells += [fmt(d.get("ir"), 1), fmt(d.get("ir_ratio"))]
            out.append("| " + " | ".join(cells) + " |")
            first = False
    return "\n".join(out)


def svg(data, path):
    """Horizontal bars of time ratios to hand-written (log scale), one block per workload."""
    lo, hi = 1 / 64, 64
    left, width, bar, gap = 300, 620, 11, 10
    x = lambda v: left + (math.log2(min(max(v, lo), hi)) - math.log2(lo)) / (math.log2(hi) - math.log2(lo)) * width
    rows, y = [], 50
    for w in SYNC + ASYNC:
        imps = [i for i in IMPS if data.get((w, i), {}).get("ratio") is not None]
        if not imps:
            continue
        rows.append(("title", w, y))
        y += 16
        for i in imps:
            rows.append(("bar", (w, i), y))
            y += bar + 2
        y += gap
    h = y + 40
    e = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{h}" '
         'font-family="sans-serif" font-size="10">',
         '<rect width="100%" height="100%" fill="white"/>',
         f'<text x="10" y="20" font-size="14" font-weight="bold">gen benchmarks: median time '
         f'per item relative to hand-written (log scale; left of 1 is faster)</text>']
    for k in range(-6, 7):
        v = 2.0 ** k
        xx = x(v)
        e.append(f'<line x1="{xx:.1f}" y1="35" x2="{xx:.1f}" y2="{h - 30}" '
                 f'stroke="{"#000" if k == 0 else "#ddd"}" stroke-width="{1.5 if k == 0 else 1}"/>')
        label = f"{v:g}x" if v >= 1 else f"1/{int(1 / v)}"
        e.append(f'<text x="{xx:.1f}" y="{h - 15}" text-anchor="middle">{label}</text>')
    for kind, what, yy in rows:
        if kind == "title":
            e.append(f'<text x="10" y="{yy + 10}" font-weight="bold" font-size="11">{what}</text>')
            continue
        w, i = what
        d = data[(w, i)]
        ratio = d["ratio"]
        x0, x1 = x(1.0), x(ratio)
        e.append(f'<text x="{left - 6}" y="{yy + 9}" text-anchor="end">{i}</text>')
        e.append(f'<rect x="{min(x0, x1):.1f}" y="{yy}" width="{max(abs(x1 - x0), 1):.1f}" '
                 f'height="{bar}" fill="{COLORS.get(i, "#999")}"/>')
        text = f'{ratio:.2f}x ({d["ns"]:.3g} ns)'
        if ratio > hi:
            # Off the scale: the bar is clipped, so label it inside, at its right end.
            e.append(f'<text x="{x1 - 4:.1f}" y="{yy + 9}" text-anchor="end" fill="white">'
                     f'{text} &#8594;</text>')
        else:
            e.append(f'<text x="{max(x0, x1) + 4:.1f}" y="{yy + 9}">{text}</text>')
    e.append("</svg>")
    path.write_text("\n".join(e) + "\n")


def render():
    data = load()
    md = [
        "Median wall time per item (criterion) and its ratio to the hand-written row of the same "
        "run, with callgrind's Ir per item and its ratio where measured (`benches/results/ir.tsv`). "
        "Generated by `python3 benches/scripts/report.py render`; the targets are judged on Ir "
        "(BENCHMARKS.md).",
        "",
        table(data),
        "",
    ]
    (RESULTS / "table.md").write_text("\n".join(md))
    svg(data, RESULTS / "chart.svg")
    print("\n".join(md))
    print(f"wrote {RESULTS / 'table.md'} and {RESULTS / 'chart.svg'}")


def aligned():
    """Time ratios of a run built with every loop aligned to 64 bytes (code placement taken out
    of the comparison): reads `$CARGO_TARGET_DIR/criterion`, writes results/aligned.md."""
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target" / "align"))
    rows = criterion_rows(target / "criterion", False)
    if not rows:
        sys.exit(f"no criterion output under {target}/criterion")
    ns = {(w, imp): median / items for w, imp, items, median, _ in rows}
    data = {(w, imp): {"ns": x, "ratio": x / ns[(w, "hand")]}
            for (w, imp), x in ns.items() if (w, "hand") in ns}
    out = [table(data, with_ir=False)]
    (RESULTS / "aligned.md").write_text("\n".join(out) + "\n")
    print("\n".join(out))
    print(f"wrote {RESULTS / 'aligned.md'}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "render"
    {"collect": collect, "render": render, "aligned": aligned}[cmd]()
