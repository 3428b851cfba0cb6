/**
 * The pilot's two main-menu entries, "About the employment pilot" and "Am I in the pilot?", built
 * over the pilot's services. The eligibility result can go on to booking when the composition root
 * hands in the booking dialog.
 */
import { normalizeCommandText } from '../../bot/i18n/commandWords.js';
import type { ConversationFacts } from '../../bot/conversations/conversationFacts.js';
import type { Translator } from '../../bot/i18n/i18n.js';
import type { DialogStart, MenuEntry } from '../../bot/kernel/contracts.js';
import type { EligibilityService } from '../../bot/pilot/eligibilityService.js';
import type { PilotInfoService } from '../../bot/pilot/pilotInfoService.js';
import { EligibilityDialog } from './eligibilityDialog.js';
import { PILOT_INFO_DIALOG, PilotInfoDialog } from './pilotInfoDialog.js';

const PILOT_MENU = { info: 'pilotInfo', eligibility: 'pilotEligibility' } as const;

/** "back" in every shipped locale, normalised like the other command words. */
function backWords(translator: Translator): Set<string> {
  const words = new Set<string>();
  for (const locale of translator.shipped) {
    const list = translator.t(locale)('pilot:elig.commands.back', { returnObjects: true }) as unknown;
    if (Array.isArray(list)) for (const w of list) words.add(normalizeCommandText(String(w)));
  }
  return words;
}

export interface PilotDialogs {
  info: PilotInfoDialog;
  eligibility: EligibilityDialog;
  menu: MenuEntry[];
}

export function createPilotDialogs(deps: {
  info: PilotInfoService;
  eligibility: EligibilityService;
  translator: Translator;
  /** Booking, offered after an "eligible" result. */
  booking?: DialogStart;
  facts?: ConversationFacts;
}): PilotDialogs {
  const eligibility = new EligibilityDialog({
    service: deps.eligibility,
    dates: () => deps.info.dates(),
    fallback: () => deps.info.nationalFallback(),
    backWords: backWords(deps.translator),
    next: { booking: deps.booking, info: { dialogId: PILOT_INFO_DIALOG } },
    facts: deps.facts,
  });
  const info = new PilotInfoDialog({ service: deps.info, eligibility });
  return {
    info,
    eligibility,
    menu: [
      { id: PILOT_MENU.info, labelKey: 'pilot:menu.info', dialog: info },
      { id: PILOT_MENU.eligibility, labelKey: 'pilot:menu.eligibility', dialog: eligibility },
    ],
  };
}
