// Properties of the outline and folding of any transcript: every node lies in the text, contains
// its heading, nests inside its parent after its elder sibling, and every heading has its node.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { foldingRegions, outline, parse } from '../../server/src/core';
import { document, garbage, propertyParameters } from '../support/generators';
import { assertFolding, assertOutline, flatten } from '../support/invariants';

describe('the outline of any transcript', () => {
  test('nests, and each node contains its heading', (t) => {
    const parameters = propertyParameters<[string]>(3000);
    let nodes = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: document }, { weight: 1, arbitrary: garbage }), (text) => {
        const model = parse(text);
        const roots = outline(model);
        assertOutline(text, roots);
        assertFolding(model.lines.length, foldingRegions(model, roots));
        const all = flatten(roots);
        nodes += all.length;
        // Every heading of the body has a node, whose selection holds the heading's numeral.
        const headings = model.blocks.filter((block) => block.kind === 'heading' && block.heading);
        const headingNodes = all.filter((node) => node.kind === 'heading');
        assert.equal(headingNodes.length, headings.length, 'one outline node per heading');
        for (const block of headings) {
          const node = headingNodes.find((candidate) => candidate.selectionStart === block.contentStart);
          assert.ok(node, `no outline node for the heading on line ${block.line.index}`);
          const { numeralStart, numeralEnd } = block.heading!;
          assert.ok(
            node.selectionStart <= numeralStart && numeralEnd <= node.selectionEnd,
            `the node of line ${block.line.index} does not select its numeral`,
          );
        }
      }),
      parameters,
    );
    t.diagnostic(`${parameters.numRuns} cases (seed ${parameters.seed}), ${nodes} outline nodes checked`);
  });
});
