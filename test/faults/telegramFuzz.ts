import fc from 'fast-check';
import { mutateJsonMany, mutationsArb } from './mutateJson';
import { badBytesTextArb, fieldTextArb, garbageArb, hugeTextArb, markedTextArb, markerArb, withBadBytes, type FuzzRequest } from './fuzzText';

export interface TelegramPeople {
  linked: number[];
  strangers: number[];
}

type Json = Record<string, unknown>;

// Commands the bot knows (and some it does not), as a user could type them.
const COMMANDS = ['lapor', 'ajukan', 'start', 'bantuan', 'batal', 'tugas', 'kendala', 'cuti', 'surat', 'ekspor', 'hasil', 'bukti', 'mundur',
  'laporantim', 'pengajuanku', 'hubungkangrup', 'tugaskan', 'tunjuk', 'x_unknown', 'LAPOR', 'start@timkerja_faults_bot', 'lapor@other_bot'];
const UNKNOWN_KINDS = ['edited_message', 'channel_post', 'edited_channel_post', 'my_chat_member', 'chat_member', 'poll', 'poll_answer',
  'inline_query', 'chosen_inline_result', 'shipping_query', 'pre_checkout_query', 'chat_join_request', 'message_reaction', 'business_message', 'x_future_kind'];

const updateIdArb = fc.integer({ min: 1, max: 2_000_000_000 });

function personArb(ids: number[]): fc.Arbitrary<Json> {
  return fc.tuple(fc.constantFrom(...ids), garbageArb).map(([id, name]) => ({ id, is_bot: false, first_name: name || 'x', language_code: 'id' }));
}

function messageUpdate(updateId: number, from: Json, content: Json, chat?: Json): Json {
  const chatObject = chat ?? { id: from.id, type: 'private', first_name: from.first_name };
  return { update_id: updateId, message: { message_id: updateId % 100_000, date: Math.floor(Date.now() / 1000), from, chat: chatObject, ...content } };
}

// What a linked user could send: commands with garbage arguments, answers, files, group commands.
function contentArb(): fc.Arbitrary<Json> {
  const command = fc.tuple(fc.constantFrom(...COMMANDS), fieldTextArb).map(([name, args]) => ({ text: `/${name} ${args}` }));
  const document = fc.record({ file_id: markerArb, file_name: markedTextArb, mime_type: fc.constantFrom('application/pdf', 'image/png', 'x/garbage') });
  return fc.oneof(
    { arbitrary: command, weight: 5 },
    { arbitrary: fieldTextArb.map((text) => ({ text })), weight: 3 },
    { arbitrary: fc.tuple(document, markedTextArb).map(([doc, caption]) => ({ document: doc, caption })), weight: 1 },
    { arbitrary: fc.tuple(markerArb, markedTextArb).map(([fileId, caption]) => ({ photo: [{ file_id: fileId, file_unique_id: 'u', width: 1, height: 1 }], caption })), weight: 1 },
  );
}

function validMessageArb(people: number[]): fc.Arbitrary<Json> {
  const group = fc.integer({ min: -1_000_000_000_000, max: -1 }).map((id) => ({ id, type: 'supergroup', title: 'grup' }));
  return fc.tuple(updateIdArb, personArb(people), contentArb(), fc.option(group, { freq: 8 }))
    .map(([id, from, content, chat]) => messageUpdate(id, from, content, chat ?? undefined));
}

/** Callback data the bot never issued, from anyone, with or without the message it claims to sit on. */
function callbackArb(people: number[]): fc.Arbitrary<Json> {
  const data = fc.oneof(markerArb, markedTextArb, fc.constant(''), hugeTextArb.map((text) => text.slice(0, 300)));
  return fc.tuple(updateIdArb, personArb(people), fc.option(data, { freq: 10 }), fc.boolean(), garbageArb).map(([id, from, value, onMessage, queryId]) => ({
    update_id: id,
    callback_query: {
      id: `fz${queryId}`, from, chat_instance: '1', ...(value === null ? {} : { data: value }),
      ...(onMessage ? { message: { message_id: 1, date: 0, chat: { id: from.id, type: 'private' } } } : {}),
    },
  }));
}

/** A valid update with one to three fields deleted or replaced by values of any JSON type. */
function mutatedArb(people: number[]): fc.Arbitrary<Json> {
  return fc.tuple(fc.oneof(validMessageArb(people), callbackArb(people)), mutationsArb).map(([update, mutations]) => mutateJsonMany(update, mutations));
}

function unknownKindArb(): fc.Arbitrary<Json> {
  return fc.tuple(updateIdArb, fc.constantFrom(...UNKNOWN_KINDS), fc.jsonValue({ maxDepth: 3 }), markedTextArb)
    .map(([id, kind, value, text]) => ({ update_id: id, [kind]: typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, text } : value }));
}

const json = (kind: string) => (value: unknown): FuzzRequest => ({ kind, body: Buffer.from(JSON.stringify(value)), contentType: 'application/json' });

/** Bodies that are not JSON at all, or JSON cut short. */
const notJsonArb: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.tuple(markedTextArb, fc.nat()).map(([text, cut]) => { const body = JSON.stringify({ update_id: 1, message: { text } }); return Buffer.from(body.slice(0, cut % body.length)); }),
  fc.constantFrom('', 'null', 'true', '[]', '"x"', '{', '{}', '{"update_id":null}', '0').map((body) => Buffer.from(body)),
).map((body) => ({ kind: 'not-json', body, contentType: 'application/json' }));

/** Every kind of fuzzed Telegram webhook body, weighted; `people` are the linked users and strangers. */
export function telegramFuzzArb(people: TelegramPeople): fc.Arbitrary<FuzzRequest> {
  const everyone = [...people.linked, ...people.strangers];
  const badUtf8 = fc.tuple(updateIdArb, personArb(people.linked), badBytesTextArb)
    .map(([id, from, text]) => ({ kind: 'bad-utf8', body: withBadBytes(JSON.stringify(messageUpdate(id, from, { text }))), contentType: 'application/json' }));
  // Weights (per 200): under 2% reach the core. A turn costs some 15 ms and its reply 35-100 ms of
  // the outbox's pacing (Telegram 30/s, Slack 10/s, one drain loop): at 4% of 100,000 the replies
  // queued for minutes and a valid update afterwards waited 155 s for its answer.
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json('wrong-type')), weight: 50 },
    { arbitrary: notJsonArb, weight: 20 },
    { arbitrary: mutatedArb(everyone).map(json('mutated')), weight: 20 },
    { arbitrary: unknownKindArb().map(json('unknown-kind')), weight: 105 },
    { arbitrary: callbackArb(everyone).map(json('callback-never-issued')), weight: 1 },
    { arbitrary: validMessageArb(people.linked).map(json('linked-user')), weight: 1 },
    { arbitrary: validMessageArb(people.strangers).map(json('stranger')), weight: 1 },
    { arbitrary: fc.tuple(updateIdArb, personArb(everyone), hugeTextArb).map(([id, from, text]) => messageUpdate(id, from, { text })).map(json('huge-text')), weight: 1 },
    { arbitrary: badUtf8, weight: 1 },
  );
}
