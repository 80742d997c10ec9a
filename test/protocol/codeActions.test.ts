// Code actions: a quick fix per diagnostic (the safe one preferred), "fix all" per rule,
// "replace all" per placeholder, and source.fixAll.speech; every edit pinned to the document
// version, applied by the harness as VS Code applies it, and refused once the document changed.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver';
import { analyzeText } from '../support/fixtures';
import { DEFAULT_CAPABILITIES, fileUri, LspClient, rangeOf, textAt } from '../support/lspClient';
import { expectedDiagnostics, summarize } from './oracle';
import { lines, SPEECH } from './transcripts';

const folder = '/tmp/speech-tidy-protocol';

/** A transcript whose findings have only fixes a person must choose: nothing is preferred. */
const UNSURE = lines(
  '在全镇安全生产工作会议上的讲话',
  '同志们：',
  '今年以来全镇安全生产形势总体平稳但是个别企业主体责任落实不到位的问题依然存在',
  '隐患排查治理工作还需要进一步加强。',
  '我们X看到了成绩，也看到了不足,要保持清醒。',
  '谢谢大家！',
);

function asAction(item: CodeAction | Command): CodeAction {
  assert.ok(
    !('command' in item && typeof item.command === 'string'),
    `"${item.title}" is an action, not a command`,
  );
  return item as CodeAction;
}

async function actionsFor(
  client: LspClient,
  uri: string,
  diagnostics: readonly Diagnostic[],
  only?: string[],
): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const answer = await client.codeActions(uri, range, diagnostics, only);
  return (answer ?? []).map(asAction);
}

/** Every action's edit is a documentChanges entry for this document at this version, nothing else. */
function assertPinned(actions: readonly CodeAction[], uri: string, version: number): void {
  for (const action of actions) {
    assert.ok(action.edit, `"${action.title}" carries an edit`);
    assert.equal(action.edit.changes, undefined, `"${action.title}": no unversioned changes`);
    assert.equal(action.command, undefined);
    const changes = action.edit.documentChanges;
    assert.ok(changes && changes.length === 1, `"${action.title}": one documentChanges entry`);
    const [change] = changes;
    assert.ok(change && 'textDocument' in change);
    assert.deepEqual(
      change.textDocument,
      { uri, version },
      `"${action.title}" is pinned to version ${version}`,
    );
    assert.ok(change.edits.length > 0);
  }
}

