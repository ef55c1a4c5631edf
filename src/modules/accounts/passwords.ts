import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes.
const params = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** An argon2id hash of a password, in the PHC string format. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, params);
}

// Verified when the e-mail has no account, so a wrong e-mail costs as much time as a wrong password.
let dummyHash: Promise<string> | null = null;

/** true when the password matches; a missing or malformed hash never matches. */
export async function verifyPassword(phc: string | null | undefined, password: string): Promise<boolean> {
  if (!phc) {
    dummyHash ??= hashPassword('dummy password for timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(phc, password).catch(() => false);
}
