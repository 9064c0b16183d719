import { expect } from 'chai';
import {
  cellText,
  classesOf,
  cypherElements,
  edgesForHop,
  hopEdgeId,
  neighborhoodElements,
  pathElements,
  planExpansion,
  shortLabel,
} from '../../client/src/elements.ts';
import type { Neighborhood, PathResult } from '../../client/src/types.ts';

const hood: Neighborhood = {
  center: 'person:a',
  limit: 150,
  truncated: false,
  nodes: [
    { data: { id: 'person:a', type: 'person', label: 'Alibek Kuantyrov' } },
    { data: { id: 'person:b', type: 'person', label: 'Heineken Lokpobiri' } },
    { data: { id: 'event:m', type: 'event', label: 'Meeting', start: '2025-02-01', end: '2025-02-28', datePrecision: 'month' } },
    { data: { id: 'event:u', type: 'event', label: 'Session', datePrecision: 'unknown' } },
  ],
  edges: [
    {
      data: {
        id: 'a|MET|b|event:m',
        source: 'person:a',
        target: 'person:b',
        type: 'MET',
        label: 'met 2025-02',
        date: '2025-02-01',
        datePrecision: 'month',
        inferred: false,
      },
    },
    {
      data: {
        id: 'a|PART|m',
        source: 'person:a',
        target: 'event:m',
        type: 'PARTICIPATED_IN',
        label: 'guest (inferred)',
        role: 'guest',
        inferred: true,
      },
    },
    { data: { id: 'a|PART|u', source: 'person:a', target: 'event:u', type: 'PARTICIPATED_IN', label: 'mentioned', role: 'mentioned' } },
    { data: { id: 'dangling', source: 'person:a', target: 'person:zzz', type: 'MET', label: 'met' } },
  ],
};

