/**
 * The reference app's section kit (reference-app/src/sections/kit.ts): a manual section's routes module adds
 * 求職者マイページ screens that are served like the built-in ones, in both markups: only to a logged-in session,
 * in the markup's My Page layout (header, logout controls), linked from the My Page menus; without a session
 * the same logged-out answer as the built-in screens.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { html } from 'hono/html';
import { defaultJobSeeker } from '../reference-app/src/accounts.ts';
import { createHelloWorkApp, SESSION_COOKIE } from '../reference-app/src/hellowork/app.tsx';
import { MY_PAGE_SCREENS } from '../reference-app/src/hellowork/views.tsx';
import {
  HELLOWORK_ENDED_SESSION,
  HELLOWORK_LOGIN,
  HELLOWORK_SCREENS,
  HELLOWORK_TOKEN_FIELD,
  helloworkOrigins,
  type Markup,
  screenPath,
} from '../reference-app/src/markup.ts';
import { SECTIONS } from '../reference-app/src/sections/found.ts';
import { loadSections, type Section } from '../reference-app/src/sections/kit.ts';
import { LOGOUT_PATH } from '../reference-app/src/sections/3.3-logout/routes.tsx';

const seeker = defaultJobSeeker();
const form = (data: Record<string, string>, cookie?: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
  body: new URLSearchParams(data).toString(),
});
const HW = helloworkOrigins(38180, 'hellowork');
const BUNDLED = 'http://hellowork.localhost:38180';

/** A section as a routes module would register it (there with JSX): one screen per markup, linked from the menus. */
const EXAMPLE: Section = {
  name: '0.0-example',
  register(kit) {
    kit.myPageScreen({
      path: kit.markup === 'hellowork' ? screenPath('GEZZ010010') : '/mypage/example',
      title: '試験用の画面',
      nav: '試験用',
      body: ({ user }) => html`<p class="example">${user.name}様への試験用の本文</p>`,
    });
  },
};

interface Driver {
  readonly section: string;
  readonly builtIn: string;
  logIn(app: App): Promise<{ sid: string; token: string }>;
  logOut(app: App, sid: string, token: string): Promise<Response>;
  /** The answer a built-in screen gives without a session, to compare with. */
  loggedOut(res: Response, html: string, path: string): void;
  readonly title: (html: string) => string | undefined;
}
type App = ReturnType<typeof createHelloWorkApp>['app'];

const DRIVERS: Record<Markup, Driver> = {
  bundled: {
    section: `${BUNDLED}/mypage/example`,
    builtIn: `${BUNDLED}${MY_PAGE_SCREENS.messages.path}`,
    async logIn(app) {
      const res = await app.request(`${BUNDLED}/login`, form({ loginId: seeker.loginId, password: seeker.password }));
      const sid = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      assert.match(sid, new RegExp(`^${SESSION_COOKIE}=`));
      const html = await (await app.request(`${BUNDLED}/mypage`, { headers: { Cookie: sid } })).text();
      return { sid, token: /name="csrf_token" value="([^"]+)"/.exec(html)?.[1] ?? '' };
    },
    logOut: async (app, sid, token) => app.request(`${BUNDLED}/mypage/logout`, form({ csrf_token: token }, sid)),
    loggedOut(res, _html, path) {
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(new URL(path).pathname)}`);
    },
    title: (html) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
  },
  hellowork: {
    section: `${HW.mypage}${screenPath('GEZZ010010')}`,
    builtIn: `${HW.mypage}${HELLOWORK_SCREENS.messages.path}`,
    async logIn(app) {
      const res = await app.request(`${HW.mypage}${HELLOWORK_LOGIN.submitPath}`, form({ loginMailTxt: seeker.loginId, loginPasswordTxt: seeker.password }));
      const sid = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const html = await (await app.request(`${HW.mypage}${HELLOWORK_SCREENS.home.path}`, { headers: { Cookie: sid } })).text();
      return { sid, token: new RegExp(`name="${HELLOWORK_TOKEN_FIELD.replaceAll('.', '\\.')}" value="([^"]+)"`).exec(html)?.[1] ?? '' };
    },
    logOut: async (app, sid, token) => app.request(`${HW.mypage}${LOGOUT_PATH.hellowork}`, form({ [HELLOWORK_TOKEN_FIELD]: token }, sid)),
    loggedOut(res, html) {
      assert.equal(res.status, 200);
      assert.equal(/<div class="page_title">([^<]*)<\/div>/.exec(html)?.[1], HELLOWORK_ENDED_SESSION.pageTitle);
    },
    title: (html) => /<div class="page_title">([^<]*)<\/div>/.exec(html)?.[1],
  },
};

