import type http from 'node:http';
import { fail } from './failure';
import type { Params, UploadedFile } from './types';

// Telegram: uploads by multipart are limited to 50 MB.
const MAX_BODY_BYTES = 50 * 1024 * 1024;

// Fields that arrive as JSON strings in urlencoded/multipart bodies, and form fields worth typing.
const JSON_FIELDS = /^(reply_markup|commands|scope|allowed_updates|entities|caption_entities)$/;
const BOOLEAN_FIELDS = /^(show_alert|drop_pending_updates|protect_content|disable_\w+)$/;
const NUMBER_FIELDS = /^(chat_id|message_id|user_id|offset|limit|timeout|cache_time)$/;

function coerce(key: string, value: string): unknown {
  if (JSON_FIELDS.test(key)) { try { return JSON.parse(value) as unknown; } catch { return value; } }
  if (BOOLEAN_FIELDS.test(key) && /^(true|false)$/.test(value)) return value === 'true';
  if (NUMBER_FIELDS.test(key) && /^-?\d{1,15}$/.test(value)) return Number(value);
  return value;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw fail(413, 'Request Entity Too Large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parameters from the query string and a JSON, urlencoded or multipart body; uploads go to `files`. */
export async function readRequest(req: http.IncomingMessage, url: URL): Promise<{ params: Params; files: Record<string, UploadedFile> }> {
  const body = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  const params: Params = {};
  const files: Record<string, UploadedFile> = {};
  url.searchParams.forEach((value, key) => { params[key] = coerce(key, value); });
  try {
    if (type.includes('application/json') && body.length > 0) {
      const json = JSON.parse(body.toString('utf8')) as Params;
      for (const [key, value] of Object.entries(json)) params[key] = typeof value === 'string' ? coerce(key, value) : value;
    } else if (type.includes('application/x-www-form-urlencoded')) {
      new URLSearchParams(body.toString('utf8')).forEach((value, key) => { params[key] = coerce(key, value); });
    } else if (type.includes('multipart/form-data')) {
      const form = await new Response(body, { headers: { 'content-type': type } }).formData();
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') params[key] = coerce(key, value);
        else files[key] = { name: value.name, type: value.type, content: Buffer.from(await value.arrayBuffer()) };
      }
      delete params.method;  // telegraf repeats the method name as a multipart field
    }
  } catch {
    throw fail(400, 'Bad Request: the request body cannot be parsed');
  }
  return { params, files };
}
