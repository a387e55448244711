/**
 * Who cites whom, drawn with Cytoscape: sources as nodes (sized by the claims that pass through
 * them, outlined by role), citations as arrows from reporter to cited, as thick as their claims.
 * Outlets sit at the top and origins below, so three outlets leading to one agency show at a
 * glance that they are one source. Clicking a node (or Enter on its entry in the list beside it)
 * shows the claims that pass through it.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { SourceGraph as Graph } from '../../../electron/api/contract';
import { useI18n } from '../i18n';

/** Colours by source role: legible on white, distinct from one another. */
const ROLE_COLOURS: Record<string, string> = {
  outlet: '#1f6f78',
  agency: '#b5651d',
  government: '#5b4ba0',
  official: '#7a5195',
  military: '#6b7d2a',
  armed_group: '#a23b3b',
  ngo: '#2f7d4f',
  social_media: '#3b6aa2',
  unnamed: '#777777',
};

interface Props {
  graph: Graph;
  onSelect: (entityId: number, name: string) => void;
}

/** The graph and, for the keyboard and screen readers, its sources as a list. */
export function SourceGraph({ graph, onSelect }: Props) {
  const { t, dir } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...graph.nodes.map((n) => ({ data: { id: String(n.entityId), label: n.reliability ? `${n.name}\n${n.reliability}` : n.name, claims: n.claims, role: n.role ?? 'unnamed' } })),
        ...graph.edges.map((e) => ({ data: { id: `${e.from}-${e.to}`, source: String(e.from), target: String(e.to), claims: e.claims } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-family': 'Noto Naskh Arabic, Noto Sans, sans-serif',
            'font-size': 12,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            // Long names wrap, and a label over a line or another label stays legible.
            'text-wrap': 'wrap',
            'text-max-width': '120px',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
            width: 'mapData(claims, 1, 20, 18, 48)',
            height: 'mapData(claims, 1, 20, 18, 48)',
            'background-color': (node: cytoscape.NodeSingular) => ROLE_COLOURS[node.data('role') as string] ?? '#777777',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 'mapData(claims, 1, 20, 1.5, 8)',
            'line-color': '#9aa5b1',
            'target-arrow-color': '#9aa5b1',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(claims)',
            'font-size': 11,
            color: '#555',
          },
        },
      ],
      layout: { name: 'breadthfirst', directed: true, spacingFactor: 1.6, avoidOverlap: true, roots: graph.nodes.filter((n) => !graph.edges.some((e) => e.to === n.entityId)).map((n) => String(n.entityId)) },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => select.current(Number(event.target.id()), graph.nodes.find((n) => String(n.entityId) === event.target.id())!.name));
    return () => cy.destroy();
  }, [graph]);
  return (
    <div className="source-graph">
      <div ref={container} className="source-graph-canvas" data-testid="source-graph" role="img" aria-label={t('sourceGraph')} dir="ltr" />
      <ul className="source-graph-list" dir={dir}>
        {graph.nodes.map((n) => (
          <li key={n.entityId}>
            <button type="button" className="link" onClick={() => onSelect(n.entityId, n.name)}>
              <bdi>{n.name}</bdi>
            </button>{' '}
            <span className="muted">{t('graphNode', { claims: n.claims, origins: n.origins })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
