import databaseContention from './databaseContention.fault-case';
import fullDisk from './fullDisk.fault-case';
import killDuringConversations from './killDuringConversations.fault-case';
import killDuringFanOut from './killDuringFanOut.fault-case';
import platformOutage from './platformOutage.fault-case';
import wrongPeople from './wrongPeople.fault-case';
import type { FaultCase } from './faultReport';

/** Every case of `npm run faults`, in the order they run (ids as in issue 10). */
export const faultCases: Array<{ id: string; title: string; run: FaultCase }> = [
  { id: '1a', title: 'kill -9 during a 2,000-message fan-out', run: killDuringFanOut },
  { id: '1b', title: 'kill -9 during 200 conversations and approvals', run: killDuringConversations },
  { id: '4', title: 'wrong people press every approval step of every profile', run: wrongPeople },
  { id: '5', title: 'platform outage (5xx, then recovery)', run: platformOutage },
  { id: '6a', title: 'database write lock held by another process', run: databaseContention },
  { id: '6b', title: 'disk full under the database', run: fullDisk },
];
