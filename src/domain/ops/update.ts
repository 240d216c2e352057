// The `update` op typed by collection: `set` names only fields the collection's objects have,
// each with its own type, so a misspelt field or a wrong value fails to compile. On the wire it
// is the same plain JSON it always was ({ op, collection, id, set, unset? }).
import type { Collection, Plan } from '../model/plan';

/** The object a collection holds: ItemOf<'vpcs'> is Vpc. */
export type ItemOf<C extends Collection> = Plan[C][number];

/** The fields an update may name: all but the id, which never changes. */
export type FieldOf<C extends Collection> = Exclude<keyof ItemOf<C>, 'id'> & string;

/** The fields an update may delete: the optional ones (a required field cannot be absent). */
export type OptionalFieldOf<C extends Collection> = {
  [K in FieldOf<C>]-?: object extends Pick<ItemOf<C>, K> ? K : never;
}[FieldOf<C>];

/** Values for some of a collection's fields. */
export type FieldsOf<C extends Collection> = { readonly [K in FieldOf<C>]?: ItemOf<C>[K] };

export type UpdateOp = {
  [C in Collection]: {
    readonly op: 'update';
    readonly collection: C;
    readonly id: string;
    /** Fields to set. */
    readonly set: FieldsOf<C>;
    /** Fields to delete. */
    readonly unset?: readonly OptionalFieldOf<C>[];
  };
}[Collection];

/** The update of one collection's objects. */
export type UpdateOf<C extends Collection> = Extract<UpdateOp, { readonly collection: C }>;

/**
 * An update whose field names are known only at run time, the one place the compiler does not
 * check `set`: a generic field editor writing a value its field's schema accepted, a merge or
 * an undo copying fields an object already had (unknown fields a plan's author added included),
 * a rule's suggestion naming a field. Callers vouch for the names and values.
 */
export function untypedUpdate(
  collection: Collection,
  id: string,
  set: Readonly<Record<string, unknown>>,
  unset?: readonly string[],
): UpdateOp {
  // eslint-disable-next-line no-restricted-syntax -- the one door for fields known at run time
  return { op: 'update', collection, id, set, ...(unset ? { unset } : {}) } as UpdateOp;
}
