/** Checks that a session has ended, shared by every feature that logs out. */
import type { Claim, ManualCheck } from './manual-check.ts';
import { expect } from './matchers.ts';
import type { MyPage } from '../pages/MyPage.ts';
import type { SessionProbe } from '../pages/SessionProbe.ts';
import { entryName } from '../support/target-profile.ts';

/**
 * Every configured My Page screen, opened in the probe, shows the profile's logged-out page and not the screen;
 * `claim` says, per screen, which manual step or requirement this proves. Closes the probe.
 *
 * What a failure says is what the probe saw: the screen itself (the session lives on); an HTTP error (the configured
 * address is wrong or broken: nothing can be told of the session there, and the setting is named); or a page that is
 * neither My Page nor the logged-out page (described as it is).
 */
export async function everyScreenRefuses(
  { manual, myPage }: { readonly manual: ManualCheck; readonly myPage: MyPage },
  probe: SessionProbe,
  claim: (screen: string) => Omit<Claim, 'observe'>,
) {
  const profile = myPage.profile;
  try {
    for (const screen of myPage.screenNames()) {
      await manual.verify(
        {
          ...claim(screen),
          observe: async () => {
            const seen = await probe.describe();
            if (await probe.screenTitle(myPage.titles(screen)).isVisible()) {
              return `${seen}。${probe.viewpoint}に、求職者マイページの「${screen}」がまだ表示されます（ログアウトしてもセッションが残っています）。`;
            }
            const status = probe.status;
            if (status !== undefined && (status === 404 || status === 410 || status >= 500)) {
              return (
                `${probe.viewpoint}で「${screen}」（${myPage.entryOf(screen)}: ${myPage.urlOf(screen)}）を開くと HTTP ${status} が返り、` +
                `ログインしていない画面（${entryName(profile, 'loggedOut', profile.loggedOut)}）は表示されませんでした: ${seen}。` +
                `このアドレスでは、セッションが終わったかどうかを確かめられません。${myPage.entryOf(screen)} のアドレスが正しいか確かめてください。`
              );
            }
            return (
              `${probe.viewpoint}で「${screen}」を開くと、求職者マイページの画面（${myPage.titlesOf(screen)}）でもログインしていない画面` +
              `（${entryName(profile, 'loggedOut', profile.loggedOut)}）でもない画面が表示されました: ${seen}。`
            );
          },
        },
        async () => {
          await probe.open(myPage.urlOf(screen));
          await expect(probe.screenTitle(myPage.titles(screen))).toBeHidden();
          await expect(probe.loggedOut).toBeVisible();
        },
      );
    }
  } finally {
    await probe.close();
  }
}
