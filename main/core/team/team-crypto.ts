// End-to-end encryption for a team vault (issue 15, README "Security model"). The database
// holds ciphertext only. Each member has an X25519 key pair (the private key sealed in their
// local vault); the team's 256-bit data key is wrapped for each member's public key:
//   ephemeral X25519 -> ECDH with the member's key -> HKDF-SHA256 (salt: both public keys,
//   info: "tokenvault team key|<team id>") -> AES-256-GCM (AAD: team id and member key).
// Shared entries are sealed with the team key, AES-256-GCM, AAD binding team, entry and key
// epoch. node:crypto does all of it; nothing here is hand-rolled beyond the framing.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { gcmOpen as openGcm, gcmSeal } from '../vault/gcm';
import { IV_BYTES, SealError, TAG_BYTES } from '../vault/seal-format';

const RAW_KEY = 32;
/** DER prefix of an X25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export interface MemberKeyPair {
  /** base64 of the raw 32-byte X25519 public key. */
  publicKey: string;
  /** base64 of the PKCS#8 DER private key (kept sealed in the member's local vault). */
  privateKey: string;
}

/** A wrapped or sealed value could not be opened: wrong key, other team, or changed bytes. */
export class TeamSealError extends Error {
  constructor() {
    super('A shared value failed its integrity check.');
    this.name = 'TeamSealError';
  }
}

export function newMemberKeyPair(): MemberKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: rawPublic(publicKey).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

export const newTeamKey = (): Buffer => randomBytes(RAW_KEY);

function rawPublic(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - RAW_KEY);
}

function publicKeyObject(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== RAW_KEY) throw new TeamSealError();
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

/**
 * The short fingerprint of a public key, to compare out of band before inviting: SHA-256,
 * first 80 bits, base32, in groups of four ("K7QM-2D9X-…").
 */
export function fingerprint(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** AES-256-GCM: iv (12) | ciphertext | tag (16), bound to `aad` (vault/gcm.ts). */
export { gcmSeal };

/** Opens what gcmSeal sealed with the same key and AAD, or TeamSealError. */
export function gcmOpen(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer {
  try {
    return openGcm(key, sealed, aad);
  } catch (error) {
    if (error instanceof SealError) throw new TeamSealError();
    throw error;
  }
}

const wrapAad = (teamId: string, memberPublic: string) => `team-key|${teamId}|${memberPublic}`;

function wrapKey(shared: Buffer, ephemeral: Buffer, member: Buffer, teamId: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      shared,
      Buffer.concat([ephemeral, member]),
      `tokenvault team key|${teamId}`,
      32,
    ),
  );
}

/** The team key wrapped for one member: ephemeral public key (32) | iv | ciphertext | tag. */
export function wrapTeamKey(teamKey: Uint8Array, memberPublicKey: string, teamId: string): Buffer {
  const member = publicKeyObject(memberPublicKey);
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const ephemeral = rawPublic(publicKey);
  const shared = diffieHellman({ privateKey, publicKey: member });
  const key = wrapKey(shared, ephemeral, Buffer.from(memberPublicKey, 'base64'), teamId);
  try {
    return Buffer.concat([ephemeral, gcmSeal(key, teamKey, wrapAad(teamId, memberPublicKey))]);
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

/** The team key from a member's wrapped copy, or TeamSealError. */
export function unwrapTeamKey(wrapped: Uint8Array, member: MemberKeyPair, teamId: string): Buffer {
  const raw = Buffer.from(wrapped);
  if (raw.length < RAW_KEY + IV_BYTES + TAG_BYTES) throw new TeamSealError();
  const ephemeral = raw.subarray(0, RAW_KEY);
  const privateKey = createPrivateKey({
    key: Buffer.from(member.privateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  const shared = diffieHellman({
    privateKey,
    publicKey: publicKeyObject(ephemeral.toString('base64')),
  });
  const key = wrapKey(shared, ephemeral, Buffer.from(member.publicKey, 'base64'), teamId);
  try {
    const teamKey = gcmOpen(key, raw.subarray(RAW_KEY), wrapAad(teamId, member.publicKey));
    if (teamKey.length !== RAW_KEY) throw new TeamSealError();
    return teamKey;
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

const entryAad = (teamId: string, entryId: string, epoch: number) =>
  `team-entry|${teamId}|${entryId}|${epoch}`;

/** A shared entry's content (metadata and secrets, as JSON) sealed under the team key. */
export function sealShared(
  teamKey: Uint8Array,
  teamId: string,
  entryId: string,
  epoch: number,
  content: unknown,
): Buffer {
  return gcmSeal(
    teamKey,
    Buffer.from(JSON.stringify(content), 'utf8'),
    entryAad(teamId, entryId, epoch),
  );
}

export function openShared(
  teamKey: Uint8Array,
  teamId: string,
  entryId: string,
  epoch: number,
  sealed: Uint8Array,
): unknown {
  return JSON.parse(gcmOpen(teamKey, sealed, entryAad(teamId, entryId, epoch)).toString('utf8'));
}
