import { t } from '../../src/core/catalog/t';
import { waitUntil, type ChatUser } from './chatUser';

export const STORAGE_FULL_ANSWER = t('id', 'umum.penyimpananPenuh');
const ERROR_ANSWER = t('id', 'umum.terjadiKesalahan');

// Three of these and the summary stay under Telegram's 4,096 characters per message.
const longText = (what: string, n: number) => `${what} ${n}: ${'menyusun, memvalidasi dan mengunggah dataset layanan kelurahan; '.repeat(11)}`.slice(0, 700);

type Input = { kind: 'text'; text: string } | { kind: 'press'; label: string };
/**
 * `late`: answered only after a longer wait (saved while the disk was full, its answer waited in
 * the outbox); `storage full` and `error`: answered that it was not saved (the person sends it again).
 */
export type StepOutcome = 'answered' | 'late' | 'storage full' | 'error' | 'silent';

/**
 * A pegawai writing long progress reports (WF-7) over and over: /lapor, then each round the
 * capaian, long texts for kegiatan, output, kendala and rencana, "Lanjut" past bukti, and at the
 * summary "Ubah isian" to write it again, until told to finish with "Kirim". An answer that says
 * the storage is full means the message was not saved: the person sends the same thing again.
 * Without any answer the person sends nothing more and waits for it (the next step() waits on).
 */
export class LongReporter {
  private position = 0;
  private finishing = false;
  /** Messages in the chat before the input still waiting for its answer. */
  private waitingSince: number | null = null;
  readonly outcomes: Record<StepOutcome, number> = { answered: 0, late: 0, 'storage full': 0, error: 0, silent: 0 };
  done = false;

  constructor(readonly chat: ChatUser, private readonly targets: number) {}

  /** After the current round, press "Kirim" instead of starting over. */
  finish(): void {
    this.finishing = true;
  }

  get waiting(): boolean {
    return this.waitingSince !== null;
  }

  async step(timeoutMs: number): Promise<StepOutcome> {
    if (this.waitingSince !== null) {
      const since = this.waitingSince;
      const late = await waitUntil(() => this.chat.messages()[since], timeoutMs);
      return late ? this.settle(refusal(late.text) ?? 'late', this.input()) : 'silent';
    }
    const input = this.input();
    const before = this.chat.messages().length;
    const refused = (fresh: Array<{ text?: string }>) => fresh.some((m) => refusal(m.text) !== null);
    const answer = input.kind === 'press'
      ? await this.chat.press(input.label, timeoutMs)
      // /lapor answers twice: the period, then the first question.
      : await this.chat.say(input.text, timeoutMs, (fresh) => fresh.length >= (this.position === 0 ? 2 : 1) || refused(fresh));
    if (!answer) {
      this.waitingSince = before;
      return 'silent';
    }
    return this.settle(refusal(answer.text) ?? 'answered', input);
  }

  /** Messages sent whose answer never came (counted once the run is over). */
  get unanswered(): number {
    return this.waiting ? 1 : 0;
  }

  private settle(outcome: Exclude<StepOutcome, 'silent'>, input: Input): StepOutcome {
    this.waitingSince = null;
    this.outcomes[outcome]++;
    if (outcome === 'answered' || outcome === 'late') {
      if (input.kind === 'press' && input.label === 'Kirim') this.done = true;
      this.position++;
    }
    return outcome;
  }

  private input(): Input {
    if (this.position === 0) return { kind: 'text', text: '/lapor' };
    const round = Math.floor((this.position - 1) / this.roundLength());
    const turn = (this.position - 1) % this.roundLength();
    if (turn < this.capaian()) return { kind: 'text', text: String(10 + turn) };
    const rest: Input[] = [
      { kind: 'text', text: longText('Kegiatan', round) },
      { kind: 'text', text: longText('Output', round) },
      { kind: 'press', label: 'Lanjut' },
      { kind: 'text', text: longText('Kendala', round) },
      { kind: 'text', text: longText('Rencana', round) },
      { kind: 'press', label: this.finishing ? 'Kirim' : t('id', 'laporan.isiUlang') },
    ];
    return rest[turn - this.capaian()]!;
  }

  /** One capaian question per target, or one percentage when the team has none. */
  private capaian(): number {
    return Math.max(1, this.targets);
  }

  private roundLength(): number {
    return this.capaian() + 6;
  }
}

function refusal(text: string | undefined): 'storage full' | 'error' | null {
  if (text === STORAGE_FULL_ANSWER) return 'storage full';
  return text === ERROR_ANSWER ? 'error' : null;
}
