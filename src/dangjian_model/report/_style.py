"""The report's only style sheet, inlined in the page: screen, and A4 print with page breaks."""

from __future__ import annotations

from dangjian_model.diagram import font_css

__all__ = ["CSS", "FONTS"]

#: Chinese renders on every system: the CJK fonts of Linux, macOS, Windows and Android, then any sans-serif.
FONTS = font_css()

CSS = """
:root { --ink: #1c2833; --muted: #566573; --line: #d5d8dc; --accent: #a93226; --ok: #1e8449;
        --warn: #b9770e; --fonts: FONTS; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #f4f6f7; }
body { margin: 0; font-family: var(--fonts); font-size: 15px; line-height: 1.55; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 18px; margin: 28px 0 8px; }
h4 { font-size: 16px; margin: 20px 0 6px; }
h5 { font-size: 14px; margin: 14px 0 2px; color: var(--muted); }
h1, h2, h3, h4, p, li, td, th, dd, dt, figcaption { overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0; }
.privacy { display: inline-block; margin-top: 6px; padding: 2px 8px; border-radius: 3px; background: #eaf2f8; }
.privacy.kept { background: #fdedec; color: var(--accent); }
nav ol { margin: 8px 0 0; padding-left: 22px; }
a { color: #1f618d; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0; padding: 0; list-style: none; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 10px; border: 1px solid var(--line);
        font-size: 13px; }
.chip.yes { border-color: var(--ok); color: var(--ok); background: #e9f7ef; }
.chip.no { color: var(--muted); background: #f2f3f4; text-decoration: line-through; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 12px; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f3f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.code { white-space: nowrap; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
td.sign { min-width: 9em; height: 2.6em; }
td.sign-date { min-width: 6em; }
tr.total td { font-weight: 600; background: #fbfcfc; }
tr.retained td { color: var(--muted); }
tr.overdue td { background: #fdedec; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; color: #fff; }
.badge.error { background: var(--accent); }
.badge.warning { background: var(--warn); }
.badge.info { background: #2874a6; }
.badge.overdue { background: var(--accent); }
.clean { padding: 10px 14px; border-left: 4px solid var(--ok); background: #e9f7ef; font-size: 16px; }
.problem { padding: 10px 14px; border-left: 4px solid var(--accent); background: #fdedec; }
.rule-group { margin: 16px 0; }
.rule-group h3 { margin-bottom: 2px; }
.source { color: var(--muted); font-size: 13px; margin: 0 0 4px; }
.en { color: var(--muted); font-size: 13px; display: block; }
.id { color: var(--muted); font-size: 12px; display: block; }
.check { font-weight: 600; color: var(--ok); }
figure.diagram { margin: 12px 0; }
svg.structure { max-width: 100%; height: auto; display: block; margin: 0 auto; }
svg.structure text { font-family: var(--fonts); fill: var(--ink); }
svg.structure text.kind { fill: var(--muted); }
p.legend-head { margin: 6px 0 0; font-size: 13px; color: var(--muted); }
ul.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 2px 0; padding: 0; list-style: none;
            font-size: 13px; }
ul.legend svg { vertical-align: middle; margin-right: 4px; }
.solid-sample, .dashed-sample { display: inline-block; width: 26px; margin-right: 4px; vertical-align: middle;
                                border-top: 2px solid var(--muted); }
.dashed-sample { border-top-style: dashed; }
figcaption { color: var(--muted); font-size: 13px; text-align: center; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { background: #fff; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-before: page; }
  h2, h3, h4 { break-after: avoid-page; }
  section#overview > h2 { break-before: auto; }
  article.project { break-before: page; }
  section#allocation > article.project:first-of-type { break-before: auto; }
  figure.diagram, tr, .rule-group > p { break-inside: avoid-page; }
  thead { display: table-header-group; }
  table { font-size: 9.5pt; }
  a { color: inherit; text-decoration: none; }
  td.sign { height: 3.2em; }
}
""".replace("FONTS", FONTS)
