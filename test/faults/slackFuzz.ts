import fc from 'fast-check';
import type { SlackUserRef } from '../fakes/fakeSlack';
import { badBytesTextArb, fieldTextArb, garbageArb, hugeTextArb, markedTextArb, markerArb, withBadBytes, type FuzzRequest } from './fuzzText';
import { mutateJsonMany, mutationsArb } from './mutateJson';

export interface SlackPeople {
  teamId: string;
  linked: SlackUserRef[];
  strangers: SlackUserRef[];
}

type Json = Record<string, unknown>;

const FORM = 'application/x-www-form-urlencoded';
const WORDS = ['lapor', 'ajukan', 'bantuan', 'batal', 'hubungkan', 'tugas', 'kendala', 'cuti', 'surat', 'ekspor', 'hasil', 'mundur', 'x_unknown', ''];
const EVENT_TYPES = ['message', 'message', 'message', 'app_home_opened', 'reaction_added', 'app_mention', 'member_joined_channel', 'x_future_event'];
const SUBTYPES = [undefined, undefined, undefined, 'file_share', 'message_changed', 'bot_message', 'channel_join', 'x_subtype'];

const tsArb = fc.tuple(fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }), fc.nat({ max: 999_999 })).map(([s, us]) => `${s}.${String(us).padStart(6, '0')}`);

function userArb(people: SlackPeople): fc.Arbitrary<{ id: string; dm: string }> {
  const known = fc.constantFrom(...people.linked, ...people.strangers).map((u) => ({ id: u.id, dm: u.dmChannel }));
  const unknown = markerArb.map((m) => ({ id: `U${m}`, dm: `D${m}` }));
  return fc.oneof({ arbitrary: known, weight: 9 }, { arbitrary: unknown, weight: 1 });
}

const form = (kind: string) => (fields: Array<[string, string]>): FuzzRequest =>
  ({ kind, body: Buffer.from(new URLSearchParams(fields).toString()), contentType: FORM });
const payload = (kind: string) => (value: unknown): FuzzRequest => form(kind)([['payload', JSON.stringify(value)]]);
const json = (kind: string) => (value: unknown): FuzzRequest => ({ kind, body: Buffer.from(JSON.stringify(value)), contentType: 'application/json' });

/** `/timkerja <word> <garbage>`; fields sometimes missing or repeated (querystring then gives an array). */
function slashArb(people: SlackPeople): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(userArb(people), fc.constantFrom(...WORDS), fieldTextArb, markerArb, fc.nat(), fc.constantFrom('/timkerja', '/timkerja', '/timkerja', '/other'))
    .map(([user, word, args, trigger, drop, command]) => {
      const fields: Array<[string, string]> = [['token', 'x'], ['team_id', people.teamId], ['user_id', user.id], ['user_name', 'u'], ['channel_id', user.dm],
        ['channel_name', 'directmessage'], ['command', command], ['text', `${word} ${args}`], ['trigger_id', `1.2.${trigger}`], ['api_app_id', 'A0TIMKERJA']];
      const victim = drop % (fields.length * 3);
      if (victim < fields.length) fields.splice(victim, 1);
      else if (victim < fields.length * 2) fields.push([fields[victim - fields.length]![0], 'doppelt']);
      return fields;
    }).map(form('slash'));
}

/** A button press with a value the bot never issued. */
function actionArb(people: SlackPeople): fc.Arbitrary<Json> {
  const value = fc.oneof(markerArb, markedTextArb, hugeTextArb.map((t) => t.slice(0, 3000)));
  return fc.tuple(userArb(people), value, markerArb, tsArb, fc.boolean()).map(([user, v, actionId, ts, trigger]) => ({
    type: 'block_actions', team: { id: people.teamId, domain: 'timkerja' }, user: { id: user.id, team_id: people.teamId, name: 'u' },
    api_app_id: 'A0TIMKERJA', token: 'x', channel: { id: user.dm, name: 'directmessage' }, container: { type: 'message', message_ts: ts, channel_id: user.dm },
    ...(trigger ? { trigger_id: `1.2.${actionId}` } : {}), response_url: 'http://127.0.0.1:9/actions/x',
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: v, action_ts: ts }],
  }));
}

