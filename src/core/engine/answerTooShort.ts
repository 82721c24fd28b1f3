import type { CatalogKey } from '../catalog/t';
import { text } from '../messages';
import type { FlowContext } from './defineFlow';

/** Asks again, with the given explanation, when a typed answer is shorter than a step needs. */
export function answerTooShort(ctx: FlowContext, input: string, minLength: number, key: CatalogKey): boolean {
  if (input.trim().length >= minLength) return false;
  ctx.reply(text(key));
  return true;
}
