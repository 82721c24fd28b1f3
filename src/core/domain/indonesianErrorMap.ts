import { z } from 'zod';

const indonesian = z.locales.id().localeError;

/** zod's Indonesian messages, with "wajib diisi" for a missing field (what an Indonesian admin expects to read). */
export const indonesianErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'wajib diisi' : indonesian(issue);