describe('code actions', () => {
  let client: LspClient;
  let uri: string;
  let diagnostics: Diagnostic[];
  let count = 0;

  before(async () => {
    client = await LspClient.start({ locale: 'en' });
  });
  after(() => client.dispose());
  beforeEach(async () => {
    uri = fileUri(`${folder}/actions-${++count}.speech`);
    await client.open(uri, SPEECH);
    diagnostics = await client.diagnosticsFor(uri, 1);
  });
  afterEach(() => client.close(uri));

  const find = (code: string, needle: string, occurrence = 0) => {
    const range = rangeOf(client.text(uri), needle, occurrence);
    const found = diagnostics.find(
      (d) =>
        d.code === code &&
        d.range.start.line === range.start.line &&
        d.range.start.character === range.start.character,
    );
    assert.ok(found, `a ${code} diagnostic at "${needle}"`);
    return found;
  };

  test('a placeholder: the safe replacement (preferred), replace all, and fix all of the rule', async () => {
    const diagnostic = find('placeholder', 'X的建设');
    const actions = await actionsFor(client, uri, [diagnostic]);
    assert.ok(
      actions.every((a) => a.kind === 'quickfix'),
      'all quick fixes when nothing is asked for',
    );

    const [fix, ...others] = actions;
    assertPinned([fix!], uri, 1);
    assert.equal(fix!.title, 'Replace “X” with “党”');
    assert.equal(fix!.isPreferred, true);
    assert.deepEqual(fix!.diagnostics, [diagnostic]);
    assert.ok(
      others.every((a) => !a.isPreferred),
      'only one preferred action',
    );

    const decidedX = analyzeText(SPEECH).findings.filter((f) =>
      f.fixes.some((x) => x.group === 'X→党'),
    ).length;
    const replaceAll = others.find((a) => a.title === `Replace all ${decidedX} “X” with “党”`);
    assert.ok(replaceAll, `a replace-all action: ${others.map((a) => a.title).join(' | ')}`);
    const placeholders = diagnostics.filter((d) => d.code === 'placeholder').length;
    const fixRule = others.find(
      (a) => a.title === `Fix all ${placeholders} “placeholder” problems in this document`,
    );
    assert.ok(fixRule, `a fix-all-of-the-rule action: ${others.map((a) => a.title).join(' | ')}`);
    // VS Code asks for the actions at the cursor whenever it moves: the edits of the actions over
    // the whole document are made only when one is chosen.
    for (const bulk of [replaceAll, fixRule]) {
      assert.equal(bulk.edit, undefined, `"${bulk.title}" carries no edit until resolved`);
      const resolved = await client.resolveCodeAction(bulk);
      assertPinned([resolved], uri, 1);
      assert.equal(resolved.title, bulk.title);
    }
  });

  test('a client that cannot resolve actions gets every edit with its action', async () => {
    const { resolveSupport: _, ...eager } = DEFAULT_CAPABILITIES.textDocument!.codeAction!;
    const plain = await LspClient.start({
      locale: 'en',
      capabilities: {
        ...DEFAULT_CAPABILITIES,
        textDocument: { ...DEFAULT_CAPABILITIES.textDocument, codeAction: eager },
      },
    });
    try {
      await plain.open(uri, SPEECH);
      const [diagnostic] = (await plain.diagnosticsFor(uri, 1)).filter((d) => d.code === 'placeholder');
      const actions = await actionsFor(plain, uri, [diagnostic!]);
      assert.deepEqual(
        actions.map((a) => a.title.split(' ')[0]),
        ['Replace', 'Replace', 'Fix'],
      );
      assertPinned(actions, uri, 1);
    } finally {
      await plain.dispose();
    }
  });

  test('resolving what is not a bulk action of an open document gives it back unchanged', async () => {
    for (const data of [
      undefined,
      'x',
      { uri },
      { uri, group: 'X→党', rule: 'placeholder' },
      { uri: `${uri}.gone`, rule: 'placeholder' },
    ]) {
      const action = { title: 'Something', kind: 'quickfix', ...(data === undefined ? {} : { data }) };
      assert.deepEqual(await client.resolveCodeAction(action), action, JSON.stringify(data));
    }
  });

  test('applying the quick fix changes exactly that placeholder', async () => {
    const diagnostic = find('placeholder', 'X的建设');
    const [fix] = await actionsFor(client, uri, [diagnostic]);
    assert.deepEqual(await client.applyCodeAction(fix!), { applied: true });
    const expected = SPEECH.replace('以X的建设', '以党的建设');
    assert.equal(client.text(uri), expected);
    const after = await client.currentDiagnostics(uri);
    assert.deepEqual(summarize(after), expectedDiagnostics(expected));
    assert.equal(after.length, diagnostics.length - 1);
  });

  test('replace all replaces every X that stands for 党, and nothing else', async () => {
    const actions = await actionsFor(client, uri, [find('placeholder', 'X委政府')]);
    const replaceAll = actions.find((a) => a.title.startsWith('Replace all'))!;
    assert.deepEqual(await client.applyCodeAction(replaceAll), { applied: true });
    const text = client.text(uri);
    for (const word of ['党的建设', '党委政府', '党员干部', '党史教育', '党中央'])
      assert.ok(text.includes(word), word);
    assert.ok(text.includes('ZZ站位'), 'another placeholder is not part of the group');
    assert.ok(text.includes('XX同志'), 'a template slot is not a placeholder');
    const after = await client.currentDiagnostics(uri);
    assert.deepEqual(
      after.filter((d) => d.code === 'placeholder').map((d) => textAt(text, d.range)),
      ['ZZ'],
    );
  });

  test('fix all of one rule fixes that rule everywhere and leaves the others', async () => {
    const actions = await actionsFor(client, uri, [find('halfwidth-punctuation', ',增强')]);
    const fixRule = actions.find((a) => a.title.startsWith('Fix all'))!;
    assert.match(fixRule.title, /“halfwidth-punctuation”/);
    assert.deepEqual(await client.applyCodeAction(fixRule), { applied: true });
    const after = await client.currentDiagnostics(uri);
    assert.ok(!after.some((d) => d.code === 'halfwidth-punctuation'));
    assert.equal(
      after.filter((d) => d.code === 'placeholder').length,
      diagnostics.filter((d) => d.code === 'placeholder').length,
    );
    assert.deepEqual(summarize(after), expectedDiagnostics(client.text(uri)));
  });

  test('a watermark line: removing it removes the whole line', async () => {
    const footer = find('watermark', '第 2 页 共 5 页');
    const [remove] = await actionsFor(client, uri, [footer]);
    assert.equal(remove!.isPreferred, true);
    assert.deepEqual(await client.applyCodeAction(remove!), { applied: true });
    assert.equal(client.text(uri), SPEECH.replace('第 2 页 共 5 页\n', ''));
  });

  test('a template slot has no fix to offer', async () => {
    const slot = find('template-placeholder', 'XX同志');
    assert.deepEqual(await actionsFor(client, uri, [slot]), []);
  });

  test('diagnostics of other tools get nothing from Speech Tidy', async () => {
    const foreign: Diagnostic = { ...find('placeholder', 'X中央'), source: 'cSpell', code: 'unknown-word' };
    assert.deepEqual(await actionsFor(client, uri, [foreign]), []);
  });

  test('source.fixAll.speech: offered when asked for, applied, leaves no residue, and is then empty', async () => {
    assert.ok(
      !(await actionsFor(client, uri, diagnostics)).some((a) => a.kind?.startsWith('source')),
      'not offered among the quick fixes',
    );
    assert.deepEqual(await actionsFor(client, uri, [], ['quickfix']), []);
    for (const only of [['source'], ['source.fixAll'], ['source.fixAll.speech']]) {
      const actions = await actionsFor(client, uri, [], only);
      assert.deepEqual(
        actions.map((a) => a.kind),
        ['source.fixAll.speech'],
        `only ${only}`,
      );
    }
    const [fixAll] = await actionsFor(client, uri, diagnostics, ['source.fixAll']);
    assertPinned([fixAll!], uri, 1);
    assert.equal(fixAll!.title, 'Fix all Speech Tidy problems');
    assert.deepEqual(await client.applyCodeAction(fixAll!), { applied: true });

    const text = client.text(uri);
    for (const residue of [
      '正文复制',
      '系列№3051',
      '2024年3月',
      '第 2 页',
      '更多资料',
      '微信',
      'X中央',
      'ZZ',
      ',',
    ]) {
      assert.ok(!text.includes(residue), `"${residue}" is gone`);
    }
    assert.ok(text.startsWith('凝心聚力抓落实'), 'the text now starts with the title');
    assert.ok(text.includes('XX同志'), 'the slot waits for a person');
    const after = await client.currentDiagnostics(uri);
    assert.deepEqual(summarize(after), expectedDiagnostics(text));
    assert.ok(
      !after.some((d) => ['watermark', 'placeholder', 'halfwidth-punctuation'].includes(String(d.code))),
    );
    const preferred = (await actionsFor(client, uri, after)).filter((a) => a.isPreferred);
    assert.deepEqual(preferred, [], 'nothing safe is left to fix');
    assert.deepEqual(
      await actionsFor(client, uri, after, ['source.fixAll']),
      [],
      'a second fix-all finds nothing',
    );
  });

  test('a stale edit is refused, and a stale diagnostic gets no action', async () => {
    const diagnostic = find('placeholder', 'X中央');
    const [staleFix] = await actionsFor(client, uri, [diagnostic]);
    const [staleFixAll] = await actionsFor(client, uri, [], ['source.fixAll']);
    // The user types on the first line before choosing the fix: the old offsets no longer hold.
    await client.edit(uri, 0, 0, '（内部资料）\n');
    const before = client.text(uri);
    for (const action of [staleFix!, staleFixAll!]) {
      const result = await client.applyCodeAction(action);
      assert.equal(result.applied, false, `"${action.title}" is refused`);
      assert.match(result.failureReason ?? '', /version 1.*at 2/);
    }
    assert.equal(client.text(uri), before, 'the text is untouched');

    await client.currentDiagnostics(uri);
    assert.deepEqual(await actionsFor(client, uri, [diagnostic]), [], 'no action for a version-1 diagnostic');
    const fresh = (await client.currentDiagnostics(uri)).find(
      (d) =>
        d.code === 'placeholder' &&
        textAt(client.text(uri), d.range) === 'X' &&
        d.range.start.line === diagnostic.range.start.line + 1,
    );
    assert.ok(fresh, 'the same placeholder, one line down');
    const [fix] = await actionsFor(client, uri, [fresh]);
    assertPinned([fix!], uri, 2);
    assert.deepEqual(await client.applyCodeAction(fix!), { applied: true });
    assert.ok(client.text(uri).includes('对照党中央要求'));
  });

  test('a diagnostic of an older version gets its fix while its finding stands where it was', async () => {
    // VS Code asks for the fixes under the cursor with the diagnostics it shows, which lag the
    // text by one publication while the user types.
    const diagnostic = find('placeholder', 'X中央');
    await client.edit(uri, client.text(uri).length, client.text(uri).length, '\n谢谢！');
    const [fix] = await actionsFor(client, uri, [diagnostic]);
    assert.ok(fix, 'the placeholder above the edit keeps its quick fix');
    assertPinned([fix], uri, 2);
    assert.deepEqual(await client.applyCodeAction(fix), { applied: true });
    assert.ok(client.text(uri).includes('对照党中央要求'));
  });
});

