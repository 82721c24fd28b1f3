import databaseContention from './databaseContention.fault-case';
import forgedRequests from './forgedRequests.fault-case';
import fullDisk from './fullDisk.fault-case';
import fuzzedInput from './fuzzedInput.fault-case';
import killDuringConversations from './killDuringConversations.fault-case';
import killDuringFanOut from './killDuringFanOut.fault-case';
import platformOutage from './platformOutage.fault-case';
import severalProcessesFanOut from './severalProcessesFanOut.fault-case';
import wrongPeople from './wrongPeople.fault-case';
import type { FaultCase } from './faultReport';

/**
 * Every case of `npm run faults` (ids as in issue 10). The `alone` cases run first, one at a time:
 * 200 simulated people and their bot need both cores. Then the two other lanes run side by side,
 * each case after the one before it, so the whole run fits in 10 minutes on 2 cores: the side
 * lane's cases mostly wait (paced sends, a held lock, an outage).
 */
export type FaultLane = 'alone' | 'main' | 'side';
export const faultCases: Array<{ id: string; title: string; lane: FaultLane; run: FaultCase }> = [
  { id: '1a', lane: 'side', title: 'kill -9 during a 2,000-message fan-out', run: killDuringFanOut },
  { id: '1b', lane: 'alone', title: 'kill -9 during 200 conversations and approvals', run: killDuringConversations },
  { id: '2', lane: 'main', title: 'fuzzed input: 100,000 generated updates and payloads', run: fuzzedInput },
  { id: '3', lane: 'side', title: 'forged requests: bad signature, stale or future timestamp, wrong secret', run: forgedRequests },
  { id: '4', lane: 'main', title: 'wrong people press every approval step of every profile', run: wrongPeople },
  { id: '5', lane: 'side', title: 'platform outage (5xx, then recovery)', run: platformOutage },
  { id: '6a', lane: 'side', title: 'database write lock held by another process', run: databaseContention },
  { id: '6b', lane: 'side', title: 'disk full under the database', run: fullDisk },
  { id: '7', lane: 'main', title: 'three processes on one PostgreSQL, kill -9 during a 2,000-message fan-out', run: severalProcessesFanOut },
];
