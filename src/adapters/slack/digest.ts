/**
 * Pages of a view on Slack. A digest is a briefing to read in one message: it gets a larger page
 * (still within Slack's 50 blocks: each view block renders to at most two Slack blocks and a page
 * adds at most six) so that a usual digest, every section included, is one message.
 */
import type { View } from '../../core/answer/view.js';
import { type PageBudget, paginate } from '../shared/paginate.js';
import { SLACK_PAGE_BUDGET } from './render.js';

export const SLACK_DIGEST_BUDGET: PageBudget = { maxChars: 12_000, maxBlocks: 22 };

export function slackPages(view: View): View[] {
  return paginate(view, view.kind === 'digest' ? SLACK_DIGEST_BUDGET : SLACK_PAGE_BUDGET);
}
