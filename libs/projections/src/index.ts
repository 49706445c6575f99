export * from './lib/timeline-entry';
export * from './lib/projection-rows.mapper';
export * from './lib/projection.writer';
export * from './lib/item-snapshots.sql';
export * from './lib/default-category.sql';
export * from './lib/stage-evaluation.sql';
