/**
 * The browser work of `npm run target:check`: with the suite's configuration, browser contexts and page objects,
 * log in as the suite does (PC and smart device), visit the top page and every configured My Page screen, and say
 * for every profile entry what its locator finds. Read-only but for the login form (and, with `logout: true`, the
 * PC logout at the end): no other form is submitted, nothing is typed anywhere else.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { LoginPage } from '../../pages/LoginPage.ts';
import { HOME_SCREEN, MyPage } from '../../pages/MyPage.ts';
import { TopPage } from '../../pages/TopPage.ts';
import { navigatingBy, press } from '../../pages/interact.ts';
import { describeScreen, visibleControls } from '../../pages/observe.ts';
import type { BlockEntryLook } from '../../steps/define.ts';
import { ENTRY_WORDS, PROFILE_BLOCKS } from '../../steps/index.ts';
import { newScenarioContext } from '../../support/browser.ts';
import type { SuiteConfig } from '../../support/config.ts';
import { chromiumProfile } from '../../support/devices.ts';
import { anyOf, describeSpec, folded, type LocatorSpec, locate, locateAll, locateReading, textMatcher } from '../../support/target-profile.ts';
import type { Alternative, Candidate, CookieSeen, Finding, LogoutSeen, SpecEntry, Status } from './findings.ts';
import { describeSeen } from './format.ts';
import { controlsNamed, fieldsOf, type NameRule, nameMatches, type Picked, seeAll, see, textsContaining, textsShaped, withAlternative } from './look.ts';

/** The sections' words for the top page's entries, merged (steps/define.ts EntryWords); each must be declared. */
function entryWords() {
  const merged = Object.assign({}, ...ENTRY_WORDS) as (typeof ENTRY_WORDS)[number];
  const need = <T>(key: keyof typeof merged, value: T | undefined): T => {
    if (value === undefined) throw new Error(`target:check: no section declares the word for "${key}" (steps/<section>/*.steps.ts, defineEntryWords)`);
    return value;
  };
  return { topSections: need('topSections', merged.topSections), topOther: need('topOther', merged.topOther) };
}
const SECTION_WORDS = entryWords();

/** ログイン: the login screen's button, which the precondition 「ログインしている」 presses (matched after NFKC). */
export const WORDS = { login: { word: 'ログイン', whole: true } } as const satisfies Record<string, NameRule>;

/** Login field candidates: the visible text and password inputs. */
const ID_FIELDS = 'input[type="text"], input[type="email"], input:not([type])';
const PASSWORD_FIELDS = 'input[type="password"]';

const PC = chromiumProfile('pc-chromium');
const SP = chromiumProfile('sp-android');

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0] ?? '';

interface Look {
  readonly entry: string;
  readonly where: string;
  /** The entry names one control: more than one visible match is ambiguous. */
  readonly single: boolean;
  readonly candidates?: () => Promise<Picked[]>;
  /** What the suite's locator takes with an alternative prepended (default: locate(root, [alt, ...spec])). */
  readonly takes?: (alternative: Alternative) => Locator;
  readonly fixes?: SpecEntry;
  /** The manual's word the control should carry: said when the found one carries another, or none has it. */
  readonly name?: NameRule;
}

/** What an entry's locator matches now; for nothing visible, the candidates and what to use instead (one candidate). */
async function lookAt(root: Page | Locator, spec: LocatorSpec, look: Look): Promise<{ finding: Finding; use?: Locator }> {
  const all = locateAll(root, spec);
  const visible = await all.filter({ visible: true }).count();
  const matches = await seeAll(all);
  const status: Status = visible === 0 ? 'missing' : visible > 1 && look.single ? 'ambiguous' : 'found';
  let use: Locator | undefined = visible > 0 ? locate(root, spec) : undefined;
  const candidates: Candidate[] = [];
  if (status === 'missing' && look.candidates) {
    const picked = await look.candidates();
    const takes = look.takes ?? ((alt: Alternative) => locate(root, [alt, ...spec]));
    for (const p of picked) candidates.push(await withAlternative(p, takes, look.name ? { word: look.name.word } : {}));
    if (picked.length === 1 && picked[0]?.element) use = picked[0].element;
  }
  const first = matches.find((m) => m.visible);
  const hidden = matches.length - matches.filter((m) => m.visible).length;
  let summary =
    status === 'found'
      ? describeSeen(first)
      : status === 'ambiguous'
        ? `${visible} 個が表示されています（スイートは文書順で最初の ${describeSeen(first)} を使います）`
        : hidden > 0
          ? `一致した ${hidden} 個はどれも表示されていません`
          : '一致する要素がありません';
  const word = look.name;
  if (word && first && status !== 'missing' && !nameMatches(word, first.name)) {
    summary += `。名前がマニュアルの「${word.word}」ではありません（スイートではその手順が赤になります）`;
  }
  if (word && status === 'missing' && candidates.length === 0) summary += `。「${word.word}」という名前の操作部品は画面にありません`;
  return {
    finding: {
      entry: look.entry,
      where: look.where,
      status,
      summary,
      searched: describeSpec(spec),
      matches,
      candidates,
      ...(look.fixes ? { fixes: look.fixes } : {}),
    },
    ...(use ? { use } : {}),
  };
}

