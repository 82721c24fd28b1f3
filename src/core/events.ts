import { z } from 'zod';

export const PlatformSchema = z.enum(['telegram', 'slack', 'fake']);
export type Platform = z.infer<typeof PlatformSchema>;

/** Where a chat account lives: the identity key (platform, workspace, accountId) and its DM chat. */
export const AccountRefSchema = z.object({
  platform: PlatformSchema,
  workspace: z.string(), // Slack team id; "" on Telegram
  accountId: z.string().min(1),
  chatId: z.string().min(1),
  /** Whether chatId is the account's direct (private) chat; false in a group or channel. */
  direct: z.boolean().default(true),
  email: z.string().optional(),
});
export type AccountRef = z.infer<typeof AccountRefSchema>;

const MetaSchema = z.object({
  eventKey: z.string().min(1).max(200), // platform-unique update id, for inbound dedupe
  account: AccountRefSchema,
  /** The platform can open a form (Slack: a modal) in answer to this event, e.g. a trigger_id is at hand. */
  forms: z.boolean().optional(),
});

/** The inbound vocabulary: what any adapter turns a platform update into. */
export const CoreEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), meta: MetaSchema, command: z.string().regex(/^[a-z0-9_]{1,32}$/), args: z.string().max(4000) }),
  z.object({ kind: z.literal('text'), meta: MetaSchema, text: z.string().min(1).max(8000) }),
  z.object({ kind: z.literal('button'), meta: MetaSchema, token: z.string().min(1).max(64) }),
  z.object({
    kind: z.literal('file'), meta: MetaSchema, fileId: z.string().min(1), fileName: z.string().optional(),
    mimeType: z.string().optional(), caption: z.string().max(4000).optional(),
  }),
  /** A form (modal) submitted at once; answered with per-field errors or a transition like a text answer. */
  z.object({ kind: z.literal('form'), meta: MetaSchema, formId: z.string().min(1).max(100), values: z.record(z.string().max(100), z.string().max(8000)) }),
  /** The user opened the platform's home view (Slack App Home): refresh it. */
  z.object({ kind: z.literal('home'), meta: MetaSchema }),
]);
export type CoreEvent = z.infer<typeof CoreEventSchema>;