describe('client: API answers → Cytoscape elements', () => {
  it('maps a neighbourhood to nodes and edges with type classes, dropping dangling edges', () => {
    const els = neighborhoodElements(hood);
    expect(els.map((e) => `${e.group} ${e.data.id} ${e.classes}`)).to.deep.equal([
      'nodes person:a t-person',
      'nodes person:b t-person',
      'nodes event:m t-event',
      'nodes event:u t-event undated',
      'edges a|MET|b|event:m t-met',
      'edges a|PART|m t-participated_in inferred',
      'edges a|PART|u t-participated_in mentioned',
    ]);
    expect(els[0]!.data.short).to.equal('Alibek Kuantyrov');
  });

  it('marks undated MET edges', () => {
    expect(classesOf({ type: 'MET', datePrecision: 'unknown' })).to.equal('t-met undated');
    expect(classesOf({ type: 'MET', date: '2025-02-01', datePrecision: 'month', inferred: true })).to.equal('t-met inferred');
  });

  it('shortens long labels', () => {
    expect(shortLabel('Meeting of Alibek Kuantyrov with Nigeria’s Minister of Petroleum Resources', 20)).to.equal('Meeting of Alibek K…');
    expect(shortLabel('Benin')).to.equal('Benin');
  });

  it('plans an expansion: the first `cap` new neighbours, the edges they bring, and how many remain', () => {
    const plan = planExpansion(hood, new Set(['person:a']), 2);
    expect(plan.add.map((e) => e.data.id)).to.deep.equal(['person:b', 'event:m', 'a|MET|b|event:m', 'a|PART|m']);
    expect(plan.remaining).to.equal(1);
    const more = planExpansion(hood, new Set(['person:a', 'person:b', 'event:m']), 2, new Set(['a|MET|b|event:m', 'a|PART|m']));
    expect(more.add.map((e) => e.data.id)).to.deep.equal(['event:u', 'a|PART|u']);
    expect(more.remaining).to.equal(0);
  });

  it('maps a path to nodes and one edge per hop, and finds the drawn edges of a hop in either direction', () => {
    const path: PathResult = {
      length: 2,
      nodes: [
        { id: 'person:x', type: 'person', name: 'Adeniyi Adesoji', kind: null },
        { id: 'person:a', type: 'person', name: 'Alibek Kuantyrov', kind: null },
        { id: 'person:b', type: 'person', name: 'Heineken Lokpobiri', kind: null },
      ],
      hops: [
        {
          from: 'person:x',
          to: 'person:a',
          type: 'MET',
          date: null,
          datePrecision: null,
          inferred: false,
          links: [],
          linkCount: 0,
          lastDate: null,
          evidence: [],
        },
        {
          from: 'person:a',
          to: 'person:b',
          type: 'MET',
          date: '2025-02-01',
          datePrecision: 'month',
          inferred: false,
          links: [],
          linkCount: 0,
          lastDate: '2025-02-01',
          evidence: [],
        },
      ],
    };
    const { nodes, edges } = pathElements(path);
    expect(nodes.map((n) => n.data.label)).to.deep.equal(['Adeniyi Adesoji', 'Alibek Kuantyrov', 'Heineken Lokpobiri']);
    expect(edges.map((e) => [e.data.id, e.classes])).to.deep.equal([
      [hopEdgeId('person:x', 'MET', 'person:a'), 't-met undated'],
      ['path:person:a|MET|person:b', 't-met'],
    ]);
    const drawn = [
      { id: 'e1', source: 'person:b', target: 'person:a', type: 'MET' },
      { id: 'e2', source: 'person:a', target: 'person:b', type: 'MET' },
      { id: 'e3', source: 'person:a', target: 'event:m', type: 'PARTICIPATED_IN' },
    ];
    expect(edgesForHop(drawn, path.hops[1]!)).to.deep.equal(['e1', 'e2']);
    expect(edgesForHop(drawn, path.hops[0]!)).to.deep.equal([]);
  });

  it('maps a console graph, lowercasing node types', () => {
    const els = cypherElements({
      nodes: [{ data: { id: '4:x:1', type: 'Person', label: 'A', labels: ['Entity', 'Person'], entityId: 'person:a' } }],
      edges: [{ data: { id: '5:x:2', source: '4:x:1', target: '4:x:1', type: 'MET', label: 'MET' } }],
    });
    expect(els.map((e) => [e.data.id, e.classes])).to.deep.equal([
      ['4:x:1', 't-person'],
      ['5:x:2', 't-met'],
    ]);
  });

  it('renders Cypher values as table cells', () => {
    expect(cellText(null)).to.equal('');
    expect(cellText(3)).to.equal('3');
    expect(cellText({ $type: 'date', value: '2025-02-01' })).to.equal('2025-02-01');
    expect(cellText({ $type: 'node', elementId: '4:x', labels: ['Entity', 'Person'], properties: { name: 'Alibek Kuantyrov' } })).to.equal(
      '(Person Alibek Kuantyrov)',
    );
    expect(cellText({ $type: 'relationship', type: 'MET' })).to.equal('[:MET]');
    expect(cellText(['a', { $type: 'integer', value: '9007199254740993' }])).to.equal('[a, 9007199254740993]');
    expect(cellText({ a: 1 })).to.equal('{"a":1}');
  });
});

describe('client: console results', () => {
  it('charts a label column against number columns, and says why not otherwise', async () => {
    const { chartShape, MAX_BARS } = await import('../../client/src/result-chart.ts');
    expect(
      chartShape({
        columns: ['kind', 'n'],
        rows: [
          ['visit', 3],
          ['meeting', null],
        ],
      }),
    ).to.deep.equal({ label: 0, values: [1] });
    expect(chartShape({ columns: ['year', 'a', 'b'], rows: [[{ $type: 'date', value: '2025-01-01' }, 1, 2]] })).to.deep.equal({
      label: 0,
      values: [1, 2],
    });
    expect(chartShape({ columns: ['name'], rows: [['x']] })).to.match(/no column holds only numbers/);
    expect(chartShape({ columns: ['n'], rows: [] })).to.match(/No rows/);
    expect(chartShape({ columns: ['k', 'n'], rows: Array.from({ length: MAX_BARS + 1 }, (_, i) => [String(i), i]) })).to.match(
      /at most 60 rows/,
    );
  });

  it('says "Refused" once', async () => {
    const { refusalText } = await import('../../client/src/api.ts');
    expect(refusalText('Refused: Refused: the console only runs read queries (x).')).to.equal('the console only runs read queries (x).');
    expect(refusalText('Not allowed.')).to.equal('Not allowed.');
  });
});