test('an action over the whole document, chosen after an edit, is made for the text as it is then', async () => {
  const client = await LspClient.start({ locale: 'en' });
  const uri = fileUri(`${folder}/late.speech`);
  try {
    await client.open(uri, SPEECH);
    const diagnostic = (await client.diagnosticsFor(uri, 1)).find(
      (d) => d.code === 'placeholder' && textAt(SPEECH, d.range) === 'X',
    );
    const actions = await actionsFor(client, uri, [diagnostic!]);
    const replaceAll = actions.find((a) => a.title.startsWith('Replace all'))!;
    await client.edit(uri, 0, 0, '（内部资料）\n');
    const resolved = await client.resolveCodeAction(replaceAll);
    assertPinned([resolved], uri, 2);
    assert.deepEqual(await client.applyCodeAction(resolved), { applied: true });
    const text = client.text(uri);
    assert.ok(text.startsWith('（内部资料）\n'), "the user's edit stays");
    assert.ok(text.includes('党中央') && text.includes('党委政府'), 'every X that stands for 党 is replaced');
  } finally {
    await client.dispose();
  }
});

describe('code actions for fixes a person must choose', () => {
  let client: LspClient;
  const uri = fileUri(`${folder}/unsure.speech`);
  before(async () => {
    client = await LspClient.start({ locale: 'en' });
    await client.open(uri, UNSURE);
  });
  after(() => client.dispose());

  test('each fix is offered, preferred only when it is safe, as the core marks it', async () => {
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const findings = analyzeText(UNSURE).findings;
    assert.ok(
      findings.some((f) => f.fixes.length > 0 && !f.fixes.some((fix) => fix.safe)),
      'an unsafe-only finding',
    );
    for (const finding of findings) {
      const diagnostic = diagnostics.find(
        (d) =>
          d.code === finding.rule && textAt(UNSURE, d.range) === UNSURE.slice(finding.start, finding.end),
      );
      assert.ok(diagnostic);
      const quickFixes = (await actionsFor(client, uri, [diagnostic])).filter((a) => a.diagnostics?.length);
      assert.deepEqual(
        quickFixes.map((a) => [a.title, a.isPreferred]),
        finding.fixes.map((fix, index) => [
          fix.title,
          fix.safe && finding.fixes.findIndex((f) => f.safe) === index,
        ]),
        finding.rule,
      );
    }
  });

  test('fix-all applies only the safe fixes', async () => {
    const [fixAll] = await actionsFor(client, uri, [], ['source.fixAll']);
    assert.ok(fixAll);
    assert.deepEqual(await client.applyCodeAction(fixAll), { applied: true });
    const text = client.text(uri);
    assert.ok(text.includes('我们X看到'), 'the undecided placeholder is left to the user');
    assert.ok(text.includes('依然存在\n隐患排查'), 'the uncertain line break is left to the user');
    assert.ok(text.includes('不足，要保持清醒'), 'the safe punctuation fix was applied');
  });
});

