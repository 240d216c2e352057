// What each kind of object is called on screen, in one place: the command bar, the Changes
// panel and the ghosts of removed objects each had their own copy.
import type { DiffKind } from '../domain/diff/objects';
import { OBJECT_KINDS } from '../domain/model/kinds';
import { UI_KINDS } from './kinds';

export const KIND_WORDS: Readonly<Record<DiffKind, string>> = {
  ...(Object.fromEntries(OBJECT_KINDS.map((k) => [k, UI_KINDS[k].title])) as Record<
    (typeof OBJECT_KINDS)[number],
    string
  >),
  reservation: 'Reservation',
  comment: 'Comment',
};
