/**
 * Password hashing with scrypt (N=2^15, r=8, p=1), stored as 'scrypt$N$r$p$salt$hash' in base64url.
 * Example: `await verifyPassword('correct horse', await hashPassword('correct horse'))` → true.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 128 * N * R * 2 });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const cost = Number(n);
  const blockSize = Number(r);
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: cost,
    r: blockSize,
    p: Number(p),
    maxmem: 128 * cost * blockSize * 2,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A well-formed hash with this module's parameters that no password matches (its key is all zeros): verifying against
 * it costs exactly what verifying a real password costs, so an unknown username answers as slowly as a known one.
 */
export const UNMATCHABLE_PASSWORD_HASH = ['scrypt', N, R, P, Buffer.alloc(16).toString('base64url'), Buffer.alloc(KEY_LENGTH).toString('base64url')].join('$');

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
// Bytes at or above the largest multiple of 54 under 256 (216) are drawn again: `byte % 54` over all 256 values would
// make the first 40 characters 1.25 times as likely as the last 14.
const UNBIASED_BYTE_LIMIT = 256 - (256 % PASSWORD_ALPHABET.length);

/** A one-time password a person can type: 20 characters without look-alikes (0/O, 1/l/I), each equally likely. */
export function generatePassword(length = 20): string {
  let password = '';
  while (password.length < length) {
    for (const byte of randomBytes(length - password.length + 4)) {
      if (byte < UNBIASED_BYTE_LIMIT && password.length < length) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return password;
}
