import data from './generated/fact-base.json';
import type { FactBase } from './types';

/** The compiled fact base (written by `npm run facts`, validated there). */
export const factBase = data as unknown as FactBase;
