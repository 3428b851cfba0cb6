/**
 * The contracts between the composition root, the dialogs and the features. They live here, below
 * every feature and dialog, so that each side can name them without importing the other.
 */
import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import type { Locale } from '../i18n/locales.js';

/** Routes a feature adds to the HTTP server (web widget, coach API, …). */
export type RouteInstaller = (server: Server) => void;

/** A job run on an interval under a database lease (bot/jobs/jobRunner.ts). */
export interface ScheduledJob {
  name: string;
  intervalMs: number;
  /** Longest a run may take before another process may take over. */
  leaseMs?: number;
  run(): Promise<void>;
}

/** Who a personal-data request is about: the user row and every conversation of theirs. */
export interface DataSubject {
  userId: string;
  channelId: string;
  channelUserId: string;
  conversationIds: string[];
}

/** A feature's part in "show my data" and "delete my data". */
export interface PersonalDataProvider {
  name: string;
  /** Translation key of the line naming this data in the "show my data" summary. */
  labelKey?: string;
  export(subject: DataSubject): Promise<unknown>;
  /** Erase or anonymise in place everything this feature stores about the subject. */
  erase(subject: DataSubject): Promise<void>;
  /**
   * Set when this provider's rows carry the bot's replies to the user (the web widget's channel):
   * the conversation that asked for erasure is erased a moment after the turn, once the
   * confirmation has reached the user.
   */
  deliversReplies?: boolean;
}

/**
 * What a feature's services contribute to the running app besides its dialogs: HTTP routes,
 * scheduled jobs, its personal-data providers, and what to close at shutdown.
 */
export interface Feature {
  name: string;
  routes?: RouteInstaller[];
  jobs?: ScheduledJob[];
  personalData?: PersonalDataProvider[];
  close?(): Promise<void>;
}

/** A dialog to begin, with its options: how one dialog hands the user to another. */
export interface DialogStart {
  dialogId: string;
  options?: object;
}

/** A main-menu entry: its label and the dialog it starts. */
export interface MenuEntry {
  id: string;
  labelKey: string;
  dialog: Dialog;
  /** Options passed to the dialog when the entry is chosen. */
  options?: object;
}

/** Handles a message that isn't a menu choice (question answering plugs in here). */
export interface FreeTextHandler {
  dialog: Dialog;
  options(text: string): object;
  /**
   * True when text typed at a button prompt clearly reads as a question or request this handler
   * answers; the main dialog then answers it instead of taking it for a wrong button.
   */
  recognizes?(text: string, locale: Locale): boolean;
  /** Ids of the handler's own prompts, which already read free text as the next question. */
  promptIds?: readonly string[];
}

/** Runs one turn of the bot; the HTTP edge and the web widget's channel call it. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}
