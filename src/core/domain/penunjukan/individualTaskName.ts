import { z } from 'zod';

const Details = z.object({ tugas: z.string() });

/** The task an individual assignment was given, from its stored details. */
export function individualTaskName(details: string): string {
  const parsed = Details.safeParse(JSON.parse(details));
  return parsed.success ? parsed.data.tugas : '-';
}
