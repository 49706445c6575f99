// A recorded Jira Cloud project served over HTTP as a process of its own (benchmarks spawn it):
// prints one JSON line { baseUrl, issues, histories, done, email, apiToken } and serves until killed.
// REPLAY_ISSUES (default 1,200) and REPLAY_SEED choose the recording.
import { startJiraReplayServer } from './jira-replay-server';
import { generateRecordedProject } from './recorded-project';

const EMAIL = 'flowlens-bot@flowlens.io';
const API_TOKEN = 'ATATT3xFfGF0replayToken';

async function main(): Promise<void> {
  const project = generateRecordedProject({
    issues: Number(process.env['REPLAY_ISSUES'] ?? 1200),
    ...(process.env['REPLAY_SEED'] ? { seed: Number(process.env['REPLAY_SEED']) } : {}),
  });
  const server = await startJiraReplayServer({ project, expectedAuthorization: `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}` });
  const done = project.issues.filter((r) => (r.issue['fields'] as { status?: { statusCategory?: { key?: string } } }).status?.statusCategory?.key === 'done').length;
  const histories = project.issues.reduce((n, r) => n + r.histories.length, 0);
  process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, issues: project.issues.length, histories, done, email: EMAIL, apiToken: API_TOKEN })}\n`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((error: Error) => {
  console.error(`jira replay failed: ${error.message}`);
  process.exit(1);
});
