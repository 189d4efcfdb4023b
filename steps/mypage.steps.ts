/** Preconditions: not manual steps, but what the manual assumes (a logged-in job seeker). */
import { HOME_SCREEN } from '../pages/MyPage.ts';
import { expect } from '../checks/matchers.ts';
import { NavigationProblem } from '../pages/interact.ts';
import { describeSpec, entryName } from '../support/target-profile.ts';
import { Given, SkipScenario } from './define.ts';

Given('求職者マイページにログインしている', async ({ loginPage, myPage, account, manual, scenario, suite }) => {
  const profile = suite.hellowork.profile;
  await manual.verify({ expected: `ログイン画面（${suite.hellowork.loginURL}）が開く`, observe: () => loginPage.describe() }, () => loginPage.goto());
  // Each field where the profile says it is: a wrong locator stops here, naming the profile entry.
  for (const field of loginPage.fields()) {
    await manual.verify(
      {
        expected: `ログイン画面に ${entryName(profile, field.entry, field.spec)} が表示されている`,
        observe: async () => `見つかりません。${await loginPage.describe()}`,
      },
      () => expect(field.locator).toBeVisible(),
    );
  }
  // Note the cookies HelloWork sets while the login is submitted (the session cookie among them).
  const origin = new URL(suite.hellowork.baseURL).origin;
  await loginPage.fill(account);
  scenario.loginSetCookies = await loginPage.recordingSetCookies(origin, () =>
    manual.verify(
      {
        expected: `「ログイン」を押すと ${suite.timeouts.action / 1000} 秒以内に次の画面が表示される`,
        observe: async (error) => `${error instanceof NavigationProblem ? `${error.message} ` : ''}${await loginPage.describe()}`,
      },
      () => loginPage.submitAndWait(suite.timeouts.action),
    ),
  );
  const extra = await loginPage.extraStepShown();
  if (extra) {
    const step = profile.login.extraSteps[extra.index];
    throw new Error(
      `ログインの後に「${extra.name}」の入力画面が表示されました（${entryName(profile, `login.extraSteps[${extra.index}]`)}: ${step ? describeSpec(step.detect) : ''}）。` +
        `このスイートは追加の入力に対応していないため、ここで止めます。「${extra.name}」を求めない試験用アカウントを LOGIN_ID / LOGIN_PASSWORD に設定してください。${await loginPage.describe()}`,
    );
  }
  await manual.verify(
    {
      expected: `ログイン後に「${HOME_SCREEN}」（画面の表示: ${myPage.titlesOf(HOME_SCREEN)}、${entryName(profile, 'screenTitle', profile.screenTitle)}）が表示される`,
      observe: async () => {
        const shown = loginPage.error && (await loginPage.error.isVisible()) ? loginPage.error : undefined;
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen (textContent would add hidden text)
        const refused = shown ? `ログイン画面のメッセージ: 「${(await shown.innerText()).trim()}」。` : '';
        return `${refused}${await myPage.describe()}`;
      },
    },
    () => expect(myPage.screenTitle(HOME_SCREEN)).toBeVisible(),
  );
});

Given('求職者マイページの「{screen}」画面を表示している', async ({ myPage, manual }, screen: string) => {
  // TARGET_MYPAGE_SCREENS may leave out a screen the target lacks: its scenarios are skipped, saying so.
  if (!myPage.has(screen)) throw new SkipScenario(myPage.notConfigured(screen));
  await manual.verify(
    {
      expected: `求職者マイページの「${screen}」画面（${myPage.entryOf(screen)}、画面の表示: ${myPage.titlesOf(screen)}）が表示される`,
      observe: () => myPage.describeOpened(screen),
    },
    async () => {
      await myPage.open(screen);
      await expect(myPage.screenTitle(screen)).toBeVisible();
    },
  );
});
