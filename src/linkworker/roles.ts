/** Who may do what on the link-worker side. An admin can do everything a link worker can, and more. */
export const ROLES = ['linkWorker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { linkWorker: 1, admin: 2 };

/** True when someone with `role` may use something that needs `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}
