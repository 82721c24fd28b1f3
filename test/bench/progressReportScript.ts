import type { Db } from '../../src/db/createDb';
import type { FakeTelegram, FakeUser } from '../fakes/fakeTelegram';
import type { BenchMember } from './benchOrganisation';
import { pressUpdate, privateChat } from './telegramBots';

export type Turn = { kind: 'text'; text: string } | { kind: 'press'; label: string };

/** WF-7's whole conversation: /lapor, a capaian per target, the texts, "Lanjut" past bukti, "Kirim". */
export function progressReportTurns(targets: number): Turn[] {
  return [
    { kind: 'text', text: '/lapor' },
    ...Array.from({ length: Math.max(1, targets) }, (_, i): Turn => ({ kind: 'text', text: String(10 + i) })),
    { kind: 'text', text: 'Menyusun dan memvalidasi dataset mingguan' },
    { kind: 'text', text: 'Dua dataset tervalidasi' },
    { kind: 'press', label: 'Lanjut' },
    { kind: 'text', text: 'Tidak ada kendala berarti' },
    { kind: 'text', text: 'Melanjutkan validasi dataset berikutnya' },
    { kind: 'press', label: 'Kirim' },
  ];
}

/**
 * The token of the button `label` on the newest message queued for this pegawai. A simulated user
 * presses it as soon as the turn that offered it has committed, as if the outbox delivered at
 * once: so the 30 messages/s send limit does not gate the inbound measurement.
 */
export async function findButtonToken(db: Db, pegawaiId: string, label: string): Promise<string> {
  const rows = await db.outboxMessage.findMany({
    where: { pegawaiId, payload: { contains: `"label":${JSON.stringify(label)}` } }, orderBy: [{ createdAt: 'desc' }], take: 1,
  });
  const payload = rows[0] ? JSON.parse(rows[0].payload) as { rows?: Array<Array<{ label: string; token: string }>> } : {};
  const token = payload.rows?.flat().find((button) => button.label === label)?.token;
  if (!token) throw new Error(`no '${label}' button queued for pegawai ${pegawaiId}`);
  return token;
}

/** One simulated Telegram user walking through the progress report, turn by turn. */
export class ReportingUser {
  private turn = 0;
  private readonly turns: Turn[];
  private prefetched: Promise<string> | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** Turns that had to wait for the same user's previous turn to be answered. */
  held = 0;

  /** `db` may be null for a user who only sends texts (the echo bot's load). */
  constructor(readonly user: FakeUser, readonly member: BenchMember, private readonly tg: FakeTelegram, private readonly db: Db | null) {
    this.turns = progressReportTurns(member.targets);
  }

  get finished(): boolean { return this.turn >= this.turns.length; }
  get turnCount(): number { return this.turns.length; }

  /**
   * Builds the next update (looking up a button's token if it is a press) and advances; null when
   * the button is not there (the conversation went wrong): the user then stops, and the scenario
   * reports the conversation as not completed.
   */
  async nextUpdate(): Promise<Record<string, unknown> | null> {
    if (this.finished) return null;
    const turn = this.turns[this.turn++]!;
    if (turn.kind === 'text') return this.tg.sendText(this.user, privateChat(this.user), turn.text) as unknown as Record<string, unknown>;
    const token = await (this.prefetched ?? this.lookUp(turn.label)).catch(() => null);
    this.prefetched = null;
    if (token === null) {
      this.turn = this.turns.length;
      return null;
    }
    return pressUpdate(this.tg, this.user, token);
  }

  private lookUp(label: string): Promise<string> {
    if (!this.db) return Promise.reject(new Error('a press needs the database to find its token'));
    return findButtonToken(this.db, this.member.pegawaiId, label);
  }

  /**
   * Runs this user's next turn after their previous one is answered (a person answers what they
   * saw): under open-loop load a slow answer delays the user's next turn instead of reordering it.
   */
  inTurn<T>(send: () => Promise<T>): Promise<T> {
    if (this.pending > 0) this.held++;
    this.pending++;
    const next = this.inFlight.then(send).finally(() => { this.pending--; });
    this.inFlight = next.catch(() => undefined);
    return next;
  }

  /** After an answer: start looking up the next press's token now, so it is ready when its slot comes. */
  prefetch(): void {
    const turn = this.turns[this.turn];
    if (turn?.kind === 'press') this.prefetched = this.lookUp(turn.label);
    this.prefetched?.catch(() => undefined);
  }
}
