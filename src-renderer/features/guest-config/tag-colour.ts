// PVE's default tag colours: a hash of the tag name, lightened towards white, with black or white text by luminance.
export interface TagColour {
  background: string;
  color: string;
}

/** The same derivation as the PVE web GUI (Proxmox.Utils.stringToRGB), so a tag looks alike in both tools. */
export function tagColour(tag: string): TagColour {
  let hash = 0;
  const s = `${tag}prox`;
  for (let i = 0; i < s.length; i++) hash = (s.charCodeAt(i) + ((hash << 5) - hash)) | 0;
  const alpha = 0.7;
  const channel = (shift: number): number => Math.round(((hash >> shift) & 255) * alpha + 255 * (1 - alpha));
  const [r, g, b] = [channel(0), channel(8), channel(16)];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return { background: `rgb(${r}, ${g}, ${b})`, color: luminance > 0.5 ? '#000' : '#fff' };
}
