import { type GeoContext, type GeoPermissibleObjects, type GeoProjection, geoPath } from 'd3-geo';

/**
 * A d3 path context that writes compact SVG path data: points snapped to a grid of `1/scale`
 * units, relative moves, repeated points dropped and rings that collapse below three points
 * left out. On the world map this halves the path against d3's own rounded output.
 */
class CompactPath implements GeoContext {
  private readonly parts: string[] = [];
  private ring: [number, number][] = [];
  constructor(private readonly scale: number) {}

  private snap(x: number, y: number): [number, number] {
    return [Math.round(x * this.scale), Math.round(y * this.scale)];
  }

  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [this.snap(x, y)];
  }

  lineTo(x: number, y: number): void {
    const p = this.snap(x, y);
    const last = this.ring[this.ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) this.ring.push(p);
  }

  closePath(): void {
    this.flush();
  }

  beginPath(): void {
    // Each ring starts with moveTo; nothing to reset.
  }

  arc(): void {
    // Points are never drawn as circles here: markers are separate elements.
  }

  private flush(): void {
    const ring = this.ring;
    this.ring = [];
    if (ring.length < 3) return;
    const f = (n: number) => String(n / this.scale);
    let d = `M${f(ring[0][0])} ${f(ring[0][1])}l`;
    for (let i = 1; i < ring.length; i++) {
      const dx = f(ring[i][0] - ring[i - 1][0]);
      const dy = f(ring[i][1] - ring[i - 1][1]);
      // A minus sign separates numbers by itself, so the space is only needed before positives.
      d += `${i === 1 || dx.startsWith('-') ? '' : ' '}${dx}${dy.startsWith('-') ? '' : ' '}${dy}`;
    }
    this.parts.push(`${d}z`);
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}

/**
 * SVG path data of a geometry under a projection, rounded to `1/scale` units.
 * @example compactPath(projection, worldLand(), 1) // 'M398 481l0 1-4 0…z…'
 */
export function compactPath(projection: GeoProjection, object: GeoPermissibleObjects, scale = 1): string {
  const context = new CompactPath(scale);
  geoPath(projection, context)(object);
  return context.toString();
}
