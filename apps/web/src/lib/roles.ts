export type Role = 'viewer' | 'analyst' | 'admin';

const ORDER: readonly Role[] = ['viewer', 'analyst', 'admin'];

/** Whether a key of `role` may do what needs `minimum` (viewer < analyst < admin), as the API decides. */
export const hasRole = (role: Role | undefined, minimum: Role): boolean => role !== undefined && ORDER.indexOf(role) >= ORDER.indexOf(minimum);
