/**
 * Starts the bundled reference app: the HelloWork stand-in on HELLOWORK_PORT and the
 * マイナポータル stand-in on http://mynaportal.localhost:<MYNAPORTAL_PORT>. Listens on loopback only.
 *
 * REFERENCE_MARKUP=bundled (default) serves HelloWork at http://hellowork.localhost:<port>;
 * REFERENCE_MARKUP=hellowork serves it like the real site, on two hosts of the same port:
 * http://www.hellowork.localhost:<port>/ (top page) and http://kyushoku.hellowork.localhost:<port>/kyushoku/…
 * (login, 求職者マイページ). http://127.0.0.1:<port>/healthz answers `ok` in both.
 *
 * DEVIATIONS=id,id switches on deliberate deviations from the manual (see deviations.ts);
 * A section reads its own settings from the environment (kit.setting: e.g. how long a deviation waits).
 * REFERENCE_INSTANCES serves several such pairs from one process (the sensitivity run, see instances()).
 *
 * Every manual section's routes, reference-app/src/sections/<section>/routes.ts(x), are loaded once here and
 * added to every HelloWork app this process serves (sections/README.md).
 */
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { Deviations } from './deviations.ts';
import { HELLOWORK_LOGIN, helloworkOrigins, type Markup, parseMarkup } from './markup.ts';
import { createReference } from './reference.ts';
import { loadSections } from './sections/kit.ts';
import { wholeNumber } from './shared/whole-number.ts';

const port = (name: string, fallback: number) => wholeNumber(name, process.env[name], fallback, 65535);

const hostname = '127.0.0.1';

/** One HelloWork + マイナポータル pair: its ports, deviations and markup. */
interface Instance {
  readonly helloworkPort: number;
  readonly mynaportalPort: number;
  readonly deviations: Deviations;
  readonly markup: Markup;
}

/**
 * REFERENCE_INSTANCES (the sensitivity run): a JSON array of {helloworkPort, mynaportalPort, deviations, markup},
 * all served by this one process, each pair on its own ports; else one pair from the variables above.
 */
function instances(): Instance[] {
  const raw = process.env.REFERENCE_INSTANCES?.trim();
  if (!raw) {
    return [
      {
        helloworkPort: port('HELLOWORK_PORT', 38080),
        mynaportalPort: port('MYNAPORTAL_PORT', 38081),
        deviations: Deviations.parse(process.env.DEVIATIONS),
        markup: parseMarkup(process.env.REFERENCE_MARKUP),
      },
    ];
  }
  const list = JSON.parse(raw) as { helloworkPort: number; mynaportalPort: number; deviations?: string; markup?: string }[];
  return list.map((i) => ({
    helloworkPort: i.helloworkPort,
    mynaportalPort: i.mynaportalPort,
    deviations: Deviations.parse(i.deviations),
    markup: parseMarkup(i.markup),
  }));
}

const closers: (() => void)[] = [];
const sections = await loadSections();
if (sections.length > 0) console.log(`[reference-app] manual sections: ${sections.map((s) => s.name).join(', ')}`);

// In order: the last HelloWork's /healthz answering (Playwright's webServer check) means every pair is up.
for (const { helloworkPort, mynaportalPort, deviations, markup } of instances()) {
  const site = helloworkOrigins(helloworkPort, markup);
  const origins = { hellowork: site.mypage, top: site.top, mynaportal: `http://mynaportal.localhost:${mynaportalPort}` };
  const { hellowork, mynaportal } = createReference(origins, deviations, { markup, sections });
  // マイナポータル first: HelloWork answering means both are up.
  const mpServer = createServer(mynaportal.listener);
  await new Promise<void>((resolve) => mpServer.listen(mynaportalPort, hostname, resolve));
  console.log(`[reference-app] マイナポータル stand-in: ${origins.mynaportal}/`);
  const hwServer = serve({ fetch: hellowork.app.fetch, hostname, port: helloworkPort });
  await new Promise((resolve) => hwServer.once('listening', resolve));
  if (markup === 'hellowork') {
    console.log(`[reference-app] HelloWork stand-in (markup: hellowork): top page ${site.top}/`);
    console.log(`[reference-app] HelloWork stand-in (markup: hellowork): 求職者マイページ login ${site.mypage}${HELLOWORK_LOGIN.path}`);
  } else {
    console.log(`[reference-app] HelloWork stand-in: ${site.top}/`);
  }
  if (deviations.list.length > 0) console.log(`[reference-app] deviations on: ${deviations.list.join(', ')}`);
  closers.push(
    () => hwServer.close(),
    () => mpServer.close(),
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const close of closers) close();
    process.exit(0);
  });
}