/** A modal submission for a form the bot never opened (or one whose metadata is garbage). */
function viewArb(people: SlackPeople): fc.Arbitrary<Json> {
  const metadata = fc.oneof(markedTextArb.map((formId) => JSON.stringify({ formId })), markedTextArb, fc.constant(''));
  const values = fc.dictionary(markedTextArb, fc.record({ nilai: fc.record({ type: fc.constant('plain_text_input'), value: fc.option(fieldTextArb) }) }), { maxKeys: 4 });
  return fc.tuple(userArb(people), metadata, values, markerArb, fc.constantFrom('timkerja_form', 'timkerja_form', 'timkerja_form', 'x_other'))
    .map(([user, meta, state, viewId, callbackId]) => ({
      type: 'view_submission', team: { id: people.teamId }, user: { id: user.id, team_id: people.teamId, name: 'u' }, api_app_id: 'A0TIMKERJA', token: 'x',
      trigger_id: `1.2.${viewId}`, view: { id: `V${viewId}`, type: 'modal', callback_id: callbackId, private_metadata: meta, state: { values: state }, hash: 'h' },
    }));
}

/** An Events API envelope: messages in DMs (text, files, subtypes), home opened, kinds the bot does not know. */
function eventArb(people: SlackPeople): fc.Arbitrary<Json> {
  const files = fc.array(fc.record({ id: markerArb.map((m) => `F${m}`), name: markedTextArb, mimetype: fc.constantFrom('application/pdf', 'x/y') }), { maxLength: 3 });
  return fc.tuple(userArb(people), fc.constantFrom(...EVENT_TYPES), fc.constantFrom(...SUBTYPES), fieldTextArb, fc.option(files, { freq: 5 }), markerArb, tsArb)
    .map(([user, type, subtype, text, fileList, eventId, ts]) => ({
      token: 'x', team_id: people.teamId, api_app_id: 'A0TIMKERJA', type: 'event_callback', event_id: `Ev${eventId}`, event_time: 1,
      event: { type, ...(subtype ? { subtype } : {}), user: user.id, text, ts, event_ts: ts, channel: user.dm, channel_type: 'im', tab: 'home', ...(fileList ? { files: fileList } : {}) },
    }));
}

/** A valid-looking payload with one to three fields deleted or replaced by any JSON value. */
function mutatedArb(people: SlackPeople): fc.Arbitrary<FuzzRequest> {
  // An action survives most mutations (Slack sends many fields timkerja ignores): fewer of them.
  return fc.oneof(
    { arbitrary: fc.tuple(actionArb(people), mutationsArb).map(([v, mutations]) => payload('mutated-action')(mutateJsonMany(v, mutations))), weight: 1 },
    { arbitrary: fc.tuple(viewArb(people), mutationsArb).map(([v, mutations]) => payload('mutated-view')(mutateJsonMany(v, mutations))), weight: 4 },
    { arbitrary: fc.tuple(eventArb(people), mutationsArb).map(([v, mutations]) => json('mutated-event')(mutateJsonMany(v, mutations))), weight: 4 },
  );
}

/** Bodies bolt cannot parse (answered 400), or whose type it does not know (not acknowledged: held 3 s, then 404). */
const junkArb: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: 'not-json', body: Buffer.from(bytes), contentType: 'application/json' })), weight: 6 },
  { arbitrary: fc.tuple(garbageArb, markerArb).map(([g, m]) => form('payload-not-json')([['payload', `${g}${m}`]])), weight: 6 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json('wrong-type')), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map(payload('wrong-type-payload')), weight: 1 },
  {
    arbitrary: fc.tuple(markedTextArb, fc.constantFrom('url_verification', 'shortcut', 'message_action', 'block_suggestion', 'view_closed', 'x_future'))
      .map(([text, type]) => payload('unknown-kind')({ type, challenge: text, user: { id: 'U1' }, team: { id: 'T1' }, callback_id: text })),
    weight: 1,
  },
);

/** Every kind of fuzzed Slack request body, weighted. */
export function slackFuzzArb(people: SlackPeople): fc.Arbitrary<FuzzRequest> {
  const badUtf8 = fc.tuple(eventArb(people), badBytesTextArb).map(([envelope, text]) => {
    (envelope.event as Json).text = text;
    return { kind: 'bad-utf8', body: withBadBytes(JSON.stringify(envelope)), contentType: 'application/json' };
  });
  // Weights (per 200): about 2% reach the core, as for Telegram; few are held unacknowledged for 3 s.
  return fc.oneof(
    { arbitrary: slashArb(people), weight: 1 },
    { arbitrary: actionArb(people).map(payload('action-never-issued')), weight: 1 },
    { arbitrary: viewArb(people).map(payload('view-never-opened')), weight: 1 },
    { arbitrary: eventArb(people).map(json('event')), weight: 1 },
    { arbitrary: mutatedArb(people), weight: 20 },
    { arbitrary: junkArb, weight: 175 },
    { arbitrary: badUtf8, weight: 1 },
  );
}
