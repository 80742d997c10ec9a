// Properties of the analysis of any text: it never throws, and every range it gives (findings,
// fixes, the model's lines, blocks and headings) lies inside the text on whole code points.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  analyze,
  fixAllEdits,
  foldingRegions,
  hoverMarkdown,
  outline,
  parse,
  RULES,
  resolveConfig,
} from '../../server/src/core';
import { document, garbage, locale, propertyParameters, settings } from '../support/generators';
import { assertAnalysisRanges } from '../support/invariants';

const anyText = fc.oneof({ weight: 4, arbitrary: document }, { weight: 1, arbitrary: garbage });

describe('the analysis of any text', () => {
  test('never throws, whatever the text, settings and locale', (t) => {
    const parameters = propertyParameters<[string, object, 'en' | 'zh-cn']>(3000);
    let findings = 0;
    fc.assert(
      fc.property(anyText, settings, locale, (text, userSettings, language) => {
        const config = resolveConfig(userSettings, RULES);
        const analysis = analyze(text, { config, locale: language });
        findings += analysis.findings.length;
        const nodes = outline(analysis.model);
        foldingRegions(analysis.model, nodes);
        fixAllEdits(analysis.findings);
        for (const finding of analysis.findings.slice(0, 3)) hoverMarkdown(analysis, finding.start, language);
        parse(text);
      }),
      parameters,
    );
    t.diagnostic(`${parameters.numRuns} cases (seed ${parameters.seed}), ${findings} findings`);
  });

  test('lists the residue, numbered and enumerated blocks the document passes walk, in order', (t) => {
    const parameters = propertyParameters<[string]>(3000);
    let listed = 0;
    fc.assert(
      fc.property(anyText, (text) => {
        const { blocks, residue, numbered, enumerated } = parse(text);
        assert.deepStrictEqual(
          residue,
          blocks.filter((block) => block.kind === 'residue'),
        );
        assert.deepStrictEqual(
          enumerated,
          blocks.filter((block) => block.enumeration.length > 0),
        );
        // Paragraphs that open with a heading number count in the numbering too.
        assert.deepStrictEqual(
          numbered.filter((block) => block.heading),
          blocks.filter((block) => block.heading),
        );
        for (const block of numbered) assert.ok(block.heading || block.kind === 'paragraph', block.kind);
        assert.ok(numbered.every((block, at) => at === 0 || numbered[at - 1]!.line.index < block.line.index));
        listed += residue.length + numbered.length + enumerated.length;
      }),
      parameters,
    );
    assert.ok(listed > parameters.numRuns, 'the generated texts have blocks of each list');
    t.diagnostic(`${parameters.numRuns} cases (seed ${parameters.seed}), ${listed} blocks listed`);
  });

  test('puts every range inside the text and never between the halves of a surrogate pair', (t) => {
    const parameters = propertyParameters<[string, object]>(3000);
    let ranges = 0;
    fc.assert(
      fc.property(anyText, settings, (text, userSettings) => {
        const analysis = analyze(text, { config: resolveConfig(userSettings, RULES), locale: 'en' });
        assertAnalysisRanges(text, analysis);
        ranges += analysis.findings.length + analysis.model.blocks.length;
      }),
      parameters,
    );
    assert.ok(ranges > parameters.numRuns, 'the generated texts have findings and blocks to check');
    t.diagnostic(
      `${parameters.numRuns} cases (seed ${parameters.seed}), ${ranges} findings and blocks checked`,
    );
  });
});
