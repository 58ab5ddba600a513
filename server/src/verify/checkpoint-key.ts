import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface CheckpointKey { privateKey: KeyObject | null; publicKey: KeyObject }

/**
 * The Ed25519 key that signs checkpoints of the log's chain heads. It lives in its own file, never
 * in the database: someone who can rewrite the database (and re-hash the chain) cannot also sign.
 * Generated on first start (mode 0600); keep a copy of the public key elsewhere to verify with.
 */
export function loadOrCreateCheckpointKey(file: string): CheckpointKey {
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const privateKey = createPrivateKey(readFileSync(file));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** For `npm run verify`: the private key file, or a public key file (PEM) alone. */
export function loadVerifyKey(file: string): CheckpointKey {
  const pem = readFileSync(file);
  try {
    const privateKey = createPrivateKey(pem);
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } catch {
    return { privateKey: null, publicKey: createPublicKey(pem) };
  }
}
