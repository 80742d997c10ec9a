import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, assertIdempotent, covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'html-markup';

describe('html-markup', () => {
  const page =
    '<p>&emsp;&emsp;今天召开&ldquo;全县&rdquo;安全生产工作会议&#65292;请大家&#x8BA4;真研究。<br/></p>';

  test('each character reference and tag is reported as it stands', () => {
    assert.deepEqual(covered(page, findingsOf(rule, page)), [
      '<p>',
      '&emsp;',
      '&emsp;',
      '&ldquo;',
      '&rdquo;',
      '&#65292;',
      '&#x8BA4;',
      '<br/>',
      '</p>',
    ]);
    assert.deepEqual(
      findingsOf(rule, page)
        .slice(0, 4)
        .map((finding) => finding.message),
      [
        'HTML tag “<p>” left by a web page: remove it.',
        'HTML character reference “&emsp;” left by a web page: write a space.',
        'HTML character reference “&emsp;” left by a web page: write a space.',
        'HTML character reference “&ldquo;” left by a web page: write ‘“’.',
      ],
    );
  });

  test('its fix-all writes each reference as its character and removes each tag', () => {
    const fixed = fixAll(page, rule);
    assert.equal(fixed, '  今天召开“全县”安全生产工作会议，请大家认真研究。');
    assert.equal(fixAll(fixed, rule), fixed);
  });

  test('the rule speaks Chinese in a Chinese editor', () => {
    const [finding] = analyzeText('今天&ldquo;开会', {}, 'zh-cn').findings.filter((f) => f.rule === rule);
    assert.equal(finding?.message, '网页遗留的 HTML 字符实体“&ldquo;”，应写作‘“’。');
    assert.equal(finding?.fixes[0]?.title, '改为‘“’');
  });

  test('a long tag is shown cut, and removed whole', () => {
    const tag = `<span style="${'font-family:宋体;'.repeat(6)}">`;
    const text = `今天${tag}开会。`;
    const [finding] = findingsOf(rule, text);
    assert.equal(finding?.message, `HTML tag “${tag.slice(0, 39)}…” left by a web page: remove it.`);
    assert.equal(fixAll(text, rule), '今天开会。');
  });

  test('an ampersand or an angle bracket in prose is no HTML', () => {
    for (const text of [
      '研发（R&D;）投入要加大。',
      '当x<y>z时成立。',
      '要学习《党章》，&符号不用管。',
      '这是&unknown;写法。',
      '码点&#0;、&#xD800;和&#10;、&#x85;不是正文的字符。',
      '请看<table-data>。',
    ])
      assert.deepEqual(findingsOf(rule, text), [], text);
  });

  test('positions count UTF-16 code units past emoji, CJK Extension B and CRLF', () => {
    const text = '\uFEFF😀𠀀讲话\r\n同志们&nbsp;好<br>\r\n';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['&nbsp;', '<br>']);
    assert.equal(findings[0]!.start, '\uFEFF😀𠀀讲话\r\n同志们'.length);
  });

  test('fix-all leaves HTML to its own fixes: the other rules read the text around it as it stands', () => {
    const text = '今天召开会议,&ldquo;X中央&rdquo;；部署工作。<br>\n谢谢大家！\n';
    const once = fixAll(text);
    assert.equal(once, '今天召开会议，&ldquo;党中央&rdquo;；部署工作。<br>\n谢谢大家！\n');
    assertIdempotent(text, once);
  });

  test('a tag closing a line ends its paragraph, and the words before it end the transcript', () => {
    const text =
      '<p>同志们：</p>\n<p>今天我们召开全县安全生产工作会议，主要任务是总结工作，</p>\n<p>部署下一阶段的重点任务。</p>\n<p>谢谢大家！</p>&nbsp;\n';
    assert.deepEqual(
      analyzeText(text)
        .findings.filter((finding) => finding.rule !== rule)
        .map((finding) => finding.rule),
      [],
    );
    assertIdempotent('最后， \n&nbsp; \n8:30', '最后，&nbsp; \n8:30');
    assertIdempotent('最后， \n<br>\n8:30', '最后，<br>\n8:30');
  });

  test("HTML's own punctuation and letters are left by the other rules", () => {
    const text =
      '<p style="text-align:center">今天&ldquo;开会&rdquo;；请&#X4E2D;大家参加。</p>\n谢谢大家！\n';
    assert.deepEqual(
      analyzeText(text)
        .findings.filter((finding) => finding.rule !== rule)
        .map((finding) => `${finding.rule} ${text.slice(finding.start, finding.end)}`),
      [],
    );
  });
});
