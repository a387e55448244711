/**
 * Near-duplicate detection: the same story lightly edited. Each article gets a MinHash signature
 * of its word 3-shingles (on search keys, so spelling and clitic changes do not count as edits).
 * Signatures are cut into bands; articles sharing a band are candidates, and the signatures'
 * agreement estimates their Jaccard similarity. Lookup cost stays flat as the library grows.
 * These are the pure functions; db/search-index.ts keeps the band index.
 */

/** Hash functions in a signature. */
const SIGNATURE_LENGTH = 64;
/** Rows per band: 16 bands of 4 find pairs above ~0.5 similarity with high probability. */
const ROWS_PER_BAND = 4;
/** Similarity from which an article is flagged as a possible duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

// Fixed odd multipliers and offsets for the universal hash family (deterministic across runs).
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const OFFSETS = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The MinHash signature of a sequence of search keys, or null when it is too short to compare. */
export function minhashSignature(keys: readonly string[]): Uint32Array | null {
  if (keys.length < 8) return null;
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  const wordHashes = keys.map(fnv1a);
  for (let i = 0; i + 2 < wordHashes.length; i++) {
    // The shingle's hash combines its three words' hashes (no string is built per shingle).
    const shingle = Math.imul(Math.imul(wordHashes[i]!, 0x01000193) ^ wordHashes[i + 1]!, 0x01000193) ^ wordHashes[i + 2]!;
    for (let h = 0; h < SIGNATURE_LENGTH; h++) {
      const value = (Math.imul(shingle, MULTIPLIERS[h]!) + OFFSETS[h]!) >>> 0;
      if (value < signature[h]!) signature[h] = value;
    }
  }
  return signature;
}

/** The LSH band keys of a signature: band number in the high bits, the band's hash in the low 32. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < SIGNATURE_LENGTH / ROWS_PER_BAND; band++) {
    let hash = 0x811c9dc5;
    for (let r = 0; r < ROWS_PER_BAND; r++) hash = Math.imul(hash ^ signature[band * ROWS_PER_BAND + r]!, 0x01000193);
    keys.push(band * 2 ** 32 + (hash >>> 0));
  }
  return keys;
}

/** Estimated Jaccard similarity of two signatures (the share of positions where they agree). */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_LENGTH;
}

/** A signature as stored in a BLOB column, and back. */
export function signatureToBlob(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

/** Reads a signature stored by {@link signatureToBlob}. */
export function signatureFromBlob(blob: Uint8Array): Uint32Array {
  return new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
