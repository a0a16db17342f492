// The console's graph model (console/src/graph-model.ts): what boxes and arrows an ASL definition becomes.
import { graphModel } from '../../console/src/graph-model';

it('draws Choice rules and Default, Catch edges, Parallel branches and a Distributed Map’s processor nested', () => {
  const model = graphModel({
    StartAt: 'Pick',
    States: {
      Pick: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.go %}', Next: 'Fan' }], Default: 'Done' },
      Fan: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
          { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } },
        ],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
        Next: 'Rows',
      },
      Rows: {
        Type: 'Map',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'W', States: { W: { Type: 'Pass', End: true } } },
        End: true,
      },
      Done: { Type: 'Succeed' },
    },
  });
  const edge = (from: string, to: string) => model.edges.find((e) => e.from === from && e.to === to);
  expect(edge('start', 's:Pick')?.kind).toBe('next');
  expect(edge('s:Pick', 's:Fan')).toEqual({ from: 's:Pick', to: 's:Fan', kind: 'choice', label: '$states.input.go' });
  expect(edge('s:Pick', 's:Done')).toMatchObject({ kind: 'default', label: 'Default' });
  // A container's edges leave from its join node, below its branches.
  expect(edge('j:Fan', 's:Done')).toMatchObject({ kind: 'catch', label: 'Catch States.ALL' });
  expect(edge('j:Fan', 's:Rows')?.kind).toBe('next');
  expect(edge('s:Fan', 's:A')?.kind).toBe('inner');
  expect(edge('s:B', 'j:Fan')?.kind).toBe('next');
  expect(model.clusters.map((c) => [c.id, c.label, c.parent, c.distributed])).toEqual([
    ['c:Fan', '', undefined, false],
    ['c:Fan:0', 'Branch 1', 'c:Fan', false],
    ['c:Fan:1', 'Branch 2', 'c:Fan', false],
    ['c:Rows', '', undefined, true],
    ['c:Rows:0', 'Item processor: child executions (EXPRESS)', 'c:Rows', true],
  ]);
  expect(model.nodes.find((n) => n.id === 's:W')?.cluster).toBe('c:Rows:0');
  expect(model.nodes.find((n) => n.id === 's:Rows')).toMatchObject({ label: 'Map (distributed)', distributed: true });
  expect(edge('j:Rows', 'end')?.kind).toBe('next');
});