describe('code actions for a rule that keeps out of fix-all', () => {
  const REPEATS = lines(
    '在全镇安全生产工作会议上的讲话',
    '同志们：',
    '今年以来全镇安全生产形势总体平稳，，个别企业主体责任落实不到位。。',
    '谢谢大家！',
  );
  let client: LspClient;
  const uri = fileUri(`${folder}/repeats.speech`);
  before(async () => {
    client = await LspClient.start({ locale: 'en' });
    await client.open(uri, REPEATS);
  });
  after(() => client.dispose());

  test('a repeated mark: its removal preferred, and fix all of the rule removes every one', async () => {
    const diagnostics = (await client.diagnosticsFor(uri, 1)).filter((d) => d.code === 'doubled-punctuation');
    assert.deepEqual(
      diagnostics.map((d) => textAt(REPEATS, d.range)),
      ['，', '。'],
    );
    const actions = await actionsFor(client, uri, [diagnostics[0]!]);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Remove the repeated “，”', true],
        ['Fix all 2 “doubled-punctuation” problems in this document', false],
      ],
    );
    const [fixAll] = await actionsFor(client, uri, [], ['source.fixAll']);
    assert.equal(fixAll, undefined, 'fix-all has nothing to do');
    assert.deepEqual(await client.applyCodeAction(actions[1]!), { applied: true });
    assert.equal(client.text(uri), REPEATS.replace('，，', '，').replace('。。', '。'));
  });
});

