/** Checks that a session has ended, shared by every feature that logs out. */
import type { Claim, ManualCheck } from './manual-check.ts';
import { expect } from './matchers.ts';
import type { MyPage } from '../pages/MyPage.ts';
import type { SessionProbe } from '../pages/SessionProbe.ts';

/**
 * Every configured My Page screen, opened in the probe, shows the profile's logged-out page and not the screen;
 * `claim` says, per screen, which manual step or requirement this proves. Closes the probe.
 */
export async function everyScreenRefuses(
  { manual, myPage }: { readonly manual: ManualCheck; readonly myPage: MyPage },
  probe: SessionProbe,
  claim: (screen: string) => Omit<Claim, 'observe'>,
) {
  try {
    for (const screen of myPage.screenNames()) {
      await manual.verify(
        { ...claim(screen), observe: async () => `${await probe.describe()}。求職者マイページの「${screen}」がまだ表示されます。` },
        async () => {
          await probe.open(myPage.urlOf(screen));
          await expect(probe.screenTitle(myPage.titleOf(screen))).toBeHidden();
          await expect(probe.loggedOut).toBeVisible();
        },
      );
    }
  } finally {
    await probe.close();
  }
}
