/**
 * The review page of a run's changed and new figures: reports/figures/review.html, one self-contained file (opens from
 * a double-click, offline). Per manual step × device: the manual's sentence, the approved figure, the fresh one and the
 * difference, labelled, an overlay with a slider, and 承認 / 却下 with a comment; the reviewer's name is entered once.
 * 「決定を保存」 downloads figure-decisions.json, which `npm run figures:approve -- --from <file>` applies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { raw } from 'hono/html';
import type { ManualIndex } from '../manual.ts';
import { fileHash } from './approvals.ts';
import { type DriftRecord, percent } from './book.ts';

export const REVIEW_PAGE = 'reports/figures/review.html';

const png = (path: string | undefined) => (path && existsSync(path) ? `data:image/png;base64,${readFileSync(path).toString('base64')}` : undefined);

const CSS = `
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
header { position: sticky; top: 0; z-index: 1; background: #1f4e79; color: #fff; padding: 12px 20px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
header h1 { font-size: 18px; margin: 0; flex: 1 1 auto; }
header label { font-size: 14px; }
header input { font: inherit; padding: 4px 8px; width: 12em; }
header button { font: inherit; font-weight: bold; padding: 6px 16px; border: 0; border-radius: 6px; background: #fff; color: #1f4e79; cursor: pointer; }
#status { flex: 1 0 100%; font-size: 13px; min-height: 1em; }
main { padding: 16px 20px; }
article { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 12px 16px; margin-bottom: 20px; }
article h2 { font-size: 16px; margin: 0 0 4px; }
.sentence { margin: 0 0 8px; padding: 6px 10px; border-left: 4px solid #1f4e79; background: #f0f4f8; }
.meta { font-size: 13px; color: #57606a; margin: 0 0 8px; }
.images { display: flex; gap: 12px; overflow-x: auto; }
figure { margin: 0; flex: 0 0 auto; }
figure img { display: block; max-width: 420px; max-height: 520px; border: 1px solid #d0d7de; }
figcaption { font-weight: bold; font-size: 13px; margin-bottom: 4px; }
.overlay { position: relative; display: inline-block; }
.overlay img { display: block; max-width: 420px; max-height: 520px; }
.overlay img.fresh { position: absolute; top: 0; left: 0; }
.decide { display: flex; gap: 16px; align-items: flex-start; margin-top: 10px; flex-wrap: wrap; }
.decide label { font-size: 15px; }
.decide textarea { font: inherit; width: 28em; max-width: 100%; height: 3em; }
.none { color: #57606a; }
`;

/** The page's script: the name kept between visits, the overlay slider, and the decisions saved as JSON. */
const SCRIPT = `
(function () {
  var KEY = 'manual-figure-reviewer';
  var name = document.getElementById('reviewer');
  try { name.value = localStorage.getItem(KEY) || ''; } catch (e) {}
  name.addEventListener('change', function () { try { localStorage.setItem(KEY, name.value.trim()); } catch (e) {} });
  var sliders = document.querySelectorAll('input.slider');
  for (var i = 0; i < sliders.length; i++) {
    sliders[i].addEventListener('input', function (event) {
      var fresh = event.target.closest('article').querySelector('.overlay img.fresh');
      fresh.style.clipPath = 'inset(0 ' + (100 - Number(event.target.value)) + '% 0 0)';
    });
  }
  document.getElementById('save').addEventListener('click', function () {
    var status = document.getElementById('status');
    var reviewer = name.value.trim();
    if (!reviewer) { status.textContent = '名前を入力してください（承認の記録に残ります）。'; name.focus(); return; }
    var decisions = [];
    var articles = document.querySelectorAll('article[data-id]');
    for (var j = 0; j < articles.length; j++) {
      var a = articles[j];
      var chosen = a.querySelector('input[type=radio]:checked');
      if (!chosen) continue;
      decisions.push({ manualId: a.dataset.id, project: a.dataset.project, profile: a.dataset.profile, figure: a.dataset.figure,
        decision: chosen.value, comment: a.querySelector('textarea').value.trim() });
    }
    if (decisions.length === 0) { status.textContent = '承認または却下を選んだ図がありません。'; return; }
    var body = JSON.stringify({ version: 1, reviewer: reviewer, savedAt: new Date().toISOString(), decisions: decisions }, null, 2);
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    link.download = 'figure-decisions.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
    status.textContent = decisions.length + ' 件の決定を figure-decisions.json に保存しました。npm run figures:approve -- --from <保存したファイル> で承認した図を置き換えます。';
  });
})();
`;

