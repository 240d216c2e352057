// Under the toolbar on a workspace plan: why the connection was refused, and the parts of the
// shared plan that do not read (someone wrote what is not a plan): left out, listed where they are.
import { useAppStore } from '../../store/app-store';

export function LiveBanner() {
  const live = useAppStore((s) => s.live);
  if (!live) return null;
  const { status, message, problems } = live;
  if (status !== 'refused' && problems.length === 0) return null;
  return (
    <div className="cc-banner cc-banner--error" role="alert">
      {status === 'refused' && <p>{message ?? 'The workspace refused the connection'}</p>}
      {problems.length > 0 && (
        <>
          <p>
            {problems.length === 1 ? 'One part' : `${problems.length} parts`} of this shared plan
            cannot be read and {problems.length === 1 ? 'is' : 'are'} left out; everything else is
            here. Fix {problems.length === 1 ? 'it' : 'them'} or restore an earlier version.
          </p>
          <ul className="cc-live-problems">
            {problems.slice(0, 5).map((p) => (
              <li key={`${p.path}${p.id ?? ''}`}>
                <code>{p.path}</code>
                {p.id ? ` (${p.id})` : ''}: {p.message}
              </li>
            ))}
            {problems.length > 5 && <li>and {problems.length - 5} more</li>}
          </ul>
        </>
      )}
    </div>
  );
}
