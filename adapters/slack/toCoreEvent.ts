import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CoreEvent } from '../../src/core/events';

// Only the fields timkerja reads; Slack sends many more, and zod drops them.
const SlashSchema = z.object({
  team_id: z.string(), user_id: z.string(), channel_id: z.string(), channel_name: z.string().optional(),
  text: z.string().default(''), trigger_id: z.string(),
});
const ActionSchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string() }).nullable().optional(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  channel: z.object({ id: z.string() }).optional(),
  trigger_id: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string() })).min(1),
});
const ViewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: z.string() }).nullable().optional(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  view: z.object({
    id: z.string(), private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({
      value: z.string().nullable().optional(), selected_option: z.object({ value: z.string() }).nullable().optional(),
    }))) }),
  }),
});
const MessageEventSchema = z.object({
  type: z.literal('message'), channel: z.string(), channel_type: z.string().optional(), user: z.string().optional(),
  text: z.string().optional(), subtype: z.string().optional(), bot_id: z.string().optional(),
  files: z.array(z.object({ id: z.string(), name: z.string().optional(), mimetype: z.string().optional() })).optional(),
});
const HomeOpenedSchema = z.object({ type: z.literal('app_home_opened'), user: z.string(), channel: z.string(), tab: z.string().optional() });
const FormMetadataSchema = z.object({ formId: z.string() });
// The envelope's ids are unchecked input too: they become the dedupe key and the account's workspace.
const EnvelopeSchema = z.object({ eventId: z.string().min(1), teamId: z.string().min(1) });

// Slack conversation ids: D… a direct message; C…/G… a channel or private channel. A user's DM
// with the bot is addressed by the user's id everywhere (chat.postMessage accepts it), so the
// linked chat stays one value whichever way the user wrote.
const isDirect = (channelId: string) => channelId.startsWith('D');

function meta(eventKey: string, team: string, user: string, chatId: string, direct: boolean, forms: boolean) {
  return { eventKey, forms, account: { platform: 'slack' as const, workspace: team, accountId: user, chatId, direct } };
}

/**
 * `/timkerja <perintah> <argumen>`: the first word names the core command (`/timkerja` alone asks
 * for help). From a direct message the reply goes to the bot's own DM with the user: the command
 * may come from a DM between two people, where the bot cannot write.
 */
export function slashToEvent(raw: unknown): CoreEvent | null {
  const parsed = SlashSchema.safeParse(raw);
  if (!parsed.success) return null;
  const body = parsed.data;
  const [word = '', ...rest] = body.text.trim().split(/\s+/);
  const command = word.toLowerCase().replace(/^\//, '').replace(/[^a-z0-9_]/g, '').slice(0, 32) || 'bantuan';
  const direct = body.channel_name === 'directmessage' || isDirect(body.channel_id);
  return {
    kind: 'command', command, args: rest.join(' ').slice(0, 4000),
    meta: meta(`slack:${body.team_id}:command:${body.trigger_id}`, body.team_id, body.user_id, direct ? body.user_id : body.channel_id, direct, true),
  };
}

/** A button press; the button's value is the core's token. Each click has its own action_ts. */
export function actionToEvent(raw: unknown): CoreEvent | null {
  const parsed = ActionSchema.safeParse(raw);
  if (!parsed.success) return null;
  const body = parsed.data;
  const action = body.actions[0]!;
  const team = body.team?.id ?? body.user.team_id ?? '';
  const channel = body.channel?.id;
  const direct = !channel || isDirect(channel);
  return {
    kind: 'button', token: (action.value ?? action.action_id).slice(0, 64),
    meta: meta(`slack:${team}:action:${action.action_ts}:${body.user.id}`, team, body.user.id, direct ? body.user.id : channel!, direct, Boolean(body.trigger_id)),
  };
}

/** A submitted modal: its input blocks are named after the form's fields. */
export function viewToEvent(raw: unknown): CoreEvent | null {
  const parsed = ViewSubmissionSchema.safeParse(raw);
  if (!parsed.success) return null;
  const body = parsed.data;
  const form = FormMetadataSchema.safeParse(safeJson(body.view.private_metadata));
  if (!form.success) return null;
  const values: Record<string, string> = {};
  for (const [blockId, elements] of Object.entries(body.view.state.values)) {
    const element = Object.values(elements)[0];
    values[blockId] = element?.value ?? element?.selected_option?.value ?? '';
  }
  const team = body.team?.id ?? body.user.team_id ?? '';
  // The same view submitted twice with the same values is one submission.
  const digest = createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16);
  return {
    kind: 'form', formId: form.data.formId, values,
    meta: meta(`slack:${team}:view:${body.view.id}:${digest}`, team, body.user.id, body.user.id, true, false),
  };
}

/**
 * A message in the bot's DM: text, or one event per shared file. Channel chatter, the bot's own
 * messages and edits are not for the bot. `eventId` (retries keep it) keys the inbound dedupe.
 */
export function messageToEvents(raw: unknown, eventId: unknown, teamId: unknown): CoreEvent[] {
  const parsed = MessageEventSchema.safeParse(raw);
  const envelope = EnvelopeSchema.safeParse({ eventId, teamId });
  if (!parsed.success || !envelope.success) return [];
  const event = parsed.data;
  if (event.channel_type !== 'im' || !event.user || event.bot_id) return [];
  if (event.subtype && event.subtype !== 'file_share') return [];
  const { eventId: id, teamId: team } = envelope.data;
  const base = (suffix: string) => meta(`slack:${team}:event:${id}${suffix}`, team, event.user!, event.user!, true, false);
  const text = unescapeSlack(event.text ?? '').trim();
  if (event.files?.length) {
    return event.files.map((file, index) => ({
      kind: 'file' as const, fileId: file.id, fileName: file.name, mimeType: file.mimetype,
      ...(text && index === 0 ? { caption: text.slice(0, 4000) } : {}), meta: base(`:${index}`),
    }));
  }
  return text ? [{ kind: 'text', text: text.slice(0, 8000), meta: base('') }] : [];
}

export function homeOpenedToEvent(raw: unknown, eventId: unknown, teamId: unknown): CoreEvent | null {
  const parsed = HomeOpenedSchema.safeParse(raw);
  const envelope = EnvelopeSchema.safeParse({ eventId, teamId });
  if (!parsed.success || !envelope.success || (parsed.data.tab && parsed.data.tab !== 'home')) return null;
  const { eventId: id, teamId: team } = envelope.data;
  return { kind: 'home', meta: meta(`slack:${team}:event:${id}`, team, parsed.data.user, parsed.data.user, true, false) };
}

// Slack escapes these three in message text; what the user typed is the unescaped form.
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
