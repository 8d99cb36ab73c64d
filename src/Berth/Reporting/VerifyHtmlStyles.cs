namespace Berth.Reporting;

/// <summary>The verify HTML report's stylesheet: system fonts only, laid out for ~1200px screens, and a print variant.</summary>
public static class VerifyHtmlStyles
{
    public const string Css = """
:root {
  --ink: #0f172a; --ink-2: #334155; --muted: #64748b; --line: #e2e8f0; --bg: #f1f5f9; --card: #ffffff;
  --pass: #15803d; --pass-bg: #dcfce7; --fail: #b91c1c; --fail-bg: #fee2e2; --skip: #475569; --skip-bg: #e2e8f0;
  --base: #94a3b8; --app: #2563eb;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 var(--sans); }
main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 40px; }
code, pre { font-family: var(--mono); font-size: 12.5px; }
a { color: inherit; }
.muted { color: var(--muted); }
section, header.top { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 0 0 16px; }
h2 { font-size: 15px; margin: 0 0 12px; letter-spacing: .01em; }
header.top .brand { font-size: 12px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
.title-row { display: flex; align-items: center; gap: 14px; margin: 4px 0 14px; }
h1 { font: 600 22px/1.25 var(--mono); margin: 0; overflow-wrap: anywhere; }
.verdict { flex: none; font-weight: 700; font-size: 13px; letter-spacing: .06em; padding: 4px 12px; border-radius: 999px; color: #fff; }
.verdict.pass { background: var(--pass); }
.verdict.fail { background: var(--fail); }
dl.facts { display: flex; flex-wrap: wrap; gap: 10px 36px; margin: 0; }
dl.facts div { min-width: 0; }
dl.facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
dl.facts dd { margin: 2px 0 0; font-weight: 600; }
dl.facts dd .muted { font-weight: 400; font-size: 12px; margin-left: 4px; }
section.summary { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; background: none; border: 0; padding: 0; }
.tile { border-radius: 10px; padding: 12px 16px; border: 1px solid var(--line); background: var(--card); border-left-width: 5px; }
.tile .n { display: block; font-size: 26px; font-weight: 700; line-height: 1.1; }
.tile .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .06em; }
.tile.pass { border-left-color: var(--pass); } .tile.pass .n { color: var(--pass); }
.tile.fail { border-left-color: var(--fail); background: #fef2f2; } .tile.fail .n { color: var(--fail); }
.tile.skip { border-left-color: var(--skip); } .tile.skip .n { color: var(--skip); }
.tile.zero .n { color: var(--muted); }
.tile.neutral { border-left-color: var(--app); }
.callout { background: #fef2f2; border: 1px solid #fecaca; color: #7f1d1d; border-radius: 10px; padding: 10px 16px; margin: 0 0 16px; }
.callout a { text-decoration: none; border-bottom: 1px dotted currentColor; }
.callout code { font-weight: 600; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th { text-align: left; font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; padding: 6px 10px; border-bottom: 2px solid var(--line); }
td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
tbody tr:last-child td { border-bottom: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
col.c-status { width: 76px; } col.c-id { width: 76px; } col.c-name { width: 200px; }
table.checks td.name { font-weight: 600; }
table.checks tr.fail td { background: #fef2f2; }
table.checks tr.fail td:first-child { box-shadow: inset 3px 0 0 var(--fail); }
table.checks tr.skip td { color: var(--ink-2); }
table.checks tr.skip td.name, table.checks tr.skip .detail { color: var(--muted); }
.pill { display: inline-block; min-width: 44px; text-align: center; font-size: 11px; font-weight: 700; letter-spacing: .05em; padding: 2px 8px; border-radius: 999px; }
.pill.pass { color: var(--pass); background: var(--pass-bg); }
.pill.fail { color: #fff; background: var(--fail); }
.pill.skip { color: var(--skip); background: var(--skip-bg); }
.cell { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 16px; }
.cell .detail { flex: 1 1 0; min-width: 0; }
details { flex: none; }
details[open] { flex-basis: 100%; }
summary { cursor: pointer; color: var(--muted); font-size: 12px; white-space: nowrap; }
pre { margin: 6px 0 2px; padding: 8px 10px; background: #0f172a; color: #e2e8f0; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 260px; overflow: auto; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 24px; color: var(--ink-2); font-size: 13px; margin: -4px 0 10px; }
i.sw { display: inline-block; width: 11px; height: 11px; border-radius: 3px; margin-right: 7px; vertical-align: -1px; }
i.sw.base { background: var(--base); } i.sw.app { background: linear-gradient(90deg, #2563eb 50%, #7c3aed 50%); }
.chart { margin: 0 0 14px; }
svg.layer-chart { display: block; height: auto; overflow: visible; }
svg.layer-chart rect { stroke: #fff; stroke-width: 1.5; }
svg.layer-chart .segment:hover rect { opacity: .85; }
svg.layer-chart text { font: 600 12px var(--sans); pointer-events: none; }
svg.layer-chart text.on-app { fill: #fff; } svg.layer-chart text.on-base { fill: #1e293b; }
svg.layer-chart text.tick { font-weight: 400; font-size: 11px; fill: var(--muted); }
svg.layer-chart line.axis { stroke: #cbd5e1; stroke-width: 1; }
col.c-idx { width: 60px; } col.c-size { width: 96px; } col.c-share { width: 72px; } col.c-from { width: 70px; }
table.layers td { padding-top: 5px; padding-bottom: 5px; }
table.layers td.cmd { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.layers tr.base td { color: var(--muted); }
.tag { font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 4px; }
.tag.base { background: #e2e8f0; color: #475569; } .tag.app { background: #dbeafe; color: #1d4ed8; }
.stats { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin-bottom: 12px; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.stat .n { display: block; font-size: 22px; font-weight: 700; }
.stat .l { display: block; font-weight: 600; }
.stat .note { display: block; color: var(--muted); font-size: 12px; }
col.c-copies { width: 80px; }
col.c-var { width: 260px; } col.c-kind { width: 140px; }
section > p.muted { margin: -6px 0 10px; font-size: 13px; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 8px; }
@media print {
  body { background: #fff; font-size: 12px; }
  main { max-width: none; padding: 0; }
  section, header.top { border: 0; border-radius: 0; padding: 8px 0; margin: 0 0 10px; }
  section.summary { gap: 8px; }
  tr, .stat, .tile, svg { break-inside: avoid; }
  h2 { break-after: avoid; }
  pre { max-height: none; overflow: visible; background: #f1f5f9; color: var(--ink); border: 1px solid var(--line); }
  summary { list-style: none; }
  details:not([open]) { display: none; }
  table.layers td.cmd { white-space: normal; }
  .callout a { border-bottom: 0; }
}

""";
}