describe('a client without documentChanges support', () => {
  test('gets the same fixes as plain changes, which it can apply', async () => {
    const { workspace, ...rest } = DEFAULT_CAPABILITIES;
    const client = await LspClient.start({
      capabilities: { ...rest, workspace: { ...workspace, workspaceEdit: { documentChanges: false } } },
    });
    try {
      const uri = fileUri(`${folder}/plain-changes.speech`);
      await client.open(uri, SPEECH);
      await client.diagnosticsFor(uri, 1);
      const [fixAll] = await actionsFor(client, uri, [], ['source.fixAll']);
      assert.ok(fixAll?.edit);
      assert.equal(fixAll.edit.documentChanges, undefined);
      assert.ok(fixAll.edit.changes?.[uri]?.length);
      assert.deepEqual(await client.applyCodeAction(fixAll), { applied: true });
      assert.ok(!client.text(uri).includes('正文复制'));
    } finally {
      await client.dispose();
    }
  });
});

describe('fix-all beside a lone CR', () => {
  test('edits that join a lone CR with an LF reach the server as the client applies them', async () => {
    const client = await LspClient.start();
    try {
      const uri = fileUri(`${folder}/lone-cr.speech`);
      // Removing the footer line and the zero-width space after its CR leaves `\r\n`: the footer's
      // removal ends where no position lies once the other edit is applied.
      await client.open(uri, '同志们：\n第 3 页 共 12 页\r\u200b\nXX同志要带头。\n');
      await client.diagnosticsFor(uri, 1);
      const [fixAll] = await actionsFor(client, uri, [], ['source.fixAll']);
      assert.ok(fixAll);
      assert.deepEqual(await client.applyCodeAction(fixAll), { applied: true });
      const text = client.text(uri);
      assert.equal(text, '同志们：\n\nXX同志要带头。\n');
      // The server holds the same text: the template slot's diagnostic is on the same line.
      assert.deepEqual(summarize(await client.currentDiagnostics(uri)), expectedDiagnostics(text));
    } finally {
      await client.dispose();
    }
  });
});
