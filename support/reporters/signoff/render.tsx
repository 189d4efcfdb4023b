/**
 * The sign-off report as one self-contained HTML page (hono/jsx: every text is
 * escaped; images inline as data: URIs; CSS inline; no scripts). Japanese.
 */
import { readFileSync } from 'node:fs';
import { raw } from 'hono/html';
import type { ImageRef } from './collect.ts';
import { BUNDLED_TARGET, formatDuration, formatJst, type RunFacts } from './facts.ts';
import type { Cell, Counts, FailureGroup, Figure, Mark, NoteRow, ProjectView, Report, ScenarioRow, SectionView } from './model.ts';
import type { StepStatus } from './messages.ts';
import { CSS } from './styles.ts';
import { type DriftRecord, percent } from '../../figures/book.ts';
import { driftSummary } from '../../figures/reporter.ts';
import { type Approval, approvalKey } from '../../figures/approvals.ts';

export interface RenderInput {
  readonly title: string;
  readonly report: Report;
  readonly facts: RunFacts;
  /** The transcripts checked against: file, title, the original they transcribe, and the revision (a hash of the file). */
  readonly manuals: readonly { readonly file: string; readonly title: string; readonly source?: string; readonly revision?: string }[];
  readonly generatedAt: Date;
  /** The run's figure comparisons (support/figures/book.ts), when it compared any. */
  readonly drift?: readonly DriftRecord[];
  /** Who approved each compared figure's approved image, by `<manual id> <project>` (support/figures/approvals.ts). */
  readonly approvals?: ReadonlyMap<string, Approval>;
}

const MARKS: Record<Mark | 'skipped', readonly [symbol: string, label: string]> = {
  passed: ['○', '合格'],
  failed: ['×', '不合格'],
  undefined: ['？', '未定義'],
  untested: ['△', '未確認'],
  skipped: ['△', 'スキップ'],
  na: ['―', '対象外'],
};

function markOfStatus(status: StepStatus | undefined): Mark | 'skipped' {
  switch (status) {
    case undefined:
      return 'na';
    case 'PASSED':
      return 'passed';
    case 'UNDEFINED':
      return 'undefined';
    case 'FAILED':
    case 'AMBIGUOUS':
    case 'PENDING':
      return 'failed';
    default:
      return 'skipped';
  }
}

/** The image inline, or undefined when its file cannot be read. */
function dataUri(image: ImageRef): string | undefined {
  try {
    const base64 = image.base64 ?? (image.path ? readFileSync(image.path).toString('base64') : undefined);
    return base64 ? `data:${image.mediaType};base64,${base64}` : undefined;
  } catch {
    return undefined;
  }
}

const MarkBadge = (props: { mark: Mark | 'skipped' }) => {
  const [symbol, label] = MARKS[props.mark];
  return (
    <span class={`mark ${props.mark}`}>
      <span class="sym">{symbol}</span>
      {label}
    </span>
  );
};

const projectLine = (p: ProjectView) => [p.kind, p.device, p.browser, p.viewport, p.touch ? 'タッチ操作' : undefined].filter(Boolean).join('・');

const CountsLine = (props: { label: string; counts: Counts; skippedLabel: string }) => (
  <div>
    {props.label}: 合格 {props.counts.passed}・不合格 {props.counts.failed}・{props.skippedLabel} {props.counts.skipped}（全 {props.counts.total} 件）
  </div>
);

const VERDICT_WORD: Record<Report['verdict']['status'], string> = { passed: '合格', failed: '不合格', partial: '一部のみ確認' };

/** The verdict in one word, with the figures to update when there are any (e.g. 合格（図の更新 8 枚）). */
export function verdictWord(report: Report, drift: readonly DriftRecord[] = []): string {
  const toUpdate = drift.filter((r) => r.status !== 'unchanged').length;
  return `${VERDICT_WORD[report.verdict.status]}${toUpdate > 0 ? `（図の更新 ${toUpdate} 枚）` : ''}`;
}

/** What a reader must know before reading the verdict: what was checked, and whether the site was broken on purpose. */
const Banners = (props: { facts: RunFacts }) => {
  const { facts } = props;
  return (
    <div class="banners">
      {facts.deviations && facts.deviations.length > 0 ? (
        <p class="banner deviation" data-banner="deviations">
          試験用の実行です（本番の確認ではありません）: 参照アプリにわざと入れた逸脱 {facts.deviations.join('、')}（DEVIATIONS）で確かめています。
        </p>
      ) : null}
      {facts.target === BUNDLED_TARGET ? (
        <p class="banner bundled" data-banner="bundled">
          確認対象は同梱の参照アプリです（実サイトではありません）。実サイトは TARGET_URL を設定して確かめます。
        </p>
      ) : (
        <p class="banner target" data-banner="target">
          確認対象: {facts.target}
        </p>
      )}
    </div>
  );
};

