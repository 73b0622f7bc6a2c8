/**
 * The report pages' stylesheet, inlined into each page (no file to fetch): a fluid single column that
 * reads on a phone, figure tiles that wrap, tables that scroll sideways inside their box, and a print
 * layout (no shadows, no sections split across pages, chart colours kept).
 * @module
 */
export const STYLE = `
:root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--accent:#2563eb;--accent-soft:#bfd3fb;--warn:#9a5b00;--warn-bg:#fff6e0;--bad:#b42318;--card:#f6f8fb}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:960px;margin:0 auto;padding:1.25rem 1rem 3rem}
header.page h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .3rem;overflow-wrap:anywhere}
header.page .kind{color:var(--muted);font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;margin:0}
header.page .range{color:var(--muted);margin:0}
h2{font-size:1.15rem;margin:1.8rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.1rem 0 .4rem}
p,li{overflow-wrap:anywhere}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));gap:.6rem;margin:1rem 0}
.figure{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.6rem .75rem}
.figure .value{font-size:1.45rem;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2}
.figure .label{font-weight:550}
.figure .basis{color:var(--muted);font-size:.8rem}
.highlights{padding-left:1.2rem}
.caveats{background:var(--warn-bg);border:1px solid #f0d9a8;border-radius:8px;padding:.6rem .9rem;margin:1rem 0}
.caveats h2{border:0;margin:.2rem 0 .3rem;font-size:1rem;color:var(--warn)}
.caveats ul{margin:.2rem 0;padding-left:1.2rem}
.note{color:var(--muted);font-size:.9rem}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.none{color:var(--muted);font-style:italic}
.flag{color:var(--bad);font-weight:600}
.chart-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
.chart-wrap svg.chart{min-width:520px}
svg.chart{display:block;width:100%;height:auto;margin:.4rem 0 1rem;font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg .bar{fill:var(--accent)}
svg .col{fill:var(--accent)}
svg .col.partial{fill:var(--accent-soft)}
svg .col.negative{fill:var(--bad)}
svg .track{fill:var(--card);stroke:var(--line)}
svg .bar-label,svg .bar-value,svg .axis-label{fill:var(--ink)}
svg .axis-label{fill:var(--muted)}
svg .axis{stroke:var(--line)}
svg .reference line,svg line.target{stroke:var(--bad);stroke-width:2;stroke-dasharray:4 3}
svg .reference text{fill:var(--bad)}
footer.meta{margin-top:2rem;border-top:1px solid var(--line);padding-top:.6rem;color:var(--muted);font-size:.88rem}
footer.meta ul{padding-left:1.2rem;margin:.3rem 0}
.error-page .code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--card);padding:.1rem .35rem;border-radius:4px}
@media (max-width:520px){body{font-size:14px}main{padding:.8rem .7rem 2rem}header.page h1{font-size:1.3rem}.figure .value{font-size:1.2rem}}
@media print{
  @page{margin:14mm}
  body{font-size:11pt}
  main{max-width:none;padding:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .figure,.caveats,svg.chart,tr,footer.meta{break-inside:avoid}
  h2{break-after:avoid}
  .table-wrap,.chart-wrap{overflow:visible}
  .chart-wrap svg.chart{min-width:0}
}
`;
