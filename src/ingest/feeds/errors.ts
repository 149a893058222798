/** A user-facing problem with a feed command (bad URL, refused address, too many feeds). Kept apart so commands/ loads no fetching code. */
export class FeedError extends Error {}