for (const [markup, d] of Object.entries(DRIVERS) as [Markup, Driver][]) {
  test(`${markup} markup: a section's screen is served only to a logged-in session, like the built-in screens`, async () => {
    const { app } = createHelloWorkApp({ markup, sections: [...SECTIONS, EXAMPLE] });

    // Without a session: exactly what a built-in screen answers.
    for (const path of [d.section, d.builtIn]) {
      const res = await app.request(path);
      d.loggedOut(res, await res.text(), path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
    }
    const forged = await app.request(d.section, { headers: { Cookie: `${markup === 'bundled' ? SESSION_COOKIE : 'JSESSIONID'}=forged` } });
    d.loggedOut(forged, await forged.text(), d.section);

    // Logged in: the screen, in the My Page layout (the user's name, the logout form), never cached.
    const { sid, token } = await d.logIn(app);
    const res = await app.request(d.section, { headers: { Cookie: sid } });
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(d.title(html), '試験用の画面');
    assert.match(html, /<title>試験用の画面｜ハローワークインターネットサービス<\/title>/);
    assert.ok(html.includes(`<p class="example">${seeker.name}様への試験用の本文</p>`));
    assert.ok(html.includes(`${seeker.name}様`));
    assert.ok(html.includes(token), 'the logout form carries the session token');
    // Linked from both menus of every My Page screen (built-in ones too).
    const link = new URL(d.section);
    const href = `href="${`${link.pathname}${link.search}`.replaceAll('&', '&amp;')}"`;
    for (const page of [html, await (await app.request(d.builtIn, { headers: { Cookie: sid } })).text()]) {
      assert.equal(page.split(href).length - 1, 2, 'a link in the PC menu and one in the smart-device menu');
    }

    // After the logout, the old cookie gets the logged-out answer.
    await d.logOut(app, sid, token);
    const after = await app.request(d.section, { headers: { Cookie: sid } });
    d.loggedOut(after, await after.text(), d.section);
  });

  test(`${markup} markup: without sections the app serves no such screen`, async () => {
    const { app } = createHelloWorkApp({ markup });
    const { sid } = await d.logIn(app);
    const res = await app.request(d.section, { headers: { Cookie: sid } });
    assert.equal(res.status, 404);
  });
}

test("the kit refuses a path outside the markup's My Page scheme, or one already served, naming the section", () => {
  const section = (path: string): Section => ({ name: '0.0-bad', register: (kit) => kit.myPageScreen({ path, title: 'x', body: () => html`<p></p>` }) });
  assert.throws(() => createHelloWorkApp({ sections: [section('/notice')] }), /0\.0-bad.*\/mypage\/<lowercase letters>/);
  assert.throws(() => createHelloWorkApp({ sections: [section(MY_PAGE_SCREENS.messages.path)] }), /already served/);
  assert.throws(() => createHelloWorkApp({ sections: [...SECTIONS, section('/mypage/logout')] }), /already served/);
  assert.throws(() => createHelloWorkApp({ markup: 'hellowork', sections: [section('/mypage/notice')] }), /screenPath/);
  assert.throws(() => createHelloWorkApp({ markup: 'hellowork', sections: [section(HELLOWORK_SCREENS.home.path)] }), /already served/);
  assert.throws(() => createHelloWorkApp({ sections: [EXAMPLE, EXAMPLE] }), /already served/);
});

test('loadSections imports every <section>/routes.ts(x) in folder order and needs a register function', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sections-'));
  try {
    const write = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('9.2-b/routes.tsx', 'export function register(kit) { kit.seen = "b"; }\n');
    write('9.1-a/routes.ts', 'export default function register(kit) { kit.seen = "a"; }\n');
    write('9.3-no-routes/README.md', 'no routes here\n');
    const sections = await loadSections(dir);
    assert.deepEqual(
      sections.map((s) => s.name),
      ['9.1-a', '9.2-b'],
    );
    write('9.4-wrong/routes.ts', 'export const routes = [];\n');
    await assert.rejects(loadSections(dir), /9\.4-wrong[/\\]routes\.ts: a section's routes module must export register\(kit\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("kit.setting: the app's settings, else the environment, else the fallback; outside 0…max it stops the start naming the section", () => {
  const read = (settings: Record<string, number | undefined>) => {
    let value: number | undefined;
    const probe: Section = {
      name: '0.0-probe',
      register: (kit) => {
        value = kit.setting('PROBE_MS', 7, 600_000);
      },
    };
    createHelloWorkApp({ sections: [probe], settings });
    return value;
  };
  assert.equal(read({}), 7);
  assert.equal(read({ PROBE_MS: 400 }), 400);
  assert.throws(() => read({ PROBE_MS: 600_001 }), /0\.0-probe: PROBE_MS must be an integer from 0 to 600000, got "600001"/);
  assert.throws(() => read({ PROBE_MS: -1 }), /PROBE_MS must be an integer from 0 to 600000/);
});
