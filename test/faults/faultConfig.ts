/** FAULTS_QUICK=1: small N, for CI (the same checks, so the code does not rot). */
export const QUICK = process.env.FAULTS_QUICK === '1';

export const faultConfig = QUICK
  ? {
    killFanOut: { members: 60, rounds: 3 },
    killConversations: { users: 12, rounds: 3 },
    fuzz: { updates: 2_000 },
    forged: { requests: 60 },
    outage: { messages: 30, outageMs: 3_000 },
    contention: { lockMs: 3_000 },
    severalProcesses: { chats: 100, perChat: 2, kills: 1 },
  }
  : {
    killFanOut: { members: 2_000, rounds: 20 },
    killConversations: { users: 200, rounds: 20 },
    fuzz: { updates: 100_000 },
    forged: { requests: 1_000 },
    outage: { messages: 300, outageMs: 15_000 },
    contention: { lockMs: 10_000 },
    severalProcesses: { chats: 1_000, perChat: 2, kills: 3 },
  };
