import type { ApiError } from './types';

/** An `ok: false` answer, with Telegram's status code and description. */
export class Failure extends Error {
  constructor(readonly status: number, readonly body: ApiError) { super(body.description); }
}
export const fail = (code: number, description: string) => new Failure(code, { error_code: code, description });
export const bad = (description: string) => fail(400, `Bad Request: ${description}`);
export const throwError = (error: Error): never => { throw error; };
