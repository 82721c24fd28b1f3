import type { Update } from '@telegraf/types';
import { LocalBotApi, type ApiError, type FakeChat, type FakeUser, type RecordedCall } from '../../src/sandbox/localBotApi';

export type { ApiError, FakeChat, FakeDocument, FakeUser, RecordedCall, StoredMessage, UploadedFile } from '../../src/sandbox/localBotApi';

/** The local Bot API server, plus what tests need: every call recorded, failures injected on demand. */
export class FakeTelegram extends LocalBotApi {
  readonly calls: RecordedCall[] = [];
  readonly webhookDeliveries: Array<{ status: number; update_id: number }> = [];
  private failures = new Map<string, ApiError[]>();

  // The same updates, typed as telegraf's Update for the tests that hand them to a bot.
  override sendText(user: FakeUser, chat: FakeChat, text: string): Update {
    return super.sendText(user, chat, text) as unknown as Update;
  }
  override sendDocument(user: FakeUser, chat: FakeChat, doc: { file_id: string; file_name: string; mime_type?: string }, caption?: string, content?: Buffer): Update {
    return super.sendDocument(user, chat, doc, caption, content) as unknown as Update;
  }
  override sendPhoto(user: FakeUser, chat: FakeChat, fileId: string, caption?: string, content?: Buffer): Update {
    return super.sendPhoto(user, chat, fileId, caption, content) as unknown as Update;
  }
  override clickButton(user: FakeUser, message: { chat: { id: number }; message_id: number }, data: string): Update {
    return super.clickButton(user, message, data) as unknown as Update;
  }

  failNext(method: string, error: ApiError): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  waitForCall(method: string, predicate: (c: RecordedCall) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitFor(() => this.calls.find((c) => c.method === method && predicate(c)), timeoutMs,
      () => `no matching '${method}' call; calls so far: [${this.calls.map((c) => c.method).join(', ')}]`);
  }

  waitForWebhookDelivery(updateId: number, timeoutMs = 5000): Promise<{ status: number; update_id: number }> {
    return this.waitFor(() => this.webhookDeliveries.find((d) => d.update_id === updateId), timeoutMs,
      () => `update ${updateId} was not delivered to the webhook`);
  }

  protected override injectedFailure(method: string): ApiError | undefined {
    return this.failures.get(method)?.shift();
  }

  protected override answered(call: RecordedCall): void {
    this.calls.push(call);
  }

  protected override delivered(delivery: { status: number; update_id: number }): void {
    this.webhookDeliveries.push(delivery);
  }
}
