import { involvementOfRequest } from '../pelibatan/involvementWorkflow';
import { workflowOfRequest } from './selectWorkflow';
import { PROPOSED } from '../penunjukan/proposeMember';

type StoredStep = { performer: string; kind: string; position: number };

export interface RequestChain {
  pendingStatus(step: StoredStep): string;
  rejectedStatus(step: StoredStep): string;
  /** A recommendation whose "no" does not end the request (Samarinda's ketua tim). */
  advisory(step: StoredStep): boolean;
  /** Decided together with the step before it (Magelang's two home approvals). */
  parallel(step: StoredStep): boolean;
  /** The status once every step approved. */
  approvedStatus: string;
  rejectReasons: 'FREE' | string[];
}

/** A WF-1 proposal (Tulang Bawang Barat): one step, the official's Penilai issues or refuses. */
const PROPOSAL: RequestChain = {
  pendingStatus: () => PROPOSED, rejectedStatus: () => 'PROPOSAL_REJECTED', advisory: () => false, parallel: () => false, approvedStatus: 'ISSUED', rejectReasons: 'FREE',
};

/**
 * The statuses of a stored request's chain, voluntary (WF-4/5), a request for another unit's
 * official (WF-2) or a proposal (WF-1). A chain may have had steps merged or left out, so a stored step finds its
 * profile step by role and kind rather than by position.
 */
export function chainOfRequest(request: { workflow: string; details: string; scope: string }): RequestChain {
  if (request.workflow === 'WF-1') return PROPOSAL;
  if (request.workflow === 'WF-2') {
    const chain = involvementOfRequest(request);
    const find = (step: StoredStep) => chain.steps.find((s) => s.performer === step.performer && s.kind === step.kind) ?? chain.steps[0]!;
    return {
      pendingStatus: (step) => find(step).pendingStatus, rejectedStatus: () => 'REJECTED', advisory: () => false, parallel: () => false,
      approvedStatus: chain.skTimKerja ? 'AWAITING_SK_TIM' : 'ISSUED', rejectReasons: 'FREE',
    };
  }
  const workflow = workflowOfRequest(request);
  // Steps may have been left out (skipWithoutHolder): role and kind find the profile step.
  const find = (step: StoredStep) => workflow.steps.find((s) => s.performer === step.performer && s.kind === step.kind) ?? workflow.steps[step.position]!;
  return {
    pendingStatus: (step) => find(step).pendingStatus,
    rejectedStatus: (step) => find(step).rejectedStatus,
    advisory: (step) => !!find(step).advisory,
    parallel: (step) => !!find(step).parallelWithPrevious,
    approvedStatus: workflow.approvedStatus, rejectReasons: workflow.rejectReasons,
  };
}
