export interface FakeUser { id: number; first_name: string; username?: string }
export interface FakeChat { id: number; type: 'private' | 'group' | 'supergroup'; title?: string }
export interface UploadedFile { name: string; type: string; content: Buffer }
export interface ApiError { error_code: number; description: string; parameters?: { retry_after?: number } }
export interface RecordedCall {
  method: string; params: Record<string, unknown>; files: Record<string, UploadedFile>; at: number;
  /** Set when the server answered ok:false (failure injected, validation, unknown method, wrong token). */
  error?: ApiError;
}
export interface FakeDocument { file_id: string; file_unique_id: string; file_name: string; mime_type?: string }
export interface BotUser { id: number; is_bot: true; first_name: string; username: string }
/** A bot message as the server stores it: current state after edits. */
export interface StoredMessage {
  message_id: number; date: number; edit_date?: number;
  chat: { id: number; type: FakeChat['type']; title?: string };
  from: BotUser;
  text?: string; caption?: string; document?: FakeDocument; photo?: Array<{ file_id: string }>;
  reply_markup?: { inline_keyboard: unknown[][] };
}
/** A message a user sent, as the server keeps it for the transcript. */
export interface UserMessage {
  message_id: number; date: number; from: { id: number; first_name: string }; chat: { id: number };
  text?: string; caption?: string; document?: FakeDocument; photo?: Array<{ file_id: string }>;
}
/** An update as JSON (the shape telegraf's `Update` describes; no chat SDK is imported here). */
export interface UpdateJson { update_id: number }
/** What changed on the server: a chat's messages, or a notice answering a button press. */
export interface BotApiChange { chatId?: number; notice?: { userId: number; text: string } }
export type Params = Record<string, unknown>;
