import type { EntityManager } from 'typeorm';

// Whether `id` is an active editor (a claim's possible assignee), inside the caller's
// transaction. FOR SHARE holds off a concurrent deactivation or demotion until the caller
// commits. A plain function, so claims/ can ask without pulling in the auth module's
// guards and start-up hooks (the operator CLI loads claims/ too).
export async function isActiveEditor(manager: EntityManager, id: string): Promise<boolean> {
  const rows = (await manager.query(
    `SELECT 1 FROM users WHERE id = $1 AND active AND 'editor' = ANY (roles) FOR SHARE`,
    [id],
  )) as unknown[];
  return rows.length > 0;
}
