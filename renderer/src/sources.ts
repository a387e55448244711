/**
 * Sources and chains as one line of text in either interface language. A source's name may mix
 * scripts ("CNN بالعربية", "مصادر خاصة (العربية.نت)"); each is isolated (Unicode's first-strong
 * isolate), so the bidi algorithm never splits one name around an arrow or moves its brackets,
 * and the arrow points from who reports to whom they cite the way the interface reads.
 */
import type { Claim } from '../../electron/api/contract';

/** A name kept whole inside a line of the other direction. */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Names from who reports to whom they cite, as the interface reads: → in English, ← in Arabic. */
export function chainOfNames(names: readonly string[], dir: 'ltr' | 'rtl'): string {
  return names.map(isolated).join(dir === 'rtl' ? ' ← ' : ' → ');
}

/** A claim's chain from its outlet to its origin, as one line. */
export function chainText(claim: Pick<Claim, 'outlet' | 'chain'>, dir: 'ltr' | 'rtl'): string {
  return chainOfNames([claim.outlet, ...claim.chain].flatMap((s) => (s ? [s.name] : [])), dir);
}
