// The Python peer for `make bench`: bid-evaluation 0.1.0 (pandas) in its own virtualenv under
// target/ (never system-wide), installed from bench/peer/requirements.txt on first use and again
// whenever that file changes. Without a network or a Python with venv, the peer is "not
// available" with the reason, and the benchmark carries on without it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A line of what a failed command said, for "not available: …". */
const why = (r, what) => {
  if (r.error) return `${what}: ${r.error.code ?? r.error.message}`;
  const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const said = lines.find((l) => /^ERROR|error:|No module named/i.test(l)) ?? lines.at(-1) ?? `exit ${r.status}`;
  return `${what}: ${said}`.slice(0, 160);
};

/** `{ python }`, the peer's interpreter, or `{ reason }` it cannot be had. */
export function peerPython(root) {
  const venv = join(root, 'target', 'peer-venv');
  const python = join(venv, 'bin', 'python');
  const wanted = readFileSync(join(root, 'bench', 'peer', 'requirements.txt'), 'utf8');
  const stamp = join(venv, 'bench-requirements.txt');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return { python };
  rmSync(venv, { recursive: true, force: true });
  const run = (cmd, args, timeout) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout });
  let r = run('python3', ['-m', 'venv', venv], 120000);
  if (r.status !== 0) return { reason: why(r, 'python3 -m venv') };
  r = run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-input',
    '--timeout', '20', '--retries', '1', '-r', join(root, 'bench', 'peer', 'requirements.txt')], 600000);
  if (r.status !== 0) {
    rmSync(venv, { recursive: true, force: true });
    return { reason: why(r, 'pip install bid-evaluation==0.1.0') };
  }
  r = run(python, ['-c', 'import bid_evaluation, pandas'], 60000);
  if (r.status !== 0) return { reason: why(r, 'import bid_evaluation') };
  writeFileSync(stamp, wanted);
  return { python };
}
