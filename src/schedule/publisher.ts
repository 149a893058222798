/** The port through which scheduled digests are posted; each chat adapter implements it. */
import type { Platform } from '../../commands/command.js';
import type { View } from '../core/answer/view.js';

/**
 * What the runner tells a publisher about one delivery, and the hooks through which the publisher
 * reports each request, so the ledger always knows whether a request may be in flight.
 *
 * Contract: call `beforeSend(page)` immediately before each request that may post page `page`
 * (it records "sending" and throws if the claim was lost: then post nothing); call `sent(page,
 * ref)` once the platform confirmed the page; skip pages below `done`. When `uncertainSince` is
 * set, an earlier request for page `done` may have posted it: check first (`sent` if found,
 * `absent` if certainly not there), or throw CannotVerifyError; never re-post blindly.
 */
export interface PublishContext {
  /** Stable id of the delivery (platform/channel/local date): the idempotency key. */
  deliveryId: string;
  /** Pages already confirmed by an earlier attempt. */
  done: number;
  /** The platform's reference of page 0 (Slack: its ts, the thread of later pages). */
  ref?: string;
  /** A request for page `done`, made at this instant or later, may have posted it. */
  uncertainSince?: Date;
  /** The runner's clock (the ledger's instants are on it). */
  now(): Date;
  beforeSend(page: number): Promise<void>;
  sent(page: number, ref?: string): Promise<void>;
  /** A check proved that page `done` was not posted after all. */
  absent(page: number): void;
}

export interface Publisher {
  platform: Platform;
  /**
   * Post a view in a channel. Throws ChannelGoneError when the channel no longer exists or the
   * bot was removed, OutcomeUnknownError when a request may or may not have posted (a lost
   * answer, a 5xx), CannotVerifyError when an uncertain page cannot be checked.
   */
  publish(channelId: string, view: View, ctx?: PublishContext): Promise<void>;
}

/** The channel is gone or the bot can no longer post there: disable the subscription, do not retry. */
export class ChannelGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelGoneError';
  }
}

/** A request may or may not have posted (its answer was lost). Retried later, after a check. */
export class OutcomeUnknownError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutcomeUnknownError';
  }
}

/** An uncertain page cannot be checked on this platform: report it, never re-post it. */
export class CannotVerifyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CannotVerifyError';
  }
}

/** The delivery's claim was taken over by another run (its process was presumed dead): post nothing. */
export class LostClaimError extends Error {
  constructor(message = 'the delivery was claimed by another run') {
    super(message);
    this.name = 'LostClaimError';
  }
}
