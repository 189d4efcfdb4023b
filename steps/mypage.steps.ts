/** Preconditions: not manual steps, but what the manual assumes (a logged-in job seeker). */
import { MY_PAGE_HOME } from '../fixtures/manual-figures.ts';
import { expect } from '../fixtures/matchers.ts';
import { Given } from './define.ts';

Given('求職者マイページにログインしている', async ({ loginPage, myPage, account, manual, scenario, suite }) => {
  await loginPage.goto();
  // Note the cookies HelloWork sets while the login is submitted (the session cookie among them).
  const origin = new URL(suite.hellowork.baseURL).origin;
  scenario.loginSetCookies = await loginPage.recordingSetCookies(origin, () => loginPage.logIn(account));
  await manual.verify(
    { expected: `ログイン後に「${MY_PAGE_HOME.screen}」が表示される`, observe: () => myPage.describe() },
    () => expect(myPage.heading(MY_PAGE_HOME.screen)).toBeVisible(),
  );
});

Given('求職者マイページの「{screen}」画面を表示している', async ({ myPage, manual }, screen: string) => {
  await myPage.open(screen);
  await manual.verify({ expected: `求職者マイページの「${screen}」画面が表示される`, observe: () => myPage.describe() }, () =>
    expect(myPage.heading(screen)).toBeVisible(),
  );
});
