// What a feature hands the app shell: its nav entry (registry.ts) and, for per-guest panels, a guest tab (guest-tabs.tsx).
// Types only, so features, the registries and the views can all import it without import circles.
import type { ComponentType, ReactNode } from 'react';
import type { GuestRecord } from '../../src-shared/model/inventory.js';

export interface FeatureEntry {
  /** Stable id: used in data-testid="nav-<id>" / "view-<id>" and as the view key. */
  id: string;
  label: string;
  /** One-character glyph shown in the nav; keeps the bundle free of icon fonts and remote assets. */
  glyph: string;
  /** Shown while the feature has no view yet. */
  summary: string;
  view?: ComponentType;
}

/** A tab of the guest view; each gets the guest record. */
export interface GuestTab {
  id: string;
  label: string;
  render?(g: GuestRecord): ReactNode;
}
