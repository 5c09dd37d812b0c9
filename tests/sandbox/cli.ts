import { startSandbox } from './server.ts';

/** `npm run sandbox -- --port N`: serves the sandbox until Ctrl-C. */
function parsePort(argv: string[]): number {
  const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index === -1) return 4100;
  const arg = argv[index] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port: ${raw}`);
  return port;
}

const sandbox = await startSandbox({ port: parsePort(process.argv.slice(2)) });
console.log(`M2Mmanager sandbox: ${sandbox.url}`);
console.log(`Lookalike host:     ${sandbox.phishUrl}`);
console.log('Demo users:');
for (const user of sandbox.users) console.log(`  ${user.email}  password: ${user.password}`);
console.log('Press Ctrl-C to stop.');

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
