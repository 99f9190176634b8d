// A bar chart of one numeric parameter across a scheme's years, in plain SVG: a few bars need
// no chart library, and SVG scales on a phone and reads out through its <title>.
import { s } from './dom';

export interface Bar {
  year: number;
  /** The value as huzhu words it, e.g. `10,000 yuan`. */
  text: string;
  /** For the bar's height only: never used as money. */
  size: number;
}

const WIDTH = 320;
const HEIGHT = 150;
const TOP = 22;
const BOTTOM = 22;

export function barChart(title: string, bars: readonly Bar[], id: string): SVGSVGElement {
  const largest = Math.max(...bars.map((bar) => bar.size));
  const slot = WIDTH / bars.length;
  const width = Math.min(64, slot * 0.6);
  const room = HEIGHT - TOP - BOTTOM;
  return s(
    'svg',
    { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${id}-title` },
    s('title', { id: `${id}-title` }, `${title}: ${bars.map((bar) => `${bar.year} ${bar.text}`).join(', ')}`),
    bars.map((bar, index) => {
      const height = largest > 0 ? Math.max(1, (bar.size / largest) * room) : 1;
      const x = slot * index + (slot - width) / 2;
      const y = TOP + room - height;
      return s(
        'g',
        {},
        s('rect', { class: 'bar', x, y, width, height, 'data-year': bar.year, 'data-value': bar.text }),
        s('text', { class: 'value', x: x + width / 2, y: y - 6, 'text-anchor': 'middle' }, bar.text),
        s('text', { class: 'year', x: x + width / 2, y: HEIGHT - 6, 'text-anchor': 'middle' }, bar.year),
      );
    }),
  );
}
