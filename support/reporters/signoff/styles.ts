/** The report's only stylesheet, inlined into the page (no external fetches; prints on A4). */
export const CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 1100px; padding: 24px 28px 40px;
  font-family: "IPAPGothic", "IPAGothic", "Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", sans-serif;
  font-size: 14px; line-height: 1.6; color: #1f2328; background: #fff;
}
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { margin-top: 16px; }
  .verdict .word { font-size: 30pt; }
}
h1 { font-size: 24px; margin: 2px 0 6px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding: 4px 0 4px 10px; border-left: 6px solid #1f4e79; background: #eef3f8; break-after: avoid; }
h3 { font-size: 15px; margin: 18px 0 8px; break-after: avoid; }
h4 { font-size: 12px; margin: 0 0 4px; color: #57606a; font-weight: bold; }
p { margin: 4px 0; }
.muted { color: #57606a; }
.small { font-size: 12px; }
.kicker { margin: 0; color: #1f4e79; font-weight: bold; letter-spacing: 0.08em; }

.head { display: flex; flex-wrap: wrap; gap: 20px; align-items: stretch; justify-content: space-between; border-bottom: 3px solid #1f4e79; padding-bottom: 14px; }
.head .title { flex: 1 1 auto; }
.verdict { flex: 0 0 320px; border: 3px solid; border-radius: 8px; padding: 10px 14px; text-align: center; }
.verdict.ok { border-color: #1a7f37; background: #e9f7ee; color: #0f5323; }
.verdict.ng { border-color: #cf222e; background: #fdecec; color: #82071e; }
.verdict.partial { border-color: #9a6700; background: #fff8c5; color: #7d4e00; }
.verdict.partial .word { font-size: 28px; letter-spacing: 0.05em; }
.verdict .not-confirmed, .verdict .notes-line { font-size: 12px; color: #1f2328; text-align: left; margin-top: 6px; }
.banners { flex: 1 0 100%; }
.banner { margin: 0 0 6px; padding: 6px 10px; border-radius: 6px; font-size: 13px; }
.banner.deviation { background: #cf222e; color: #fff; font-weight: bold; }
.banner.bundled { background: #ddf4ff; color: #0a3069; }
.banner.target { background: #f6f8fa; color: #1f2328; }
.verdict .word { font-size: 40px; font-weight: bold; line-height: 1.2; letter-spacing: 0.2em; }
.verdict .counts { font-size: 12px; color: #1f2328; text-align: left; margin-top: 4px; }
.verdict ul { margin: 6px 0 0; padding-left: 18px; text-align: left; font-size: 12px; color: #1f2328; }

table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b6bec8; padding: 5px 8px; vertical-align: top; text-align: left; }
th { background: #f2f4f7; font-weight: bold; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.facts th { width: 150px; white-space: nowrap; }
.facts ul { margin: 0; padding-left: 18px; }

.matrix td.cell, .matrix th.proj, .scenarios td.cell, .scenarios th.proj { text-align: center; width: 120px; }
.matrix th.proj .kind, .scenarios th.proj .kind { display: block; font-weight: normal; font-size: 11px; color: #57606a; }
.matrix .sec td { background: #e4ebf3; font-weight: bold; }
.matrix td.id { white-space: nowrap; font-weight: bold; }
.mark { display: inline-block; min-width: 4.5em; padding: 1px 6px; border-radius: 4px; font-weight: bold; white-space: nowrap; }
.mark .sym { margin-right: 3px; }
.mark.passed { background: #dafbe1; color: #0f5323; }
.mark.failed { background: #ffd8d3; color: #82071e; }
.mark.undefined { background: #fff1c2; color: #6b4b00; }
.mark.untested, .mark.skipped { background: #eaeef2; color: #424a53; }
.mark.na { background: transparent; color: #8c959f; font-weight: normal; }
.cell .num { display: block; font-size: 11px; color: #57606a; }
.legend { font-size: 12px; color: #57606a; margin-top: 6px; }
.legend .mark { min-width: 0; margin-right: 2px; }

.failure { border: 2px solid #cf222e; border-radius: 8px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
.failure h3 { margin: 0 0 4px; color: #82071e; }
.failure .two { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; margin-top: 8px; }
.failure .two > div { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 10px; }
.failure .manual { background: #f6f8fa; }
.failure .actual { background: #fff8f7; }
.failure blockquote, .sentence blockquote { margin: 0; padding: 4px 10px; border-left: 4px solid #1f4e79; background: #fff; }
.failure .shows { white-space: pre-wrap; }
.failure ol { margin: 6px 0 0; padding-left: 22px; font-size: 12px; }
pre.detail { white-space: pre-wrap; word-break: break-all; font-size: 10.5px; background: #f6f8fa; border: 1px solid #d0d7de; padding: 6px 8px; margin: 8px 0 0; color: #424a53; }

.sentence { border: 1px solid #b6bec8; border-radius: 8px; padding: 10px 14px; margin: 10px 0; break-inside: avoid; }
.sentence .sid { font-weight: bold; font-size: 15px; color: #1f4e79; }
.sentence blockquote { margin-top: 4px; font-size: 15px; }
.chips { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12px; }
.figs { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 10px; align-items: flex-start; }
figure { margin: 0; width: 360px; max-width: 100%; }
figure.pc { width: 520px; }
figure.sp { width: 180px; }
figure img { display: block; width: 100%; height: auto; border: 1px solid #8c959f; }
.failure figure { width: 100%; }
.failure figure.sp { width: 180px; }
figcaption { font-size: 11px; color: #57606a; margin-top: 3px; }
@media print {
  figure.pc { width: 105mm; }
  figure.sp { width: 34mm; }
  .failure figure.pc { width: 100%; }
  .failure figure.sp { width: 40mm; }
}
.noimg { font-size: 12px; color: #57606a; border: 1px dashed #b6bec8; padding: 8px; }

.signoff { margin-top: 8px; break-inside: avoid; }
@media print { section.details { break-before: page; } }
.signoff th { text-align: center; width: calc(100% / 3); }
.signoff td.box { height: 30mm; }
.signoff td.date { vertical-align: bottom; text-align: right; color: #57606a; }
.signoff td.notes { height: 22mm; }
footer { margin-top: 28px; font-size: 11px; color: #57606a; border-top: 1px solid #d0d7de; padding-top: 8px; }
.drift-line { margin-top: 6px; font-size: 12px; }
.figure-drift article.drift { break-inside: avoid; margin: 10px 0 16px; }
.figure-drift article.drift img { display: block; width: 100%; height: auto; border: 1px solid #8c959f; }
`;
