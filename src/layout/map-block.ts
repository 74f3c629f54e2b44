/**
 * The locator map at the head of the sidebar: the map stage's panels turned into path
 * elements at their place on the page, coloured like the sidebar's groups, with hairline
 * frames and a legend that repeats the list's status groups in the list's colours.
 */
import type { Country } from '../gazetteer/index.js';
import { locatorMap, type LocatorMap, type MapPanel } from '../map/index.js';
import type { Sidebar } from '../model/index.js';
import { BLOCK_GAP, type RailBlock } from './rail-block.js';
import { HAIRLINE, INK, MAP_BORDER, MAP_FOCUS, MAP_LAND, MAP_SEA, SIDEBAR_NOTE, groupColors, type TextStyle } from './styles.js';
import { capHeight, lineElement, setText } from './text.js';
import type { PageElement } from './types.js';

/**
 * The regional panel's fixed aspect (width : height): wide, because page 1's rail must also
 * hold the facts and the list. The world panel's is Equal Earth's without Antarctica (2.29).
 */
export const REGION_ASPECT = 2;
export const WORLD_ASPECT = 2.3;
const PANEL_GAP = 4;
const SWATCH = 6;
const DOT_RADIUS = 2.2;
const LEGEND: TextStyle = { ...SIDEBAR_NOTE, color: INK };
const CREDIT: TextStyle = { ...SIDEBAR_NOTE, font: 'sans-italic', size: 7, leading: 9 };

export function mapBlock(focus: Country | undefined, sidebar: Sidebar | undefined, width: number, grid: number): RailBlock | undefined {
  const groups = sidebar?.groups ?? [];
  const map = locatorMap({
    ...(focus ? { focus } : {}),
    countries: groups.flatMap((group, index) => group.entries.map((entry) => ({ country: entry.country, group: index }))),
    width,
    height: Math.round(width / REGION_ASPECT),
    worldHeight: Math.round(width / WORLD_ASPECT),
  });
  if (!map) return undefined;
  const colors = groupColors(groups.map((g) => g.status));
  const legend = legendRows(map, focus, groups.map((g) => g.status), colors, width);
  const credit = setText(creditText(map), CREDIT, width, { align: 'ragged' });
  const panelsHeight = map.panels.reduce((sum, p) => sum + p.height, 0) + PANEL_GAP * (map.panels.length - 1);
  const height = panelsHeight + 4 + legend.reduce((sum, row) => sum + row.height, 0) + credit.length * CREDIT.leading;
  return {
    gridLines: Math.ceil((height + BLOCK_GAP) / grid),
    draw(x, top) {
      const out: PageElement[] = [];
      let y = top;
      for (const panel of map.panels) {
        out.push(...panelElements(panel, x, y, colors));
        y += panel.height + PANEL_GAP;
      }
      y += 4 - PANEL_GAP;
      for (const row of legend) {
        out.push(...row.draw(x, y));
        y += row.height;
      }
      credit.forEach((line, i) => out.push(lineElement(line, x, y + capHeight(CREDIT) + i * CREDIT.leading + (CREDIT.leading - CREDIT.size) / 2, 'sidebar', CREDIT)));
      return out;
    },
  };
}

/** The panel's shapes at (x, y): its own rings, not copies, so the render stage can reuse what it made of them. */
function panelElements(panel: MapPanel, x: number, y: number, colors: readonly string[]): PageElement[] {
  const out: PageElement[] = [{ kind: 'rect', x, y, width: panel.width, height: panel.height, fill: MAP_SEA }];
  for (const shape of panel.shapes) {
    const fill = shape.role === 'focus' ? MAP_FOCUS : shape.role === 'land' ? MAP_LAND : colors[shape.group!]!;
    const label = shape.role === 'focus' ? `focus ${shape.countries.join(' ')}` : shape.role === 'land' ? 'land' : `group ${shape.group} ${shape.countries.join(' ')}`;
    out.push({ kind: 'path', x, y, rings: shape.rings, closed: true, fill, stroke: MAP_BORDER, strokeWidth: 0.3, label });
  }
  if (panel.regionOutline) out.push({ kind: 'path', x, y, rings: panel.regionOutline, closed: true, stroke: INK, strokeWidth: 0.6, label: 'region-outline' });
  for (const marker of panel.markers) {
    const fill = marker.role === 'focus' ? MAP_FOCUS : colors[marker.group!]!;
    out.push({ kind: 'path', x, y, rings: [circle(marker.x, marker.y, DOT_RADIUS)], closed: true, fill, stroke: INK, strokeWidth: 0.6, label: `marker ${marker.country}` });
  }
  out.push({ kind: 'rect', x, y, width: panel.width, height: panel.height, stroke: HAIRLINE, strokeWidth: 0.5 });
  return out;
}

