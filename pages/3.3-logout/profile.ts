/**
 * §3.3's block of a target profile (sections."3.3-logout"): where its page objects find the logout controls and
 * the login screen's マイナポータル entry. Built-in profiles keep theirs in profiles/3.3-logout/<profile>.json.
 */
import { z } from 'zod';
import { LocatorSpecSchema, sectionBlock } from '../../support/target-profile.ts';

export const LOGOUT_BLOCK = sectionBlock(
  '3.3-logout',
  z
    .object({
      /** The PC logout control at the top of My Page. */
      logout: LocatorSpecSchema,
      /** The smart-device menu control. */
      menuButton: LocatorSpecSchema,
      /** The panel the menu control opens. */
      menuPanel: LocatorSpecSchema,
      /** The logout item inside the opened panel (searched inside menuPanel). */
      menuLogout: LocatorSpecSchema,
      /** The entry of the login screen that starts a login through マイナポータル. */
      mynaportalEntry: LocatorSpecSchema,
    })
    .strict(),
);
