/**
 * A follow-up worker in its own process, for the multi-process tests: its own driver connection
 * to the test database, and a sender that posts each follow-up to the test's loopback HTTP
 * recorder (a real side effect across a process boundary). SIGTERM stops it gracefully.
 */
import { MongoClient } from 'mongodb';
import { FollowUpWorker } from '../../src/followups/worker';

const env = process.env;
function required(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const name = required('FOLLOWUP_TEST_WORKER');
  const recorder = required('FOLLOWUP_TEST_RECORDER');
  const client = await MongoClient.connect(required('FOLLOWUP_TEST_URI'));
  const worker = new FollowUpWorker({
    db: client.db(required('FOLLOWUP_TEST_DB')),
    owner: name,
    leaseMs: Number(env.FOLLOWUP_TEST_LEASE_MS ?? 60_000),
    pollMs: 50,
    window: { start: required('FOLLOWUP_TEST_WINDOW_START'), end: required('FOLLOWUP_TEST_WINDOW_END'), timeZone: 'UTC' },
    optOuts: { isOptedOut: async () => false },
    sender: {
      async send(job) {
        const response = await fetch(recorder, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jobId: job._id.toHexString(), personKey: job.personKey, worker: name }),
        });
        if (!response.ok) throw new Error(`recorder answered ${response.status}`);
        return (await response.json()) as { providerId: string };
      },
    },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.once('SIGTERM', () => {
    void (async () => {
      await worker.stop();
      await client.close();
      process.stdout.write('stopped\n');
      process.exit(0);
    })();
  });
  worker.start();
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
