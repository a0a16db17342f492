// The console's graph layout (console/src/graph-layout.ts, dagre): a Parallel's branches are drawn left to right
// in definition order (Branch 1 leftmost), whatever their lengths, with or without a Catch, nested or not.
import type { graphlib } from '@dagrejs/dagre';
import { layoutGraph, siblingOrder, type Box } from '../../console/src/graph-layout';
import { graphModel } from '../../console/src/graph-model';

/** A branch of `length` Pass states named `<prefix>0`, `<prefix>1`, … */
function chain(prefix: string, length: number) {
  const States: Record<string, object> = {};
  for (let i = 0; i < length; i++) States[`${prefix}${i}`] = i === length - 1 ? { Type: 'Pass', End: true } : { Type: 'Pass', Next: `${prefix}${i + 1}` };
  return { StartAt: `${prefix}0`, States };
}

function parallel(lengths: readonly number[], withCatch: boolean) {
  return {
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Parallel',
        Branches: lengths.map((n, b) => chain(`b${b}_`, n)),
        Next: 'After',
        ...(withCatch ? { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] } : {}),
      },
      After: { Type: 'Pass', End: true },
      Failed: { Type: 'Fail' },
    },
  };
}

const box = (g: graphlib.Graph, id: string) => g.node(id) as unknown as Box;

/** Each sibling's box lies wholly right of the one before it. */
function expectLeftToRight(g: graphlib.Graph, ids: readonly string[]): void {
  for (let i = 1; i < ids.length; i++) {
    const left = box(g, ids[i - 1]);
    const right = box(g, ids[i]);
    expect({ [ids[i]]: right.x - right.width / 2 >= left.x + left.width / 2 }).toEqual({ [ids[i]]: true });
  }
}

describe.each([[[1, 2]], [[2, 1]], [[1, 1, 1]], [[3, 2, 1]], [[4, 1, 1, 2]]])('a Parallel with branches of %j states', (lengths) => {
  it.each([false, true])('draws Branch 1 leftmost and the others in order (Catch: %s)', (withCatch) => {
    const model = graphModel(parallel(lengths, withCatch));
    const g = layoutGraph(model);
    expectLeftToRight(
      g,
      lengths.map((_, b) => `c:Fan:${b}`),
    );
    expectLeftToRight(
      g,
      lengths.map((_, b) => `s:b${b}_0`),
    );
  });
});

it('keeps the order inside a branch too: a Parallel nested in Branch 2 of another', () => {
  const inner = { Type: 'Parallel', Branches: [chain('x', 2), chain('y', 1), chain('z', 1)], End: true };
  const definition = {
    StartAt: 'Fan',
    States: { Fan: { Type: 'Parallel', Branches: [chain('a', 1), { StartAt: 'Inner', States: { Inner: inner } }], End: true } },
  };
  const model = graphModel(definition);
  expect(siblingOrder(model)).toEqual([
    { left: 'c:Fan:0', right: 'c:Fan:1' },
    { left: 'c:Inner:0', right: 'c:Inner:1' },
    { left: 'c:Inner:1', right: 'c:Inner:2' },
  ]);
  const g = layoutGraph(model);
  expectLeftToRight(g, ['c:Fan:0', 'c:Fan:1']);
  expectLeftToRight(g, ['c:Inner:0', 'c:Inner:1', 'c:Inner:2']);
  expectLeftToRight(g, ['s:x0', 's:y0', 's:z0']);
});
