import type { Prisma } from './generated/client';

/** The transaction client every repository function takes. */
export type Tx = Prisma.TransactionClient;
