// Answers of the organisation and capacity endpoints (api.md "Organisation", "Capacity").
export const FLOW_TYPES = ['feature', 'defect', 'risk', 'debt', 'other'] as const;
export type FlowType = (typeof FLOW_TYPES)[number];
export type TypeShares = Record<FlowType, number>;

export interface TeamMember {
  name: string;
  accountId: string | null;
  fte: number;
  from: string | null;
  to: string | null;
}
export interface TeamAbsence {
  member: string;
  from: string;
  to: string;
  fraction: number;
}
export interface Team {
  id: string;
  name: string;
  boardIds: string[];
  members: TeamMember[];
  workingDays: number[];
  holidays: string[];
  absences: TeamAbsence[];
  focusFactor: number;
  costPerFteDay: number | null;
  currency: string | null;
  targetMix: TypeShares | null;
}
export interface Portfolio {
  id: string;
  name: string;
  teamIds: string[];
  boardIds: string[];
  owners: string[];
}
export interface CapacityBucket {
  start: string;
  capacityDays: number;
  throughput: number;
  arrivals: number;
  created: number;
  netFlow: number;
}
export interface Capacity {
  capacityDays: number;
  throughput: number;
  arrivals: number;
  created: number;
  netFlow: number;
  deliveryRate: number | null;
  loadPerFte: number | null;
  backlog: number;
  backlogWeeks: number | null;
  series: CapacityBucket[];
}
export interface Allocation {
  activeDays: number;
  activeDaysByType: TypeShares;
  byType: TypeShares | null;
  target: TypeShares | null;
  gap: TypeShares | null;
}
export interface FlowCost {
  currency: string;
  cost: number;
  costPerItem: number | null;
  throughput: number;
  byType: TypeShares;
  series: Array<{ start: string; cost: number }>;
}
