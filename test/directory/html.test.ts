import { htmlToText } from '../../src/directory/html';

const MARKUP = /<[a-zA-Z!/?]/;

describe('htmlToText: HTML to safe plain text', () => {
  it('keeps the words of an ordinary council description, paragraphs as line breaks, entities decoded', () => {
    const html =
      '<p>Struggling with Drug &amp; Alcohol Addiction?</p><p>Free &amp; confidential&nbsp;support.</p><ul><li>talking</li><li>memory boxes</li></ul>';
    expect(htmlToText(html)).toBe('Struggling with Drug & Alcohol Addiction?\n\nFree & confidential support.\n\ntalking\nmemory boxes');
  });

  it('drops script and style contents entirely, whatever the case or attributes', () => {
    const out = htmlToText('Hello<SCRIPT type="text/javascript">alert("x")</script > there<style>p{color:red}</style><noscript>no</noscript>!');
    expect(out).toBe('Hello there!');
  });

  it('drops everything after an unclosed script', () => {
    expect(htmlToText('Walking group<script>alert(1); document.cookie')).toBe('Walking group');
  });

  it('removes tags with on* handlers and javascript: links, keeping only their text', () => {
    const out = htmlToText('<img src=x onerror=alert(1)><a href="javascript:alert(1)" onclick="steal()">Join us</a><div onmouseover=\'x()\'>Tuesdays</div>');
    expect(out).toBe('Join us\n\nTuesdays');
    expect(out).not.toMatch(/onerror|onclick|javascript|alert/);
  });

  it('copes with nested, unclosed and broken tags', () => {
    expect(htmlToText('<div><p><b>Bold <i>and italic</b></i> text</div>')).toBe('Bold and italic text');
    expect(htmlToText('Cafe open <b')).toBe('Cafe open');
    expect(htmlToText('<a title="1 > 0">link</a>')).toBe('link');
    expect(htmlToText("It's <em>Bob's</em> group")).toBe("It's Bob's group");
  });

  it('removes comments, including conditional comments and CDATA', () => {
    expect(htmlToText('A<!-- secret <script>x</script> -->B<!--[if IE]><p>old</p><![endif]-->C')).toBe('ABC');
    expect(htmlToText('A<!-- never closed')).toBe('A');
  });

  it('decodes named, decimal and hex entities; leaves unknown ones alone', () => {
    expect(htmlToText('&pound;5 &ndash; &#8220;tea&#x201D; &eacute;t&eacute; &bogus; &#0; &#xD800;')).toBe('£5 – “tea” été &bogus;');
  });

  it('does not let encoded markup become markup when decoded (double-encoded HTML)', () => {
    const out = htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;Hi &amp;lt;b&amp;gt;there&amp;lt;/b&amp;gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(out).toBe('Hi there');
    expect(out).not.toMatch(MARKUP);
  });

  it('keeps a lone < as text', () => {
    expect(htmlToText('ages 5 < 11 & > 3')).toBe('ages 5 < 11 & > 3');
  });

  it('normalises whitespace and removes control characters', () => {
    expect(htmlToText('  a\t\tb \u0000c\u200b\r\n\r\n\r\n\r\nd  ')).toBe('a b c\n\nd');
    expect(htmlToText('<p>a</p>\n<p>b</p>', { singleLine: true })).toBe('a b');
  });

  it('caps the length at a word boundary', () => {
    const out = htmlToText('word '.repeat(100), { limit: 42 });
    expect(out.length).toBeLessThanOrEqual(42);
    expect(out.endsWith('word…')).toBe(true);
  });

  it('returns empty text for nothing', () => {
    expect(htmlToText(undefined)).toBe('');
    expect(htmlToText(null)).toBe('');
    expect(htmlToText('<p>&nbsp;</p><script>x</script>')).toBe('');
  });

  it('never returns markup for generated hostile inputs', () => {
    const pieces = ['<', '>', '/', 'script', 'img', ' onerror=', '"', "'", '&lt;', '&gt;', '&amp;', '<!--', '-->', 'a', ' ', 'javascript:', '<p>', '</p>', '<scr<script>ipt>'];
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let k = 0; k < 20; k++) s += pieces[Math.floor(rand() * pieces.length)];
      const out = htmlToText(s);
      expect(out).not.toMatch(MARKUP);
    }
  });
});
