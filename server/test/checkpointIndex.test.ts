import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointBook } from '../src/verify/checkpoints.ts';
import { tmpDataDir } from './helpers.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key = { privateKey, publicKey };
const hash = (n: number) => n.toString(16).padStart(64, '0');

/** A book kept with its index, as the server keeps it, "killed" after `n` checkpoints of stream s and one of t. */
function bookOf(n: number) {
  const dir = tmpDataDir();
  const file = join(dir, 'checkpoints.jsonl');
  const index = join(dir, 'checkpoints-index.json');
  const book = new CheckpointBook(file, key, index);
  book.record('t', 1, hash(1));
  for (let seq = 1; seq <= n; seq++) book.record('s', seq, hash(seq));
  return { dir, file, index };
}

describe('F4 / restart: the checkpoint heads index (a start parses only the lines appended since it)', () => {
  it('after a kill, the latest heads are the index\'s plus the lines written after its last rewrite', () => {
    const { dir, file, index } = bookOf(2_500);
    // Rewritten every 1,000 checkpoints: it covers 2,000 of the 2,501 lines.
    const covered = (JSON.parse(readFileSync(index, 'utf8')) as { bytes: number }).bytes;
    expect(covered).toBeLessThan(readFileSync(file).length);
    const again = new CheckpointBook(file, key, index);
    expect(again.get('s')).toMatchObject({ seq: 2_500, hash: hash(2_500) });
    expect(again.get('t')).toMatchObject({ seq: 1 });
    // The same heads as a full read (npm run verify reads the whole file, no index).
    expect(new CheckpointBook(file, key).get('s')).toEqual(again.get('s'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('an index that does not fit the file (the book replaced by an older copy) is ignored: the whole file is read', () => {
    const { dir, file, index } = bookOf(1_200);
    const older = readFileSync(file, 'utf8').split('\n').slice(0, 600).join('\n') + '\n';
    writeFileSync(file, older);
    const again = new CheckpointBook(file, key, index);
    expect(again.get('s')).toMatchObject({ seq: 599 });
    rmSync(dir, { recursive: true, force: true });
  });

  it('an index whose covered bytes were changed (another tail before its offset) is ignored', () => {
    const { dir, file, index } = bookOf(1_000);
    const { bytes } = JSON.parse(readFileSync(index, 'utf8')) as { bytes: number };
    const text = readFileSync(file, 'utf8');
    // The last covered line rewritten: the digest of the covered tail no longer matches.
    const lines = text.slice(0, bytes).split('\n');
    const last = lines.at(-2)!;
    lines[lines.length - 2] = last.replace(/"seq":\d+,/, '"seq":9999,');
    writeFileSync(file, lines.join('\n') + text.slice(bytes));
    const again = new CheckpointBook(file, key, index);
    // Read from the file itself: the edited line is what it holds now (its signature fails in check()).
    expect(again.get('s')).toMatchObject({ seq: 9999 });
    rmSync(dir, { recursive: true, force: true });
  });
});