const unchecked = (entry: string, where: string, why: string, searched?: LocatorSpec): Finding => ({
  entry,
  where,
  status: 'unchecked',
  summary: why,
  ...(searched ? { searched: describeSpec(searched) } : {}),
  matches: [],
  candidates: [],
});

interface LoggedIn {
  readonly ok: boolean;
  /** Why not, for the entries that could not be looked at. */
  readonly reason?: string;
  readonly findings: Finding[];
}

/**
 * Logs in as the suite's precondition does (steps/mypage.steps.ts): the login screen, each field where the profile
 * says it is, fill, press ログイン and wait for the next screen. A field the profile does not find is replaced by
 * its single candidate, if it has one, so that the rest can still be looked at.
 */
async function logIn(page: Page, suite: SuiteConfig, device: string, on: Device): Promise<LoggedIn> {
  const site = suite.hellowork;
  const profile = site.profile;
  const action = suite.timeouts.action;
  const where = `${device} ログイン画面`;
  const login = new LoginPage(page, site);
  const findings: Finding[] = [];
  const entries = ['login.id', 'login.password', 'login.submit', ...blockEntries('login')];
  try {
    await login.goto();
  } catch (error) {
    const why = `ログイン画面（${site.loginURL}）を開けません: ${firstLine(error)}`;
    return { ok: false, reason: why, findings: entries.map((e) => unchecked(e, where, why)) };
  }
  // The form may be drawn after the load: wait (at most the action timeout) for any of its parts.
  await locateAll(page, [...profile.login.id, ...profile.login.password, ...profile.login.submit])
    .filter({ visible: true })
    .first()
    .waitFor({ timeout: action })
    .catch(() => {});
  const id = await lookAt(page, profile.login.id, { entry: 'login.id', where, single: true, candidates: () => fieldsOf(page, ID_FIELDS), fixes: 'login.id' });
  const password = await lookAt(page, profile.login.password, {
    entry: 'login.password',
    where,
    single: true,
    candidates: () => fieldsOf(page, PASSWORD_FIELDS),
    fixes: 'login.password',
  });
  const submit = await lookAt(page, profile.login.submit, {
    entry: 'login.submit',
    where,
    single: true,
    candidates: () => controlsNamed(page, WORDS.login),
    fixes: 'login.submit',
    name: WORDS.login,
  });
  // The sections' entries on the login screen (e.g. the entry of a login through another service).
  const sections = on === 'pc' ? await lookAtBlocks(page, suite, 'login', where, false) : { findings: [] };
  findings.push(id.finding, password.finding, submit.finding, ...sections.findings);
  if (!id.use || !password.use || !submit.use) {
    const lacking = [id, password, submit].filter((f) => !f.use).map((f) => f.finding.entry);
    return { ok: false, reason: `ログインできませんでした（${lacking.join('、')} が見つからず、候補も一つに絞れません）`, findings };
  }
  const operation = (summary: string): Finding => ({ entry: 'ログイン（操作）', where, status: 'wrong', summary, matches: [], candidates: [] });
  try {
    await id.use.fill(suite.account.loginId, { timeout: action });
    await password.use.fill(suite.account.password, { timeout: action });
    const pressed = submit.use;
    await navigatingBy(page, () => pressed.click({ timeout: action }), action);
  } catch (error) {
    const why = `ログインを押しても次の画面になりません: ${firstLine(error)} ${await describeScreen(page, profile.screenTitle, '画面')}`;
    findings.push(operation(why));
    return { ok: false, reason: 'ログインできませんでした', findings };
  }
  const extra = await login.extraStepShown();
  if (extra) {
    findings.push({
      entry: `login.extraSteps[${extra.index}]`,
      where: `${device} ログインの後`,
      status: 'wrong',
      summary: `「${extra.name}」の入力画面が表示されました。スイートは入力できません: 「${extra.name}」を求めない試験用アカウントを LOGIN_ID / LOGIN_PASSWORD に`,
      matches: [],
      candidates: [],
    });
    return { ok: false, reason: `ログインの後に「${extra.name}」の入力画面が表示されました`, findings };
  }
  if (login.error && (await login.error.isVisible())) {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen
    const text = (await login.error.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
    findings.push({
      entry: 'login.error',
      where: `${device} ログインの後`,
      status: 'wrong',
      summary: `ログインが拒否されました: 「${text}」（LOGIN_ID / LOGIN_PASSWORD を確かめてください）`,
      searched: describeSpec(profile.login.error ?? []),
      matches: await seeAll(locateAll(page, profile.login.error ?? [])),
      candidates: [],
    });
    return { ok: false, reason: 'ログインが拒否されました', findings };
  }
  if (await password.use.isVisible()) {
    findings.push(operation(`ログインを押した後もパスワードの入力欄が表示されています。${await describeScreen(page, profile.screenTitle, '画面')}`));
    return { ok: false, reason: 'ログインできませんでした（ログイン画面のまま）', findings };
  }
  for (const [index, step] of profile.login.extraSteps.entries()) {
    findings.push({
      entry: `login.extraSteps[${index}]`,
      where: `${device} ログインの後`,
      status: 'info',
      summary: `「${step.name}」の入力画面は表示されませんでした`,
      searched: describeSpec(step.detect),
      matches: [],
      candidates: [],
    });
  }
  findings.push({
    entry: 'login.error',
    where: `${device} ログインの後`,
    status: 'info',
    summary: profile.login.error ? '表示されていません（ログインできたため。誤ったパスワードは試しません）' : 'プロファイルにありません',
    ...(profile.login.error ? { searched: describeSpec(profile.login.error) } : {}),
    matches: [],
    candidates: [],
  });
  return { ok: true, findings };
}

/** The PC context's cookies, without values. */
const cookiesOf = async (context: BrowserContext): Promise<CookieSeen[]> =>
  (await context.cookies()).map((c) => ({ name: c.name, domain: c.domain, path: c.path, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite }));

/** The screen a My Page check starts from: the manual's home screen when configured, else the first one. */
const homeOf = (suite: SuiteConfig): string =>
  HOME_SCREEN in suite.hellowork.screens ? HOME_SCREEN : (Object.keys(suite.hellowork.screens)[0] ?? HOME_SCREEN);

/** Every configured My Page screen: status, the title as screenTitle reads it, and whether a configured title matches. */
async function lookAtScreens(page: Page, suite: SuiteConfig): Promise<{ findings: Finding[]; loggedOutOn: string[] }> {
  const site = suite.hellowork;
  const profile = site.profile;
  const action = suite.timeouts.action;
  const myPage = new MyPage(page, site);
  const findings: Finding[] = [];
  const loggedOutOn: string[] = [];
  for (const [name, screen] of Object.entries(site.screens)) {
    const fromProfile = screen.from === 'profile';
    const base = { name, url: screen.url, titles: screen.titles, setting: screen.entry, fromProfile };
    const where = `PC「${name}」`;
    let httpStatus: number | undefined;
    try {
      httpStatus = (await myPage.open(name))?.status();
    } catch (error) {
      findings.push({
        entry: `screens.${name}`,
        where,
        status: 'missing',
        summary: `開けません: ${firstLine(error)}`,
        matches: [],
        candidates: [],
        screen: { ...base, read: [] },
      });
      continue;
    }
    const titleElements = locateAll(page, profile.screenTitle).filter({ visible: true });
    await titleElements
      .first()
      .waitFor({ timeout: action })
      .catch(() => {});
    const read = (await titleElements.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const matched = await myPage.screenTitle(name).isVisible();
    const matches = await seeAll(locateAll(page, profile.screenTitle));
    const http = httpStatus !== undefined ? `HTTP ${httpStatus}` : 'HTTP ?';
    if (await locate(page, profile.loggedOut).isVisible()) loggedOutOn.push(name);
    const configured = screen.titles.map((t) => `「${t}」`).join('');
    let status: Status = matched ? 'found' : 'missing';
    let summary = matched ? `画面名${read.map((t) => `「${t}」`).join('')}（${http}）` : '';
    const candidates: Candidate[] = [];
    if (httpStatus !== undefined && httpStatus >= 400) {
      status = 'missing';
      summary = `${http} が返りました（アドレス ${screen.url} を ${screen.entry} で確かめてください）`;
    } else if (!matched && read.length > 0) {
      summary = `画面名${read.map((t) => `「${t}」`).join('')}は設定の${configured}と一致しません（${http}）`;
      // TARGET_MYPAGE_SCREENS replaces the profile's screens: the suggested profile cannot repair it, the variable can.
      if (!fromProfile && new Set(read).size === 1) summary += `。${screen.entry} の title に「${read[0]}」を加えてください`;
    } else if (!matched) {
      summary = `screenTitle に当たる表示がありません（${http}）`;
      const words = [name, ...screen.titles];
      for (const picked of await textsContaining(page, words)) {
        const text = folded(picked.seen.name);
        const reading = [...screen.titles, text];
        candidates.push(await withAlternative(picked, (alt) => locateReading(page, [alt, ...profile.screenTitle], reading), { named: false }));
      }
    }
    findings.push({
      entry: `screens.${name}`,
      where,
      status,
      summary,
      searched: `screenTitle: ${describeSpec(profile.screenTitle)}`,
      matches,
      candidates,
      ...(status === 'missing' && read.length === 0 && httpStatus !== undefined && httpStatus < 400 ? { fixes: 'screenTitle' as const } : {}),
      screen: { ...base, ...(httpStatus !== undefined ? { httpStatus } : {}), read },
    });
  }
  return { findings, loggedOutOn };
}

/** On the home screen: the PC logout control and the user's name. */
async function lookAtHome(page: Page, suite: SuiteConfig): Promise<{ findings: Finding[]; logout?: Locator }> {
  const site = suite.hellowork;
  const profile = site.profile;
  const home = homeOf(suite);
  const myPage = new MyPage(page, site);
  await myPage.open(home);
  const where = `PC「${home}」`;
  let user: Finding;
  const name = suite.account.name;
  if (name) {
    const text = profile.userName.replace('{name}', name);
    const shown = page.getByText(text).filter({ visible: true });
    const count = await shown.count();
    const first = count > 0 ? await see(shown.first()) : undefined;
    user = {
      entry: 'userName',
      where,
      status: count > 0 ? 'found' : 'missing',
      summary: count > 0 ? `「${text}」（${count} か所。最初: ${describeSeen(first)}）` : `「${text}」が表示されていません`,
      searched: `文字「${profile.userName}」（{name} = ${name}）`,
      matches: first ? [first] : [],
      candidates: [],
    };
  } else {
    const shaped = await textsShaped(page, profile.userName);
    user = {
      entry: 'userName',
      where,
      status: shaped.length > 0 ? 'found' : 'missing',
      summary:
        shaped.length > 0
          ? `アカウントの名前は設定にないため「${profile.userName}」の形の表示を探しました: ${shaped.map((s) => `「${s.text}」（${s.count} か所）`).join('')}`
          : `「${profile.userName}」の形の表示がありません（アカウントの名前は設定にないため形で探しました）`,
      searched: `文字「${profile.userName}」`,
      matches: [],
      candidates: [],
    };
  }
  // The sections' entries after the name: a section's look may leave the screen (a link it presses).
  const blocks = await lookAtBlocks(page, suite, 'pc', where, false, () => myPage.open(home).then(() => {}));
  return { findings: [...blocks.findings, user], ...(blocks.logout ? { logout: blocks.logout } : {}) };
}

/** The profile entries the sections look for on a device (steps/define.ts defineProfileBlock), as profile paths. */
const blockEntries = (on: Device): string[] => PROFILE_BLOCKS.flatMap(({ block, looks }) => looks.filter((l) => l.on === on).map((l) => block.path(l.key)));

/** Where the sections' entries are looked for: the login screen, or My Page on a PC or a smart device. */
type Device = BlockEntryLook['on'];

interface LookedEntry {
  readonly use?: Locator;
  /** What the entry's locator takes (visible or not): the root of an entry searched inside it. */
  readonly located: Locator;
  readonly where: string;
}

/**
 * The sections' block entries on one screen, looked at in the order each section declares them: an entry `after`
 * another is looked at once that one has been pressed (e.g. a menu's panel); an entry `within` another, inside what
 * that one found. The control that logs out is returned for --logout.
 */
async function lookAtBlocks(
  page: Page,
  suite: SuiteConfig,
  on: Device,
  where: string,
  touch: boolean,
  /** Back to the screen the looks start from, before each section's after the first (a section's look may leave it). */
  reset?: () => Promise<void>,
): Promise<{ findings: Finding[]; logout?: Locator }> {
  const profile = suite.hellowork.profile;
  const action = suite.timeouts.action;
  const findings: Finding[] = [];
  let logout: Locator | undefined;
  let first = true;
  for (const { block, looks } of PROFILE_BLOCKS) {
    const values = block.of(profile) as Record<string, LocatorSpec>;
    const mine = looks.filter((l) => l.on === on);
    if (mine.length === 0) continue;
    if (!first) await reset?.();
    first = false;
    const seen = new Map<string, LookedEntry>();
    const nameOf = (key: string) => {
      const word = looks.find((l) => l.key === key)?.word?.word;
      return word ? `「${word}」（${block.path(key)}）` : block.path(key);
    };
    for (const look of mine) {
      const spec = values[look.key] ?? [];
      const entry = block.path(look.key) as SpecEntry;
      const word = look.word;
      if (look.after) {
        const opener = seen.get(look.after);
        const after = `${opener?.where ?? where}（${nameOf(look.after)} を押した後）`;
        const located = locate(page, spec);
        if (!opener?.use) {
          findings.push(unchecked(entry, after, `${nameOf(look.after)} が見つからないため、押していません`, spec));
          seen.set(look.key, { located, where: after });
          continue;
        }
        const openBefore = await located.isVisible();
        const before = new Set((await visibleControls(page)).map((c) => `${c.path}@${c.top}`));
        try {
          await press(opener.use, touch, action);
        } catch (error) {
          findings.push(unchecked(entry, after, `${nameOf(look.after)} を押せませんでした: ${firstLine(error)}`, spec));
          seen.set(look.key, { located, where: after });
          continue;
        }
        await located.waitFor({ state: 'visible', timeout: action }).catch(() => {});
        const looked = await lookAt(page, spec, { entry, where: after, single: true, fixes: entry });
        let finding = looked.finding;
        if (finding.status === 'missing') {
          const appeared = (await visibleControls(page)).filter((c) => !before.has(`${c.path}@${c.top}`));
          finding = {
            ...finding,
            summary: `${finding.summary}。押した後に現れた操作部品: ${
              appeared.length > 0
                ? appeared
                    .slice(0, 6)
                    .map((c) => `「${c.name}」`)
                    .join('')
                : 'なし'
            }`,
          };
        } else if (openBefore) {
          finding = {
            ...finding,
            status: 'wrong',
            summary: `${nameOf(look.after)} を押す前から表示されていました（${finding.summary}）: 開いたことの確かめにならない`,
          };
        }
        findings.push(finding);
        // What opened is looked inside; a missing one's single candidate is not (its own entry failed).
        const opened = finding.status === 'missing' ? undefined : looked.use;
        seen.set(look.key, { ...(opened ? { use: opened } : {}), located, where: after });
        continue;
      }
      let root: Page | Locator = page;
      let at = where;
      if (look.within) {
        const container = seen.get(look.within);
        at = container?.where ?? where;
        if (!container?.use) {
          // Candidates anywhere on the screen, each checked as the suite would take it: inside the container's locator.
          const candidates: Candidate[] = [];
          const inside = container?.located ?? locate(page, values[look.within] ?? []);
          if (word) for (const p of await controlsNamed(page, word)) candidates.push(await withAlternative(p, (alt) => locate(inside, [alt, ...spec])));
          findings.push({ ...unchecked(entry, at, `${nameOf(look.within)} が見つからないため、その中を探せません`, spec), candidates });
          seen.set(look.key, { located: locate(inside, spec), where: at });
          continue;
        }
        root = container.located;
      }
      const looked = await lookAt(root, spec, {
        entry,
        where: at,
        single: true,
        ...(word ? { candidates: () => controlsNamed(root, word), name: word } : {}),
        fixes: entry,
      });
      findings.push(looked.finding);
      seen.set(look.key, { ...(looked.use ? { use: looked.use } : {}), located: locate(root, spec), where: at });
      if (look.logsOut && looked.use) logout = looked.use;
    }
  }
  return { findings, ...(logout ? { logout } : {}) };
}

/** On a smart device: the sections' entries of My Page's first screen (e.g. a menu, the panel it opens, what is in it). */
async function lookAtSmartDevice(page: Page, suite: SuiteConfig): Promise<Finding[]> {
  const site = suite.hellowork;
  const home = homeOf(suite);
  const myPage = new MyPage(page, site);
  if (!(await myPage.screenTitle(home).isVisible())) await myPage.open(home);
  return (await lookAtBlocks(page, suite, 'sp', `スマートデバイス「${home}」`, true, () => myPage.open(home).then(() => {}))).findings;
}

/** The top page in a fresh PC context (as a logged-out visitor, as after the logout): title, blocks, sections, logins. */
async function lookAtTop(browser: Browser, suite: SuiteConfig): Promise<{ findings: Finding[]; landed?: string }> {
  const site = suite.hellowork;
  const profile = site.profile;
  const top = profile.top;
  const action = suite.timeouts.action;
  const context = await newScenarioContext(browser, PC.use, suite);
  const where = 'PC トップ画面';
  try {
    const page = await context.newPage();
    const topPage = new TopPage(page, site);
    try {
      await topPage.goto();
    } catch (error) {
      const why = `トップ画面（${site.topURL}）を開けません: ${firstLine(error)}`;
      return { findings: (['top.title', 'top.blockTitle', 'top.section', 'top.sectionLogin'] as const).map((e) => unchecked(e, where, why)) };
    }
    const title = await page.title();
    const titleFinding: Finding = {
      entry: 'top.title',
      where,
      status: textMatcher(top.title).test(title) ? 'found' : 'missing',
      summary: `文書のタイトル「${title}」`,
      searched: typeof top.title === 'string' ? `「${top.title}」` : `/${top.title.pattern}/${top.title.flags ?? ''}`,
      matches: [],
      candidates: [],
    };
    await locateAll(page, top.blockTitle)
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: action })
      .catch(() => {});
    const words = [...SECTION_WORDS.topSections, SECTION_WORDS.topOther];
    const shownWords: string[] = [];
    for (const w of words) if (await topPage.heading(w).isVisible()) shownWords.push(w);
    const missingWords = words.filter((w) => !shownWords.includes(w));
    const blockCandidates: Candidate[] = [];
    if (missingWords.length > 0) {
      const takes = (alt: Alternative) =>
        locateAll(page, [alt, ...top.blockTitle])
          .filter({ visible: true, hasText: anyOf(missingWords) })
          .first();
      for (const p of await textsContaining(page, missingWords)) blockCandidates.push(await withAlternative(p, takes, { named: false }));
    }
    const headings: Finding = {
      entry: 'top.blockTitle',
      where,
      status: missingWords.length === 0 ? 'found' : 'missing',
      summary:
        missingWords.length === 0
          ? `${words.length}/${words.length} 件: ${words.map((w) => `「${w}」`).join('')}`
          : `${shownWords.length}/${words.length} 件。見つからないもの: ${missingWords.map((w) => `「${w}」`).join('')}`,
      searched: describeSpec(top.blockTitle),
      matches: await Promise.all(shownWords.slice(0, 4).map((w) => see(topPage.heading(w)))),
      candidates: blockCandidates,
      fixes: 'top.blockTitle',
    };
    // As the suite checks the top page after the logout: each of the three sections holds its title
    // and exactly one visible login control.
    const sections: { word: string; shown: boolean; logins: string[] }[] = [];
    for (const word of SECTION_WORDS.topSections) {
      const shown = await topPage.section(word).isVisible();
      const logins = shown ? (await topPage.loginControls(word).filter({ visible: true }).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()) : [];
      sections.push({ word, shown, logins });
    }
    const officeSection = await topPage.section(SECTION_WORDS.topOther).isVisible();
    const shownSections = sections.filter((s) => s.shown);
    const sectionFinding: Finding = {
      entry: 'top.section',
      where,
      status: shownSections.length === sections.length ? 'found' : 'missing',
      summary:
        `${shownSections.length}/${sections.length} 区分${
          shownSections.length < sections.length
            ? `。見つからないもの: ${sections
                .filter((s) => !s.shown)
                .map((s) => `「${s.word}」`)
                .join('')}`
            : ''
        }` + `（「${SECTION_WORDS.topOther}」の区分: ${officeSection ? 'あり' : 'なし'}）`,
      searched: describeSpec(top.section),
      matches: await Promise.all(shownSections.map((s) => see(topPage.section(s.word)))),
      candidates: [],
    };
    const withLogin = sections.filter((s) => s.logins.some((t) => /ログイン/.test(t)));
    const several = sections.filter((s) => s.logins.length > 1);
    const loginFinding: Finding = {
      entry: 'top.sectionLogin',
      where,
      status: several.length > 0 ? 'ambiguous' : withLogin.length === sections.length ? 'found' : 'missing',
      summary:
        `${withLogin.length}/${sections.length} 区分にログインボタン（${sections.flatMap((s) => s.logins.map((t) => `「${t}」`)).join('')}）` +
        (withLogin.length < sections.length
          ? `。ないもの: ${sections
              .filter((s) => !withLogin.includes(s))
              .map((s) => `「${s.word}」`)
              .join('')}`
          : '') +
        (several.length > 0 ? `。二つ以上あるもの: ${several.map((s) => `「${s.word}」`).join('')}（スイートは区分ごとに一つを求めます）` : ''),
      searched: describeSpec(top.sectionLogin),
      matches: [],
      candidates: [],
    };
    return { findings: [titleFinding, headings, sectionFinding, loginFinding], landed: page.url() };
  } finally {
    await context.close();
  }
}

