// In the inspector, while comparing: the fields of the selected object that changed since the
// plan compared with, old → new; or that the object is new.
import { useAppStore } from '../../store/app-store';
import { selectCompareLabel } from '../../store/selectors';
import { showValue } from '../changes/lines';

export function ChangedFields({ id }: { id: string }) {
  const mark = useAppStore((s) => s.compare?.marks[id]);
  const change = useAppStore((s) => s.compare?.changedById[id]);
  const since = useAppStore(selectCompareLabel);
  if (!mark || since === undefined) return null;
  if (mark === 'added')
    return (
      <section className="cc-changed-fields is-added" aria-label="Changes">
        <h3>Added since {since}</h3>
      </section>
    );
  if (!change) return null;
  return (
    <section className="cc-changed-fields" aria-label="Changes">
      <h3>Changed since {since}</h3>
      <table>
        <tbody>
          {change.fields.map((f) => (
            <tr key={f.field} data-field={f.field}>
              <th scope="row">{f.field}</th>
              <td>
                <del>{showValue(f.before)}</del> → <ins>{showValue(f.after)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
