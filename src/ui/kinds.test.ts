import { describe, expect, it } from 'vitest';
import { OBJECT_KINDS } from '../domain/model/kinds';
import { NODE_SIZES } from '../domain/model/node-kinds';
import { KIND_WORDS } from './kind-words';
import { CANVAS_KIND, nodeSize, OBJECT_KIND_OF_CANVAS, PALETTE_KINDS, UI_KINDS } from './kinds';

describe('the UI kind registry', () => {
  it('draws every kind but peerings and route tables as a node of its own kind', () => {
    expect(CANVAS_KIND).toEqual({
      vpc: 'vpc',
      subnet: 'subnet',
      cluster: 'cluster',
      resource: 'resource',
      natGateway: 'nat',
      ccn: 'ccn',
      idc: 'idc',
    });
    for (const [objectKind, canvasKind] of Object.entries(CANVAS_KIND))
      expect(OBJECT_KIND_OF_CANVAS[canvasKind as keyof typeof OBJECT_KIND_OF_CANVAS]).toBe(
        objectKind,
      );
  });

  it('has a default size for every node a kind or the palette makes', () => {
    const canvasKinds = [
      ...Object.values(CANVAS_KIND),
      ...Object.values(PALETTE_KINDS).map((p) => p.canvas),
      'internet' as const,
    ];
    for (const k of canvasKinds) {
      expect(nodeSize(k!)).toBe(NODE_SIZES[k!]);
      expect(nodeSize(k!).width).toBeGreaterThan(0);
    }
  });

  it('calls each kind what the Changes panel and the command bar call it', () => {
    for (const k of OBJECT_KINDS) expect(KIND_WORDS[k]).toBe(UI_KINDS[k].title);
    expect(UI_KINDS.natGateway.title).toBe('NAT gateway');
    expect(UI_KINDS.routeTable.title).toBe('Route table');
    expect(KIND_WORDS.reservation).toBe('Reservation');
  });
});
