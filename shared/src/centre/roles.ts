/**
 * Who may do what in a centre's space. A pure matrix, used by the server to refuse and by the UI
 * to hide what a role cannot do. An account that is not (or no longer) a member has no role.
 */
export const CENTRE_ROLES = ['admin', 'facilitator'] as const;
export type CentreRole = (typeof CENTRE_ROLES)[number];

export const CENTRE_ACTIONS = [
  /** See the space: workshops, series, templates, figures. */
  'view',
  /** Create workshops and series, open their consoles, save and copy templates. */
  'run',
  /** Invite and remove members, change a member's role. */
  'manageMembers',
  /** Export everything, delete a workshop, set the retention, join the territory view. */
  'manageData',
] as const;
export type CentreAction = (typeof CENTRE_ACTIONS)[number];

const RIGHTS: Record<CentreRole, ReadonlySet<CentreAction>> = {
  admin: new Set(CENTRE_ACTIONS),
  facilitator: new Set<CentreAction>(['view', 'run']),
};

export function isCentreRole(value: unknown): value is CentreRole {
  return typeof value === 'string' && (CENTRE_ROLES as ReadonlyArray<string>).includes(value);
}

/** `role` null: not a member of this centre (never was, or removed). */
export function canDo(role: CentreRole | null, action: CentreAction): boolean {
  return role !== null && RIGHTS[role].has(action);
}
