import type { AnyFlow } from '../src/core/engine/defineFlow';

/** Every conversation the bot offers, handed to createCore by src/main.ts. */
export const flows: AnyFlow[] = [];
