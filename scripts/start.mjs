// `npm start`: runs the ISI reference server in demo mode as a separate Node process, with its
// database kept between runs in data/. The desktop client that will sit in front of it is
// being built (issue #3); until then this is what a developer starts.
import { spawn } from 'node:child_process';

const args = ['--import', 'tsx', 'server/cli.ts', '--demo', '--db', 'data/isi-demo.db', '--port', process.env.ISI_PORT ?? '8080', '--stil'];
const server = spawn(process.execPath, args, { stdio: 'inherit' });
for (const signaal of ['SIGINT', 'SIGTERM']) process.on(signaal, () => server.kill(signaal));
server.on('exit', (code) => process.exit(code ?? 0));
