/**
 * What `npm run target:check` prints and writes: one screen a QA engineer reads in ten seconds (the verdict, then
 * the problems with their candidates, then the rest in one line each), and report.md with everything, one table row
 * per entry. Pure: the findings in, text out. Cookie values are never part of a finding, so never printed.
 */
import { counts, type ElementSeen, type Finding, isProblem, type Status, type TargetCheckResult } from './findings.ts';
import type { Change } from './suggest.ts';

const ROLE_NAMES: Record<string, string> = {
  button: 'ボタン',
  link: 'リンク',
  textbox: '入力欄',
  heading: '見出し',
  navigation: 'ナビゲーション',
  menu: 'メニュー',
  menuitem: 'メニュー項目',
  dialog: 'ダイアログ',
  img: '画像',
  region: '領域',
  alert: 'メッセージ',
  summary: '開閉ボタン',
};

export const STATUS_WORDS: Record<Status, string> = {
  found: '見つかりました',
  missing: '見つかりません',
  ambiguous: '複数あります',
  wrong: '問題があります',
  unchecked: '確認できませんでした',
  info: '参考',
};

const MARKS: Record<Status, string> = { found: '✓', missing: '✗', ambiguous: '⚠', wrong: '✗', unchecked: '?', info: '·' };

/** An element in a few words: 「ボタン「ログアウト」 form.inline-form > button.btn.logout 上端 18px」. */
export function describeSeen(seen: ElementSeen | undefined): string {
  if (!seen) return '（なし）';
  const role = ROLE_NAMES[seen.role] ?? seen.role;
  const name = seen.name ? `「${clip(seen.name, 30)}」` : '（名前なし）';
  const top = seen.top !== undefined ? ` 上端 ${seen.top}px` : '';
  return `${role}${name} ${seen.path}${top}${seen.visible ? '' : '（非表示）'}`;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** The verdict line: 「プロファイル hellowork: 19 項目中 17 見つかりました、2 見つかりません」. */
export function verdict(result: TargetCheckResult): string {
  const c = counts(result.findings);
  const rest = (['missing', 'ambiguous', 'wrong', 'unchecked'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${STATUS_WORDS[s]}`);
  return `プロファイル ${result.profileName}: ${c.total} 項目中 ${c.found} 見つかりました${rest.length > 0 ? `、${rest.join('、')}` : ''}`;
}

const cookieLine = (c: TargetCheckResult['cookies'][number]) =>
  `${c.name}（path=${c.path}、domain=${c.domain}、${c.httpOnly ? 'HttpOnly' : 'HttpOnly なし'}、SameSite=${c.sameSite}${c.secure ? '、Secure' : ''}）`;

export interface Files {
  readonly report: string;
  readonly suggested: string;
}

/** The changes the suggestion made to one finding's entry (its spec, or its screen's title). */
const changesFor = (f: Finding, changes: readonly Change[]) =>
  changes.filter(
    (c) =>
      c.entry === f.entry ||
      c.entry === f.fixes ||
      (f.screen && c.entry === `screens.${f.screen.name}.title`) ||
      (f.entry === 'paths.cookieScope' && c.entry === f.entry),
  );

/** The one screen: at most about 40 lines, the verdict first and the problems before what is fine. */
export function formatScreen(result: TargetCheckResult, changes: readonly Change[], files: Files, maxLines = 40): string {
  const problems = result.findings.filter(isProblem);
  const found = result.findings.filter((f) => f.status === 'found');
  const info = result.findings.filter((f) => f.status === 'info');
  const out: string[] = [verdict(result)];

  const tail: string[] = [];
  const cookies = result.cookies;
  if (cookies.length > 0) {
    tail.push(
      `クッキー（ログイン後、値は表示しません）: ${cookies.slice(0, 3).map(cookieLine).join('、')}${cookies.length > 3 ? `、ほか ${cookies.length - 3} 個` : ''}`,
    );
  } else {
    tail.push('クッキー（ログイン後）: なし（ログインできなかったか、クッキーを使わないサイトです）');
  }
  tail.push(`トップ画面のオリジン: ${result.topOrigin}（${result.topOriginSource}）`);
  if (result.logout) {
    tail.push(
      result.logout.url
        ? `ログアウト（--logout）の後の URL: ${result.logout.url}（${result.logout.onTopOrigin ? 'トップ画面のオリジンです' : 'トップ画面のオリジンではありません'}）`
        : `ログアウト（--logout）: ${result.logout.error ?? 'できませんでした'}`,
    );
  }
  tail.push(`レポート: ${files.report}`);
  tail.push(
    changes.length > 0
      ? `提案プロファイル: ${files.suggested}（${changes.length} か所: ${changes.map((c) => c.entry).join('、')}）\n  確かめるには: TARGET_PROFILE=${files.suggested} npm run target:check`
      : `提案プロファイル: ${files.suggested}（変更なし${problems.length > 0 ? ': 候補が一つに絞れる項目がありません' : ''}）`,
  );

  if (problems.length > 0) {
    out.push(`■ 問題のある項目（${problems.length}）`);
    let budget = Math.max(6, maxLines - 4 - tail.length - Math.min(found.length + info.length, 8));
    const lines: string[] = [];
    const told = new Set<Change>();
    // Entries that could not be looked at, one line per reason (a refused login leaves most of them so).
    const unchecked = new Map<string, string[]>();
    for (const f of problems.filter((p) => p.status === 'unchecked')) unchecked.set(f.summary, [...(unchecked.get(f.summary) ?? []), f.entry]);
    const uncheckedLines = [...unchecked].map(
      ([why, entries]) => `${MARKS.unchecked} ${STATUS_WORDS.unchecked}（${entries.length}）: ${clip(entries.join('、'), 120)} — ${clip(why, 80)}`,
    );
    const detailed = problems.filter((p) => p.status !== 'unchecked');
    budget -= uncheckedLines.length;
    for (const f of detailed) {
      const block = [`${MARKS[f.status]} ${f.entry} [${f.where}] ${STATUS_WORDS[f.status]}: ${clip(f.summary, 160)}`];
      if (f.searched && f.status !== 'wrong') block.push(`    探したもの: ${clip(f.searched, 120)}`);
      if (f.status === 'ambiguous') {
        for (const m of f.matches.filter((x) => x.visible).slice(0, 3)) block.push(`    一致: ${describeSeen(m)}`);
      }
      for (const c of f.candidates.slice(0, 3)) {
        block.push(`    候補: ${describeSeen(c)}${c.alternative ? ` → ${JSON.stringify(c.alternative)}` : '（一つに絞れる書き方がありません）'}`);
      }
      if (f.candidates.length > 3) block.push(`    候補はほかに ${f.candidates.length - 3} 個（report.md）`);
      if (f.status === 'missing' && f.candidates.length === 0 && !f.screen?.read.length && f.fixes) block.push('    候補: なし');
      // A change several entries ask for (screenTitle, from every screen) is said once.
      for (const c of changesFor(f, changes).filter((c) => !told.has(c))) {
        told.add(c);
        block.push(`    → 提案（${c.entry}）: ${c.description}`);
      }
      if (lines.length + block.length > budget) {
        lines.push(`  …ほか ${detailed.length - detailed.indexOf(f)} 項目は ${files.report} に`);
        break;
      }
      lines.push(...block);
    }
    // After the problems that caused them (a refused login first, then what it left unchecked).
    out.push(...lines, ...uncheckedLines);
  }

  const room = maxLines - out.length - tail.length - 1;
  out.push(`■ 見つかった項目（${found.length}）`);
  const oneEach = [
    ...found.map((f) => `${MARKS.found} ${f.entry} ${clip(f.summary, 110)}`),
    ...info.map((f) => `${MARKS.info} ${f.entry} ${clip(f.summary, 110)}`),
  ];
  if (oneEach.length <= room) {
    out.push(...oneEach);
  } else {
    // Too many for one screen: their names, wrapped (every detail is in report.md).
    const names = [...found.map((f) => f.entry)];
    let line = `${MARKS.found}`;
    for (const n of names) {
      if ([...line].length + n.length > 100) {
        out.push(line);
        line = ' ';
      }
      line += ` ${n}`;
    }
    out.push(line);
  }
  out.push(...tail);
  return out.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** report.md: everything, one row per entry. */
export function formatMarkdown(result: TargetCheckResult, changes: readonly Change[], files: Files, when: Date = new Date()): string {
  const rows = result.findings.map((f) => {
    const matches = f.matches
      .map(
        (m) =>
          `${ROLE_NAMES[m.role] ?? m.role}「${m.name}」 \`${m.path}\` ${m.top !== undefined ? `上端 ${m.top}px` : '位置なし'} ${m.visible ? '表示' : '非表示'}`,
      )
      .join('<br>');
    const candidates = f.candidates.map((c) => `${describeSeen(c)}${c.alternative ? ` → \`${JSON.stringify(c.alternative)}\`` : ''}`).join('<br>');
    const suggested = changesFor(f, changes)
      .map((c) => `${c.entry}: ${c.description}`)
      .join('<br>');
    return `| ${cell(f.entry)} | ${cell(f.where)} | ${MARKS[f.status]} ${STATUS_WORDS[f.status]} | ${cell(f.summary)} | ${cell(f.searched ?? '')} | ${cell(matches)} | ${cell(candidates)} | ${cell(suggested)} |`;
  });
  const lines = [
    `# target:check — プロファイル ${result.profileName}`,
    '',
    `- 結果: ${verdict(result)}`,
    `- 対象: ${result.target}`,
    `- ${result.origins}`,
    `- プロファイル: ${result.profileSource}`,
    `- 実行: ${when.toISOString()}${result.seconds !== undefined ? `（${result.seconds.toFixed(1)} 秒）` : ''}`,
    '',
    '| 項目 | 画面 | 結果 | 内容 | 探したもの | 一致した要素（役割・名前・CSS パス・上端・表示） | 候補 | 提案 |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## クッキー（ログイン後。値は記録しません）',
    '',
    ...(result.cookies.length > 0
      ? [
          '| 名前 | ドメイン | パス | HttpOnly | Secure | SameSite |',
          '|---|---|---|---|---|---|',
          ...result.cookies.map(
            (c) =>
              `| ${cell(c.name)} | ${cell(c.domain)} | ${cell(c.path)} | ${c.httpOnly ? 'はい' : 'いいえ'} | ${c.secure ? 'はい' : 'いいえ'} | ${c.sameSite} |`,
          ),
        ]
      : ['なし']),
    '',
    '## トップ画面とログアウト',
    '',
    `- トップ画面のオリジン: ${result.topOrigin}（${result.topOriginSource}）`,
    ...(result.logout
      ? [
          result.logout.url
            ? `- ログアウト（--logout）の後の URL: ${result.logout.url}（${result.logout.onTopOrigin ? 'トップ画面のオリジン' : 'トップ画面のオリジン ではない'}）`
            : `- ログアウト（--logout）: ${result.logout.error ?? ''}`,
        ]
      : ['- ログアウトはしていません（--logout を付けると、最後に PC の手順でログアウトします）']),
    '',
    '## 提案プロファイル',
    '',
    `\`${files.suggested}\`: 読み込んだプロファイルの写しで、名前は \`${result.profileName.replace(/-suggested$/, '')}-suggested\`。候補が一つだけの項目にはその候補を先頭の選択肢として加え、画面名が一つだけ読めて設定と合わない画面にはその画面名を加えています。複数ある（曖昧な）項目は変えていません。`,
    '',
    ...(changes.length > 0 ? changes.map((c) => `- ${c.entry}: ${c.description}`) : ['- 変更なし']),
    '',
  ];
  return lines.join('\n');
}
