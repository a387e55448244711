/**
 * What an event's sources report, side by side: one row per origin of the claims that support or
 * contradict it, with the date, place and figures each reports, the values that disagree marked;
 * and why the event is contested, naming which sources say what.
 */
import type { Claim, Disagreement, EventDetail, Figure } from '../../../electron/api/contract';
import { measureKey } from '../../../db/corroboration';
import { useI18n } from '../i18n';
import { chainText, isolated } from '../sources';
import { dateLabel } from './DateField';

type EventClaim = EventDetail['claims'][number];

/** A figure as analysts write it: 2,500 troops. */
function figureText(figure: Pick<Figure, 'value' | 'unit' | 'counted'>): string {
  return [figure.value.toLocaleString('en-GB'), figure.unit, figure.counted].filter(Boolean).join(' ');
}

/** Whether a claim's figure is one of those a figure disagreement is about. */
function figureDisagrees(disagreements: readonly Disagreement[], claimId: number, figure: Figure): boolean {
  return disagreements.some((d) => d.kind === 'figure' && d.claimIds.includes(claimId) && measureKey(d.measure) === measureKey(figure));
}

/** The claims of one source: those whose origin is the same entity (or, with no origin known, the same article). */
interface SourceGroup {
  key: string;
  name: string;
  claims: EventClaim[];
}

function groupByOrigin(claims: readonly EventClaim[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const claim of claims) {
    const key = claim.origin ? `origin:${claim.origin.entityId}` : `article:${claim.articleId}`;
    const group = groups.get(key) ?? groups.set(key, { key, name: claim.origin?.name ?? claim.articleTitle, claims: [] }).get(key)!;
    group.claims.push(claim);
  }
  return [...groups.values()];
}

/** Values a source reports, each once, marked when a claim reporting it is on one side of a disagreement; `ltr` for dates, written year first in either language. */
function Values({ values, ltr = false }: { values: { text: string; disagrees: boolean }[]; ltr?: boolean }) {
  const { t } = useI18n();
  const distinct = [...new Map(values.map((v) => [v.text, values.some((w) => w.text === v.text && w.disagrees)])).entries()];
  return distinct.map(([text, disagrees], index) => (
    <span key={text}>
      {index > 0 && t('listSeparator')}
      {disagrees ? (
        <mark className="disagrees" title={t('valueDisagrees')}>
          <bdi dir={ltr ? 'ltr' : undefined}>{text}</bdi>
        </mark>
      ) : (
        <bdi dir={ltr ? 'ltr' : undefined}>{text}</bdi>
      )}
    </span>
  ));
}

/** The table of what each source (origin) of the supporting and contradicting claims reports. */
export function SourceReports({ event }: { event: EventDetail }) {
  const { t, dir } = useI18n();
  const involved = (kind: Disagreement['kind'], claimId: number) => event.disagreements.some((d) => d.kind === kind && d.claimIds.includes(claimId));
  const groups = groupByOrigin(event.claims.filter((c) => c.relation !== 'mentions'));
  if (groups.length === 0) return null;
  return (
    <section aria-label={t('reportsBySource')}>
      <h2>{t('reportsBySource')}</h2>
      <table className="source-reports">
        <thead>
          <tr>
            <th>{t('sourceOrigin')}</th>
            <th>{t('relation')}</th>
            <th>{t('reportedDate')}</th>
            <th>{t('place')}</th>
            <th>{t('figures')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key} data-testid="source-report">
              <th scope="row">
                <bdi className="source-name">{group.name}</bdi>
                {/* The chains it came through, unless it is an outlet reporting on its own. */}
                {[...new Set(group.claims.map((c) => chainText(c, dir)))].filter((chain) => chain !== isolated(group.name)).map((chain) => (
                  <div key={chain} className="muted source-chain">
                    <bdi>{chain}</bdi>
                  </div>
                ))}
              </th>
              <td>
                <Values values={group.claims.map((c) => ({ text: t(`relation_${c.relation}`), disagrees: c.relation === 'contradicts' }))} />
              </td>
              <td className="reported-date">
                <Values ltr values={group.claims.flatMap((c) => (c.reportedDate ? [{ text: dateLabel(c.reportedDate), disagrees: involved('date', c.id) }] : []))} />
              </td>
              <td className="reported-place">
                <Values values={group.claims.flatMap((c) => (c.placeName ? [{ text: c.placeName, disagrees: involved('place', c.id) }] : []))} />
              </td>
              <td className="reported-figures">
                <Values values={group.claims.flatMap((c) => c.figures.map((f) => ({ text: figureText(f), disagrees: figureDisagrees(event.disagreements, c.id, f) })))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Why the event is contested, one line per disagreement, naming the sources on each side and what they report. */
export function ContestedReasons({ event }: { event: EventDetail }) {
  const { t, dir } = useI18n();
  const byId = new Map<number, Claim>(event.claims.map((c) => [c.id, c]));
  // A side's sources: the chain of each of its claims (outlet ← … ← origin), each once.
  const sources = (claimIds: readonly number[]) => [...new Set(claimIds.map((id) => chainText(byId.get(id)!, dir)))].join(t('listSeparator'));
  const sides = <Value,>(list: readonly { value: Value; claimIds: number[] }[], valueText: (value: Value) => string) =>
    list.map((side) => t('disagreementSide', { sources: sources(side.claimIds), value: isolated(valueText(side.value)) })).join(t('versus'));
  const placeName = (placeId: number) => event.claims.find((c) => c.placeId === placeId)?.placeName ?? `#${placeId}`;
  const line = (d: Disagreement): string => {
    switch (d.kind) {
      case 'contradiction':
        return t('disagree_contradiction', { sources: sources(d.claimIds) });
      case 'date':
        return t('disagree_date', { sides: sides(d.sides, dateLabel) });
      case 'place':
        return t('disagree_place', { sides: sides(d.sides, placeName) });
      case 'figure':
        return t('disagree_figure', { measure: [d.measure.unit, d.measure.counted].filter(Boolean).join(' ') || '—', sides: sides(d.sides, (value) => value.toLocaleString('en-GB')) });
    }
  };
  return (
    <div className="contested-reasons" role="status">
      <span className="contested-badge">{t('contested')}</span>
      <ul>
        {event.disagreements.map((d, index) => (
          <li key={index} data-testid="disagreement">
            {line(d)}
          </li>
        ))}
      </ul>
    </div>
  );
}