const Review = (props: { record: DriftRecord; index: ManualIndex; n: number }) => {
  const { record: r, n } = props;
  const sentence = props.index.byId(r.manualId);
  const approved = r.status === 'no-approved' ? undefined : png(r.approved);
  const fresh = png(r.fresh);
  const diff = png(r.diff);
  return (
    <article
      data-id={r.manualId}
      data-project={r.project}
      data-profile={r.profile}
      data-figure={existsSync(r.fresh) ? fileHash(r.fresh) : ''}
      data-status={r.status}
    >
      <h2>
        {r.manualId} {r.caption}（{r.project}）
      </h2>
      {sentence ? <p class="sentence">マニュアルの記述: 「{sentence.text}」</p> : null}
      <p class="meta">
        {r.status === 'changed'
          ? `承認済みの図と ${percent(r.ratio)} の画素が違います（許容 ${percent(r.tolerance)}）${r.sizes ? `。大きさ ${r.sizes.approved} → ${r.sizes.fresh}` : ''}。`
          : '承認済みの図がありません（新しい図）。'}
        　シナリオ「{r.scenario}」・プロファイル {r.profile}
      </p>
      <div class="images">
        <figure>
          <figcaption>承認済み</figcaption>
          {approved ? <img src={approved} alt={`承認済みの図 ${r.manualId} ${r.project}`} /> : <p class="none">（なし）</p>}
        </figure>
        <figure>
          <figcaption>今回</figcaption>
          {fresh ? <img src={fresh} alt={`今回の図 ${r.manualId} ${r.project}`} /> : <p class="none">（読めません: {r.fresh}）</p>}
        </figure>
        {diff ? (
          <figure>
            <figcaption>差分（赤が変わった画素）</figcaption>
            <img src={diff} alt={`差分 ${r.manualId} ${r.project}`} />
          </figure>
        ) : null}
        {approved && fresh ? (
          <figure>
            <figcaption>
              重ねて比べる（左: 今回 ／ 右: 承認済み）
              <input class="slider" type="range" min="0" max="100" value="50" aria-label={`重ね合わせの境目 ${r.manualId} ${r.project}`} />
            </figcaption>
            <div class="overlay">
              <img src={approved} alt="" />
              <img class="fresh" src={fresh} alt="" style="clip-path: inset(0 50% 0 0)" />
            </div>
          </figure>
        ) : null}
      </div>
      <div class="decide">
        <label>
          <input type="radio" name={`decision-${n}`} value="approve" /> 承認（今回の図をマニュアルの図にする）
        </label>
        <label>
          <input type="radio" name={`decision-${n}`} value="reject" /> 却下（サイトが変わり、マニュアルと合っていない）
        </label>
        <label>
          コメント
          <br />
          <textarea aria-label={`コメント ${r.manualId} ${r.project}`} />
        </label>
      </div>
    </article>
  );
};

/** The review page for the records that need a decision (changed or without an approved figure); undefined when none does. */
export function renderReviewPage(records: readonly DriftRecord[], index: ManualIndex): string | undefined {
  const pending = records.filter((r) => r.status !== 'unchanged');
  if (pending.length === 0) return undefined;
  const page = (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>図の確認 — {pending.length} 枚</title>
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <header>
          <h1>図の確認（承認済みの図と変わった図・新しい図 {pending.length} 枚）</h1>
          <label>
            確認者の名前 <input id="reviewer" type="text" autocomplete="name" />
          </label>
          <button id="save" type="button">
            決定を保存
          </button>
          <p id="status" role="status" />
        </header>
        <main>
          {pending.map((record, n) => (
            <Review record={record} index={index} n={n} />
          ))}
        </main>
        <script>{raw(SCRIPT)}</script>
      </body>
    </html>
  );
  return `<!DOCTYPE html>\n${page.toString()}`;
}
