export const FLOW_TYPES = ['feature', 'defect', 'risk', 'debt', 'other'] as const;
export type FlowType = (typeof FLOW_TYPES)[number];

/** Issue type name -> flow type; keys match case-insensitively and override the defaults. */
export type FlowTypeMap = Readonly<Record<string, FlowType>>;

export const DEFAULT_FLOW_TYPES: FlowTypeMap = {
  story: 'feature',
  feature: 'feature',
  improvement: 'feature',
  task: 'feature',
  bug: 'defect',
  defect: 'defect',
  incident: 'defect',
  risk: 'risk',
  security: 'risk',
  vulnerability: 'risk',
  compliance: 'risk',
  'tech debt': 'debt',
  debt: 'debt',
  chore: 'debt',
  refactor: 'debt',
  maintenance: 'debt',
};

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The flow type of an issue type: the configured map first, then the defaults, else `other`. */
export function flowTypeFor(issueType: string | null | undefined, map: FlowTypeMap = {}): FlowType {
  if (issueType === null || issueType === undefined) return 'other';
  const key = normalise(issueType);
  for (const [name, flowType] of Object.entries(map)) {
    if (normalise(name) === key) return flowType;
  }
  return Object.hasOwn(DEFAULT_FLOW_TYPES, key) ? DEFAULT_FLOW_TYPES[key] : 'other';
}
