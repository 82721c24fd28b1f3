import { busiestSecond } from '../helpers/busiestSecond';
import { FakeTelegram, type ApiError, type RecordedCall } from '../fakes/fakeTelegram';

const CHAT_METHODS = new Set(['sendMessage', 'sendDocument', 'sendPhoto', 'editMessageText', 'editMessageReplyMarkup']);

/** FakeTelegram that can go down: every call answers 5xx until the outage ends (a platform outage). */
export class FaultTelegram extends FakeTelegram {
  private outageUntil = 0;
  private outageStatus = 502;
  /** Calls refused by an outage. */
  refusedDuringOutage = 0;
  /** When each successful sendMessage was answered (ms, performance.now()), whichever bot process sent it. */
  readonly sendTimes: number[] = [];
  private readonly answers = new Map<number, number>();
  private readonly answerWaiters = new Set<() => void>();

  /** How many successful sends and edits a chat has received so far. */
  answersTo(chatId: number): number {
    return this.answers.get(chatId) ?? 0;
  }

  /** Resolves once `chatId` has received more than `seen` sends or edits; false after `timeoutMs`. */
  waitForAnswer(chatId: number, seen: number, timeoutMs: number): Promise<boolean> {
    return this.waitUntil(() => this.answersTo(chatId) > seen, timeoutMs);
  }

  /** Resolves true as soon as `condition` holds after any answered call; false after `timeoutMs`. */
  waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    if (condition()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => { if (condition()) finish(true); };
      const finish = (value: boolean) => { clearTimeout(timer); this.answerWaiters.delete(check); resolve(value); };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.answerWaiters.add(check);
    });
  }

  outage(ms: number, status = 502): void {
    this.outageUntil = Date.now() + ms;
    this.outageStatus = status;
  }

  /**
   * These people have started the bot once, so Telegram knows their chats (a send to an unknown
   * chat fails with 'chat not found'). The bot skips the my_chat_member updates this queues.
   */
  knowChats(ids: number[]): void {
    for (const id of ids) this.rawUpdate({ my_chat_member: { chat: { id, type: 'private' }, from: { id, is_bot: false, first_name: 'A' }, date: 0 } });
  }

  /** Ends an outage early. */
  recover(): void {
    this.outageUntil = 0;
  }

  /** Successful sendMessage calls per chat, with their text, in the order they arrived. */
  deliveredTexts(): Map<number, string[]> {
    const byChat = new Map<number, string[]>();
    for (const call of this.calls) {
      if (call.method !== 'sendMessage' || call.error) continue;
      const chatId = Number(call.params.chat_id);
      byChat.set(chatId, [...(byChat.get(chatId) ?? []), String(call.params.text)]);
    }
    return byChat;
  }

  protected override answered(call: RecordedCall): void {
    super.answered(call);
    if (call.error || !CHAT_METHODS.has(call.method)) return;
    if (call.method === 'sendMessage') this.sendTimes.push(performance.now());
    const chatId = Number(call.params.chat_id);
    this.answers.set(chatId, this.answersTo(chatId) + 1);
    for (const waiter of [...this.answerWaiters]) waiter();
  }

  /** The most messages sent within any one second: the bot's overall rate as Telegram sees it. */
  busiestSecond(): number {
    return busiestSecond(this.sendTimes);
  }

  protected override injectedFailure(method: string): ApiError | undefined {
    if (Date.now() < this.outageUntil && method !== 'getUpdates') {
      this.refusedDuringOutage++;
      return { error_code: this.outageStatus, description: this.outageStatus === 502 ? 'Bad Gateway' : 'Internal Server Error' };
    }
    return super.injectedFailure(method);
  }
}
