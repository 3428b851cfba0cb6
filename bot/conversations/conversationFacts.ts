/**
 * What the user has already told the bot in this conversation, so a later dialog does not ask it
 * again: the municipality named in a question ("I live in Salo…"), typed in a booking or while
 * asking for a person. Kept in the conversation state, so it goes with the conversation when the
 * user deletes their data and a fresh conversation starts without it.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { MatchResult } from '../pilot/municipalityMatcher.js';

interface Facts {
  /** The municipality's Finnish name, as booking and the handoff queue use it. */
  municipality?: string;
}

/** The Finnish name of a municipality recognised in the user's words, if one was. */
export function municipalityNamed(match: MatchResult | undefined): string | undefined {
  if (match?.kind === 'match') return match.municipality.name.fi;
  if (match?.kind === 'known_outside_data') return match.name;
  return undefined;
}

export class ConversationFacts {
  constructor(private readonly accessor: StatePropertyAccessor<Facts>) {}

  async municipality(context: TurnContext): Promise<string | undefined> {
    return (await this.accessor.get(context, {})).municipality;
  }

  async rememberMunicipality(context: TurnContext, municipality: string | undefined): Promise<void> {
    if (!municipality) return;
    const facts = await this.accessor.get(context, {});
    if (facts.municipality === municipality) return;
    await this.accessor.set(context, { ...facts, municipality });
  }
}