/** A dot as a 16-sided polygon: round at two points' radius, and plain rings like everything else on the map. */
function circle(cx: number, cy: number, r: number): number[] {
  const ring: number[] = [];
  for (let i = 0; i < 16; i++) {
    const a = (i * Math.PI) / 8;
    ring.push(Math.round((cx + r * Math.cos(a)) * 100) / 100, Math.round((cy + r * Math.sin(a)) * 100) / 100);
  }
  return ring;
}

interface LegendRow {
  height: number;
  draw(x: number, top: number): PageElement[];
}

/** Legend keys two to a row: short labels, and the rail's height is better spent on the list. */
function legendRows(map: LocatorMap, focus: Country | undefined, statuses: ReadonlyArray<string | undefined>, colors: readonly string[], width: number): LegendRow[] {
  const half = (width - 6) / 2;
  const keys: LegendRow[] = [];
  if (focus) keys.push(swatchRow(`${focus.name} (focus)`, { fill: MAP_FOCUS }, half));
  statuses.forEach((status, i) => keys.push(swatchRow(status ? capitalise(status) : 'Listed country', { fill: colors[i]! }, half)));
  if (map.panels.some((p) => p.markers.length > 0)) keys.push(swatchRow('Too small to show', { dot: true }, half));
  if (map.panels.length > 1) keys.push(swatchRow('Main map’s area', { outline: true }, half));
  const rows: LegendRow[] = [];
  for (let i = 0; i < keys.length; i += 2) {
    const [left, right] = [keys[i]!, keys[i + 1]];
    rows.push({
      height: Math.max(left.height, right?.height ?? 0),
      draw: (x, top) => [...left.draw(x, top), ...(right ? right.draw(x + half + 6, top) : [])],
    });
  }
  return rows;
}

function swatchRow(text: string, swatch: { fill?: string; dot?: boolean; outline?: boolean }, width: number): LegendRow {
  const lines = setText(text, LEGEND, width - SWATCH - 4, { align: 'ragged' });
  return {
    height: lines.length * LEGEND.leading,
    draw(x, top) {
      const baseline = top + capHeight(LEGEND) + (LEGEND.leading - LEGEND.size) / 2;
      const key: PageElement = swatch.dot
        ? { kind: 'path', x, y: baseline, rings: [circle(SWATCH / 2, -SWATCH / 2, DOT_RADIUS)], closed: true, fill: MAP_LAND, stroke: INK, strokeWidth: 0.6, label: 'legend dot' }
        : swatch.outline
          ? { kind: 'rect', x: x + 0.3, y: baseline - SWATCH + 0.3, width: SWATCH - 0.6, height: SWATCH - 0.6, stroke: INK, strokeWidth: 0.6 }
          : { kind: 'rect', x, y: baseline - SWATCH, width: SWATCH, height: SWATCH, fill: swatch.fill! };
      return [key, ...lines.map((line, i) => lineElement(line, x + SWATCH + 4, baseline + i * LEGEND.leading, 'sidebar', LEGEND))];
    },
  };
}

/** One line of small print (the rail has no room for two): the outlines' source and scale. */
function creditText(map: LocatorMap): string {
  const scale = map.panels[0]!.resolution === '50m' ? '1:50m' : '1:110m';
  return `Map: Natural Earth ${scale}; equal-area projections.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

