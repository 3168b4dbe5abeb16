import type { Category } from './types';

/** Reader-facing names for categories, in the order the popup shows them. */
export const CATEGORY_LABELS: Record<Category, string> = {
  spacecraft: 'Spacecraft',
  mission: 'Missions',
  instrument: 'Instruments',
  camera: 'Cameras',
  place: 'Places',
  organization: 'Organizations',
  person: 'People',
  event: 'Events',
  recording: 'Recordings',
  term: 'From your reading',
};

/** The singular, for one entity: "Place". */
export const CATEGORY_NAMES: Record<Category, string> = {
  spacecraft: 'Spacecraft',
  mission: 'Mission',
  instrument: 'Instrument',
  camera: 'Camera',
  place: 'Place',
  organization: 'Organization',
  person: 'Person',
  event: 'Event',
  recording: 'Recording',
  term: 'From your reading',
};
