import { post } from './api.js';
import type { Claim } from './types.js';

// Hands a claim to an editor (null: nobody) at the version the desk shows; a due date
// left undefined stays as it is.
export async function assignClaim(
  claim: Pick<Claim, 'id' | 'version'>,
  assigneeId: string | null,
  dueAt?: string | null,
): Promise<Claim> {
  const body = dueAt === undefined ? { assigneeId } : { assigneeId, dueAt };
  const reply = await post<Claim>(`/claims/${claim.id}/assignment`, {
    body,
    ifMatch: `"${claim.version}"`,
  });
  return reply.body;
}
