import { describe, expect, it } from 'vitest';
import { checkNestingDepth, NestingError } from './nesting-depth.ts';

describe('checkNestingDepth', () => {
  it('counts nested XML elements; self-closing ones, comments and processing instructions add nothing', () => {
    expect(checkNestingDepth('<?xml version="1.0"?><w:body><w:p><w:r><w:t>支出</w:t></w:r><w:br/></w:p><!-- <a><b> --></w:body>', 'xml')).toBe(4);
  });

  it('throws NestingError past the limit', () => {
    expect(() => checkNestingDepth('<a>'.repeat(11), 'xml', 10)).toThrow(NestingError);
    expect(checkNestingDepth('<a>'.repeat(10), 'xml', 10)).toBe(10);
  });

  it('does not count HTML elements whose end tag may be left out, nor void elements', () => {
    const sloppy = `<body><div>${'<p>段落<br><img src="a.png">'.repeat(50)}${'<li>一项'.repeat(50)}</div></body>`;
    expect(checkNestingDepth(sloppy, 'html', 10)).toBe(1);
  });

  it('skips script text and SVG, where "<div>" in a string or "<path/>" does not nest', () => {
    const page = `<div><script>document.write("${'<div>'.repeat(20)}")</script><svg>${'<path d="M0 0"/>'.repeat(20)}</svg><span>正文</span></div>`;
    expect(checkNestingDepth(page, 'html', 10)).toBe(2);
  });

  it('counts "<div/>" as an open element in HTML, as the HTML parser does', () => {
    expect(() => checkNestingDepth('<div/>'.repeat(11), 'html', 10)).toThrow(NestingError);
  });
});
