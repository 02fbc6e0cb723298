import { html, raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { type HitArea, sharedHitAreas } from './hit-areas.ts';
import type { MapFrame } from './world-map.ts';

/** A place drawn on a map: a circle whose area grows with `count`, linking to `href`. */
export interface MapMarker {
  lon: number;
  lat: number;
  count: number;
  href: string;
  /** Accessible name and tooltip, e.g. "Turin, Italy: 3 practices". */
  label: string;
  /** Shown as text beside the marker on small maps. */
  name?: string;
}

/**
 * Marker radius with area proportional to the count; the largest marker is capped so that a
 * city with hundreds of practices does not cover a continent.
 * @example markerRadius(4, 16, 'world') // 10
 */
export function markerRadius(count: number, max: number, kind: MapFrame['kind']): number {
  const base = kind === 'world' ? 5 : 8;
  const cap = kind === 'world' ? 32 : 28;
  const unit = Math.min(base, cap / Math.sqrt(Math.max(1, max)));
  return Math.round(unit * Math.sqrt(count) * 10) / 10;
}

/**
 * Radii of the markers' tap targets, in SVG units, per map and screen width: a finger needs
 * about 44 CSS px, WCAG 2.5.8 at least 24. The world map (1000 units wide) is about 330 px wide
 * on a 360 px phone and up to 1120 px on a desktop, so it has a layer for each and the
 * stylesheet shows one; a local map (480 units) is about 330 px wide on every screen.
 */
const hitRadii: Record<MapFrame['kind'], { layer: 'narrow' | 'wide'; radius: number }[]> = {
  world: [
    { layer: 'narrow', radius: 67 },
    { layer: 'wide', radius: 22 },
  ],
  local: [{ layer: 'wide', radius: 32 }],
};

/** An invisible tap target around a marker, as markup: it never overlaps another marker's. Its values are numbers and a path of numbers. */
function hitShape(area: HitArea, layer: string): string {
  return 'circle' in area
    ? `<circle class="marker-hit marker-hit--${layer}" cx="${area.circle.cx}" cy="${area.circle.cy}" r="${area.circle.r}"></circle>`
    : `<path class="marker-hit marker-hit--${layer}" d="${area.path}"></path>`;
}

/**
 * One marker: a link named by its label, its tap targets, its circle. Written as a template,
 * not JSX: a map draws hundreds, and as JSX each was a dozen nodes to build and serialise.
 */
function markerLink(m: MapMarker, at: [number, number], r: number, shapes: string) {
  return html`<a href="${m.href}" aria-label="${m.label}"><title>${m.label}</title>${raw(shapes)}<circle class="marker" cx="${at[0]}" cy="${at[1]}" r="${r}"></circle></a>`;
}

type Box = [number, number, number, number];

/** Where a marker's name goes: beside it to the right, else to the left, as a box and an anchor. */
function nameBoxes(x: number, y: number, r: number, name: string): { box: Box; anchor: 'start' | 'end'; tx: number }[] {
  // 15px bold system font: about 8.5 units per character.
  const w = name.length * 8.5;
  return [
    { box: [x + r + 3, y - 9, x + r + 4 + w, y + 7], anchor: 'start', tx: x + r + 4 },
    { box: [x - r - 4 - w, y - 9, x - r - 3, y + 7], anchor: 'end', tx: x - r - 4 },
  ];
}

/** Names for the biggest markers first, each on the side where it fits and overlaps no other name. */
function placeNames(placed: { m: MapMarker; at: [number, number]; r: number }[], width: number, height: number) {
  // Names keep clear of every marker, not only of each other.
  const taken: Box[] = placed.map(({ at, r }) => [at[0] - r, at[1] - r, at[0] + r, at[1] + r]);
  const names: { x: number; y: number; anchor: 'start' | 'end'; name: string }[] = [];
  for (const { m, at, r } of placed) {
    if (!m.name) continue;
    const spot = nameBoxes(at[0], at[1], r, m.name).find(
      ({ box }) =>
        box[0] >= 0 &&
        box[2] <= width &&
        box[1] >= 0 &&
        box[3] <= height &&
        !taken.some((t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]),
    );
    if (!spot) continue;
    taken.push(spot.box);
    names.push({ x: Math.round(spot.tx * 10) / 10, y: Math.round((at[1] + 5) * 10) / 10, anchor: spot.anchor, name: m.name });
  }
  return names;
}

/**
 * A map as inline SVG: land, an optional highlighted country, and linked markers (largest
 * first, so small ones stay on top and clickable), each with an invisible tap target larger
 * than its circle. The markers are links with names, so the
 * SVG is a labelled group rather than role="img", which would hide them from screen readers.
 */
export const MapSvg: FC<{ frame: MapFrame; markers: MapMarker[]; id: string; title: string; description?: string; extraClass?: string }> = ({
  frame,
  markers,
  id,
  title,
  description,
  extraClass,
}) => {
  const max = Math.max(1, ...markers.map((m) => m.count));
  const placed = markers
    .map((m) => ({ m, at: frame.project(m.lon, m.lat), r: markerRadius(m.count, max, frame.kind) }))
    .filter((p): p is { m: MapMarker; at: [number, number]; r: number } => p.at !== undefined)
    .sort((a, b) => b.m.count - a.m.count);
  const hits = hitRadii[frame.kind].map(({ layer, radius }) => ({
    layer,
    areas: sharedHitAreas(
      placed.map((p) => p.at),
      radius,
    ),
  }));
  const labelledBy = description ? `${id}-title ${id}-desc` : `${id}-title`;
  return (
    <svg
      id={id}
      class={`world-map world-map--${frame.kind}${extraClass ? ` ${extraClass}` : ''}`}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      role="group"
      aria-labelledby={labelledBy}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      {description && <desc id={`${id}-desc`}>{description}</desc>}
      <path class="land" d={frame.land} />
      {frame.focus && <path class="land land--focus" d={frame.focus} />}
      {placed.map(({ m, at, r }, i) => markerLink(m, at, r, hits.map(({ layer, areas }) => hitShape(areas[i], layer)).join('')))}
      {placeNames(placed, frame.width, frame.height).map((n) => (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG text is not focusable; the names are in the table beside the map.
        <text class="map-label" x={n.x} y={n.y} text-anchor={n.anchor} aria-hidden="true">
          {n.name}
        </text>
      ))}
    </svg>
  );
};
