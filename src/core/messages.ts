import type { CatalogKey, Params } from './catalog/t';

/** Catalogue text: a key and its parameters, never a literal string (style R3). */
export interface Text {
  key: CatalogKey;
  params?: Params;
}

/**
 * A button as a flow sees it. `step` buttons belong to the conversation and are valid only at the
 * step the turn ends in; `action` buttons (approvals) are handled by the flow's `actions`, for the
 * pegawai listed in `allowed` (or anyone, if the handler authorizes itself).
 */
export interface Button {
  label: Text;
  action: string;
  args?: Record<string, string>;
  style?: 'primary' | 'danger';
  scope?: 'step' | 'action';
  /** For `action` buttons: the flow whose `actions` handle the press (default: the current flow). */
  flowId?: string;
  allowed?: string[];
}

/** The outbound vocabulary flows emit; adapters never see it, only its rendered form below. */
export type CoreMessage =
  | { kind: 'text'; text: Text }
  | { kind: 'choice'; text: Text; rows: Button[][] }
  | { kind: 'document'; fileName: string; mimeType: string; contentBase64: string; caption?: Text }
  /** A file a user sent earlier, forwarded by the platform's own file id (never downloaded). */
  | { kind: 'attachment'; file: PlatformFile; caption?: Text }
  | { kind: 'edit'; targetMessageId: string; replacement: CoreMessage };

export interface PlatformFile {
  platform: string;
  fileId: string;
  fileName?: string | null;
  mimeType?: string | null;
}

/** One field of a form a step offers (Slack shows the fields together in a modal). */
export interface FormField {
  /** Lowercase letters, digits and `_`: also the key of the submitted value. */
  name: string;
  label: Text;
  hint?: Text;
  multiline?: boolean;
  optional?: boolean;
  /** The value saved so far (a half-filled draft), shown pre-filled. */
  initial?: string;
  maxLength?: number;
}

/** A form in the reader's language, as the adapter renders it. */
export interface RenderedForm {
  formId: string;
  title: string;
  submitLabel: string;
  fields: Array<{ name: string; label: string; hint?: string; multiline: boolean; optional: boolean; initial?: string; maxLength?: number }>;
}

/** A titled block of lines on a user's home view; `empty` stands in when there are no lines. */
export interface HomeSection {
  heading: string;
  lines: string[];
  empty: string;
}

export interface RenderedButton {
  label: string;
  token: string; // ≤ 64 bytes: Telegram callback_data limit
  style?: 'primary' | 'danger';
  /** Question asked before a `danger` press goes through, where the platform can ask (Slack). */
  confirm?: { title: string; text: string; yes: string; no: string };
}

/** What sits in the outbox and what a MessengerPort renders: localized, tokens issued. */
export type OutboundMessage =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; text: string; rows: RenderedButton[][] }
  | { kind: 'document'; fileName: string; mimeType: string; contentBase64: string; caption?: string }
  | { kind: 'attachment'; fileId: string; fileName?: string; mimeType?: string; caption?: string }
  /** The user's home view (Slack App Home), rendered whole; platforms without one ignore it. */
  | { kind: 'home'; title: string; updated: string; sections: HomeSection[] };

export const text = (key: CatalogKey, params?: Text['params']): CoreMessage => ({ kind: 'text', text: { key, params } });
export const choice = (key: CatalogKey, rows: Button[][], params?: Text['params']): CoreMessage =>
  ({ kind: 'choice', text: { key, params }, rows });
export const label = (key: CatalogKey, params?: Text['params']): Text => ({ key, params });
