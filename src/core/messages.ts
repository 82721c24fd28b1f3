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

export interface RenderedButton {
  label: string;
  token: string; // ≤ 64 bytes: Telegram callback_data limit
  style?: 'primary' | 'danger';
}

/** What sits in the outbox and what a MessengerPort renders: localized, tokens issued. */
export type OutboundMessage =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; text: string; rows: RenderedButton[][] }
  | { kind: 'document'; fileName: string; mimeType: string; contentBase64: string; caption?: string }
  | { kind: 'attachment'; fileId: string; fileName?: string; mimeType?: string; caption?: string };

export const text = (key: CatalogKey, params?: Text['params']): CoreMessage => ({ kind: 'text', text: { key, params } });
export const choice = (key: CatalogKey, rows: Button[][], params?: Text['params']): CoreMessage =>
  ({ kind: 'choice', text: { key, params }, rows });
export const label = (key: CatalogKey, params?: Text['params']): Text => ({ key, params });