export interface CheckOptions {
  /** Log out with the PC procedure at the end and report where it landed. */
  readonly logout?: boolean;
  /** Progress lines while it works (stderr in the script). */
  readonly progress?: (line: string) => void;
}

export interface Checked {
  readonly findings: Finding[];
  readonly cookies: CookieSeen[];
  readonly logout?: LogoutSeen;
  readonly topLanded?: string;
}

/** Everything the check looks at, in the order the report lists it. */
export async function checkTarget(browser: Browser, suite: SuiteConfig, options: CheckOptions = {}): Promise<Checked> {
  const site = suite.hellowork;
  const profile = site.profile;
  const action = suite.timeouts.action;
  const progress = options.progress ?? (() => {});
  const home = homeOf(suite);
  // The top page, as a logged-out visitor sees it, in a context of its own: alongside the rest.
  const topLook = lookAtTop(browser, suite);
  topLook.catch(() => {}); // awaited below
  const pc = await newScenarioContext(browser, PC.use, suite);
  const sp = await newScenarioContext(browser, SP.use, suite);
  try {
    progress('PC: ログイン…');
    const page = await pc.newPage();
    const pcLogin = await logIn(page, suite, 'PC', 'pc');
    const cookies = pcLogin.ok ? await cookiesOf(pc) : [];
    let screens: Finding[] = [];
    let homeFindings: Finding[] = [];
    let logoutControl: Locator | undefined;
    let loggedOut: Finding;
    let cookieScope: Finding;
    if (pcLogin.ok) {
      progress(`PC: 求職者マイページの ${Object.keys(site.screens).length} 画面…`);
      const seen = await lookAtScreens(page, suite);
      screens = seen.findings;
      const atHome = await lookAtHome(page, suite);
      homeFindings = atHome.findings;
      logoutControl = atHome.logout;
      loggedOut = {
        entry: 'loggedOut',
        where: 'PC 求職者マイページ（ログイン中）',
        status: seen.loggedOutOn.length > 0 ? 'wrong' : 'found',
        summary:
          seen.loggedOutOn.length > 0
            ? `ログイン中なのに表示されています: ${seen.loggedOutOn.map((s) => `「${s}」`).join('')}（ログアウトの確かめにならない）`
            : `ログイン中の ${screens.length} 画面には表示されていません（正しい）`,
        searched: describeSpec(profile.loggedOut),
        matches: [],
        candidates: [],
      };
      const sent = await pc.cookies(site.cookieURL);
      const host = new URL(site.baseURL).hostname;
      const ours = cookies.filter((c) => {
        const d = c.domain.replace(/^\./, '');
        return host === d || host.endsWith(`.${d}`);
      });
      const paths = [...new Set(ours.map((c) => c.path))];
      cookieScope = {
        entry: 'paths.cookieScope',
        where: 'PC ログインの後',
        status: sent.length > 0 ? 'found' : 'missing',
        summary:
          sent.length > 0
            ? `${site.cookieURL} に送られるクッキー: ${sent.map((c) => c.name).join('、')}`
            : `${site.cookieURL} に送られるクッキーがありません（ログイン後のクッキーのパス: ${paths.join('、') || 'なし'}）`,
        searched: profile.paths.cookieScope,
        matches: [],
        candidates: [],
        ...(sent.length === 0 && paths.length === 1 && paths[0]?.startsWith('/') ? { cookiePath: paths[0] } : {}),
      };
    } else {
      const why = pcLogin.reason ?? 'ログインできませんでした';
      screens = Object.keys(site.screens).map((name) => unchecked(`screens.${name}`, `PC「${name}」`, why));
      homeFindings = [...blockEntries('pc').map((e) => unchecked(e, `PC「${home}」`, why)), unchecked('userName', `PC「${home}」`, why)];
      loggedOut = unchecked('loggedOut', 'PC 求職者マイページ', why, profile.loggedOut);
      cookieScope = unchecked('paths.cookieScope', 'PC ログインの後', why);
    }

    progress('スマートデバイス: ログインとメニュー…');
    const spPage = await sp.newPage();
    const spLogin = await logIn(spPage, suite, 'スマートデバイス', 'sp');
    const menu = spLogin.ok
      ? await lookAtSmartDevice(spPage, suite)
      : blockEntries('sp').map((e) => unchecked(e, `スマートデバイス「${home}」`, `スマートデバイスで${spLogin.reason ?? 'ログインできませんでした'}`));
    // The smart-device login's own findings only when they differ from the PC's (the same screen, the same profile).
    const spProblems = spLogin.ok ? [] : spLogin.findings.filter((f) => f.status === 'wrong' && !pcLogin.findings.some((p) => p.entry === f.entry));

    const top = await topLook;

    let logout: LogoutSeen | undefined;
    if (options.logout) {
      progress('PC: ログアウト（--logout）…');
      if (!pcLogin.ok) logout = { error: 'ログインできなかったため、ログアウトしていません' };
      else if (!logoutControl)
        logout = {
          error: `ログアウトの操作部品（${PROFILE_BLOCKS.flatMap(({ block, looks }) => looks.filter((l) => l.logsOut).map((l) => block.path(l.key))).join('、') || 'どの節も宣言していません'}）も候補も見つからないため、ログアウトしていません`,
        };
      else {
        const myPage = new MyPage(page, site);
        const control = logoutControl;
        try {
          await myPage.open(home);
          await navigatingBy(page, () => press(control, false, action), action);
          const url = page.url();
          logout = { url, onTopOrigin: new URL(url).origin === site.topOrigin };
          // What a My Page address shows now: the profile's loggedOut, if the entry is right.
          await myPage.open(home);
          const shown = await locate(page, profile.loggedOut)
            .waitFor({ timeout: action })
            .then(() => true)
            .catch(() => false);
          loggedOut = shown
            ? { ...loggedOut, summary: `${loggedOut.summary}。ログアウト後の「${home}」では表示されました` }
            : {
                ...loggedOut,
                status: 'missing',
                summary: `ログアウト後に「${home}」を開いても表示されません。${await describeScreen(page, profile.screenTitle, '画面')}`,
              };
        } catch (error) {
          logout = { error: firstLine(error) };
        }
      }
    }

    const findings = [...pcLogin.findings, ...spProblems, ...top.findings, ...screens, ...homeFindings, loggedOut, cookieScope, ...menu];
    return { findings, cookies, ...(logout ? { logout } : {}), ...(top.landed ? { topLanded: top.landed } : {}) };
  } finally {
    await topLook.catch(() => {});
    await pc.close();
    await sp.close();
  }
}
