const SVG = 'http://www.w3.org/2000/svg';

type Shape = readonly [
  tag: string,
  attributes: Readonly<Record<string, string>>,
  children?: readonly Shape[],
];

/**
 * The toolbar icon (`store/icon.svg`), shape by shape. Built as elements rather than loaded:
 * an image URL of the extension would have to be web-accessible (any page could then detect
 * Twofold), a data URL may be refused by the page's CSP, and markup parsing is a Trusted Types sink.
 * A unit test compares it with the file.
 */
export const MARK_SHAPES: readonly Shape[] = [
  [
    'defs',
    {},
    [
      [
        'linearGradient',
        { id: 'g', x1: '0', y1: '0', x2: '1', y2: '1' },
        [
          ['stop', { offset: '0', 'stop-color': '#2f6fe4' }],
          ['stop', { offset: '1', 'stop-color': '#163f9a' }],
        ],
      ],
    ],
  ],
  ['rect', { x: '4', y: '4', width: '120', height: '120', rx: '28', fill: 'url(#g)' }],
  ['circle', { cx: '50', cy: '64', r: '24', fill: 'none', stroke: '#9fc0ff', 'stroke-width': '13' }],
  ['circle', { cx: '78', cy: '64', r: '24', fill: 'none', stroke: '#ffffff', 'stroke-width': '13' }],
  ['path', { d: 'M50 40a24 24 0 0 1 21.5 13.3', fill: 'none', stroke: '#9fc0ff', 'stroke-width': '13' }],
];

function build(doc: Document, [tag, attributes, children = []]: Shape): Element {
  const element = doc.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children.map((child) => build(doc, child)));
  return element;
}

/** Twofold's icon for the in-page card: decorative (the card is named "Twofold" already). */
export function twofoldMark(doc: Document): SVGSVGElement {
  const svg = build(doc, [
    'svg',
    { viewBox: '0 0 128 128', 'aria-hidden': 'true', focusable: 'false' },
    MARK_SHAPES,
  ]);
  return svg as SVGSVGElement;
}
