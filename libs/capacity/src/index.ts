export * from './lib/organisation.schema';
export * from './lib/capacity-calendar';
export * from './lib/allocation';
export * from './lib/flow-cost';
export * from './lib/capacity-figures';
export * from './lib/portfolio-forecast';
export * from './lib/oracle/capacity.oracle';
export * from './lib/team-csv.reader';
