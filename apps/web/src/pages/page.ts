import type { ComponentType } from 'react';
import type { Role } from '../lib/roles';

/** One dashboard page, as the route/nav registry (pages/registry.ts) lists it. */
export interface PageDefinition {
  /** Route path (react-router syntax), e.g. `/flow` or `/items/:itemKey`. */
  readonly path: string;
  readonly title: string;
  readonly component: ComponentType;
  /** Shown in the side navigation, in this group and order; pages without `nav` are reached by links. */
  readonly nav?: { readonly group: 'analytics' | 'settings'; readonly label: string; readonly order: number };
  /** The least role the page's main API calls need; lower roles see neither the link nor the page. */
  readonly minRole?: Role;
}
