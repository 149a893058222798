/** Discord wire payloads for the fake: users, interactions, messages, options. */

export const DEFAULT_GUILD = '600000000000000001';
export const DEFAULT_CHANNEL = '700000000000000001';

/** A Discord user as the API describes one. */
export function user(id: string, name = `user${id}`) {
  return { id, username: name, discriminator: '0', global_name: name, avatar: null };
}

/** Discord's permission bits used here. */
export const PERMS = { none: '0', sendMessages: '2048', manageChannels: '16', administrator: '8' } as const;

export interface InteractionOpts {
  userId?: string;
  channelId?: string;
  guildId?: string;
  /** Member permissions bitfield as a string. */
  permissions?: string;
}

/** Option helpers in Discord's wire shape. */
export const opt = {
  str: (name: string, value: string, focused?: boolean) => ({ name, type: 3, value, ...(focused ? { focused: true } : {}) }),
  int: (name: string, value: number) => ({ name, type: 4, value }),
  sub: (name: string, options: unknown[] = []) => ({ name, type: 1, options }),
};

/** An INTERACTION_CREATE payload as Discord sends it, guild context included. */
export function interactionPayload(ids: { id: string; token: string; applicationId: string }, type: number, data: unknown, o: InteractionOpts) {
  const guildId = o.guildId ?? DEFAULT_GUILD;
  const channelId = o.channelId ?? DEFAULT_CHANNEL;
  return {
    id: ids.id,
    application_id: ids.applicationId,
    type,
    token: ids.token,
    version: 1,
    data,
    guild_id: guildId,
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: guildId, name: 'general', permissions: '2147483647' },
    member: {
      user: user(o.userId ?? '500000000000000001'),
      roles: [],
      joined_at: '2019-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: o.permissions ?? PERMS.sendMessages,
    },
    app_permissions: '2147483647',
    locale: 'en-US',
    guild_locale: 'en-US',
    // Without these two, discord.js throws inside its own handler and the interaction is lost.
    entitlements: [],
    authorizing_integration_owners: { '0': guildId },
    context: 0,
    attachment_size_limit: 10485760,
  };
}

/** A full message object, as Discord returns for sends and edits. */
export function messageObject(
  body: Record<string, unknown>,
  o: { id: string; channelId?: string; author: Record<string, unknown>; applicationId: string },
): Record<string, unknown> {
  return {
    id: o.id,
    channel_id: o.channelId ?? DEFAULT_CHANNEL,
    type: 0,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    author: o.author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    flags: body.flags ?? 0,
    webhook_id: o.applicationId,
    application_id: o.applicationId,
  };
}
