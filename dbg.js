const { ClickHouseStore } = require('./dist/libs/clickhouse/src/index.js');
const q = require('./dist/libs/metric-queries/src/index.js');
(async () => {
  const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens', dataDir: process.argv[2] });
  const [{ ws, n }] = await store.query(`SELECT any(workspace_id) ws, count() n FROM flowlens.item_snapshots FINAL`);
  console.log('snapshots', n, JSON.stringify(await store.query(`SELECT table, count() parts, sum(rows) rows FROM system.parts WHERE active AND database='flowlens' GROUP BY table`)));
  const ctx = { workspaceId: ws, timezone: 'UTC', asOf: Date.now(), pointInTime: false, from: '2026-08-28', to: '2026-11-25', boardIds: [], types: [], teams: [], stages: q.buildStageMapping([]), workflows: [] };
  const src = new q.EvaluatedItemsSource(store);
  const time = async (label, fn) => { const t = Date.now(); try { await fn(); console.log(label, Date.now() - t, 'ms'); } catch (e) { console.log(label, 'ERR', e.message.slice(0, 200)); } };
  await time('count', () => src.query(ctx, 'SELECT count() FROM items'));
  await time('throughput', () => new q.ThroughputQuery(src).run(ctx, 'week'));
  await time('throughput again', () => new q.ThroughputQuery(src).run(ctx, 'week'));
  await time('occupancy', () => new q.StageOccupancyQuery(src).run(ctx));
  await time('cycle', () => new q.ElapsedTimeQuery(src).run(ctx, 'cycle'));
  await time('board filter throughput', () => new q.ThroughputQuery(src).run({ ...ctx, boardIds: ['PRJ1'] }, 'week'));
  await store.close();
})();