const Head = (props: { input: RenderInput }) => {
  const { report, facts, title } = props.input;
  const { verdict } = report;
  const cls = { passed: 'ok', failed: 'ng', partial: 'partial' }[verdict.status];
  return (
    <header class="head">
      <Banners facts={facts} />
      <div class="title">
        <p class="kicker">マニュアル適合確認 サインオフ報告書</p>
        <h1>{title}</h1>
        <p class="muted">
          確認対象: {facts.target}
          {facts.startedAt ? `　実行: ${formatJst(facts.startedAt)}` : ''}
        </p>
      </div>
      <div class={`verdict ${cls}`} data-verdict={verdict.status}>
        <div class="small">総合判定</div>
        <div class="word">{verdictWord(report, props.input.drift)}</div>
        <div class="counts">
          <CountsLine label="シナリオ" counts={report.scenarioCounts} skippedLabel="スキップ" />
          <CountsLine label="手順×端末" counts={report.sentenceCounts} skippedLabel="未確認" />
        </div>
        {props.input.drift && props.input.drift.length > 0 ? (
          <div class="drift-line" data-drift={props.input.drift.filter((r) => r.status !== 'unchanged').length}>
            {driftSummary(props.input.drift)}
          </div>
        ) : null}
        {verdict.reasons.length > 0 ? (
          <ul>
            {verdict.reasons.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        ) : null}
        {verdict.notConfirmed.length > 0 ? (
          <div class="not-confirmed" data-not-confirmed={verdict.notConfirmed.length}>
            確認していないもの:
            <ul>
              {verdict.notConfirmed.map((r) => (
                <li>{r}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {report.notes.length > 0 ? <div class="notes-line">マニュアルへの注記: {report.notes.length} 件（「マニュアルへの注記」の節）</div> : null}
      </div>
    </header>
  );
};

const Facts = (props: { input: RenderInput }) => {
  const { facts, report, manuals } = props.input;
  const { startedAt, finishedAt } = facts;
  return (
    <section>
      <h2>実行の概要</h2>
      <table class="facts">
        <tbody>
          <tr>
            <th>確認対象</th>
            <td>{facts.target}</td>
          </tr>
          <tr>
            <th>実行日時</th>
            <td>
              {startedAt ? formatJst(startedAt) : '（記録なし）'}
              {finishedAt ? ` 〜 ${formatJst(finishedAt)}` : ''}
              {startedAt && finishedAt ? `（所要 ${formatDuration(finishedAt.getTime() - startedAt.getTime())}）` : ''}
            </td>
          </tr>
          <tr>
            <th>端末とブラウザー</th>
            <td>
              <ul>
                {report.projects.map((p) => (
                  <li>
                    <strong>{p.name || '（既定のプロジェクト）'}</strong>: {projectLine(p)}
                  </li>
                ))}
              </ul>
              {facts.chromium ? (
                <span class="small muted">
                  Chromium {facts.chromium.version}（{facts.chromium.source}
                  {facts.chromium.package ? ` ${facts.chromium.package}` : ''}: {facts.chromium.path}）
                  {facts.chromium.font ? `、日本語フォント ${facts.chromium.font.family}（${facts.chromium.font.source}: ${facts.chromium.font.from}）` : ''}
                </span>
              ) : null}
            </td>
          </tr>
          <tr>
            <th>テストスイート</th>
            <td>
              {facts.suite.name} {facts.suite.version}
              {facts.commit ? `・コミット ${facts.commit.hash}${facts.commit.dirty ? '（コミットされていない変更あり）' : ''}` : '・コミット（git の情報なし）'}
            </td>
          </tr>
          <tr>
            <th>マニュアル</th>
            <td>
              {manuals.map((m) => (
                <div data-manual-revision={m.revision}>
                  「{m.title}」（{m.file}
                  {m.revision ? `・版 ${m.revision}` : ''}）{m.source ? <div class="small muted">{m.source}</div> : null}
                </div>
              ))}
            </td>
          </tr>
          {facts.runner || facts.platform ? (
            <tr>
              <th>実行環境</th>
              <td>{[facts.runner, facts.platform].filter(Boolean).join('・')}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
};

const CellView = (props: { cell: Cell | undefined; id: string; project: string }) => {
  const { cell, id, project } = props;
  if (!cell) return <td class="cell" data-id={id} data-project={project} />;
  const parts = [cell.passed ? `合格 ${cell.passed}` : '', cell.failed ? `不合格 ${cell.failed}` : '', cell.skipped ? `未実行 ${cell.skipped}` : ''].filter(
    Boolean,
  );
  return (
    <td class="cell" data-id={id} data-project={project} data-mark={cell.mark}>
      <MarkBadge mark={cell.mark} />
      {cell.mark !== 'na' && parts.length > 0 ? (
        <span class="num">
          {cell.via === 'scenarios' ? 'シナリオ ' : ''}
          {parts.join('・')}
        </span>
      ) : null}
    </td>
  );
};

const ProjectHeads = (props: { projects: readonly ProjectView[] }) => (
  <>
    {props.projects.map((p) => (
      <th class="proj">
        {p.name || '既定'}
        <span class="kind">{[p.kind, p.device].filter(Boolean).join('・')}</span>
      </th>
    ))}
  </>
);

const Matrix = (props: { sections: readonly SectionView[]; projects: readonly ProjectView[] }) => (
  <section>
    <h2>マニュアルの手順ごとの結果</h2>
    <table class="matrix">
      <thead>
        <tr>
          <th>手順</th>
          <th>マニュアルの記述</th>
          <ProjectHeads projects={props.projects} />
        </tr>
      </thead>
      <tbody>
        {props.sections.map((s) => (
          <>
            <tr class="sec">
              <td colspan={2 + props.projects.length}>
                {s.section.id} {s.section.title}
              </td>
            </tr>
            {s.rows.map((row) => (
              <tr>
                <td class="id">{row.sentence.id}</td>
                <td>{row.sentence.text}</td>
                {props.projects.map((p) => (
                  <CellView cell={row.cells.get(p.name)} id={row.sentence.id} project={p.name} />
                ))}
              </tr>
            ))}
          </>
        ))}
      </tbody>
    </table>
    <p class="legend">
      <MarkBadge mark="passed" /> 画面がマニュアルのとおり　
      <MarkBadge mark="failed" /> マニュアルと違う　
      <MarkBadge mark="untested" /> 確認できていない（前の手順で止まった・スキップ）　
      <MarkBadge mark="undefined" /> 手順の定義がない　
      <MarkBadge mark="na" /> この端末の手順ではない。数字は実行した回数（画面の例ごと）。「シナリオ」は、手順を直接引用せずシナリオ全体で確かめたもの。
    </p>
  </section>
);

const WHEN: Record<Figure['when'], string> = { before: '操作前の画面', after: '手順後の画面', failure: '不合格時の画面' };

const FigureView = (props: { figure: Figure; project?: ProjectView }) => {
  const src = dataUri(props.figure.image);
  const { figure, project } = props;
  const caption = `${figure.project || '既定'}・${WHEN[figure.when]}`;
  if (!src)
    return (
      <p class="noimg">
        画面の画像を読めませんでした（{caption}・シナリオ「{figure.scenario}」）
      </p>
    );
  return (
    <figure class={project?.deviceClass ?? ''}>
      <img src={src} alt={`${caption}（${figure.step}）`} />
      <figcaption>
        <strong>{caption}</strong>
        <br />
        シナリオ「{figure.scenario}」
      </figcaption>
    </figure>
  );
};

const FailureView = (props: { group: FailureGroup; project?: ProjectView }) => {
  const { group, project } = props;
  const f = group.failure;
  const quoted = f.quoted ?? group.sentence?.text;
  return (
    <article class="failure" data-project={group.project} data-ref={f.ref ?? ''}>
      <h3>
        <MarkBadge mark="failed" /> {f.headline}
      </h3>
      <p class="small muted">
        {group.project || '既定'}
        {project ? `（${projectLine(project)}）` : ''}・{group.occurrences.length} か所
      </p>
      <div class="two">
        <div class="manual">
          <h4>{f.quotedLabel ?? (quoted ? 'マニュアルの記述' : '内容')}</h4>
          {quoted ? <blockquote>「{quoted}」</blockquote> : <p>{f.headline}</p>}
          {f.expected ? (
            <>
              <h4 style="margin-top:8px">確認した内容</h4>
              <p>{f.expected}</p>
            </>
          ) : null}
        </div>
        <div class="actual">
          <h4>実際の画面</h4>
          {f.shows ? <p class="shows">{f.shows}</p> : <p class="muted small">（画面の説明はありません。下の詳細を参照）</p>}
          {group.figure ? <FigureView figure={group.figure} project={project} /> : <p class="noimg">この時点の画面の画像はありません</p>}
        </div>
      </div>
      <ol>
        {group.occurrences.map((o) => (
          <li>
            シナリオ「{o.scenario}」の手順「{o.step}」
          </li>
        ))}
      </ol>
      {f.detail ? <pre class="detail">{f.detail}</pre> : null}
    </article>
  );
};

const Failures = (props: { failures: readonly FailureGroup[]; projects: readonly ProjectView[] }) => {
  const byName = new Map(props.projects.map((p) => [p.name, p]));
  return (
    <section class="details">
      <h2>不合格の内容（マニュアルの記述 / 実際の画面）</h2>
      {props.failures.length === 0 ? <p>不合格はありません。</p> : props.failures.map((g) => <FailureView group={g} project={byName.get(g.project)} />)}
    </section>
  );
};

const Sentences = (props: { sections: readonly SectionView[]; projects: readonly ProjectView[] }) => {
  const byName = new Map(props.projects.map((p) => [p.name, p]));
  return (
    <section class="details">
      <h2>マニュアルの記述と画面</h2>
      <p class="small muted">
        各手順の文と、端末ごとに一枚の画面。クリック・タップの手順は操作前の画面、それ以外は手順後の画面です（不合格のときは、不合格になった時点の画面）。
      </p>
      {props.sections.map((s) => (
        <>
          <h3>
            {s.section.id} {s.section.title}
          </h3>
          {s.rows.map((row) => {
            const figures = props.projects.flatMap((p) => {
              const figure = row.cells.get(p.name)?.figure;
              return figure ? [{ figure, project: p }] : [];
            });
            return (
              <article class="sentence" data-id={row.sentence.id}>
                <div class="sid">{row.sentence.id}</div>
                <blockquote>{row.sentence.text}</blockquote>
                <ul class="chips">
                  {props.projects.map((p) => {
                    const cell = row.cells.get(p.name);
                    if (!cell || cell.mark === 'na') return null;
                    return (
                      <li>
                        <MarkBadge mark={cell.mark} /> {p.name}
                        {cell.note ? <span class="muted">（{cell.note}）</span> : null}
                      </li>
                    );
                  })}
                </ul>
                {row.scenarios.length > 0 ? <p class="small muted">確かめたシナリオ: {row.scenarios.map((n) => `「${n}」`).join('')}</p> : null}
                {figures.length > 0 ? (
                  <div class="figs">
                    {figures.map(({ figure, project }) => (
                      <FigureView figure={figure} project={byName.get(project.name)} />
                    ))}
                  </div>
                ) : null}
              </article>
            );
          })}
        </>
      ))}
    </section>
  );
};

const Scenarios = (props: { rows: readonly ScenarioRow[]; projects: readonly ProjectView[] }) => (
  <section>
    <h2>シナリオ別の結果</h2>
    <table class="scenarios">
      <thead>
        <tr>
          <th>機能 / シナリオ</th>
          <ProjectHeads projects={props.projects} />
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td>
              <span class="small muted">
                {row.featureName}
                {row.inManual ? '' : '（マニュアルの範囲外の確認）'}
              </span>
              <br />
              {row.name}
            </td>
            {props.projects.map((p) => (
              <td class="cell" data-project={p.name} data-status={row.statuses.get(p.name) ?? ''}>
                <MarkBadge mark={markOfStatus(row.statuses.get(p.name))} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

/** 図の更新が必要な箇所: the published figures that no longer match (or have no) approved figure, side by side. */
/** マニュアルへの注記: where the site matched the manual only after allowing for something the writer may want to mention. */
const Notes = (props: { notes: readonly NoteRow[] }) =>
  props.notes.length === 0 ? null : (
    <section class="notes">
      <h2>マニュアルへの注記</h2>
      <p class="small muted">画面はマニュアルのとおりでしたが、書き手が書き添えたほうがよいかもしれない点です（判定には影響しません）。</p>
      <ul>
        {props.notes.map((n) => (
          <li data-note-ref={n.ref ?? ''}>
            {n.ref ? <strong>{n.ref}</strong> : null} {n.text}
            <span class="small muted">
              （{n.projects.join('、')}
              {n.scenario ? `・シナリオ「${n.scenario}」` : ''}）
            </span>
          </li>
        ))}
      </ul>
    </section>
  );

/** Who approved a figure's approved image, or that it waits for a decision. */
function approvalLine(r: DriftRecord, approval: Approval | undefined): string {
  if (r.status !== 'unchanged') return r.status === 'changed' ? '承認待ち（今回の図は承認済みの図と違います）' : '承認待ち（承認済みの図がありません）';
  if (!approval) return '承認済み（承認者の記録なし: approvals.json より前の承認）';
  return `承認済み: ${approval.approvedBy}（${formatJst(new Date(approval.approvedAt))}${approval.manualRevision ? `・マニュアルの版 ${approval.manualRevision}` : ''}）${approval.comment ? `「${approval.comment}」` : ''}`;
}

const FigureDrift = (props: { records: readonly DriftRecord[]; approvals: ReadonlyMap<string, Approval> }) => {
  if (props.records.length === 0) return null;
  const findings = props.records.filter((r) => r.status !== 'unchanged');
  return (
    <section class="figure-drift">
      <h2>図の更新が必要な箇所</h2>
      <p>{driftSummary(props.records)}</p>
      <table class="approvals">
        <thead>
          <tr>
            <th>手順</th>
            <th>端末</th>
            <th>図の承認</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((r) => (
            <tr data-approval={`${r.manualId} ${r.project}`}>
              <td>
                {r.manualId} {r.caption}
              </td>
              <td>{r.project}</td>
              <td>{approvalLine(r, props.approvals.get(approvalKey(r.manualId, r.project)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {findings.length > 0 ? (
        <>
          <p class="small muted">
            シナリオの合否とは別の、マニュアルを書く人への指摘です。並べた図は左から「承認済み」「今回（変わった範囲を橙色の枠）」「差分（赤が変わった画素）」。今回の図でよければ
            図の確認ページ（<a href="../figures/review.html">reports/figures/review.html</a>）で承認・却下し、
            {'npm run figures:approve -- --from <保存したファイル>'} で承認済みの図を置き換えます。
          </p>
          {findings.map((r) => {
            const image = r.sideBySide ? dataUri({ mediaType: 'image/png', path: r.sideBySide }) : undefined;
            return (
              <article class="drift" data-id={r.manualId} data-project={r.project} data-status={r.status}>
                <h3>
                  {r.manualId} {r.caption}（{r.project}）
                </h3>
                <p>
                  {r.status === 'changed'
                    ? `承認済みの図と ${percent(r.ratio)} の画素が違います（許容 ${percent(r.tolerance)}）${r.sizes ? `。図の大きさ ${r.sizes.approved} → ${r.sizes.fresh}` : ''}。`
                    : `承認済みの図がありません（${r.approved}）。`}
                </p>
                {image ? <img src={image} alt={`${r.manualId} ${r.project} の承認済みの図・今回の図・差分`} /> : null}
              </article>
            );
          })}
        </>
      ) : null}
    </section>
  );
};

const SignOff = () => (
  <section class="signoff">
    <h2>サインオフ</h2>
    <p class="small muted">上の判定と、次ページ以降の詳細（不合格の内容、マニュアルの記述と画面、シナリオ別の結果）を確認のうえ、記入してください。</p>
    <table class="signoff">
      <thead>
        <tr>
          <th>確認者（氏名・印）</th>
          <th>日付</th>
          <th>承認（氏名・印）</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td class="box" />
          <td class="box date">年　　　月　　　日</td>
          <td class="box" />
        </tr>
        <tr>
          <th colspan={3} style="text-align:left">
            備考
          </th>
        </tr>
        <tr>
          <td class="notes" colspan={3} />
        </tr>
      </tbody>
    </table>
  </section>
);

const Document = (props: { input: RenderInput }) => {
  const { input } = props;
  const { report } = input;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>サインオフ報告書 — {input.title}</title>
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <Head input={input} />
        <Facts input={input} />
        <Matrix sections={report.sections} projects={report.projects} />
        <SignOff />
        <Failures failures={report.failures} projects={report.projects} />
        <Notes notes={report.notes} />
        <FigureDrift records={input.drift ?? []} approvals={input.approvals ?? new Map()} />
        <Sentences sections={report.sections} projects={report.projects} />
        <Scenarios rows={report.scenarios} projects={report.projects} />
        <footer>
          {formatJst(input.generatedAt)} に作成（support/reporters/signoff）。画面の画像は、テストが各手順の後に撮ったもの（添付「画面: 手順の文」）です。
        </footer>
      </body>
    </html>
  );
};

export function renderHtml(input: RenderInput): string {
  const html = (<Document input={input} />).toString();
  if (typeof html !== 'string') throw new Error('signoff: the report rendered asynchronously (an async component?)');
  return `<!DOCTYPE html>\n${html}`;
}
